package io.dvclint.load;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import io.dvclint.params.PyParamReads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ContentCache} answers for the same kind and text under the same build, and nothing else. */
class ContentCacheTest {
    @TempDir
    Path dir;

    @AfterEach
    void noBuild() {
        System.clearProperty("dvclint.cacheBuild");
    }

    @Test
    void storedValuesComeBackForTheSameKindTextAndBuildOnly() {
        System.setProperty("dvclint.cacheBuild", "content-" + System.nanoTime());
        String text = "import yaml\n";
        byte[] v = "value".getBytes(StandardCharsets.UTF_8);
        assertNull(ContentCache.get("k", text));
        ContentCache.put("k", text, v);
        assertArrayEquals(v, ContentCache.get("k", text));
        assertNull(ContentCache.get("other", text));
        assertNull(ContentCache.get("k", text + " "));
        System.setProperty("dvclint.cacheBuild", "content-other-" + System.nanoTime());
        assertNull(ContentCache.get("k", text), "another build's value never answers");
    }

    @Test
    void aDevelopmentBuildWithoutAnIdentityIsNotCached() {
        ContentCache.put("k", "x", new byte[] {1});
        assertNull(ContentCache.get("k", "x"));
    }

    @Test
    void paramReadsRoundTrip() {
        List<PyParamReads.Read> reads = List.of(new PyParamReads.Read(null, "train.lr", 3),
                new PyParamReads.Read("params.yaml", "ünï.cödé", 12), new PyParamReads.Read("p.json", "", 1));
        assertEquals(reads, PyParamReads.Read.decode(PyParamReads.Read.encode(reads)));
        assertEquals(List.of(), PyParamReads.Read.decode(PyParamReads.Read.encode(List.of())));
        byte[] b = PyParamReads.Read.encode(reads);
        assertNull(PyParamReads.Read.decode(java.util.Arrays.copyOf(b, b.length - 1)), "truncated");
        assertNull(PyParamReads.Read.decode(java.util.Arrays.copyOf(b, b.length + 1)), "trailing bytes");
    }

    /** A script's parameter reads come from the cache while the script is unchanged, with the same findings. */
    @Test
    void paramUndeclaredTakesAnUnchangedScriptsReadsFromTheCache() throws IOException {
        System.setProperty("dvclint.cacheBuild", "reads-" + System.nanoTime());
        Files.createDirectories(dir.resolve(".dvc"));
        write(dir, "dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    deps: [train.py]\n"
                + "    params: [lr]\n");
        write(dir, "params.yaml", "lr: 0.1\nepochs: 3\n");
        write(dir, "train.py", "import yaml\np = yaml.safe_load(open('params.yaml'))\nx = p['epochs'] * p['lr']\n");
        TestFiles.Run fresh = TestFiles.cli(dir, "lint", "--format", "json", "--no-cache", ".");
        assertTrue(fresh.out().contains("param-undeclared"), fresh.out());
        assertEquals(fresh, TestFiles.cli(dir, "lint", "--format", "json", "."), "the first run stores the reads");
        List<Path> stored = entries("py-param-reads-");
        assertEquals(1, stored.size());

        // the project changes, the script does not: the reads come from the cache (shown here by making them empty)
        write(dir, "params.yaml", "lr: 0.2\nepochs: 3\n");
        Files.write(stored.get(0), PyParamReads.Read.encode(List.of()));
        assertTrue(!TestFiles.cli(dir, "lint", "--format", "json", ".").out().contains("param-undeclared"));

        // the script changes: its reads are worked out again
        write(dir, "train.py", "import yaml\np = yaml.safe_load(open('params.yaml'))\ny = p['epochs'] + p['lr']\n");
        assertEquals(TestFiles.cli(dir, "lint", "--format", "json", "--no-cache", "."),
                TestFiles.cli(dir, "lint", "--format", "json", "."));
        assertEquals(2, entries("py-param-reads-").size());
    }

    private static List<Path> entries(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(CacheDir.base().resolve("analysis"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(fingerprint())).toList();
        }
    }

    /** The suffix of this test build's entries. */
    private static String fingerprint() {
        return io.dvclint.fs.Fingerprint.of(System.getProperty("dvclint.cacheBuild").getBytes(StandardCharsets.UTF_8));
    }
}
