package io.dvclint.discovery;

import io.dvclint.py.PyFormat;
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
    private final String regexSource;
    /** Compiled up front, or on first use for a bare name (whose regex cannot fail to compile). */
    private volatile Pattern regex;
    private final boolean include;
    /** For a bare name ({@code .git}, {@code .hg/}, {@code logs}): the name, matched without the regex. */
    private final String name;
    /** The bare name ends with {@code /}: only a folder (something below the name) matches. */
    private final boolean folderOnly;

    private GitWildMatch(String pattern, String regexSource, boolean include, String name, boolean folderOnly) {
        this.pattern = pattern;
        this.regexSource = regexSource;
        this.include = include;
        this.name = name;
        this.folderOnly = folderOnly;
        if (name == null) regex = Pattern.compile(regexSource, Pattern.UNIX_LINES);
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
        boolean include = !p.startsWith("!");
        String body = include ? p : p.substring(1);
        boolean folderOnly = body.endsWith("/");
        String name = folderOnly ? body.substring(0, body.length() - 1) : body;
        return new GitWildMatch(pattern, regex, include, bareName(name) ? name : null, folderOnly);
    }

    /**
     * A name without glob characters, escapes or slashes: its regex ({@code ^(?:.+/)?NAME(?:/.*)?$}, or
     * {@code ^(?:.+/)?NAME/.*$} for {@code NAME/}) says "some path component is NAME", which {@link #matches} checks
     * directly. Every project has four such patterns (DVC's defaults {@code .git}, {@code .git/}, {@code .hg/},
     * {@code .dvc/}); compiling and running their regular expressions cost a fresh JVM more than the whole walk.
     */
    private static boolean bareName(String name) {
        if (name.isEmpty() || name.equals("**") || name.startsWith("#")) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\' || c == '/' || c == '\n') return false;
        }
        return true;
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
        if (name != null && relPath.indexOf('\n') < 0) return hasComponent(relPath);
        Pattern r = regex;
        if (r == null) regex = r = Pattern.compile(regexSource, Pattern.UNIX_LINES);
        return r.matcher(relPath).lookingAt();
    }

    /**
     * The bare-name regex on a path without line breaks: {@code name} at the start, or after a {@code /} that has
     * something before it ({@code .+/}), and then the end or a {@code /} (for a folder-only name, a {@code /}).
     */
    private boolean hasComponent(String path) {
        int n = name.length();
        for (int k = path.indexOf(name); k >= 0; k = path.indexOf(name, k + 1)) {
            if (k != 0 && (k < 2 || path.charAt(k - 1) != '/')) continue;
            int after = k + n;
            if (after < path.length() ? path.charAt(after) == '/' : !folderOnly) return true;
        }
        return false;
    }

    public String regex() {
        return regexSource;
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
        return PyFormat.repr(s);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
