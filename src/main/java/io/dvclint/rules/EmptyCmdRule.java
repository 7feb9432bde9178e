package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Stage;
import java.util.List;

/** {@code empty-cmd}: a stage whose command is empty, so DVC never runs anything for it. */
public final class EmptyCmdRule extends Rule {
    @Override
    public String id() {
        return "empty-cmd";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "Stage with an empty `cmd`: DVC never runs it and treats its outputs as data sources";
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

    @Override
    public String docs() {
        return """
                ## What it flags

                `cmd: ""`, `cmd: []`, or a command made only of white space.

                ## Why it matters

                The schema only requires `cmd` to be present. DVC decides whether to run a stage with
                `if self.cmd`: an empty string or list is falsy, so `dvc repro` does not run anything and
                instead "verifies" the stage like a `.dvc` data source (failing with `missing data 'source'` when
                an output does not exist). An empty command also means the stage is not a callback stage and
                its lock entry is rewritten from whatever is in the workspace. A white-space-only command runs
                a shell that does nothing. Either way the outputs are never produced by the pipeline.

                ## Example

                ```yaml
                stages:
                  train:
                    cmd: ""
                    outs: [model.pkl]
                ```

                Fixed:

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                    outs: [model.pkl]
                ```
                """;
    }
}
