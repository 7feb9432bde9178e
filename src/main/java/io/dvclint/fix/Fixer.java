package io.dvclint.fix;

import io.dvclint.findings.Finding;
import io.dvclint.findings.TextEdit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the certain fixes of findings as text edits. A finding's edits are taken all or none; a finding whose
 * edits overlap edits already taken is left for a later pass (identical edits from several findings, as
 * generated stages produce, are applied once). Edits are applied back to front, so offsets stay valid.
 */
public final class Fixer {
    private Fixer() {
    }

    /** The non-conflicting edits of the findings, per file, sorted by offset. */
    public static Map<Path, List<TextEdit>> select(List<Finding> findings) {
        Map<Path, List<TextEdit>> chosen = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.fixes().isEmpty()) continue;
            Set<TextEdit> mine = new LinkedHashSet<>(f.fixes());
            boolean ok = true;
            for (TextEdit e : mine) {
                List<TextEdit> taken = chosen.getOrDefault(e.file(), List.of());
                for (TextEdit t : taken) {
                    if (!t.equals(e) && conflict(t, e)) ok = false;
                }
                for (TextEdit o : mine) if (o != e && !o.equals(e) && o.file().equals(e.file()) && conflict(o, e)) ok = false;
            }
            if (!ok) continue;
            for (TextEdit e : mine) {
                List<TextEdit> taken = chosen.computeIfAbsent(e.file(), k -> new ArrayList<>());
                if (!taken.contains(e)) taken.add(e);
            }
        }
        for (List<TextEdit> l : chosen.values()) {
            l.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        }
        return chosen;
    }

    /** Overlapping ranges, or two different insertions at one offset (their order would be arbitrary). */
    public static boolean conflict(TextEdit a, TextEdit b) {
        if (a.start() < b.end() && b.start() < a.end()) return true;
        boolean aIns = a.start() == a.end(), bIns = b.start() == b.end();
        if (aIns && bIns && a.start() == b.start()) return true;
        // an insertion strictly inside a replaced range
        return aIns && a.start() > b.start() && a.start() < b.end() || bIns && b.start() > a.start() && b.start() < a.end();
    }

    /** The text with the (non-overlapping) edits applied. */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        // back to front; at one offset the replacement of a range goes before an insertion there
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : sorted) sb.replace(e.start(), e.end(), e.replacement());
        return sb.toString();
    }

    /** A unified diff (3 lines of context) between two texts, or "" when equal. */
    public static String unifiedDiff(String label, String oldText, String newText) {
        if (oldText.equals(newText)) return "";
        List<String> a = lines(oldText), b = lines(newText);
        List<int[]> ops = Myers.diff(a, b); // {type, aIndex, bIndex}: 0 equal, 1 delete, 2 insert
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(label).append('\n').append("+++ b/").append(label).append('\n');
        int ctx = 3;
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == 0) {
                i++;
                continue;
            }
            int start = Math.max(0, i - ctx);
            int end = i;
            // extend while changes are within 2*ctx equal lines of each other
            int j = i;
            while (j < ops.size()) {
                if (ops.get(j)[0] != 0) {
                    end = j;
                    j++;
                    continue;
                }
                int k = j;
                while (k < ops.size() && ops.get(k)[0] == 0) k++;
                if (k < ops.size() && k - j <= 2 * ctx) {
                    j = k;
                } else {
                    break;
                }
            }
            int stop = Math.min(ops.size(), end + 1 + ctx);
            int aStart = -1, bStart = -1, aLen = 0, bLen = 0;
            StringBuilder body = new StringBuilder();
            for (int x = start; x < stop; x++) {
                int[] op = ops.get(x);
                if (aStart < 0) {
                    aStart = op[1];
                    bStart = op[2];
                }
                switch (op[0]) {
                    case 0 -> {
                        body.append(' ').append(line(a.get(op[1])));
                        aLen++;
                        bLen++;
                    }
                    case 1 -> {
                        body.append('-').append(line(a.get(op[1])));
                        aLen++;
                    }
                    default -> {
                        body.append('+').append(line(b.get(op[2])));
                        bLen++;
                    }
                }
            }
            out.append("@@ -").append(aLen == 0 ? aStart : aStart + 1).append(',').append(aLen)
                    .append(" +").append(bLen == 0 ? bStart : bStart + 1).append(',').append(bLen).append(" @@\n");
            out.append(body);
            i = stop;
        }
        return out.toString();
    }

    private static String line(String l) {
        if (l.endsWith("\n")) return l;
        return l + "\n\\ No newline at end of file\n";
    }

    /** Lines including their line break. */
    public static List<String> lines(String t) {
        List<String> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                out.add(t.substring(s, i + 1));
                s = i + 1;
            }
        }
        if (s < t.length()) out.add(t.substring(s));
        return out;
    }

    /** Myers' O((N+M)D) diff over lines. */
    public static final class Myers {
        public static List<int[]> diff(List<String> a, List<String> b) {
            int n = a.size(), m = b.size(), max = n + m;
            int off = max + 1;
            int[] v = new int[2 * max + 3];
            List<int[]> trace = new ArrayList<>();
            int dFound = -1;
            outer:
            for (int d = 0; d <= max; d++) {
                trace.add(v.clone());
                for (int k = -d; k <= d; k += 2) {
                    int x = k == -d || k != d && v[off + k - 1] < v[off + k + 1] ? v[off + k + 1] : v[off + k - 1] + 1;
                    int y = x - k;
                    while (x < n && y < m && a.get(x).equals(b.get(y))) {
                        x++;
                        y++;
                    }
                    v[off + k] = x;
                    if (x >= n && y >= m) {
                        dFound = d;
                        break outer;
                    }
                }
            }
            List<int[]> ops = new ArrayList<>();
            int x = n, y = m;
            for (int d = dFound; d > 0; d--) {
                int[] vd = trace.get(d);
                int k = x - y;
                int prevK = k == -d || k != d && vd[off + k - 1] < vd[off + k + 1] ? k + 1 : k - 1;
                int prevX = vd[off + prevK], prevY = prevX - prevK;
                while (x > prevX && y > prevY) {
                    ops.add(new int[] {0, x - 1, y - 1});
                    x--;
                    y--;
                }
                if (x == prevX) ops.add(new int[] {2, x, y - 1});
                else ops.add(new int[] {1, x - 1, y});
                x = prevX;
                y = prevY;
            }
            while (x > 0 && y > 0) {
                ops.add(new int[] {0, x - 1, y - 1});
                x--;
                y--;
            }
            Collections.reverse(ops);
            return ops;
        }
    }
}
