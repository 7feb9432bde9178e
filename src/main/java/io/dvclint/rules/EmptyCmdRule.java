package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Stage;
import java.util.List;

/** {@code empty-cmd}: a stage whose command is empty, so DVC never runs anything for it. */
public final class EmptyCmdRule extends Rule {
    public EmptyCmdRule() {
        super("empty-cmd", Severity.ERROR,
                "Stage with an empty `cmd`: DVC never runs it and treats its outputs as data sources");
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.project().stages()) {
            Object cmd = s.cmd();
            if (cmd instanceof String str && str.isEmpty() || cmd instanceof List<?> l && l.isEmpty()) {
                ctx.report(s, s.cmdPos(), s + " has an empty cmd: DVC never runs it and only checks that its "
                        + "outputs exist", "write the command that produces its outputs", List.of());
            } else if (cmd instanceof String str && str.isBlank()
                    || cmd instanceof List<?> l && l.stream().allMatch(x -> x instanceof String c && c.isBlank())) {
                ctx.report(s, s.cmdPos(), s + " has a cmd made only of white space: it runs nothing",
                        "write the command that produces its outputs", List.of());
            }
        }
    }
}
