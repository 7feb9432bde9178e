package io.dvclint.load;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Remembers which file contents passed schema validation, so that a file unchanged since the last run is not
 * validated again: the JSON Schema validator's cold start is the largest part of a short run, and after an edit most
 * files of a project are as they were. Only "valid" verdicts are kept — an invalid file is always validated, so its
 * messages are always fresh — and the key covers the content and the dvclint build (a jar's size and time), so a new
 * schema invalidates everything (classes run from a folder: the folder's size and time, or the system property
 * {@code dvclint.cacheBuild}).
 *
 * <p>A marker file per verdict under {@code $DVCLINT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/dvclint}, else
 * {@code ~/.cache/dvclint}, in {@code valid/}. {@code DVCLINT_NO_CACHE=1} or {@code --no-cache} turn it off; any
 * I/O problem simply disables it.
 */
public final class ValidationCache {
    private static final Path DIR = dir();
    private static volatile boolean broken;

    private ValidationCache() {
    }

    /** Whether this content of this kind of file ("dvc.yaml", "dvc.lock") is known to be valid. */
    public static boolean knownValid(String kind, String text) {
        return DIR != null && !broken && Files.exists(DIR.resolve(key(kind, text)));
    }

    public static void markValid(String kind, String text) {
        if (DIR == null || broken) return;
        try {
            Files.createDirectories(DIR);
            Path marker = DIR.resolve(key(kind, text));
            if (!Files.exists(marker)) Files.createFile(marker);
        } catch (IOException | RuntimeException e) {
            broken = true; // a read-only or odd home: run without the cache
        }
    }

    /** The kind, a fingerprint of the content (two 64-bit hashes, a CRC-32 and the length) and the build. */
    static String key(String kind, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        long fnv = 0xcbf29ce484222325L;
        long poly = 0;
        for (byte x : b) {
            fnv ^= x & 0xff;
            fnv *= 0x100000001b3L;
            poly = poly * 0x9E3779B97F4A7C15L + (x & 0xff) + 1;
        }
        CRC32 crc = new CRC32();
        crc.update(b);
        return kind + "-" + Long.toHexString(fnv) + Long.toHexString(poly) + "-" + Long.toHexString(crc.getValue())
                + "-" + b.length + "-" + BUILD;
    }

    private static final String BUILD = build();

    /** The running jar's (or class folder's) size and time; null when unknown. */
    private static String build() {
        String given = System.getProperty("dvclint.cacheBuild");
        if (given != null) return given;
        try {
            File f = new File(ValidationCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return (f.isFile() ? "" : "dir-") + Long.toHexString(f.length()) + Long.toHexString(f.lastModified());
        } catch (Exception | Error e) {
            return null;
        }
    }

    private static Path dir() {
        if (System.getenv("DVCLINT_NO_CACHE") != null || build() == null) return null;
        String explicit = System.getenv("DVCLINT_CACHE_DIR");
        if (explicit == null) explicit = System.getProperty("dvclint.cacheDir");
        Path base;
        if (explicit != null && !explicit.isEmpty()) {
            base = Path.of(explicit);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            String home = System.getProperty("user.home");
            if (xdg != null && !xdg.isEmpty()) base = Path.of(xdg, "dvclint");
            else if (home != null && !home.isEmpty()) base = Path.of(home, ".cache", "dvclint");
            else return null;
        }
        return base.resolve("valid");
    }
}
