package io.dvclint.script;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small POSIX shell lexer for one command line: words (with their unquoted value) and operators, plus what is
 * left open at the end of the line (a quote, a {@code $(...)}, a trailing backslash, a here-document). Enough to
 * find the scripts a command runs and the constructs that cannot span lines; not a shell parser.
 */
public final class ShellLex {
    /** A word ({@code op == false}; {@code value} unquoted, {@code raw} as written) or an operator. */
    public record Tok(String value, String raw, boolean op, boolean quoted, boolean expands, int start, int end) {
        public boolean is(String s) {
            return !quoted && raw.equals(s);
        }
    }

    public record Result(List<Tok> toks, boolean openQuote, boolean trailingBackslash, boolean heredoc) {
    }

    private static final String[] OPS = {"<<<", "<<-", "&&", "||", ";;", ">>", "<<", ">&", "&>", ">|", "<&", ";",
        "|", "&", "(", ")", ">", "<"};

    private ShellLex() {
    }

    /**
     * The words and operators of a whole command string, which may hold several lines: each line is lexed on its
     * own (a line break separates commands like {@code ;}, which is inserted), offsets are into {@code cmd}.
     */
    public static List<Tok> words(String cmd) {
        List<Tok> out = new ArrayList<>();
        int offset = 0;
        for (String line : cmd.split("\n", -1)) {
            if (!out.isEmpty()) out.add(new Tok(";", "\n", true, false, false, offset - 1, offset));
            for (Tok t : lex(line).toks()) {
                out.add(new Tok(t.value(), t.raw(), t.op(), t.quoted(), t.expands(), t.start() + offset,
                        t.end() + offset));
            }
            offset += line.length() + 1;
        }
        return out;
    }

    public static Result lex(String line) {
        List<Tok> toks = new ArrayList<>();
        boolean heredoc = false;
        int i = 0, n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') break; // a comment: '#' at the start of a word
            if (c == '\\' && i == n - 1) return new Result(toks, false, true, heredoc);
            String op = opAt(line, i);
            if (op != null) {
                toks.add(new Tok(op, op, true, false, false, i, i + op.length()));
                if (op.startsWith("<<") && !op.equals("<<<")) heredoc = true;
                i += op.length();
                continue;
            }
            StringBuilder val = new StringBuilder();
            int start = i;
            boolean quoted = false, expands = false;
            while (i < n) {
                c = line.charAt(i);
                if (c == ' ' || c == '\t' || opAt(line, i) != null) break;
                if (c == '\\') {
                    if (i == n - 1) {
                        toks.add(new Tok(val.toString(), line.substring(start, i), false, quoted, expands, start, i));
                        return new Result(toks, false, true, heredoc);
                    }
                    val.append(line.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '\'') {
                    quoted = true;
                    int j = line.indexOf('\'', i + 1);
                    if (j < 0) return new Result(toks, true, false, heredoc);
                    val.append(line, i + 1, j);
                    i = j + 1;
                    continue;
                }
                if (c == '"') {
                    quoted = true;
                    int j = i + 1;
                    boolean closed = false;
                    while (j < n) {
                        char d = line.charAt(j);
                        if (d == '\\' && j + 1 < n) {
                            char e = line.charAt(j + 1);
                            if ("\"\\$`".indexOf(e) >= 0) val.append(e);
                            else val.append(d).append(e);
                            j += 2;
                            continue;
                        }
                        if (d == '"') {
                            closed = true;
                            break;
                        }
                        if (d == '$' && j + 1 < n && line.charAt(j + 1) == '(') {
                            int k = closeParen(line, j + 2);
                            if (k < 0) return new Result(toks, true, false, heredoc);
                            expands = true;
                            val.append(line, j, k + 1);
                            j = k + 1;
                            continue;
                        }
                        if (d == '$' || d == '`') expands = true;
                        val.append(d);
                        j++;
                    }
                    if (!closed) return new Result(toks, true, false, heredoc);
                    i = j + 1;
                    continue;
                }
                if (c == '$' && i + 1 < n && (line.charAt(i + 1) == '(' || line.charAt(i + 1) == '{')) {
                    int k = line.charAt(i + 1) == '(' ? closeParen(line, i + 2) : line.indexOf('}', i + 2);
                    if (k < 0) return new Result(toks, true, false, heredoc);
                    expands = true;
                    val.append(line, i, k + 1);
                    i = k + 1;
                    continue;
                }
                if (c == '`') {
                    int k = line.indexOf('`', i + 1);
                    if (k < 0) return new Result(toks, true, false, heredoc);
                    expands = true;
                    val.append(line, i, k + 1);
                    i = k + 1;
                    continue;
                }
                if (c == '$' || c == '*' || c == '?' || c == '[' || c == '~') expands = true;
                val.append(c);
                i++;
            }
            toks.add(new Tok(val.toString(), line.substring(start, i), false, quoted, expands, start, i));
        }
        return new Result(toks, false, false, heredoc);
    }

    private static String opAt(String line, int i) {
        switch (line.charAt(i)) {
            case '<', '>', '&', '|', ';', '(', ')' -> {
                for (String op : OPS) if (line.startsWith(op, i)) return op;
                return null;
            }
            default -> {
                return null; // most characters start no operator: skip the 18 comparisons
            }
        }
    }

    /** Index of the ')' closing a '$(' whose content starts at {@code from}, or -1. */
    private static int closeParen(String line, int from) {
        int depth = 1;
        for (int j = from; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\'') {
                j = line.indexOf('\'', j + 1);
                if (j < 0) return -1;
            } else if (c == '"') {
                int k = j + 1;
                while (k < line.length() && line.charAt(k) != '"') k += line.charAt(k) == '\\' ? 2 : 1;
                if (k >= line.length()) return -1;
                j = k;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    /** {@code NAME=value}: a variable assignment (at the start of a command). */
    public static boolean isAssignment(Tok t) {
        return !t.op() && ASSIGNMENT.matcher(t.raw()).matches();
    }

    /** Operators that end a simple command (a line break in {@link #words} reads as {@code ;}). */
    public static boolean separates(Tok t) {
        String v = t.value();
        return t.op() && (v.equals(";") || v.equals("&&") || v.equals("||") || v.equals("|") || v.equals("&")
                || v.equals("(") || v.equals(")") || v.equals(";;"));
    }

    public static boolean redirect(Tok t) {
        return t.op() && !separates(t);
    }

    /** The simple commands of a line: words only, assignments kept, redirections and their targets dropped. */
    public static List<List<Tok>> commands(List<Tok> toks) {
        List<List<Tok>> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (separates(t)) {
                if (!cur.isEmpty()) out.add(cur);
                cur = new ArrayList<>();
            } else if (redirect(t)) {
                i++; // its target
            } else if (!isRedirFd(t, i + 1 < toks.size() ? toks.get(i + 1) : null)) {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    /** {@code 2} in {@code 2> err.log} lexes as a word followed by a redirection. */
    private static boolean isRedirFd(Tok t, Tok next) {
        return next != null && redirect(next) && !t.quoted() && !t.raw().isEmpty()
                && t.raw().chars().allMatch(Character::isDigit);
    }
}
