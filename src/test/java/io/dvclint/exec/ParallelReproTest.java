package io.dvclint.exec;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repro -j N}: when stages start and end, read from the times their commands write (nanoseconds from
 * {@code date}), and the dvc.lock a parallel run leaves against a serial one's.
 */
class ParallelReproTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(dir.resolve(".dvc"));
        Files.createDirectories(dir.resolve("times"));
        write(dir, ".dvc/config", "[core]\n    no_scm = True\n");
        write(dir, "data.txt", "raw\n");
    }

    /** A stage that records when it started and ended around {@code body}, then writes {@code NAME.txt}. */
    static String stage(String name, String body, String deps) {
        return "  " + name + ":\n    cmd: date +%s%N > times/" + name + ".start && " + body + " && date +%s%N > times/"
                + name + ".end && echo " + name + " > " + name + ".txt\n" + (deps.isEmpty() ? "" : "    deps: ["
                + deps + "]\n") + "    outs: [" + name + ".txt]\n";
    }

    long time(String name, String edge) throws Exception {
        return Long.parseLong(Files.readString(dir.resolve("times/" + name + "." + edge)).trim());
    }

    @Test
    void independentStagesOverlapAndAStageStartsOnlyAfterItsUpstreamEnded() throws Exception {
        write(dir, "dvc.yaml", "stages:\n" + stage("a", "sleep 0.6", "data.txt") + stage("b", "sleep 0.6", "data.txt")
                + stage("c", "sleep 0.1", "a.txt, b.txt"));
        Run r = cli(dir, "repro", "-j", "2");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(time("b", "start") < time("a", "end") && time("a", "start") < time("b", "end"),
                "a and b ran at the same time");
        assertTrue(time("c", "start") >= time("a", "end") && time("c", "start") >= time("b", "end"),
                "c started after both its upstream stages ended");
    }

    @Test
    void aChainRunsInOrderWhateverTheJobs() throws Exception {
        write(dir, "dvc.yaml", "stages:\n" + stage("a", "sleep 0.2", "data.txt") + stage("b", "sleep 0.2", "a.txt")
                + stage("c", "true", "b.txt"));
        assertEquals(0, cli(dir, "repro", "-j", "4").exit());
        assertTrue(time("a", "end") <= time("b", "start") && time("b", "end") <= time("c", "start"));
    }

    @Test
    void oneJobRunsOneStageAtATime() throws Exception {
        write(dir, "dvc.yaml", "stages:\n" + stage("a", "sleep 0.3", "data.txt") + stage("b", "sleep 0.3", "data.txt"));
        assertEquals(0, cli(dir, "repro", "-j", "1").exit());
        assertTrue(time("a", "end") <= time("b", "start"), "planned order, one at a time");
    }

    @Test
    void aFailureStartsNothingNewButLetsRunningStagesFinish() throws Exception {
        write(dir, "dvc.yaml", "stages:\n" + stage("fail", "exit 4", "data.txt") + stage("slow", "sleep 0.8", "data.txt")
                + stage("x", "true", "data.txt") + stage("y", "true", "data.txt"));
        Run r = cli(dir, "repro", "-j", "2");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("ERROR: failed to reproduce 'fail'"), r.err());
        assertTrue(Files.exists(dir.resolve("times/slow.end")), "the stage already running finished");
        assertFalse(Files.exists(dir.resolve("times/x.start")), "nothing started after the failure");
        assertFalse(Files.exists(dir.resolve("times/y.start")));
        String lock = Files.readString(dir.resolve("dvc.lock"));
        assertTrue(lock.contains("  slow:\n") && !lock.contains("  fail:\n"), "the finished stage is locked: " + lock);
    }

    @Test
    void theLockOfAParallelRunIsTheSerialRunsByteForByte() throws Exception {
        String pipeline = "stages:\n" + stage("d", "true", "b.txt, c.txt") + stage("b", "sleep 0.3", "a.txt")
                + stage("c", "true", "a.txt") + stage("a", "true", "data.txt") + stage("e", "sleep 0.1", "data.txt");
        write(dir, "dvc.yaml", pipeline);
        assertEquals(0, cli(dir, "repro", "-j", "1").exit());
        String serial = Files.readString(dir.resolve("dvc.lock"));
        for (String out : new String[] {"a", "b", "c", "d", "e"}) Files.delete(dir.resolve(out + ".txt"));
        Files.delete(dir.resolve("dvc.lock"));
        Run r = cli(dir, "repro", "-j", "3", "--no-run-cache");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(serial, Files.readString(dir.resolve("dvc.lock")));
    }

    @Test
    void groupedOutputKeepsEachStagesLinesTogether() throws Exception {
        write(dir, "dvc.yaml", "stages:\n"
                + "  a:\n    cmd: echo a1 && sleep 0.3 && echo a2 && touch a.txt\n    outs: [a.txt]\n"
                + "  b:\n    cmd: echo b1 && sleep 0.1 && echo b2 && touch b.txt\n    outs: [b.txt]\n");
        Run r = cli(dir, "repro", "-j", "2", "--output", "grouped");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Output of stage 'a':\na1\na2\n")
                && r.out().contains("Output of stage 'b':\nb1\nb2\n"), r.out());
        Run p = cli(dir, "repro", "-f", "-j", "2", "--output", "prefixed");
        assertTrue(p.out().contains("[a] a1\n") && p.out().contains("[b] b2\n"), p.out());
    }

    @Test
    void overlappingOutputsNeverRunAtAllLetAloneAtOnce() throws Exception {
        write(dir, "dvc.yaml", "stages:\n"
                + "  a:\n    cmd: mkdir -p out && echo a > out/a.txt && touch times/a.start\n    outs: [out]\n"
                + "  b:\n    cmd: mkdir -p out && echo b > out/b.txt && touch times/b.start\n    outs: [out/b.txt]\n");
        for (String[] args : new String[][] {{"repro", "-j", "4"}, {"repro", "-j", "4", "--no-lint"}}) {
            Run r = cli(dir, args);
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("output 'out/b.txt' of stage 'b' lies inside output 'out' of stage 'a'"),
                    r.err());
            assertFalse(Files.exists(dir.resolve("times/a.start")) || Files.exists(dir.resolve("times/b.start")));
        }
    }
}
