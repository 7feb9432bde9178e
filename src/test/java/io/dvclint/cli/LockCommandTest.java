package io.dvclint.cli;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dvclint lock entry|merge|begin|finish} on a small project with a second dvc.yaml. */
class LockCommandTest {
    @TempDir
    Path tmp;

    /** Stages defined after the stage that reads their outputs: a serial run appends b, a, report, c, then copy. */
    private Path project(String name) {
        Path dir = tmp.resolve(name);
        write(dir, ".dvc/config", "");
        write(dir, "params.yaml", "report:\n  title: Results\n  cols: {z: 1, a: 2}\n");
        write(dir, "dvc.yaml", """
                stages:
                  report:
                    cmd: cat b.txt a.txt > r.txt
                    deps: [b.txt, a.txt]
                    params: [report]
                    outs: [r.txt]
                  a:
                    cmd: echo a > a.txt
                    outs: [a.txt]
                  b:
                    cmd: echo b > b.txt
                    outs: [b.txt]
                  c:
                    cmd: echo c > c.txt
                    outs: [c.txt]
                """);
        write(dir, "sub/dvc.yaml", """
                stages:
                  copy:
                    cmd: cp ../a.txt a-copy.txt
                    deps: [../a.txt]
                    outs: [a-copy.txt]
                """);
        return dir;
    }

    private static Run ok(Path dir, String... args) {
        Run r = cli(dir, args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err() + r.out());
        return r;
    }

    @Test
    void entriesOfSeparateRunsMergeIntoTheBytesOfOneSerialRun() throws IOException {
        Path serial = project("serial");
        ok(serial, "repro", "-P");
        assertEquals("b a report c copy".replace(' ', '\n'), String.join("\n", stagesOf(serial.resolve("dvc.lock"),
                serial.resolve("sub/dvc.lock"))));

        // each stage in a copy of its own, given the files it reads; entries in the order of a serial run
        Path run = project("run");
        for (String s : List.of("c", "a", "sub/dvc.yaml:copy", "b", "report")) ok(run, "repro", "-s", s);
        StringBuilder lines = new StringBuilder();
        for (String s : List.of("b", "a", "report", "c", "sub/dvc.yaml:copy")) {
            lines.append(ok(run, "lock", "entry", s).out());
        }
        assertTrue(lines.toString().startsWith("{\"stage\": \"b\", \"entry\": {\"cmd\": \"echo b > b.txt\""),
                lines.toString());
        assertTrue(lines.toString().contains("\"cols\": {\"z\": 1, \"a\": 2}"), "mappings keep their order");
        write(tmp, "entries.jsonl", lines.toString());

        Path merged = project("merged");
        Run m = ok(merged, "lock", "merge", tmp.resolve("entries.jsonl").toString());
        assertTrue(m.err().contains("Updating lock file 'dvc.lock'"), m.err());
        assertTrue(m.err().contains("Updating lock file 'sub/dvc.lock'"), m.err());
        assertEquals(Files.readString(serial.resolve("dvc.lock")), Files.readString(merged.resolve("dvc.lock")));
        assertEquals(Files.readString(serial.resolve("sub/dvc.lock")),
                Files.readString(merged.resolve("sub/dvc.lock")));
        // merging again changes nothing
        Run again = ok(merged, "lock", "merge", tmp.resolve("entries.jsonl").toString());
        assertEquals("", again.err());
    }

    @Test
    void entryWritesOneLineOrAQuotedOneAndNullWithoutALock() throws IOException {
        Path dir = project("p");
        assertEquals("{\"stage\": \"a\", \"entry\": null}\n", ok(dir, "lock", "entry", "a").out());
        ok(dir, "repro", "-s", "a");
        ok(dir, "lock", "entry", "a", "-o", "e.json");
        String line = Files.readString(dir.resolve("e.json"));
        assertTrue(line.startsWith("{\"stage\": \"a\", \"entry\": {\"cmd\": \"echo a > a.txt\", \"outs\": [{\"path\": "
                + "\"a.txt\", \"hash\": \"md5\", \"md5\": \"60b725f10c9c85c70d97880dfe8191b3\", \"size\": 2}]}}\n"),
                line);
        String quoted = ok(dir, "lock", "entry", "a", "--quoted").out();
        assertEquals("\"" + line.strip().replace("\"", "\\\"") + "\"\n", quoted);
        assertEquals(line, ok(dir.resolve("sub"), "lock", "entry", "a").out().replace("sub/", ""),
                "a bare name is a stage of the root dvc.yaml");
        assertTrue(ok(dir, "lock", "entry", "sub/dvc.yaml:copy").out().startsWith(
                "{\"stage\": \"sub/dvc.yaml:copy\", \"entry\": null}"));
    }

    @Test
    void usageAndBrokenInput() {
        Path dir = project("p");
        assertEquals(2, cli(dir, "lock").exit());
        assertEquals(2, cli(dir, "lock", "entry").exit());
        Run none = cli(dir, "lock", "entry", "nope");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("'nope' does not exist"), none.err());
        Run all = cli(dir, "lock", "entry", "dvc.yaml");
        assertEquals(2, all.exit());
        assertTrue(all.err().contains("names 4 stages"), all.err());

        write(dir, "bad.jsonl", "{\"stage\": \"a\", \"entry\": null}\nNone\n");
        Run bad = cli(dir, "lock", "merge", "bad.jsonl");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("bad.jsonl: line 2: not JSON"), bad.err());
        write(dir, "gone.jsonl", "{\"stage\": \"gone\", \"entry\": {\"cmd\": \"x\"}}\n");
        Run gone = cli(dir, "lock", "merge", "gone.jsonl");
        assertEquals(1, gone.exit());
        assertTrue(gone.err().contains("no stage 'gone' in this project"), gone.err());
        assertEquals(2, cli(dir, "lock", "merge", "missing.jsonl").exit());
        assertFalse(Files.exists(dir.resolve("dvc.lock")));

        Run finish = cli(dir, "lock", "finish", "a");
        assertEquals(1, finish.exit());
        assertTrue(finish.err().contains("run 'dvclint lock begin' before the stages"), finish.err());
        write(dir, "dvc.lock", "stages: [broken\n");
        write(dir, "a.jsonl", "{\"stage\": \"a\", \"entry\": {\"cmd\": \"x\"}}\n");
        Run broken = cli(dir, "lock", "merge", "a.jsonl");
        assertEquals(1, broken.exit());
        assertTrue(broken.err().contains("unable to read dvc.lock"), broken.err());
        assertEquals(1, cli(dir, "lock", "entry", "a").exit());

        Path plain = tmp.resolve("no-dvc");
        write(plain, "dvc.yaml", "stages:\n  a:\n    cmd: echo a > a.txt\n    outs: [a.txt]\n");
        Run begin = cli(plain, "lock", "begin");
        assertEquals(2, begin.exit());
        assertTrue(begin.err().contains("no DVC project here"), begin.err());
        assertFalse(Files.exists(plain.resolve(".dvc")));
    }

    @Test
    void finishPutsNewEntriesInTheRunsOrderAndLeavesRecordedOnesInPlace() throws IOException {
        Path serial = project("serial");
        ok(serial, "repro", "-s", "a");
        ok(serial, "repro", "-s", "sub/dvc.yaml:copy");
        ok(serial, "repro", "-P");

        Path run = project("run");
        ok(run, "repro", "-s", "a");
        ok(run, "repro", "-s", "sub/dvc.yaml:copy");
        ok(run, "lock", "begin");
        assertEquals("{\"dvc.lock\": [\"a\"], \"sub/dvc.lock\": [\"copy\"]}\n",
                Files.readString(run.resolve(".dvc/tmp/dvclint/lock-begin.json")));
        // the processes finish in another order than a serial run's b, a, report, c
        for (String s : List.of("c", "b", "report")) ok(run, "repro", "-s", s);
        assertEquals(List.of("a", "c", "b", "report", "copy"),
                stagesOf(run.resolve("dvc.lock"), run.resolve("sub/dvc.lock")));
        Run f = ok(run, "lock", "finish", "b", "a", "report", "c", "sub/dvc.yaml:copy", "gone");
        assertTrue(f.err().contains("warning: 'gone' does not exist"), f.err());
        assertEquals(Files.readString(serial.resolve("dvc.lock")), Files.readString(run.resolve("dvc.lock")));
        assertEquals(Files.readString(serial.resolve("sub/dvc.lock")), Files.readString(run.resolve("sub/dvc.lock")));

        // a first run: no dvc.lock at the start
        Path first = project("first");
        ok(first, "lock", "begin");
        for (String s : List.of("a", "sub/dvc.yaml:copy", "c", "b", "report")) ok(first, "repro", "-s", s);
        ok(first, "lock", "finish", "b", "a", "report", "c", "sub/dvc.yaml:copy");
        Path fresh = project("fresh");
        ok(fresh, "repro", "-P");
        assertEquals(Files.readString(fresh.resolve("dvc.lock")), Files.readString(first.resolve("dvc.lock")));
        // finishing again changes nothing
        assertEquals("", ok(first, "lock", "finish", "b", "a", "report", "c", "sub/dvc.yaml:copy").err());
    }

    private static List<String> stagesOf(Path... locks) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (Path l : locks) out.addAll(io.dvclint.exec.lock.LockFileWriter.stageNames(Files.readString(l)));
        return out;
    }
}
