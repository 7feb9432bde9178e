package io.dvclint.model;

import java.nio.file.Path;

/** Path helpers. */
public final class Paths2 {
    private Paths2() {
    }

    public static String posix(Path p) {
        String s = java.io.File.separatorChar == '/' ? p.toString() : p.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** Resolve a path as written in dvc.yaml against a base folder, normalized. */
    public static Path resolve(Path base, String written) {
        return base.resolve(written).normalize();
    }

    /** Whether {@code a} equals {@code b} or lies inside it, component-wise. */
    public static boolean isWithin(Path a, Path b) {
        return a.startsWith(b);
    }
}
