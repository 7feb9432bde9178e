package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Stage;
import java.util.List;

/** {@code no-outputs}: a stage with neither dependencies nor outputs, which DVC reruns on every repro. */
public final class NoOutputsRule extends Rule {
    public NoOutputsRule() {
        super("no-outputs", Severity.INFO, "Stage with neither deps nor outs: DVC runs it on every `dvc repro`");
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.project().stages()) {
            if (s.frozen() || s.alwaysChanged() || !hasCmd(s.cmd())) continue;
            if (s.deps().isEmpty() && s.params().isEmpty() && s.outs().isEmpty()) {
                ctx.report(s, s.pos(), s + " has neither dependencies nor outputs: DVC treats it as always "
                        + "changed and runs it on every `dvc repro`", "declare what it reads under `deps:` and what "
                        + "it writes under `outs:`, or say `always_changed: true` if rerunning is intended",
                        List.of());
            }
        }
    }

    /** DVC's {@code is_callback} needs a truthy cmd: an empty one makes the stage a data source instead. */
    private static boolean hasCmd(Object cmd) {
        if (cmd instanceof String str) return !str.isEmpty();
        if (cmd instanceof List<?> l) return !l.isEmpty();
        return cmd != null;
    }
}
