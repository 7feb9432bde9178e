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
import org.junit.jupiter.api.Test;

/**
 * The lint reads the file system only through {@link Inputs}, and depends on nothing else (no environment variable,
 * clock, random number or other program): the result cache trusts that a lint whose recorded looks all see the same
 * would find the same, which a direct {@code Files.exists} or {@code System.getenv} in some rule would silently break.
 */
class InputsOnlyTest {
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
            + "|Math\\s*\\.\\s*random|new\\s+(Random|SecureRandom)\\s*\\(");

    /**
     * Code outside the lint: the command line (before and after it: project roots, writing fixes), formatters,
     * build-time generators, the caches themselves, the project root search, whose result is the cache's key, and
     * the timings printed to stderr on request.
     */
    static final Set<String> OUTSIDE = Set.of("io/dvclint/cli/", "io/dvclint/format/", "io/dvclint/build/",
            "io/dvclint/fs/", "io/dvclint/rules/DocsGenerator.java", "io/dvclint/load/CacheDir.java",
            "io/dvclint/load/ValidationCache.java", "io/dvclint/load/ResultCache.java",
            "io/dvclint/load/ContentCache.java",
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
    void lintCodeReadsTheFileSystemOnlyThroughInputs() throws IOException {
        Path src = Path.of("src/main/java");
        assertTrue(Files.isDirectory(src.resolve("io/dvclint/rules")), "run from the project folder");
        assertEquals(List.of(), directReads(src));
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
