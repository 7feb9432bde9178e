package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Stage;
import java.util.List;

/** {@code no-outputs}: a stage with neither dependencies nor outputs, which DVC reruns on every repro. */
public final class NoOutputsRule extends Rule {
    @Override
    public String id() {
        return "no-outputs";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.INFO;
    }

    @Override
    public String summary() {
        return "Stage with neither deps nor outs: DVC runs it on every `dvc repro`";
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

    @Override
    public String docs() {
        return """
                ## What it flags

                A stage that has a command but no `deps`, no `params`, no `outs`, `metrics` or `plots`.

                ## Why it matters

                DVC calls such a stage a *callback stage* (`Stage.is_callback`): with nothing to compare, it is
                considered changed on every `dvc repro` and `dvc status` reports it as `always changed`. It also
                has no edges in the DAG, so DVC cannot order it relative to the stages whose files it reads or
                writes: in the tutorial's "wrong way", `train` may run before `prepare`.

                Not flagged: stages with `always_changed: true` (rerunning is then declared), and `frozen: true`
                stages (DVC never considers a frozen stage changed, so it never runs).

                ## Example

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                ```

                Fixed:

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                    deps:
                      - train.py
                      - data/prepared
                    outs:
                      - model.pkl
                ```
                """;
    }
}
