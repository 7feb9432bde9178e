package io.dvclint.script;

/**
 * Small matchers the rules run on every stage, written out instead of as regular expressions: compiling and
 * interpreting a pattern costs a fresh JVM far more than these loops (see README, Speed). Each method names the
 * pattern it is equivalent to (with {@code Matcher.matches}); {@code AsciiTest} checks them against it.
 */
public final class Ascii {
    private Ascii() {
    }

    public static boolean letter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    public static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean nameStart(char c) {
        return letter(c) || c == '_';
    }

    public static boolean nameChar(char c) {
        return letter(c) || digit(c) || c == '_';
    }

    /** Whether {@code s[from..]} holds a character that regex {@code .} does not match (a line terminator). */
    public static boolean lineTerminatorFrom(String s, int from) {
        return lineTerminatorIn(s, from, s.length());
    }

    public static boolean lineTerminatorIn(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*=.*}, with {@code dotAll} as with {@link java.util.regex.Pattern#DOTALL}. */
    public static boolean assignment(String s, boolean dotAll) {
        if (s.isEmpty() || !nameStart(s.charAt(0))) return false;
        int i = 1;
        while (i < s.length() && nameChar(s.charAt(i))) i++;
        return i < s.length() && s.charAt(i) == '=' && (dotAll || !lineTerminatorFrom(s, i + 1));
    }

    /** {@code [A-Za-z][A-Za-z0-9+.-]*://.*}: a URL scheme and what follows it. */
    public static boolean url(String s) {
        if (s.isEmpty() || !letter(s.charAt(0))) return false;
        int i = 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!letter(c) && !digit(c) && c != '+' && c != '.' && c != '-') break;
            i++;
        }
        return s.startsWith("://", i) && !lineTerminatorFrom(s, i + 3);
    }

    /** {@code [A-Za-z]:[\\/].*}: a Windows drive path. */
    public static boolean windowsAbsolute(String s) {
        return s.length() >= 3 && letter(s.charAt(0)) && s.charAt(1) == ':'
                && (s.charAt(2) == '\\' || s.charAt(2) == '/') && !lineTerminatorFrom(s, 3);
    }

    /** {@code (.*\/)?(python|python3|python3\.\d+|py|pythonw)}: a Python interpreter, with or without a folder. */
    public static boolean pythonCommand(String s) {
        int slash = s.lastIndexOf('/');
        if (lineTerminatorIn(s, 0, slash + 1)) return false;
        String b = s.substring(slash + 1);
        if (b.equals("python") || b.equals("python3") || b.equals("py") || b.equals("pythonw")) return true;
        return b.startsWith("python3.") && digitsTo(b, 8) == b.length() && b.length() > 8;
    }

    /** {@code python(\d+(\.\d+)?)?|pypy\d?(\.\d+)?|py}: the name of a Python interpreter. */
    public static boolean pythonName(String b) {
        if (b.equals("py")) return true;
        int i;
        if (b.startsWith("pypy")) {
            i = 4;
            if (i < b.length() && digit(b.charAt(i))) i++;
        } else if (b.startsWith("python")) {
            i = digitsTo(b, 6);
            if (i == 6) return i == b.length();
        } else {
            return false;
        }
        if (i == b.length()) return true;
        if (b.charAt(i) != '.') return false;
        int end = digitsTo(b, i + 1);
        return end > i + 1 && end == b.length();
    }

    /** The index after the run of ASCII digits starting at {@code from}. */
    private static int digitsTo(String s, int from) {
        int i = from;
        while (i < s.length() && digit(s.charAt(i))) i++;
        return i;
    }
}
