package io.dvclint.py;

import java.util.Comparator;

/**
 * Python's ordering of {@code str} values: by Unicode code point. Java's {@link String#compareTo} compares UTF-16
 * units instead, which puts a character above U+FFFF (a surrogate pair, first unit {@code \ud800}-{@code \udbff})
 * before one in U+E000-U+FFFF; DVC sorts paths, lock entries and JSON keys the Python way.
 */
public final class PyStrings {
    private PyStrings() {
    }

    /** Python's {@code sorted()} order of strings. */
    public static final Comparator<String> ORDER = PyStrings::compare;

    /** Compares two strings code point by code point, like Python's {@code <} on {@code str}. */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x == y) continue;
            // the first differing units decide, unless one of them is a surrogate: then compare the code points
            if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                return Integer.compare(a.codePointAt(i), b.codePointAt(i));
            }
            return Character.compare(x, y);
        }
        return Integer.compare(a.length(), b.length());
    }

    /** The number of code points of {@code s}: Python's {@code len()}. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
