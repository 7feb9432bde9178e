package io.dvclint.params;

import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Best-effort positions for a TOML document that has already been parsed successfully: table headers and
 * {@code key = value} lines are scanned to find where each key path is written. Keys inside inline tables and
 * values inside arrays get the position of their enclosing key.
 */
final class TomlPositions {
    private static final char SEP = '\u0001';

    private TomlPositions() {
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + SEP + key;
    }

    static String item(String path, int i) {
        return path + SEP + "#" + i;
    }

    /** Key path → {key position, value position}. */
    static Map<String, Pos[]> scan(SourceText src) {
        Map<String, Pos[]> out = new HashMap<>();
        Map<String, Integer> arrayCounts = new HashMap<>();
        String table = "";
        int n = src.lineCount();
        int depth = 0;
        String inString = null;
        for (int ln = 1; ln <= n; ln++) {
            String line = src.line(ln);
            int i = 0;
            if (inString != null) {
                int close = line.indexOf(inString);
                if (close < 0) continue;
                i = close + 3;
                inString = null;
            }
            if (depth == 0 && inString == null) {
                int s = skipWs(line, i);
                if (s < line.length() && line.charAt(s) == '[') {
                    boolean array = s + 1 < line.length() && line.charAt(s + 1) == '[';
                    List<String> keys = new ArrayList<>();
                    int e = keys(line, s + (array ? 2 : 1), keys);
                    if (e < 0 || keys.isEmpty()) continue;
                    String path = "";
                    for (String k : keys) path = child(path, k);
                    if (array) {
                        int idx = arrayCounts.merge(path, 1, Integer::sum) - 1;
                        put(out, path, ln, s, line);
                        path = item(path, idx);
                    }
                    put(out, path, ln, s, line);
                    table = path;
                    i = e;
                } else if (s < line.length() && line.charAt(s) != '#') {
                    List<String> keys = new ArrayList<>();
                    int e = keys(line, s, keys);
                    if (e >= 0 && !keys.isEmpty()) {
                        int eq = skipWs(line, e);
                        if (eq < line.length() && line.charAt(eq) == '=') {
                            String path = table;
                            for (String k : keys) {
                                path = child(path, k);
                                if (!out.containsKey(path)) put(out, path, ln, s, line);
                            }
                            int v = skipWs(line, eq + 1);
                            Pos kp = new Pos(ln, col(line, s));
                            out.put(path, new Pos[] {kp, new Pos(ln, col(line, Math.min(v, line.length())))});
                            i = v;
                        }
                    }
                }
            }
            // track brackets and multi-line strings for the rest of the line
            for (int k = i; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c == '#') break;
                if (c == '"' || c == '\'') {
                    String q = String.valueOf(c);
                    if (line.startsWith(q.repeat(3), k)) {
                        int close = line.indexOf(q.repeat(3), k + 3);
                        if (close < 0) {
                            inString = q.repeat(3);
                            break;
                        }
                        k = close + 2;
                    } else {
                        int j = k + 1;
                        while (j < line.length() && line.charAt(j) != c) j += c == '"' && line.charAt(j) == '\\' ? 2 : 1;
                        k = j;
                    }
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if ((c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
            }
        }
        return out;
    }

    private static void put(Map<String, Pos[]> out, String path, int ln, int s, String line) {
        Pos p = new Pos(ln, col(line, s));
        out.putIfAbsent(path, new Pos[] {p, p});
    }

    private static int col(String line, int idx) {
        return 1 + line.codePointCount(0, Math.min(idx, line.length()));
    }

    private static int skipWs(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }

    /** Reads a dotted key starting at {@code i}; returns the index after it or -1. */
    private static int keys(String line, int i, List<String> out) {
        while (true) {
            i = skipWs(line, i);
            if (i >= line.length()) return -1;
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != c) {
                    if (c == '"' && line.charAt(j) == '\\' && j + 1 < line.length()) {
                        char e = line.charAt(++j);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case 'b' -> sb.append('\b');
                            case 'f' -> sb.append('\f');
                            case 'u', 'U' -> {
                                int len = e == 'u' ? 4 : 8;
                                if (j + len < line.length()) {
                                    sb.appendCodePoint(Integer.parseInt(line.substring(j + 1, j + 1 + len), 16));
                                    j += len;
                                }
                            }
                            default -> sb.append(e);
                        }
                        j++;
                    } else {
                        sb.append(line.charAt(j++));
                    }
                }
                if (j >= line.length()) return -1;
                out.add(sb.toString());
                i = j + 1;
            } else {
                int j = i;
                while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) && line.charAt(j) < 128
                        || line.charAt(j) == '_' || line.charAt(j) == '-')) {
                    j++;
                }
                if (j == i) return -1;
                out.add(line.substring(i, j));
                i = j;
            }
            int d = skipWs(line, i);
            if (d < line.length() && line.charAt(d) == '.') {
                i = d + 1;
            } else {
                return i;
            }
        }
    }
}
