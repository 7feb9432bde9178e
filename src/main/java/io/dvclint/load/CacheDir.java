package io.dvclint.load;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where dvclint keeps its caches ({@link ValidationCache}, {@link ResultCache}): {@code $DVCLINT_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/dvclint}, else {@code ~/.cache/dvclint}. {@code DVCLINT_NO_CACHE=1} or {@code --no-cache}
 * turn both off.
 */
public final class CacheDir {
    private static volatile boolean disabled = offByDefault();
    private static volatile Path base;
    private static volatile String build;

    private CacheDir() {
    }

    private static boolean offByDefault() {
        return System.getenv("DVCLINT_NO_CACHE") != null || System.getProperty("dvclint.noCache") != null;
    }

    /** Turns the caches off (for {@code --no-cache}: the rest of the command). */
    public static void disable() {
        disabled = true;
    }

    /** Back to the default after a {@link #disable} (a command embedded in a longer-lived program ends). */
    public static void restore() {
        disabled = offByDefault();
    }

    /**
     * Puts {@code bytes} at {@code target}, written beside it (in a file created exclusively, so two runs storing
     * the same entry never share one) and renamed into place, so a concurrent run reads the old entry or the new one,
     * never half of either. Quietly does nothing when the cache folder cannot be written: the entry is not kept.
     */
    static void replace(File target, byte[] bytes) {
        File tmp = null;
        try {
            File parent = target.getParentFile();
            if (!parent.isDirectory() && !parent.mkdirs() && !parent.isDirectory()) return;
            for (int attempt = 0; attempt < 3 && tmp == null; attempt++) {
                File t = new File(target.getPath() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
                if (t.createNewFile()) tmp = t;
            }
            if (tmp == null) return;
            try (OutputStream out = new FileOutputStream(tmp)) {
                out.write(bytes);
            }
            if (tmp.renameTo(target)) tmp = null;
        } catch (IOException | RuntimeException e) {
            // a read-only or full cache folder: not kept
        } finally {
            if (tmp != null) tmp.delete();
        }
    }

    /** The cache folder, or null when caching is off or there is no home to keep it in. */
    public static Path base() {
        if (disabled) return null;
        Path d = base;
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
            base = d;
        }
        return d;
    }

    /**
     * The build's identity when it is reliable enough to trust cached results with (a jar's size and time), else
     * null: classes run from a folder (development, tests) change without the folder's time changing. The system
     * property {@code dvclint.cacheBuild} names one (tests).
     */
    static String reliableBuild() {
        String given = System.getProperty("dvclint.cacheBuild");
        if (given != null) return given;
        String b = build();
        return b.startsWith("dir-") || b.equals("unknown") ? null : b;
    }

    /**
     * Identity of the running build: its jar's size and time, or for classes run from a folder (a development
     * build) "dir-" and the folder's, which a recompile need not change.
     */
    static String build() {
        String id = build;
        if (id == null) {
            try {
                File f = new File(CacheDir.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                id = (f.isFile() ? "" : "dir-") + Long.toHexString(f.length()) + Long.toHexString(f.lastModified());
            } catch (Exception | Error e) {
                id = "unknown";
            }
            build = id;
        }
        return id;
    }
}
