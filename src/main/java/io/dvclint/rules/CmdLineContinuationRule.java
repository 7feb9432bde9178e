package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Commands;
import io.dvclint.model.Stage;
import io.dvclint.script.ShellLex;
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
    public CmdLineContinuationRule() {
        super("cmd-line-continuation", Severity.ERROR,
                "Multi-line `cmd` with a line that continues on the next (DVC runs each line as a separate command)");
    }

    private static final Map<String, String> CLOSERS = Map.of("if", "fi", "for", "done", "while", "done",
            "until", "done", "select", "done", "case", "esac", "{", "}");

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
}
