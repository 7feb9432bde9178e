package io.dvclint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import io.dvclint.TestFiles.Run;
import io.dvclint.load.ResultCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On every real-world project the result cache's answer equals a lint from scratch, in JSON (every field of every
 * finding), text (source excerpts), SARIF (fingerprints from source lines) and JUnit (every file read): the first
 * run lints and stores, the second is served.
 */
class CachedLintCorpusTest {
    @BeforeEach
    void build() {
        System.setProperty("dvclint.cacheBuild", "corpus-" + System.nanoTime());
    }

    @AfterEach
    void noBuild() {
        System.clearProperty("dvclint.cacheBuild");
    }

    @Test
    void aCachedLintEqualsAFreshOne() {
        List<String> problems = new ArrayList<>();
        int served = 0;
        for (Path d : Shared.corpusCases()) {
            for (String format : new String[] {"json", "junit", "text", "sarif"}) {
                Run fresh = TestFiles.cli(d, "lint", "--format", format, "--no-cache");
                Run first = TestFiles.cli(d, "lint", "--format", format);
                Run second = TestFiles.cli(d, "lint", "--format", format);
                if (ResultCache.last() == ResultCache.Outcome.HIT) served++;
                else problems.add(d.getFileName() + " (" + format + "): second run not served from the cache");
                if (!fresh.equals(first)) problems.add(d.getFileName() + " (" + format + "): first run differs");
                if (!fresh.equals(second)) problems.add(d.getFileName() + " (" + format + "): cached run differs");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(served > 800, "served: " + served);
    }
}
