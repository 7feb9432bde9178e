package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Stage;
import io.dvclint.script.ShellLex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code cmd-line-state}: a command of a multi-command {@code cmd} that only changes shell state ({@code cd},
 * {@code export}, {@code source venv/bin/activate}, {@code X=1}) for the commands after it, which DVC runs in
 * separate shells.
 */
public final class CmdLineStateRule extends Rule {
    public CmdLineStateRule() {
        super("cmd-line-state", Severity.WARNING,
                "A line of a multi-line `cmd` only sets shell state (`cd`, `export`, `source`, `X=1`) that the"
                        + " next lines do not see");
    }

    private static final Set<String> STATE = Set.of("cd", "pushd", "popd", "export", "source", ".", "unset",
            "alias", "umask", "ulimit", "shopt", "declare", "typeset", "readonly");

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.project().stages()) {
            List<String> cmds = new ArrayList<>();
            for (String c : s.commands()) if (!c.isBlank()) cmds.add(c);
            for (int k = 0; k < cmds.size() - 1; k++) {
                String what = stateOnly(cmds.get(k));
                if (what == null) continue;
                String unit = s.cmd() instanceof List<?> ? "item" : "line";
                ctx.report(s, s.cmdPos() != null ? s.cmdPos() : s.pos(), unit + " " + (k + 1) + " of the cmd of "
                        + s + " (`" + cmds.get(k).strip() + "`) only " + what + ", but DVC runs each " + unit
                        + " in a new shell: the next ones do not see it", "join them on one line with `&&` (`"
                        + cmds.get(k).strip() + " && ...`), or move the commands into a script", List.of());
                break;
            }
        }
    }

    /** What the command changes when it does nothing but change shell state, or null. */
    static String stateOnly(String line) {
        ShellLex.Result r = ShellLex.lex(line);
        if (r.openQuote() || r.trailingBackslash() || r.heredoc()) return null;
        for (ShellLex.Tok t : r.toks()) {
            if (t.op() && !t.raw().equals(";") && !t.raw().equals("&&")) return null;
        }
        List<List<ShellLex.Tok>> cmds = ShellLex.commands(r.toks());
        if (cmds.isEmpty()) return null;
        String what = null;
        for (List<ShellLex.Tok> c : cmds) {
            String w = describe(c);
            if (w == null) return null;
            if (what == null) what = w;
        }
        return what;
    }

    private static String describe(List<ShellLex.Tok> c) {
        ShellLex.Tok first = c.get(0);
        if (first.quoted()) return null;
        boolean allAssign = true;
        for (ShellLex.Tok t : c) if (!ShellLex.isAssignment(t)) allAssign = false;
        if (allAssign) return "sets a shell variable";
        String w = first.raw();
        if (w.equals("cd") || w.equals("pushd") || w.equals("popd")) return "changes the directory";
        if ((w.equals("conda") || w.equals("mamba") || w.equals("micromamba")) && c.size() > 1
                && (c.get(1).raw().equals("activate") || c.get(1).raw().equals("deactivate"))) {
            return "activates an environment";
        }
        if (w.equals("source") || w.equals(".")) {
            return c.size() > 1 && c.get(1).value().contains("activate") ? "activates an environment"
                    : "sources a file into the shell";
        }
        if (w.equals("export")) return "exports a variable";
        if (STATE.contains(w)) return "changes shell state (`" + w + "`)";
        return null;
    }
}
