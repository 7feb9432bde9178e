package io.dvclint.exec.lock;

/**
 * ruamel.yaml's scalar writers ({@code write_plain}, {@code write_single_quoted}, {@code write_double_quoted},
 * {@code write_literal}, {@code write_folded}), ported line for line onto the {@link Emitter}'s state. Texts are
 * handled as code points, since ruamel counts columns in Python characters.
 *
 * <p>Plain scalars fold at a single blank once the column reaches 80, and break before a word that would pass
 * column 80, leaving the blank before it at the end of the line; double-quoted scalars fold with ruamel's own
 * escaped-newline rules.
 */
final class ScalarWriter {
    private final Emitter e;

    ScalarWriter(Emitter e) {
        this.e = e;
    }

    private static boolean isBreak(int ch) {
        return ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
    }

    /** Python's {@code text[start:end]}: empty when {@code start >= end}. */
    private static String sub(int[] t, int start, int end) {
        if (start >= end) return "";
        return new String(t, start, end - start);
    }

    /** Writes a run of text and advances the column by its length. */
    private void put(int[] t, int start, int end) {
        e.column += end - start;
        e.write(sub(t, start, end));
    }

    private void put(String s) {
        e.column += s.codePointCount(0, s.length());
        e.write(s);
    }

    /** Writes the line breaks of {@code t[start..end)} (a LF, or the break itself). */
    private void breaks(int[] t, int start, int end) {
        for (int i = start; i < end; i++) {
            if (t[i] == '\n') e.writeLineBreak();
            else e.writeLineBreak(new String(Character.toChars(t[i])));
        }
    }

    void writePlain(String text, boolean split) {
        if (e.rootContext) e.openEnded = true;
        if (text.isEmpty()) return;
        if (!e.whitespace) put(" ");
        e.whitespace = false;
        e.indention = false;
        int[] t = text.codePoints().toArray();
        boolean spaces = false;
        boolean brk = false;
        int start = 0;
        for (int end = 0; end <= t.length; end++) {
            int ch = end < t.length ? t[end] : -1;
            if (spaces) {
                if (ch != ' ') {
                    if (start + 1 == end && e.column >= Emitter.BEST_WIDTH && split) {
                        e.writeIndent();
                        e.whitespace = false;
                        e.indention = false;
                    } else {
                        put(t, start, end);
                    }
                    start = end;
                }
            } else if (brk) {
                if (!isBreak(ch)) {
                    if (t[start] == '\n') e.writeLineBreak();
                    breaks(t, start, end);
                    e.writeIndent();
                    e.whitespace = false;
                    e.indention = false;
                    start = end;
                }
            } else {
                if (ch == -1 || ch == ' ' || isBreak(ch)) {
                    int len = end - start;
                    if (len + e.column > Emitter.BEST_WIDTH && e.indent != null && e.column > e.indent) {
                        // a word that would pass the width starts a new line
                        e.writeIndent();
                    }
                    put(t, start, end);
                    start = end;
                }
            }
            if (ch != -1) {
                spaces = ch == ' ';
                brk = isBreak(ch);
            }
        }
    }

    void writeSingleQuoted(String text, boolean split) {
        e.writeIndicator("'", true, false, false);
        int[] t = text.codePoints().toArray();
        boolean spaces = false;
        boolean brk = false;
        int start = 0;
        for (int end = 0; end <= t.length; end++) {
            int ch = end < t.length ? t[end] : -1;
            if (spaces) {
                if (ch == -1 || ch != ' ') {
                    if (start + 1 == end && e.column > Emitter.BEST_WIDTH && split && start != 0 && end != t.length) {
                        e.writeIndent();
                    } else {
                        put(t, start, end);
                    }
                    start = end;
                }
            } else if (brk) {
                if (ch == -1 || !isBreak(ch)) {
                    if (t[start] == '\n') e.writeLineBreak();
                    breaks(t, start, end);
                    e.writeIndent();
                    start = end;
                }
            } else {
                if (ch == -1 || ch == ' ' || isBreak(ch) || ch == '\'') {
                    if (start < end) {
                        put(t, start, end);
                        start = end;
                    }
                }
            }
            if (ch == '\'') {
                put("''");
                start = end + 1;
            }
            if (ch != -1) {
                spaces = ch == ' ';
                brk = isBreak(ch);
            }
        }
        e.writeIndicator("'", false, false, false);
    }

    private static String escape(int ch) {
        return switch (ch) {
            case 0 -> "0";
            case 0x07 -> "a";
            case 0x08 -> "b";
            case 0x09 -> "t";
            case 0x0A -> "n";
            case 0x0B -> "v";
            case 0x0C -> "f";
            case 0x0D -> "r";
            case 0x1B -> "e";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 0x85 -> "N";
            case 0xA0 -> "_";
            case 0x2028 -> "L";
            case 0x2029 -> "P";
            default -> null;
        };
    }

    private static boolean printable(int ch) {
        return (ch >= 0x20 && ch <= 0x7E) || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD)
                || (ch >= 0x10000 && ch <= 0x10FFFF);
    }

    private static int indexOf(int[] t, int ch, int from, int to) {
        for (int i = from; i < to; i++) if (t[i] == ch) return i;
        return -1;
    }

    void writeDoubleQuoted(String text, boolean split) {
        e.writeIndicator("\"", true, false, false);
        int[] t = text.codePoints().toArray();
        int n = t.length;
        int start = 0;
        for (int end = 0; end <= n; end++) {
            int ch = end < n ? t[end] : -1;
            if (ch == -1 || ch == '"' || ch == '\\' || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xFEFF
                    || !printable(ch)) {
                if (start < end) {
                    put(t, start, end);
                    start = end;
                }
                if (ch != -1) {
                    String esc = escape(ch);
                    String data;
                    if (esc != null) data = "\\" + esc;
                    else if (ch <= 0xFF) data = String.format("\\x%02X", ch);
                    else if (ch <= 0xFFFF) data = String.format("\\u%04X", ch);
                    else data = String.format("\\U%08X", ch);
                    put(data);
                    start = end + 1;
                }
            }
            if (0 < end && end < n - 1 && (ch == ' ' || start >= end) && e.column + (end - start) > Emitter.BEST_WIDTH
                    && split) {
                boolean needBackslash = needBackslash(t, start, end);
                String data = sub(t, start, end) + (needBackslash ? "\\" : "");
                if (start < end) start = end;
                put(data);
                e.writeIndent();
                e.whitespace = false;
                e.indention = false;
                if (t[start] == ' ') {
                    if (!needBackslash) start += 1;
                    put(needBackslash ? "\\" : "");
                }
            }
        }
        e.writeIndicator("\"", false, false, false);
    }

    /** Whether a fold in a double-quoted scalar must end with {@code \\} (ruamel's rules, IndexError included). */
    private static boolean needBackslash(int[] t, int start, int end) {
        int n = t.length;
        if (n <= end) return true;
        int spacePos = indexOf(t, ' ', end, n);
        if (spacePos < 0) return true;
        int nl = indexOf(t, '\n', end, spacePos);
        if (nl >= 0) spacePos = nl;
        if (t[spacePos] == '\n') {
            if (spacePos + 1 >= n) return true;
            if (t[spacePos + 1] != ' ') return true;
        }
        if (spacePos + 1 >= n) return true;
        boolean quotes = indexOf(t, '"', end, spacePos) >= 0 || indexOf(t, '\'', end, spacePos) >= 0;
        boolean doubleBlank = end - 1 >= 0 && end + 1 <= n && t[end - 1] == ' ' && t[end] == ' ';
        if (!quotes && t[spacePos + 1] != ' ' && t[spacePos + 1] != '\n' && !doubleBlank && start != end) {
            return false;
        }
        return true;
    }

    /** {@code determine_block_hints}: indentation indicator and chomping ({@code -}, {@code +} or none). */
    private String[] blockHints(int[] t) {
        String hints = "";
        String indicator = "";
        if (t.length > 0) {
            if (t[0] == ' ' || isBreak(t[0])) {
                hints += "2";
            } else if (e.rootContext) {
                // a document marker inside a root literal forces an indentation indicator
                String s = sub(t, 0, t.length);
                for (String marker : new String[] {"---", "..."}) {
                    int pos = 0;
                    boolean found = false;
                    while (true) {
                        pos = s.indexOf(marker, pos);
                        if (pos < 0) break;
                        if (pos == 0 || s.charAt(pos - 1) == '\n') {
                            int after = pos + marker.length();
                            if (after < s.length() && " \r\n".indexOf(s.charAt(after)) >= 0) {
                                found = true;
                                break;
                            }
                        }
                        pos++;
                    }
                    if (found) break;
                }
            }
            int last = t[t.length - 1];
            if (!isBreak(last)) indicator = "-";
            else if (t.length == 1 || isBreak(t[t.length - 2])) indicator = "+";
        }
        return new String[] {hints + indicator, indicator};
    }

    void writeLiteral(String text) {
        int[] t = text.codePoints().toArray();
        String[] hints = blockHints(t);
        e.writeIndicator("|" + hints[0], true, false, false);
        if (hints[1].equals("+")) e.openEnded = true;
        e.writeLineBreak();
        boolean brk = true;
        int start = 0;
        for (int end = 0; end <= t.length; end++) {
            int ch = end < t.length ? t[end] : -1;
            if (brk) {
                if (ch == -1 || !isBreak(ch)) {
                    breaks(t, start, end);
                    if (ch != -1) e.writeIndent();
                    start = end;
                }
            } else if (ch == -1 || isBreak(ch)) {
                e.write(sub(t, start, end));
                if (ch == -1) e.writeLineBreak();
                start = end;
            }
            if (ch != -1) brk = isBreak(ch);
        }
    }

    void writeFolded(String text) {
        int[] t = text.codePoints().toArray();
        String[] hints = blockHints(t);
        e.writeIndicator(">" + hints[0], true, false, false);
        if (hints[1].equals("+")) e.openEnded = true;
        e.writeLineBreak();
        boolean leadingSpace = true;
        boolean spaces = false;
        boolean brk = true;
        int start = 0;
        for (int end = 0; end <= t.length; end++) {
            int ch = end < t.length ? t[end] : -1;
            if (brk) {
                if (ch == -1 || !isBreak(ch)) {
                    if (!leadingSpace && ch != -1 && ch != ' ' && t[start] == '\n') e.writeLineBreak();
                    leadingSpace = ch == ' ';
                    breaks(t, start, end);
                    if (ch != -1) e.writeIndent();
                    start = end;
                }
            } else if (spaces) {
                if (ch != ' ') {
                    if (start + 1 == end && e.column > Emitter.BEST_WIDTH) e.writeIndent();
                    else put(t, start, end);
                    start = end;
                }
            } else if (ch == -1 || ch == ' ' || isBreak(ch)) {
                put(t, start, end);
                if (ch == -1) e.writeLineBreak();
                start = end;
            }
            if (ch != -1) {
                brk = isBreak(ch);
                spaces = ch == ' ';
            }
        }
    }
}
