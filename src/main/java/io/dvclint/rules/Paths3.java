package io.dvclint.rules;

import java.util.regex.Pattern;

/** Path classification shared by the path rules. */
final class Paths3 {
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final Pattern WIN_ABS = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    private Paths3() {
    }

    /** A remote URL ({@code s3://}, {@code https://}, {@code remote://}, {@code ds://}...), not a local path. */
    static boolean isUrl(String p) {
        return URL.matcher(p).matches() || p.startsWith("ds://");
    }

    static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.startsWith("\\\\") || WIN_ABS.matcher(p).matches();
    }

    /** Unresolved templating left in a path (while templating is not resolved yet). */
    static boolean isTemplated(String p) {
        return p.contains("${");
    }
}
