package io.dvclint.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.dvclint.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint reads the project and never runs it: its code reaches the file system only through {@link Inputs} (which
 * reads, never writes), starts no other program, and depends on nothing but the files it reads (no environment
 * variable, clock or chance), so the same project always gives the same findings. A source scan of the lint's
 * packages, and a lint of a project whose every script would leave a trace if it were run.
 */
class LintPurityTest {
    /** File-system reads other than through Inputs. */
    static final Pattern DIRECT = Pattern.compile("\\bFiles\\s*\\.\\s*(exists|notExists|isRegularFile|isDirectory"
            + "|isSymbolicLink|isReadable|isExecutable|isSameFile|isHidden|size|getLastModifiedTime|readAttributes"
            + "|getAttribute|newDirectoryStream|list|walk|find|lines|readAllBytes|readAllLines|readString"
            + "|newInputStream|newBufferedReader|newByteChannel|probeContentType|readSymbolicLink)\\s*\\("
            + "|new\\s+(FileInputStream|FileReader|RandomAccessFile)\\s*\\(|\\.toFile\\s*\\(\\s*\\)"
            + "|\\.toRealPath\\s*\\(|\\.listFiles\\s*\\(|\\.isFile\\s*\\(\\s*\\)"
            // nor anything else a lint's findings could depend on: the environment, the clock, chance, other programs
            + "|System\\s*\\.\\s*(getenv|getProperty|currentTimeMillis)\\s*\\(|\\b(Instant|LocalDate|LocalDateTime"
            + "|ZonedDateTime|Clock)\\s*\\.\\s*(now|system)|\\bProcessBuilder\\b|Runtime\\s*\\.\\s*getRuntime"
            + "|Math\\s*\\.\\s*random|new\\s+(Random|SecureRandom)\\s*\\("
            // nor evaluate code: scripting engines, class loading
            + "|\\bScriptEngine|\\bClassLoader\\b|Class\\s*\\.\\s*forName|\\.exec\\s*\\(");

    /**
     * Code outside the lint: the command line (before and after it: project roots, writing fixes), formatters,
     * build-time generators, the file-system door itself, the schema-verdict cache, the project root search, and the
     * timings printed to stderr on request.
     */
    static final Set<String> OUTSIDE = Set.of("io/dvclint/cli/", "io/dvclint/format/", "io/dvclint/build/",
            "io/dvclint/fs/", "io/dvclint/exec/", "io/dvclint/lint/DocsGenerator.java",
            "io/dvclint/load/ValidationCache.java",
            "io/dvclint/load/ProjectRoot.java", "io/dvclint/lint/Timings.java");

    static List<String> directReads(Path src) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String rel = src.relativize(f).toString().replace('\\', '/');
                if (OUTSIDE.stream().anyMatch(rel::startsWith)) continue;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = DIRECT.matcher(lines.get(i));
                    if (m.find() && !lines.get(i).trim().startsWith("*") && !lines.get(i).trim().startsWith("//")) {
                        found.add(rel + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void lintCodeReadsOnlyThroughInputsAndRunsNothing() throws IOException {
        Path src = Path.of("src/main/java");
        assertTrue(Files.isDirectory(src.resolve("io/dvclint/rules")), "run from the project folder");
        assertEquals(List.of(), directReads(src));
    }

    @Test
    void lintingAProjectRunsNoneOfItsCode(@TempDir Path dir) throws IOException {
        String marker = dir.resolve("ran").toString();
        TestFiles.write(dir, "dvc.yaml", "vars:\n  - config.py\nstages:\n  train:\n"
                + "    cmd: python train.py && sh prepare.sh && Rscript eval.R && node report.js\n"
                + "    deps: [train.py, prepare.sh, eval.R, report.js]\n    params: [lr, config.py:]\n"
                + "    outs: [model.bin]\n");
        TestFiles.write(dir, "params.yaml", "lr: 0.1\nepochs: 3\n");
        TestFiles.write(dir, "config.py", "import os\nos.makedirs('" + marker + "-config')\nbatch = 1\n");
        TestFiles.write(dir, "train.py", "import os, yaml\nos.makedirs('" + marker + "-py')\n"
                + "p = yaml.safe_load(open('params.yaml'))\nprint(p['lr'], p['epochs'])\n");
        TestFiles.write(dir, "prepare.sh", "mkdir -p '" + marker + "-sh'\n");
        TestFiles.write(dir, "eval.R", "dir.create('" + marker + "-r')\n");
        TestFiles.write(dir, "report.js", "require('fs').mkdirSync('" + marker + "-js')\n");
        TestFiles.Run r = TestFiles.cli(dir, "lint", "--format", "gcc", dir.toString());
        assertTrue(r.out().contains("[param-undeclared]"), "the scripts were read: " + r.out() + r.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("ran")).toList());
        }
    }

    @Test
    void theCheckSeesDirectReadsAndOtherOutsideInputs() throws IOException {
        Path tmp = Files.createTempDirectory("inputs-only");
        try {
            Path f = tmp.resolve("io/dvclint/rules/SomeRule.java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "class SomeRule {\n  boolean x(Path p) { return java.nio.file.Files.exists(p); }\n"
                    + "  // Files.exists(p) in a comment is fine\n"
                    + "  byte[] y(Path p) { return Files.readAllBytes(p); }\n"
                    + "  boolean z(Path p) { return Inputs.exists(p); }\n"
                    + "  String e() { return System.getenv(\"HOME\"); }\n}\n");
            Path cli = tmp.resolve("io/dvclint/cli/Cmd.java");
            Files.createDirectories(cli.getParent());
            Files.writeString(cli, "class Cmd { boolean x(Path p) { return Files.exists(p); } }\n");
            List<String> found = directReads(tmp);
            assertEquals(3, found.size(), found.toString());
            assertTrue(found.get(0).startsWith("io/dvclint/rules/SomeRule.java:2:"));
            assertTrue(found.get(1).startsWith("io/dvclint/rules/SomeRule.java:4:"));
            assertTrue(found.get(2).startsWith("io/dvclint/rules/SomeRule.java:6:"));
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
