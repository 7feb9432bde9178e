package io.dvclint.load;

import io.dvclint.fs.Fingerprint;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Results of analyses that depend on one text alone (and on the dvclint build), remembered by the text's
 * fingerprint: the parameter reads of a script, say, need not be worked out again while the script is unchanged,
 * whatever else in the project changed. Kept under {@link CacheDir}{@code /analysis}, one small file per kind and
 * content; only with a {@link CacheDir#reliableBuild reliable build identity}; any I/O problem is a miss.
 */
public final class ContentCache {
    private ContentCache() {
    }

    private static File file(String kind, String text) {
        Path base = CacheDir.base();
        String build = CacheDir.reliableBuild();
        if (base == null || build == null) return null;
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return base.resolve("analysis").resolve(kind + "-" + Fingerprint.of(b) + "-"
                + Fingerprint.of(build.getBytes(StandardCharsets.UTF_8))).toFile();
    }

    /** What was stored for this kind of analysis of {@code text}, or null. */
    public static byte[] get(String kind, String text) {
        File f = file(kind, text);
        if (f == null || !f.isFile()) return null;
        try (InputStream in = new FileInputStream(f)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores the result of this kind of analysis of {@code text} (quietly not, when the cache cannot be written). */
    public static void put(String kind, String text, byte[] value) {
        File f = file(kind, text);
        if (f != null) CacheDir.replace(f, value);
    }
}
