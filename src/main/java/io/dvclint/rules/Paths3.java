package io.dvclint.rules;

/** Path classification shared by the path rules. */
final class Paths3 {
    private Paths3() {
    }

    /** A remote URL ({@code s3://}, {@code https://}, {@code remote://}, {@code ds://}...), not a local path. */
    static boolean isUrl(String p) {
        return Ascii.url(p) || p.startsWith("ds://");
    }

    static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.startsWith("\\\\") || Ascii.windowsAbsolute(p);
    }

    /** Unresolved templating left in a path (while templating is not resolved yet). */
    static boolean isTemplated(String p) {
        return p.contains("${");
    }
}
