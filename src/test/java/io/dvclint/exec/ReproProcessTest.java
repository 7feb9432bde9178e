package io.dvclint.exec;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.CliProcess;
import io.dvclint.CliProcess.Run;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code dvclint repro} as a separate process, as CI runs it: stopped by SIGTERM, sharing the project lock with
 * another process, inside GitHub Actions, writing a JUnit report.
 */
class ReproProcessTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(dir.resolve(".dvc"));
        write(dir, ".dvc/config", "[core]\n    no_scm = True\n");
        write(dir, "data.txt", "raw\n");
    }

    static Process start(Path cwd, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CliProcess.script().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(cwd.resolve("repro.out").toFile()).redirectError(cwd.resolve("repro.err").toFile());
        pb.environment().remove("GITHUB_ACTIONS");
        pb.environment().putAll(env);
        return pb.start();
    }

    static void awaitFile(Path file, Process p) throws Exception {
        for (int i = 0; i < 600 && !Files.exists(file); i++) {
            assertTrue(p.isAlive(), "dvclint ended before " + file.getFileName() + " appeared");
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), file + " never appeared");
    }

    @Test
    void sigtermKillsTheRunningStagesProcessesAndKeepsTheFinishedStagesLock() throws Exception {
        write(dir, "dvc.yaml", """
                stages:
                  first:
                    cmd: cp data.txt first.txt
                    deps: [data.txt]
                    outs: [first.txt]
                  long:
                    cmd: sh -c 'sleep 60 & echo $! > child.pid; wait'
                    deps: [first.txt]
                    outs: [long.txt]
                """);
        Process p = start(dir, Map.of(), "repro");
        awaitFile(dir.resolve("child.pid"), p);
        Thread.sleep(100); // the pid is written before `wait`: let the shell reach it
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the grandchild runs");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(130, p.exitValue(), Files.readString(dir.resolve("repro.err")));
        Optional<ProcessHandle> h = ProcessHandle.of(child);
        for (int i = 0; i < 100 && h.map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(50);
        assertFalse(h.map(ProcessHandle::isAlive).orElse(false), "the stage's whole process tree was killed");
        String lock = Files.readString(dir.resolve("dvc.lock"));
        assertTrue(lock.contains("  first:\n") && !lock.contains("  long:\n"), lock);
        assertFalse(Files.exists(dir.resolve("long.txt")));

        write(dir, "dvc.yaml", Files.readString(dir.resolve("dvc.yaml")).replace(
                "sh -c 'sleep 60 & echo $! > child.pid; wait'", "cp first.txt long.txt"));
        Run again = CliProcess.run(dir, Map.of(), List.of("repro"));
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("Stage 'first' didn't change, skipping"), again.out());
        assertTrue(again.out().contains("Running stage 'long'"), again.out());
    }

    @Test
    void anotherProcessHoldingTheProjectLockIsWaitedForOrRefusedAfterTheTimeout() throws Exception {
        write(dir, "dvc.yaml", "stages:\n  copy:\n    cmd: cp data.txt copy.txt\n    deps: [data.txt]\n"
                + "    outs: [copy.txt]\n");
        Files.createDirectories(dir.resolve(".dvc/tmp"));
        Path lockFile = dir.resolve(".dvc/tmp/lock");
        Path held = dir.resolve("held");
        Process holder = new ProcessBuilder("flock", lockFile.toString(), "sh", "-c", "touch held; sleep 30")
                .directory(dir.toFile()).start();
        try {
            awaitFile(held, holder);
            Run refused = CliProcess.run(dir, Map.of("DVCLINT_LOCK_TIMEOUT", "1"), List.of("repro"));
            assertEquals(1, refused.exit(), refused.err());
            assertTrue(refused.err().contains("dvclint: waiting for another dvc or dvclint process to release"),
                    refused.err());
            assertTrue(refused.err().contains("unable to acquire the project lock"), refused.err());
            assertFalse(Files.exists(dir.resolve("copy.txt")), "nothing ran");
            assertFalse(Files.exists(dir.resolve("dvc.lock")));
        } finally {
            holder.descendants().forEach(ProcessHandle::destroy); // the shell and its sleep hold the lock too
            holder.destroy();
            holder.waitFor();
        }
        Process shortHolder = new ProcessBuilder("flock", lockFile.toString(), "sh", "-c", "touch held2; sleep 1")
                .directory(dir.toFile()).start();
        awaitFile(dir.resolve("held2"), shortHolder);
        Run waited = CliProcess.run(dir, Map.of("DVCLINT_LOCK_TIMEOUT", "20"), List.of("repro"));
        assertEquals(0, waited.exit(), waited.err());
        assertTrue(waited.err().contains("waiting for another dvc or dvclint process"), waited.err());
        assertTrue(Files.exists(dir.resolve("copy.txt")));
        assertFalse(shortHolder.isAlive(), "it ran only after the other process let go");
    }

    static final String FAILING = """
            stages:
              ok:
                cmd: echo fine > ok.txt
                outs: [ok.txt]
              broken:
                cmd: echo 'about to fail' && exit 7
                deps: [ok.txt]
                outs: [broken.txt]
              after:
                cmd: cp broken.txt after.txt
                deps: [broken.txt]
                outs: [after.txt]
            """;

    @Test
    void insideGithubActionsEachStageIsAGroupAndAFailureAnAnnotationAtItsCommand() throws Exception {
        write(dir, "dvc.yaml", FAILING);
        Run r = CliProcess.run(dir, Map.of("GITHUB_ACTIONS", "true"), List.of("repro"));
        assertEquals(1, r.exit(), r.err());
        String all = r.out() + r.err();
        assertTrue(r.out().contains("::group::Stage 'ok'\n"), r.out());
        assertTrue(r.out().contains("::group::Stage 'broken'\nRunning stage 'broken':\n"
                + "> echo 'about to fail' && exit 7\nabout to fail\n::endgroup::\n"), r.out());
        assertTrue(all.contains("::error file=dvc.yaml,line=6,col=10,title=dvclint repro%3A stage 'broken' failed::"
                + "failed to reproduce 'broken'"), all);
        assertFalse(all.contains("::group::Stage 'after'"), "after never started");
    }

    @Test
    void theJunitReportHasOneCasePerPlannedStage() throws Exception {
        write(dir, "dvc.yaml", FAILING);
        Run r = CliProcess.run(dir, Map.of(), List.of("repro", "--junit", "reports/repro.xml"));
        assertEquals(1, r.exit(), r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("reports/repro.xml").toFile());
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        assertEquals("3", suites.getAttribute("tests"));
        assertEquals("1", suites.getAttribute("failures"));
        assertEquals("1", suites.getAttribute("skipped"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element ok = (Element) cases.item(0), broken = (Element) cases.item(1), after = (Element) cases.item(2);
        assertEquals("ok", ok.getAttribute("name"));
        assertEquals(0, ok.getElementsByTagName("failure").getLength());
        assertEquals("broken", broken.getAttribute("name"));
        Element failure = (Element) broken.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith("failed to reproduce 'broken'"),
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("about to fail"), "the output's tail");
        assertEquals("after", after.getAttribute("name"));
        assertEquals(1, after.getElementsByTagName("skipped").getLength());
    }

    @Test
    void withoutFlockTheRunIsRefusedWithAClearMessage() throws Exception {
        write(dir, "dvc.yaml", "stages:\n  copy:\n    cmd: cp data.txt copy.txt\n    outs: [copy.txt]\n");
        Path empty = Files.createDirectories(dir.resolve("empty-path"));
        Run r = CliProcess.run(dir, Map.of("PATH", empty.toString()), List.of("repro"));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("dvclint: the project lock needs the 'flock' command (util-linux)"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(Files.exists(dir.resolve("copy.txt")));
    }
}
