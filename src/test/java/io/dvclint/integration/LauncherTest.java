package io.dvclint.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/dvclint rebuilds the jar exactly when a source is newer than it. Run with the real launcher under sh, in a
 * copy of the project layout, with stand-ins for Maven (it records the build and writes the jar) and for java.
 */
class LauncherTest {
    @TempDir
    Path home;
    Path builds;

    @BeforeEach
    void layout() throws Exception {
        Path launcher = home.resolve("bin/dvclint");
        Files.createDirectories(launcher.getParent());
        Files.copy(PreCommitHookTest.CHECKOUT.resolve("bin/dvclint"), launcher);
        launcher.toFile().setExecutable(true);
        write("pom.xml", "<project/>");
        write("schema/dvc.yaml.schema.json", "{}");
        write("src/main/java/io/dvclint/cli/Main.java", "class Main {}");
        write("src/main/java/io/dvclint/yaml/YamlLoader.java", "class YamlLoader {}");
        write("docs/rules/cycle.md", "# cycle");
        builds = home.resolve("builds.log");
        write("fake/mvn", "#!/bin/sh\necho build >> '" + builds + "'\nmkdir -p '" + home.resolve("target")
                + "'\n: > '" + home.resolve("target/dvclint.jar") + "'\n");
        write("fake/java", "#!/bin/sh\nexit 0\n");
        home.resolve("fake/mvn").toFile().setExecutable(true);
        home.resolve("fake/java").toFile().setExecutable(true);
    }

    private void write(String rel, String text) throws IOException {
        Path p = home.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** Runs the launcher once; the number of builds it started. */
    private int run() throws Exception {
        long before = Files.exists(builds) ? Files.readAllLines(builds).size() : 0;
        ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("bin/dvclint").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("MVN", home.resolve("fake/mvn").toString());
        pb.environment().put("JAVA", home.resolve("fake/java").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return (int) ((Files.exists(builds) ? Files.readAllLines(builds).size() : 0) - before);
    }

    /** Makes a file (or folder) newer than the jar. */
    private void touch(String rel) throws IOException {
        FileTime jar = Files.getLastModifiedTime(home.resolve("target/dvclint.jar"));
        Files.setLastModifiedTime(home.resolve(rel), FileTime.fromMillis(jar.toMillis() + 2000));
    }

    private long clock = System.currentTimeMillis() + 600_000;

    /** Makes the jar newer than everything, touched files included (as after a build that took a moment). */
    private void settle() throws IOException {
        clock += 60_000;
        Files.setLastModifiedTime(home.resolve("target/dvclint.jar"), FileTime.fromMillis(clock));
    }

    @Test
    void buildsOnFirstUseAndOnlyWhenASourceChanged() throws Exception {
        assertEquals(1, run(), "no jar: build");
        settle();
        assertEquals(0, run(), "nothing changed");
        for (String source : List.of("src/main/java/io/dvclint/cli/Main.java", "schema/dvc.yaml.schema.json",
                "pom.xml", "docs/rules/cycle.md")) {
            touch(source);
            assertEquals(1, run(), source + " edited");
            settle();
            assertEquals(0, run(), "nothing changed after " + source);
        }
    }

    @Test
    void aSourceAddedOrRemovedCountsAsAChange() throws Exception {
        run();
        settle();
        write("src/main/java/io/dvclint/cli/Extra.java", "class Extra {}");
        Files.setLastModifiedTime(home.resolve("src/main/java/io/dvclint/cli/Extra.java"),
                FileTime.fromMillis(0)); // an old file copied in: only its folder's time says so
        touch("src/main/java/io/dvclint/cli");
        assertEquals(1, run(), "file added");
        settle();
        Files.delete(home.resolve("src/main/java/io/dvclint/cli/Extra.java"));
        touch("src/main/java/io/dvclint/cli");
        assertEquals(1, run(), "file removed");
    }

    @Test
    void theFirstBuildPrintsOneLineAndNoEscapeSequences() throws Exception {
        write("fake/mvn", "#!/bin/sh\nprintf '\\033[0m\\033[0m'\nprintf '\\033[0m' >&2\necho build >> '" + builds
                + "'\nmkdir -p '" + home.resolve("target") + "'\n: > '" + home.resolve("target/dvclint.jar") + "'\n");
        ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("bin/dvclint").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("MVN", home.resolve("fake/mvn").toString());
        pb.environment().put("JAVA", home.resolve("fake/java").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("dvclint: building (first use or sources changed)...\n", out);
    }

    @Test
    void aFailedBuildShowsMavensOutput() throws Exception {
        write("fake/mvn", "#!/bin/sh\nprintf '\\033[0m[ERROR] cannot compile\\n'\nexit 1\n");
        ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("bin/dvclint").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("MVN", home.resolve("fake/mvn").toString());
        pb.environment().put("JAVA", home.resolve("fake/java").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.contains("[ERROR] cannot compile\n"), out);
        assertTrue(!out.contains("\u001b"), out);
    }

    /** The locale variables java starts with when the launcher runs under {@code env} (LANG, LC_ALL, LC_CTYPE). */
    private String localeSeen(Map<String, String> env) throws Exception {
        Path seen = home.resolve("locale.txt");
        write("fake/java", "#!/bin/sh\necho \"LC_ALL=${LC_ALL:-} LC_CTYPE=${LC_CTYPE:-}\" > '" + seen + "'\n");
        ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("bin/dvclint").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("MVN", home.resolve("fake/mvn").toString());
        pb.environment().put("JAVA", home.resolve("fake/java").toString());
        pb.environment().keySet().removeAll(List.of("LANG", "LC_ALL", "LC_CTYPE"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return Files.readString(seen).strip();
    }

    @Test
    void aCOrPosixLocaleIsTakenAsUtf8AsPythonDoes() throws Exception {
        // java decodes file names with the locale's character set: ASCII under C would mangle é.txt
        assertEquals("LC_ALL= LC_CTYPE=C.UTF-8", localeSeen(Map.of()), "no locale at all");
        assertEquals("LC_ALL= LC_CTYPE=C.UTF-8", localeSeen(Map.of("LANG", "C")));
        assertEquals("LC_ALL= LC_CTYPE=C.UTF-8", localeSeen(Map.of("LANG", "en_US.UTF-8", "LC_CTYPE", "POSIX")));
        assertEquals("LC_ALL=C.UTF-8 LC_CTYPE=", localeSeen(Map.of("LC_ALL", "C")), "LC_ALL overrides LC_CTYPE");
        // a locale that names its character set is left as it is
        assertEquals("LC_ALL= LC_CTYPE=", localeSeen(Map.of("LANG", "en_US.UTF-8")));
        assertEquals("LC_ALL= LC_CTYPE=C.UTF-8", localeSeen(Map.of("LANG", "C", "LC_CTYPE", "C.UTF-8")));
        assertEquals("LC_ALL=de_DE.ISO-8859-1 LC_CTYPE=", localeSeen(Map.of("LC_ALL", "de_DE.ISO-8859-1")));
    }

    @Test
    void deeperPackagesAreCheckedToo() throws Exception {
        write("src/main/java/io/dvclint/cli/sub/Deep.java", "class Deep {}");
        run();
        settle();
        assertEquals(0, run(), "nothing changed");
        touch("src/main/java/io/dvclint/cli/sub/Deep.java");
        assertEquals(1, run(), "a source two packages down edited");
    }

    @Test
    void foldersOutsideTheKnownRootsAreCheckedToo() throws Exception {
        for (String source : List.of("src/main/java/com/example/Other.java",
                "src/main/java/io/other/Other.java")) {
            write(source, "class X {}");
            run();
            settle();
            assertEquals(0, run(), "nothing changed");
            touch(source);
            assertEquals(1, run(), source + " edited");
            settle();
        }
    }
}
