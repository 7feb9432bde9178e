package io.dvclint.load;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Remembers which file contents passed schema validation, so that a file unchanged since the last run (the usual
 * case for a pre-commit hook) is not validated again: loading the JSON Schema validator is the largest part of a
 * short run. Only "valid" verdicts are cached — an invalid file is always validated, so its messages are always
 * fresh — and the key covers the content and the dvclint build, so a new schema invalidates everything.
 *
 * <p>Location: {@code $DVCLINT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/dvclint}, else {@code ~/.cache/dvclint}.
 * Disabled by {@code DVCLINT_NO_CACHE=1} (or {@code --no-cache}); any I/O problem simply disables it.
 */
public final class ValidationCache {
    private static volatile boolean disabled = System.getenv("DVCLINT_NO_CACHE") != null
            || System.getProperty("dvclint.noCache") != null;
    private static volatile Path dir;

    private ValidationCache() {
    }

    public static void disable() {
        disabled = true;
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

    /** Content fingerprint: two independent 64-bit hashes plus the length, and the build's identity. */
    static String key(String kind, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        long fnv = 0xcbf29ce484222325L;
        for (byte x : b) {
            fnv ^= x & 0xff;
            fnv *= 0x100000001b3L;
        }
        CRC32 crc = new CRC32(); // not CRC32C: its class builds a lookup table, about a millisecond per start
        crc.update(b);
        long poly = 0;
        for (byte x : b) poly = poly * 0x9E3779B97F4A7C15L + (x & 0xff) + 1;
        return kind + "-" + Long.toHexString(fnv) + Long.toHexString(poly) + "-" + Long.toHexString(crc.getValue())
                + "-" + b.length + "-" + build();
    }

    private static String build;

    /** Identity of the running build (its jar's size and time), so that a new schema never trusts old verdicts. */
    static String build() {
        if (build == null) {
            String id = "dev";
            try {
                File f = new File(ValidationCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                id = Long.toHexString(f.length()) + Long.toHexString(f.lastModified());
            } catch (Exception | Error e) {
                disabled = true;
            }
            build = id;
        }
        return build;
    }

    private static Path dir() {
        if (disabled) return null;
        Path d = dir;
        if (d == null) {
            String explicit = System.getenv("DVCLINT_CACHE_DIR");
            if (explicit == null) explicit = System.getProperty("dvclint.cacheDir");
            if (explicit != null && !explicit.isEmpty()) {
                d = Path.of(explicit);
            } else {
                String xdg = System.getenv("XDG_CACHE_HOME");
                String home = System.getProperty("user.home");
                if (xdg != null && !xdg.isEmpty()) d = Path.of(xdg, "dvclint");
                else if (home != null && !home.isEmpty()) d = Path.of(home, ".cache", "dvclint");
                else return null;
            }
            d = d.resolve("valid");
            dir = d;
        }
        return d;
    }
}
