package io.dvclint.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A gitignore ("gitwildmatch") pattern translated to a regular expression exactly the way Python's
 * {@code pathspec} 0.12 ({@code GitWildMatchPattern.pattern_to_regex}, the version DVC 3.x runs with) translates it.
 * Paths are matched relative to the folder the pattern is anchored at, with {@code /} separators and no leading
 * slash; a directory is also tried with a trailing slash by the caller.
 */
public final class GitWildMatch {
    /** A pattern pathspec cannot translate: DVC stops with this error. */
    public static final class PatternError extends IllegalArgumentException {
        PatternError(String message) {
            super(message, null);
        }
    }

    private final String pattern;
    private final Pattern regex;
    private final boolean include;

    private GitWildMatch(String pattern, Pattern regex, boolean include) {
        this.pattern = pattern;
        this.regex = regex;
        this.include = include;
    }

    /**
     * Compiles a pattern; null for a blank line, a comment or a lone {@code /} (pathspec's no-ops).
     *
     * @throws PatternError for what pathspec rejects ({@code !}, a trailing backslash) or what Python's {@code re}
     *                      cannot compile (a reversed range such as {@code [z-a]})
     */
    public static GitWildMatch compile(String pattern) {
        String regex = toRegex(pattern);
        if (regex == null) return null;
        String p = pattern.endsWith("\\ ") ? pyLstrip(pattern) : pyStrip(pattern);
        return new GitWildMatch(pattern, Pattern.compile(regex, Pattern.UNIX_LINES), !p.startsWith("!"));
    }

    public String pattern() {
        return pattern;
    }

    /** True for an ignoring pattern, false for a {@code !} negation. */
    public boolean include() {
        return include;
    }

    /** Python's {@code re.match}: anchored at the start of the path. */
    public boolean matches(String relPath) {
        return regex.matcher(relPath).lookingAt();
    }

    public String regex() {
        return regex.pattern();
    }

    /** The Java regular expression for a pattern, or null for a no-op pattern. */
    static String toRegex(String original) {
        String p = original.endsWith("\\ ") ? pyLstrip(original) : pyStrip(original);
        if (p.isEmpty() || p.startsWith("#") || p.equals("/")) return null;
        if (p.startsWith("!")) p = p.substring(1);
        List<String> segs = new ArrayList<>(Arrays.asList(p.split("/", -1)));
        boolean isDirPattern = segs.get(segs.size() - 1).isEmpty();
        for (int i = segs.size() - 1; i > 0; i--) {
            if (segs.get(i - 1).equals("**") && segs.get(i).equals("**")) segs.remove(i);
        }
        String override = null;
        if (segs.size() == 2 && segs.get(0).equals("**") && segs.get(1).isEmpty()) {
            override = "^.+(?:/).*$";
        }
        if (segs.get(0).isEmpty()) {
            segs.remove(0);
        } else if (segs.size() == 1 || segs.size() == 2 && segs.get(1).isEmpty()) {
            if (!segs.get(0).equals("**")) segs.add(0, "**");
        }
        if (segs.isEmpty()) throw new PatternError("Invalid git pattern: " + pyRepr(original));
        if (segs.get(segs.size() - 1).isEmpty() && segs.size() > 1) segs.set(segs.size() - 1, "**");
        if (override != null) return override;

        StringBuilder out = new StringBuilder("^");
        boolean needSlash = false;
        int end = segs.size() - 1;
        for (int i = 0; i <= end; i++) {
            String seg = segs.get(i);
            if (seg.equals("**")) {
                if (i == 0 && i == end) {
                    out.append("[^/]+(?:/.*)?");
                } else if (i == 0) {
                    out.append("(?:.+/)?");
                    needSlash = false;
                } else if (i == end) {
                    out.append(isDirPattern ? "(?:/).*" : "/.*");
                } else {
                    out.append("(?:/.+)?");
                    needSlash = true;
                }
            } else if (seg.equals("*")) {
                if (needSlash) out.append('/');
                out.append("[^/]+");
                if (i == end) out.append("(?:(?:/).*)?");
                needSlash = true;
            } else {
                if (needSlash) out.append('/');
                try {
                    out.append(translateSegment(seg));
                } catch (PatternError e) {
                    throw new PatternError(e.getMessage().startsWith("bad character range") ? e.getMessage()
                            : "Invalid git pattern: " + pyRepr(original));
                }
                if (i == end) out.append("(?:(?:/).*)?");
                needSlash = true;
            }
        }
        return out.append('$').toString();
    }

    /** pathspec's {@code _translate_segment_glob}, producing a Java regex. */
    private static String translateSegment(String pat) {
        StringBuilder regex = new StringBuilder();
        boolean escape = false;
        int[] cps = new int[pat.codePointCount(0, pat.length())];
        for (int i = 0, k = 0; i < pat.length(); k++) {
            cps[k] = pat.codePointAt(i);
            i += Character.charCount(cps[k]);
        }
        int i = 0, end = cps.length;
        while (i < end) {
            int c = cps[i++];
            if (escape) {
                escape = false;
                regex.append(lit(c));
            } else if (c == '\\') {
                escape = true;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[') {
                int j = i;
                if (j < end && (cps[j] == '!' || cps[j] == '^')) j++;
                if (j < end && cps[j] == ']') j++;
                while (j < end && cps[j] != ']') j++;
                if (j < end) {
                    j++;
                    boolean negate = false;
                    if (cps[i] == '!' || cps[i] == '^') {
                        negate = true;
                        i++;
                    }
                    regex.append(bracket(cps, i, j - 1, negate));
                    i = j;
                } else {
                    regex.append("\\[");
                }
            } else {
                regex.append(lit(c));
            }
        }
        if (escape) throw new PatternError("Escape character found with no next character to escape");
        return regex.toString();
    }

    /** A Python regex character class body {@code cps[from, to)} (all characters literal) as a Java class. */
    private static String bracket(int[] cps, int from, int to, boolean negate) {
        StringBuilder sb = new StringBuilder("[");
        if (negate) sb.append('^');
        int k = from;
        while (k < to) {
            int a = cps[k++];
            if (k + 1 < to && cps[k] == '-') {
                int b = cps[k + 1];
                k += 2;
                if (b < a) {
                    throw new PatternError("bad character range " + new String(Character.toChars(a)) + "-"
                            + new String(Character.toChars(b)));
                }
                sb.append(lit(a)).append('-').append(lit(b));
            } else {
                sb.append(lit(a));
            }
        }
        return sb.append(']').toString();
    }

    private static String lit(int c) {
        if (c < 128 && (Character.isLetterOrDigit(c) || c == '_')) return String.valueOf((char) c);
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    /** Python's {@code str.isspace} for one code point. */
    static boolean pySpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85 || (c >= 0x1c && c <= 0x1f);
    }

    static String pyStrip(String s) {
        return pyRstrip(pyLstrip(s));
    }

    static String pyLstrip(String s) {
        int a = 0;
        while (a < s.length() && pySpace(s.codePointAt(a))) a += Character.charCount(s.codePointAt(a));
        return s.substring(a);
    }

    static String pyRstrip(String s) {
        int b = s.length();
        while (b > 0 && pySpace(s.codePointBefore(b))) b -= Character.charCount(s.codePointBefore(b));
        return s.substring(0, b);
    }

    static String pyRepr(String s) {
        return io.dvclint.template.PyFormat.repr(s);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
