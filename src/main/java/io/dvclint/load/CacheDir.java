package io.dvclint.load;

import java.io.File;
import java.io.IOException;
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
     * A new file beside {@code target} to write an entry into before renaming it over {@code target}: created here
     * (exclusively, so two runs writing the same entry never share one), or null when that fails.
     */
    static File aside(File target) {
        for (int attempt = 0; attempt < 3; attempt++) {
            File tmp = new File(target.getPath() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                if (tmp.createNewFile()) return tmp;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
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
