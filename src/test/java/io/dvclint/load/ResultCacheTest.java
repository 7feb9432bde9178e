package io.dvclint.load;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import io.dvclint.TestFiles.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result cache answers only when nothing the lint looked at changed, and then exactly as the lint would: each
 * kind of change below makes the next run lint again, and every answer equals a lint from scratch.
 */
class ResultCacheTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        // a build identity of this test's own, so that no other run's entries are seen
        System.setProperty("dvclint.cacheBuild", "test-" + System.nanoTime());
        Files.createDirectories(dir.resolve(".dvc"));
        write(dir, "dvc.yaml", """
                stages:
                  prepare:
                    cmd: python src/prepare.py
                    deps: [src/prepare.py, data/raw.csv]
                    params: [prepare.split]
                    outs: [data/prepared]
                  train:
                    cmd: python src/train.py
                    deps: [src/train.py, data/prepared]
                    params: [train.lr]
                    outs: [model.pkl]
                    metrics: [metrics.json]
                """);
        write(dir, "params.yaml", "prepare:\n  split: 0.2\ntrain:\n  lr: 0.1\n  epochs: 3\n");
        write(dir, "src/prepare.py", "import yaml\nsplit = yaml.safe_load(open('params.yaml'))['prepare']['split']\n");
        write(dir, "src/train.py", "import yaml\np = yaml.safe_load(open('params.yaml'))['train']\nlr = p['lr']\n");
        write(dir, "data/raw.csv", "a,b\n");
    }

    @AfterEach
    void noBuild() {
        System.clearProperty("dvclint.cacheBuild");
    }

    private Run lint(String format) {
        return TestFiles.cli(dir, "lint", "--format", format, ".");
    }

    /** The lint from scratch: its output, and the cache's own two runs (the first lints, the second is served). */
    private void assertCachedRunsEqualFresh(String what) {
        Run fresh = TestFiles.cli(dir, "lint", "--format", "json", "--no-cache", ".");
        Run first = lint("json");
        assertEquals(ResultCache.Outcome.MISS, ResultCache.last(), what + ": the first run after it lints");
        Run second = lint("json");
        assertEquals(ResultCache.Outcome.HIT, ResultCache.last(), what + ": then the cache answers");
        assertEquals(fresh, first, what);
        assertEquals(fresh, second, what);
    }

    @Test
    void anUnchangedProjectIsServedFromTheCacheInEveryFormat() {
        for (String format : new String[] {"text", "json", "junit", "sarif", "gcc"}) {
            Run fresh = TestFiles.cli(dir, "lint", "--format", format, "--no-cache", ".");
            lint(format);
            Run served = lint(format);
            assertEquals(ResultCache.Outcome.HIT, ResultCache.last(), format);
            assertEquals(fresh, served, format);
        }
        String gcc = lint("gcc").out();
        assertTrue(gcc.contains("[metrics-cached]") && gcc.contains("[param-unused]") && gcc.contains("[lock-stale]"),
                "the project has findings to replay: " + gcc);
    }

    @Test
    void everyKindOfChangeMakesItLintAgain() throws IOException {
        assertCachedRunsEqualFresh("first lint");
        write(dir, "params.yaml", "prepare:\n  split: 0.3\ntrain:\n  lr: 0.1\n");
        assertCachedRunsEqualFresh("a params file edited");
        write(dir, "src/train.py", "import yaml\np = yaml.safe_load(open('params.yaml'))['train']\nx = p['epochs']\n");
        assertCachedRunsEqualFresh("a script edited");
        write(dir, "sub/dvc.yaml", "stages:\n  other:\n    cmd: echo\n    outs: [model.pkl]\n");
        assertCachedRunsEqualFresh("a pipeline added in a subfolder");
        Files.delete(dir.resolve("data/raw.csv"));
        assertCachedRunsEqualFresh("a dependency removed");
        write(dir, ".dvcignore", "sub\n");
        assertCachedRunsEqualFresh("a .dvcignore added");
        write(dir, ".dvclint.yaml", "rules:\n  metrics-cached: off\n");
        assertCachedRunsEqualFresh("a configuration added");
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: echo\n    outz: [x]\n");
        assertCachedRunsEqualFresh("dvc.yaml broken");
        Files.createDirectories(dir.resolve("data/raw.csv"));
        assertCachedRunsEqualFresh("a file became a folder");
    }

    @Test
    void aDamagedEntryIsIgnored() throws IOException {
        Run first = lint("json");
        Path results = CacheDir.base().resolve("results");
        boolean damaged = false;
        try (var entries = Files.list(results)) {
            for (Path e : (Iterable<Path>) entries::iterator) {
                byte[] b = Files.readAllBytes(e);
                if (b.length > 40) {
                    Files.write(e, java.util.Arrays.copyOf(b, b.length / 2));
                    damaged = true;
                }
            }
        }
        assertTrue(damaged);
        Run again = lint("json");
        assertEquals(first, again);
        assertNotEquals(ResultCache.Outcome.HIT, ResultCache.last());
    }

    @Test
    void anotherBuildsEntryNeverAnswers() {
        lint("json");
        lint("json");
        assertEquals(ResultCache.Outcome.HIT, ResultCache.last());
        System.setProperty("dvclint.cacheBuild", "another-" + System.nanoTime());
        lint("json");
        assertEquals(ResultCache.Outcome.MISS, ResultCache.last(), "a new build lints again");
        lint("json");
        assertEquals(ResultCache.Outcome.HIT, ResultCache.last(), "and its own entry then answers");
    }

    @Test
    void aDevelopmentBuildWithoutAnIdentityIsNotCached() {
        System.clearProperty("dvclint.cacheBuild");
        lint("json");
        lint("json");
        assertEquals(ResultCache.Outcome.OFF, ResultCache.last());
    }
}
