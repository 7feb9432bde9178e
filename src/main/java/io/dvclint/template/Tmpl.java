package io.dvclint.template;

import io.dvclint.py.PyFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string split into its {@code ${...}} references, as DVC's {@code interpolate.py} finds and parses them: regex
 * {@code (?<!\\)\$\{(?P<inner>.*?)\}}, inner grammar {@code word ( .word | [word] )*} with words free of
 * {@code .[]}, brackets normalised to dots.
 */
final class Tmpl {
    /** Compiled on first use: most strings of a pipeline hold no {@code ${...}}. */
    static final class Patterns {
        static final Pattern KEYCRE = Pattern.compile("(?<!\\\\)\\$\\{(.*?)\\}", Pattern.UNIX_LINES);
        static final Pattern FOUND = Pattern.compile("[A-Za-z0-9_]{1,16}|.", Pattern.DOTALL);

        private Patterns() {
        }
    }

    /**
     * One reference: [start, end) in the string, the raw inner text, the parsed dotted expression (null when it does
     * not parse), and the pyparsing-like error when it does not.
     */
    record Ref(int start, int end, String inner, String expr, String syntaxError) {
    }

    static final Tmpl NONE = new Tmpl(List.of(), false, false);

    final List<Ref> refs;
    /** The whole string is exactly one reference (the value keeps its type). */
    final boolean exact;
    /** The string holds an escaped {@code \${} that resolution turns into {@code ${}. */
    final boolean escapes;

    private Tmpl(List<Ref> refs, boolean exact, boolean escapes) {
        this.refs = refs;
        this.exact = exact;
        this.escapes = escapes;
    }

    static Tmpl compile(String s) {
        boolean escapes = s.contains("\\${");
        if (!s.contains("${")) return NONE;
        Matcher m = Patterns.KEYCRE.matcher(s);
        List<Ref> refs = null;
        while (m.find()) {
            if (refs == null) refs = new ArrayList<>(2);
            String inner = m.group(1);
            String[] parsed = parse(inner);
            refs.add(new Ref(m.start(), m.end(), inner, parsed[0], parsed[1]));
        }
        if (refs == null) return escapes ? new Tmpl(List.of(), false, true) : NONE;
        boolean exact = refs.size() == 1 && refs.get(0).start == 0 && refs.get(0).end == s.length();
        return new Tmpl(refs, exact, escapes);
    }

    boolean isEmpty() {
        return refs.isEmpty() && !escapes;
    }

    private static boolean wordChar(char c) {
        return c != '.' && c != '[' && c != ']';
    }

    private static int wordEnd(String s, int i) {
        while (i < s.length() && wordChar(s.charAt(i))) i++;
        return i;
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
        return i;
    }

    /** {joined expression, null} or {null, error message}. */
    static String[] parse(String inner) {
        int n = inner.length();
        int j = wordEnd(inner, 0);
        if (j == 0) return new String[] {null, error(inner, 0, "Expected !W:(.[])")};
        StringBuilder joined = new StringBuilder(inner.substring(0, j));
        int i = j;
        while (true) {
            int k = skipWs(inner, i);
            if (k < n && inner.charAt(k) == '.') {
                int b = wordEnd(inner, k + 1);
                if (b == k + 1) break;
                joined.append('.').append(inner, k + 1, b);
                i = b;
            } else if (k < n && inner.charAt(k) == '[') {
                int b = wordEnd(inner, k + 1);
                if (b == k + 1) break;
                int c = skipWs(inner, b);
                if (c >= n || inner.charAt(c) != ']') break;
                joined.append('.').append(inner, k + 1, b);
                i = c + 1;
            } else {
                break;
            }
        }
        int end = skipWs(inner, i);
        if (end != n) return new String[] {null, error(inner, end, "Expected end of text")};
        return new String[] {joined.toString(), null};
    }

    /** pyparsing's {@code ParseException} text, located in the embraced {@code ${inner}} as DVC prints it. */
    private static String error(String inner, int loc, String what) {
        String embraced = "${" + inner + "}";
        int at = loc + 2;
        Matcher m = Patterns.FOUND.matcher(embraced);
        String found = m.find(at) && m.start() == at ? m.group() : embraced.substring(at, Math.min(at + 1, embraced.length()));
        return "ParseException: " + what + ", found " + PyFormat.repr(found) + "  (at char " + at + "), (line:1, col:"
                + (at + 1) + ")";
    }
}
