package io.dvclint.model;

import java.io.File;
import java.nio.file.Path;

/** Paths as dvc.yaml writes them: POSIX form, resolution against a folder, and what kind of path a string is. */
public final class PathNames {
    private PathNames() {
    }

    /** The path with forward slashes; "." for the empty path. */
    public static String posix(Path p) {
        String s = File.separatorChar == '/' ? p.toString() : p.toString().replace('\\', '/');
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

    /**
     * A remote URL ({@code s3://}, {@code https://}, {@code remote://}, {@code ds://}...), not a local path: a scheme
     * ({@code [A-Za-z][A-Za-z0-9+.-]*}) followed by {@code ://}.
     */
    public static boolean isUrl(String p) {
        if (p.isEmpty() || !letter(p.charAt(0))) return false;
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (!letter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') break;
            i++;
        }
        return p.startsWith("://", i) && !hasLineBreak(p, i + 3);
    }

    /** An absolute path: {@code /x}, a UNC path {@code \\host\x}, or a Windows drive path {@code C:\x}. */
    public static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.startsWith("\\\\") || p.length() >= 3 && letter(p.charAt(0))
                && p.charAt(1) == ':' && (p.charAt(2) == '\\' || p.charAt(2) == '/') && !hasLineBreak(p, 3);
    }

    /** Unresolved templating left in a path (while templating is not resolved yet). */
    public static boolean isTemplated(String p) {
        return p.contains("${");
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean hasLineBreak(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }
}
