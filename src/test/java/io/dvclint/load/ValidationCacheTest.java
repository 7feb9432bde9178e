package io.dvclint.load;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.findings.Findings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationCacheTest {
    @TempDir
    Path dir;

    @Test
    void keysDependOnKindAndEveryByte() {
        String a = "stages:\n  a:\n    cmd: x\n";
        assertEquals(ValidationCache.key("dvc.yaml", a), ValidationCache.key("dvc.yaml", a));
        assertNotEquals(ValidationCache.key("dvc.yaml", a), ValidationCache.key("dvc.lock", a));
        assertNotEquals(ValidationCache.key("dvc.yaml", a), ValidationCache.key("dvc.yaml", a.replace('x', 'y')));
        assertNotEquals(ValidationCache.key("dvc.yaml", a), ValidationCache.key("dvc.yaml", a + " "));
    }

    @Test
    void onlyValidFilesAreRememberedAndInvalidOnesAreAlwaysReported() {
        String good = "stages:\n  a:\n    cmd: echo " + System.nanoTime() + "\n    outs: [o]\n";
        String bad = "stages:\n  a:\n    cmd: echo " + System.nanoTime() + "\n    outz: [o]\n";
        write(dir, "dvc.yaml", good);
        assertFalse(ValidationCache.knownValid("dvc.yaml", good));
        Findings f1 = new Findings();
        new ProjectLoader(f1).load(dir);
        assertTrue(f1.all().isEmpty(), f1.all().toString());
        assertTrue(ValidationCache.knownValid("dvc.yaml", good), "a valid file is remembered");

        write(dir, "dvc.yaml", bad);
        for (int run = 0; run < 2; run++) {
            Findings f = new Findings();
            new ProjectLoader(f).load(dir);
            assertEquals(1, f.all().stream().filter(x -> x.ruleId().equals("schema")).count(), f.all().toString());
        }
        assertFalse(ValidationCache.knownValid("dvc.yaml", bad), "an invalid file is never remembered");
    }
}
