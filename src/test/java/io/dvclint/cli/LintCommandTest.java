package io.dvclint.cli;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static io.dvclint.TestFiles.writeBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LintCommandTest {
    static final String GOOD = "stages:\n  train:\n    cmd: python train.py\n    deps:\n      - train.py\n"
            + "    outs:\n      - model.pkl\n";

    @TempDir
    Path dir;

    // the default format depends on GITHUB_ACTIONS: keep these tests independent of where they run
    java.util.function.Function<String, String> savedEnv;

    @org.junit.jupiter.api.BeforeEach
    void outsideGithubActions() {
        savedEnv = LintCommand.env;
        LintCommand.env = k -> null;
    }

    @org.junit.jupiter.api.AfterEach
    void restoreEnv() {
        LintCommand.env = savedEnv;
    }

    @Test
    void cleanProjectExitsZeroAndPrintsNothing() {
        write(dir, "dvc.yaml", GOOD);
        write(dir, "train.py", "print(1)\n");
        Run r = cli(dir, "lint");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err());
    }

    @Test
    void emptyDvcYamlIsValid() {
        write(dir, "dvc.yaml", "");
        assertEquals(0, cli(dir, "lint").exit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"~\n", "0\n", "false\n", "[]\n", "''\n", ">-\n# only a comment\n"})
    void aFalsyDvcYamlIsAnEmptyPipelineForEveryCommand(String text) {
        write(dir, "dvc.yaml", text); // DVC: load(text) or {}
        for (String command : new String[] {"lint", "dag"}) {
            Run r = cli(dir, command);
            assertEquals(0, r.exit(), command + ": " + r.out() + r.err());
            assertEquals("", r.out(), command);
        }
    }

    @Test
    void brokenYamlIsAFindingWithExitOne() {
        write(dir, "dvc.yaml", "stages:\n  train:\n    cmd: [python\n");
        Run r = cli(dir, "lint", "--format", "gcc");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("dvc.yaml:"), r.out());
        assertTrue(r.out().contains("error: invalid YAML"), r.out());
        assertTrue(r.out().contains("[yaml-syntax]"), r.out());
    }

    @Test
    void mergeConflictMarkersAreNamed() {
        write(dir, "dvc.yaml", "stages:\n<<<<<<< HEAD\n  a:\n    cmd: x\n=======\n  a:\n    cmd: y\n>>>>>>> other\n");
        Run r = cli(dir, "lint", "--format", "gcc");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("possible merge conflict"), r.out());
    }

    @Test
    void unknownOptionAndMissingPathAreUsageErrors() {
        write(dir, "dvc.yaml", GOOD);
        Run r = cli(dir, "lint", "--bogus");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--bogus"), r.err());
        Run missing = cli(dir, "lint", "no-such-folder");
        assertEquals(2, missing.exit(), missing.err());
        assertTrue(missing.err().contains("'no-such-folder' does not exist"), missing.err());
        assertEquals(2, cli(dir, "lint", "--format", "xml").exit());
        assertEquals(2, cli(dir, "lint", "--fail-on", "fatal").exit());
        assertFalse(missing.err().contains("\tat "), "no stack trace");
    }

    @Test
    void anyFileOfTheProjectLintsTheWholeProjectOnce() throws Exception {
        Files.createDirectories(dir.resolve(".dvc"));
        write(dir, "dvc.yaml", GOOD);
        write(dir, "sub/dvc.yaml", "stages:\n  x:\n    cmd: [oops\n");
        write(dir, "dvc.lock", "schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    deps:\n"
                + "    - path: train.py\n      hash: md5\n      md5: d41d8cd98f00b204e9800998ecf8427e\n      size: 0\n"
                + "    outs:\n    - path: model.pkl\n      hash: md5\n      md5: d41d8cd98f00b204e9800998ecf8427e\n"
                + "      size: 0\n");
        write(dir, "params.yaml", "a: 1\n");
        Run r = cli(dir.resolve("sub"), "lint", "--format", "gcc", "../params.yaml", "../dvc.yaml", "dvc.yaml");
        assertEquals(1, r.exit());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("dvc.yaml:"), r.out()); // relative to the current folder (sub/)
    }

    @Test
    void textFormatShowsSourceLineAndCaret() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n");
        Run r = cli(dir, "lint");
        assertEquals(1, r.exit());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("dvc\\.yaml:4:3: .*duplicate key 'a'.* \\[yaml-syntax\\]"), lines[0]);
        assertEquals("  |", lines[1]);
        assertEquals("4 |   a:", lines[2]);
        assertEquals("  |   ^", lines[3]);
        assertTrue(r.out().contains("1 error, 0 warnings, 0 info found"), r.out());
    }

    @Test
    void gccLinesMatchTheIdePattern() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n");
        write(dir, "sub/dvc.yaml", "x: [\n");
        Pattern p = Pattern.compile("^[^:]+:\\d+:\\d+: (error|warning|info): .+ \\[[a-z0-9-]+\\]$");
        Run r = cli(dir, "lint", "--format", "gcc");
        assertEquals(2, r.out().lines().count(), r.out());
        r.out().lines().forEach(l -> assertTrue(p.matcher(l).matches(), l));
    }

    @Test
    void jsonFormatIsStable() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n");
        Run r = cli(dir, "lint", "--format", "json");
        assertEquals(1, r.exit());
        String expected = "{\"version\":1,\"tool\":\"dvclint " + Version.get() + "\",\"findings\":[{\"rule\":\"yaml-syntax\","
                + "\"severity\":\"error\",\"file\":\"dvc.yaml\",\"line\":4,\"column\":3,\"message\":\"invalid YAML: found "
                + "duplicate key 'a' (first defined at line 2, column 3)\",\"url\":"
                + "\"https://github.com/dvclint/dvclint/blob/main/docs/rules/yaml-syntax.md\",\"fixable\":false}],"
                + "\"summary\":{\"error\":1,\"warning\":0,\"info\":0}}\n";
        assertEquals(expected, r.out());
    }

    @Test
    void failOnThresholdControlsTheExitCode() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n");
        assertEquals(1, cli(dir, "lint", "--fail-on", "warning").exit());
        assertEquals(1, cli(dir, "lint", "--fail-on", "info").exit());
    }

    @Test
    void versionAndHelp() {
        Run v = cli(dir, "--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("dvclint "), v.out());
        Run h = cli(dir, "lint", "--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("--fail-on"), h.out());
        assertEquals(2, cli(dir).exit());
    }

    @Test
    void unknownCommandsAreNamedWithTheNearestOne() {
        Run r = cli(dir, "lnt");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("dvclint: unknown command 'lnt'; did you mean 'lint'?"), r.err());
        Run far = cli(dir, "frobnicate", "--help");
        assertEquals(2, far.exit(), far.err());
        assertTrue(far.err().startsWith("dvclint: unknown command 'frobnicate' (commands: lint, dag,"), far.err());
        assertEquals("", far.out(), "no help for an unknown command");
    }

    @Test
    void helpListsTheExitCodesInOrder() {
        for (int run = 0; run < 3; run++) {
            String help = cli(dir, "--help").out();
            int at = help.indexOf("Exit codes:");
            assertTrue(at > 0, help);
            String codes = help.substring(at);
            int p0 = codes.indexOf("  0 "), p1 = codes.indexOf("  1 ");
            int p2 = codes.indexOf("  2 "), p3 = codes.indexOf("  3 ");
            assertTrue(0 < p0 && p0 < p1 && p1 < p2 && p2 < p3, codes);
        }
    }

    @Test
    void aFolderWithoutPipelinesSaysSo() {
        write(dir, "README.md", "nothing here\n");
        Run r = cli(dir, "lint");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("dvclint: no dvc.yaml or .dvc file found in .\n", r.err());
        write(dir, "sub/README.md", "nothing here either\n");
        assertEquals("dvclint: no dvc.yaml or .dvc file found in sub\n", cli(dir, "lint", "sub").err());
        write(dir, "data.xml.dvc", "outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  path: data.xml\n");
        assertEquals("", cli(dir, "lint").err(), "a .dvc file is a pipeline of its own");
    }

    static Object[][] malformed() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) bomb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            bomb.append("]\n");
        }
        return new Object[][] {
            {"truncated", "stages:\n  train:\n    cmd: \"python t", 1},
            {"tabs", "stages:\n\ttrain:\n\t\tcmd: x\n", 1},
            {"duplicate keys", "stages:\n  a:\n    cmd: x\n    cmd: y\n", 1},
            {"deep nesting", "[".repeat(100_000) + "]".repeat(100_000), 1},
            {"alias bomb", bomb.toString(), 1},
            {"binary", new String(new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1}, StandardCharsets.ISO_8859_1), 1},
            {"bom", "\uFEFFstages:\n  a:\n    cmd: x\n    outs: [o]\n", 0},
            {"crlf", "stages:\r\n  a:\r\n    cmd: x\r\n    outs: [o]\r\n", 0},
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedInputGivesAPositionedFindingQuickly(String name, String content, int exit) {
        if (name.equals("binary")) writeBytes(dir, "dvc.yaml", content.getBytes(StandardCharsets.ISO_8859_1));
        else write(dir, "dvc.yaml", content);
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> cli(dir, "lint", "--format", "gcc"));
        assertEquals(exit, r.exit(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        if (exit == 1) {
            assertTrue(r.out().matches("(?s)dvc\\.yaml:\\d+:\\d+: error: .*\\[(yaml-syntax|schema)\\]\n.*"), r.out());
        } else {
            assertEquals("", r.out());
        }
    }

    @Test
    void utf16FileIsAPositionedFinding() {
        writeBytes(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n".getBytes(StandardCharsets.UTF_16));
        Run r = cli(dir, "lint", "--format", "gcc");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("dvc.yaml:1:1: error: file is encoded as UTF-16"), r.out());
    }
}
