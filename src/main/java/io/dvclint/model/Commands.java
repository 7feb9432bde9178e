package io.dvclint.model;

import io.dvclint.py.PyEq;
import io.dvclint.py.PyFormat;
import java.util.ArrayList;
import java.util.List;

/** Helpers about stage commands. */
public final class Commands {
    private Commands() {
    }

    /** Python's {@code str.splitlines()} for the common line breaks (\n, \r\n, \r). */
    public static List<String> splitLines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u001c' || c == '\u001d'
                    || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < s.length()) out.add(s.substring(start));
        return out;
    }

    /**
     * Where a command differs from the locked one, briefly: {@code locked 'python a.py', now 'python b.py'}, the
     * first differing item of a list, or a change of form (string / list).
     */
    public static String difference(Object locked, Object now) {
        if (locked instanceof String a && now instanceof String b) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
            int from = i <= 12 ? 0 : i - 8;
            return "locked " + PyFormat.repr(clip(a, from)) + ", now " + PyFormat.repr(clip(b, from));
        }
        if (locked instanceof List<?> a && now instanceof List<?> b) {
            int i = 0;
            while (i < a.size() && i < b.size() && PyEq.eq(a.get(i), b.get(i))) i++;
            if (a.size() != b.size() && (i == a.size() || i == b.size())) {
                return "locked " + a.size() + " commands, now " + b.size();
            }
            return "item " + (i + 1) + ": " + difference(PyFormat.str(a.get(i)), PyFormat.str(b.get(i)));
        }
        if (locked == null) return "no cmd in the lock entry";
        String kind = locked instanceof List<?> ? "a list" : "a string";
        return "locked as " + kind + ", now " + (now instanceof List<?> ? "a list" : "a string");
    }

    private static String clip(String s, int from) {
        String t = s.substring(Math.min(from, s.length()));
        String r = (from > 0 ? "..." : "") + (t.length() > 30 ? t.substring(0, 30) + "..." : t);
        return r;
    }
}
