package io.dvclint.cli;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import io.dvclint.findings.Findings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speculative lint changes nothing but timing: same exit code, same output, whatever the arguments. */
class SpeculationTest {
    @TempDir
    Path dir;

    java.util.function.Function<String, String> savedEnv;

    @BeforeEach
    void outsideGithubActions() {
        savedEnv = LintCommand.env;
        LintCommand.env = k -> null;
    }

    @AfterEach
    void restoreEnv() {
        LintCommand.env = savedEnv;
    }

    private void projects() throws Exception {
        // p1: an error (duplicate output) and a warning (cached metrics); p2: clean apart from infos
        Files.createDirectories(dir.resolve("p1/.dvc"));
        write(dir, "p1/dvc.yaml", "stages:\n  a:\n    cmd: python a.py\n    outs: [out.txt]\n"
                + "  b:\n    cmd: python b.py\n    outs: [out.txt]\n    metrics: [m.json]\n");
        Files.createDirectories(dir.resolve("p2/.dvc"));
        write(dir, "p2/dvc.yaml", "stages:\n  t:\n    cmd: echo hi > o.txt\n    outs: [o.txt]\n");
        // a folder named like a format, holding a project of its own: a speculation that took it for a PATH must
        // not be used for `lint -f json p1`
        write(dir, "json/dvc.yaml", "stages:\n  x:\n    cmd: [python\n");
        write(dir, "strict.yaml", "fail-on: info\n");
    }

    @Test
    void sameResultWithAndWithoutSpeculation() throws Exception {
        projects();
        List<String[]> argvs = List.of(
                new String[] {"lint", "p1"},
                new String[] {"lint", "p2"},
                new String[] {"lint", "p1", "p2"},
                new String[] {"lint", "p2", "p1/dvc.yaml"},
                new String[] {"lint", "-f", "json", "p1"},
                new String[] {"lint", "--format=gcc", "p1"},
                new String[] {"lint", "--fail-on", "info", "p2"},
                new String[] {"lint", "--config", "strict.yaml", "p2"},
                new String[] {"lint", "--no-cache", "p1"},
                new String[] {"lint", "p1", "nope"},
                new String[] {"lint", "--bogus", "p1"},
                new String[] {"lint", "--", "p2"},
                new String[] {"lint"});
        for (String[] argv : argvs) {
            Run with = cli(dir, true, argv);
            Run without = cli(dir, false, argv);
            String what = String.join(" ", argv);
            assertEquals(without.exit(), with.exit(), what);
            assertEquals(without.out(), with.out(), what);
            assertEquals(without.err(), with.err(), what);
        }
        assertEquals(1, cli(dir, true, "lint", "p1").exit()); // the fixture does have findings
    }

    @Test
    void startsOnlyForAPlainLint() throws Exception {
        projects();
        String old = System.getProperty("user.dir");
        System.setProperty("user.dir", dir.toString());
        try {
            assertNull(Speculation.start());
            assertNull(Speculation.start("dag", "p1"));
            assertNull(Speculation.start("lint", "--fix", "p1"));
            assertNull(Speculation.start("lint", "--diff", "p1"));
            assertNull(Speculation.start("lint", "--config", "strict.yaml", "p1"));
            assertNull(Speculation.start("lint", "--no-cache"));
            assertNull(Speculation.start("lint", "@args.txt"));
            assertNull(Speculation.start("lint", "--help"));
            Speculation s = Speculation.start("lint", "-f", "gcc", "p1", "p2");
            assertNotNull(s);
            Speculation.Outcome o = s.await();
            assertNull(o.failure());
            assertEquals(List.of(dir.resolve("p1"), dir.resolve("p2")), o.roots());
            assertTrue(Speculation.matches(o, List.of(dir.resolve("p1"), dir.resolve("p2"))));
            assertFalse(Speculation.matches(o, List.of(dir.resolve("p1"))));
            assertFalse(Speculation.matches(o, List.of(dir.resolve("p2"), dir.resolve("p1"))));
        } finally {
            System.setProperty("user.dir", old);
        }
    }

    @Test
    void aFailedSpeculationNeverMatches() {
        List<Path> roots = new ArrayList<>(List.of(dir));
        assertFalse(Speculation.matches(null, roots));
        assertFalse(Speculation.matches(new Speculation.Outcome(roots, null, null, new IllegalStateException()),
                roots));
        assertTrue(Speculation.matches(new Speculation.Outcome(roots, null, new Findings(), null), roots));
    }
}
