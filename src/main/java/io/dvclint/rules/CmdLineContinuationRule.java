package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Commands;
import io.dvclint.model.Stage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * {@code cmd-line-continuation}: a multi-line string {@code cmd} whose line continues on the next one (a trailing
 * backslash, {@code &&} or {@code |}, an open quote, {@code if ... then} without {@code fi}, ...). DVC runs every
 * line as a separate shell command, so such a command breaks.
 */
public final class CmdLineContinuationRule extends Rule {
    private static final Map<String, String> CLOSERS = Map.of("if", "fi", "for", "done", "while", "done",
            "until", "done", "select", "done", "case", "esac", "{", "}");

    @Override
    public String id() {
        return "cmd-line-continuation";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "Multi-line `cmd` with a line that continues on the next (DVC runs each line as a separate command)";
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.project().stages()) {
            if (!(s.cmd() instanceof String cmd)) continue;
            List<String> lines = Commands.splitLines(cmd);
            int last = lines.size() - 1;
            while (last >= 0 && lines.get(last).isBlank()) last--;
            for (int k = 0; k < last; k++) {
                String why = openAtEnd(lines.get(k));
                if (why == null) continue;
                ctx.report(s, s.cmdPos() != null ? s.cmdPos() : s.pos(), "line " + (k + 1) + " of the cmd of " + s
                        + " (`" + shorten(lines.get(k).strip()) + "`) " + why + ", but DVC runs each line of a "
                        + "multi-line cmd as a separate shell command", "join the lines: fold the block with `>` "
                        + "instead of `|`, write `cmd` as a list of complete commands, or move the commands into a "
                        + "script", List.of());
                break;
            }
        }
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Why the line cannot be run on its own (it continues on the next), or null. */
    static String openAtEnd(String line) {
        ShellLex.Result r = ShellLex.lex(line);
        if (r.trailingBackslash()) return "ends with a `\\` line continuation";
        if (r.openQuote()) return "leaves a quote, `$(` or backquote open";
        if (r.heredoc()) return "starts a here-document";
        List<ShellLex.Tok> toks = r.toks();
        if (toks.isEmpty()) return null;
        ShellLex.Tok lastTok = toks.get(toks.size() - 1);
        if (lastTok.op() && (lastTok.raw().equals("&&") || lastTok.raw().equals("||") || lastTok.raw().equals("|"))) {
            return "ends with `" + lastTok.raw() + "`";
        }
        Deque<String> open = new ArrayDeque<>();
        int parens = 0;
        boolean cmdPos = true;
        for (ShellLex.Tok t : toks) {
            if (t.op()) {
                if (t.raw().equals("(") && !open.contains("case")) parens++;
                if (t.raw().equals(")") && !open.contains("case")) parens--;
                cmdPos = ShellLex.separates(t);
                continue;
            }
            if (!cmdPos || t.quoted()) {
                cmdPos = false;
                continue;
            }
            String w = t.raw();
            if (CLOSERS.containsKey(w)) {
                open.push(w);
            } else if (CLOSERS.containsValue(w)) {
                if (!open.isEmpty() && CLOSERS.get(open.peek()).equals(w)) open.pop();
            } else if (!(w.equals("then") || w.equals("do") || w.equals("else") || w.equals("elif") || w.equals("!"))) {
                cmdPos = false;
            }
        }
        if (!open.isEmpty()) {
            String o = open.peekLast();
            return "opens `" + o + "` without its `" + CLOSERS.get(o) + "` on the same line";
        }
        if (parens > 0) return "opens a `(` without its `)` on the same line";
        return null;
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                A `cmd` written as a multi-line string (a `|` block, or a quoted string with line breaks) in
                which a line, other than the last, does not end a complete shell command:

                - it ends with a `\\` line continuation;
                - it ends with `&&`, `||` or `|`;
                - it leaves a quote, a `$(...)` or a backquote open;
                - it opens `if`, `for`, `while`, `until`, `case`, `{` or `(` without closing it on the same line;
                - it starts a here-document (`<<EOF`).

                ## Why it matters

                DVC splits a string `cmd` into lines (`cmd.splitlines()`) and runs **each line as a separate
                shell process** (DVC PR #5194), stopping at the first that fails. A construct that
                spans lines is therefore cut in pieces: `python train.py \\` runs without the arguments of the
                next lines and the next line runs as a command of its own (`--epochs: command not found`);
                `a &&` and `if ...; then` are shell syntax errors. The stage fails at `dvc repro` — after DVC
                deleted its outputs — or, worse, runs with the wrong arguments and succeeds.

                ## Example

                ```yaml
                stages:
                  train:
                    cmd: |
                      python train.py \\
                        --epochs 10
                ```

                Fixed, either folded (`>` joins the lines with spaces into one command):

                ```yaml
                    cmd: >
                      python train.py
                      --epochs 10
                ```

                or as a list of complete commands (`cmd: [python prepare.py, python train.py --epochs 10]`),
                or with the logic moved into a script that the stage lists in its `deps`.
                """;
    }
}
