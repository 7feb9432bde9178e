package io.dvclint.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A small POSIX-shell word splitter for stage commands: quotes and backslashes as {@code sh} reads them, and the
 * control operators ({@code && || ; | &}) as words of their own. No expansion is done; words holding {@code $},
 * backquotes or globs keep them.
 */
final class ShellWords {
    /** A word: its unquoted text, where it is in the command ([start, end)), whether it is an operator. */
    record Word(String text, int start, int end, boolean op, boolean quoted) {
    }

    private ShellWords() {
    }

    static List<Word> split(String cmd) {
        List<Word> out = new ArrayList<>();
        int i = 0, n = cmd.length();
        while (i < n) {
            char c = cmd.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            if (c == '#') break; // a comment to the end of the line
            if (c == ';' || c == '|' || c == '&' || c == '(' || c == ')') {
                int j = i + 1;
                if (j < n && (c == '&' || c == '|') && cmd.charAt(j) == c) j++;
                out.add(new Word(cmd.substring(i, j), i, j, true, false));
                i = j;
                continue;
            }
            StringBuilder sb = new StringBuilder();
            int start = i;
            boolean quoted = false;
            while (i < n) {
                c = cmd.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '|' || c == '&'
                        || c == '(' || c == ')') {
                    break;
                }
                if (c == '\'') {
                    quoted = true;
                    int e = cmd.indexOf('\'', i + 1);
                    if (e < 0) e = n;
                    sb.append(cmd, i + 1, e);
                    i = Math.min(n, e + 1);
                } else if (c == '"') {
                    quoted = true;
                    i++;
                    while (i < n && cmd.charAt(i) != '"') {
                        char d = cmd.charAt(i);
                        if (d == '\\' && i + 1 < n && "$`\"\\\n".indexOf(cmd.charAt(i + 1)) >= 0) {
                            sb.append(cmd.charAt(i + 1));
                            i += 2;
                        } else {
                            sb.append(d);
                            i++;
                        }
                    }
                    i = Math.min(n, i + 1);
                } else if (c == '\\' && i + 1 < n) {
                    if (cmd.charAt(i + 1) != '\n') sb.append(cmd.charAt(i + 1));
                    i += 2;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            out.add(new Word(sb.toString(), start, i, false, quoted));
        }
        return out;
    }

    /** The simple commands of a command line: runs of words between control operators. */
    static List<List<Word>> simpleCommands(String cmd) {
        List<List<Word>> out = new ArrayList<>();
        List<Word> cur = new ArrayList<>();
        for (Word w : split(cmd)) {
            if (w.op()) {
                if (!cur.isEmpty()) out.add(cur);
                cur = new ArrayList<>();
                out.add(List.of(w));
            } else {
                cur.add(w);
            }
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }
}
