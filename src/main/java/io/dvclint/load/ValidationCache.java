package io.dvclint.load;

import io.dvclint.fs.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers which file contents passed schema validation, so that a file unchanged since the last run (the usual
 * case for a pre-commit hook) is not validated again: loading the JSON Schema validator is the largest part of a
 * short run. Only "valid" verdicts are cached — an invalid file is always validated, so its messages are always
 * fresh — and the key covers the content and the dvclint build, so a new schema invalidates everything.
 *
 * <p>Kept under {@link CacheDir}{@code /valid}; any I/O problem simply disables it.
 */
public final class ValidationCache {
    private static volatile boolean disabled;

    private ValidationCache() {
    }

    /** Whether this content of this kind of file ("dvc.yaml", "dvc.lock") is known to be valid. */
    public static boolean knownValid(String kind, String text) {
        Path d = dir();
        return d != null && Files.exists(d.resolve(key(kind, text)));
    }

    public static void markValid(String kind, String text) {
        Path d = dir();
        if (d == null) return;
        try {
            Files.createDirectories(d);
            Path marker = d.resolve(key(kind, text));
            if (!Files.exists(marker)) Files.createFile(marker);
        } catch (IOException | RuntimeException e) {
            disabled = true; // a read-only or odd home: run without the cache
        }
    }

    /** Content fingerprint and the build's identity. */
    static String key(String kind, String text) {
        return kind + "-" + Fingerprint.of(text.getBytes(StandardCharsets.UTF_8)) + "-" + build();
    }

    static String build() {
        return CacheDir.build();
    }

    private static Path dir() {
        if (disabled || build().equals("unknown")) return null;
        Path base = CacheDir.base();
        return base == null ? null : base.resolve("valid");
    }
}
