package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.Stage;
import io.dvclint.yaml.Pos;
import java.util.List;

/** {@code wdir-missing}: a stage whose {@code wdir} folder does not exist. */
public final class WdirMissingRule extends Rule {
    @Override
    public String id() {
        return "wdir-missing";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Stage `wdir` folder does not exist: its command cannot start there";
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.project().stages()) {
            if (s.wdir() == null || s.wdir().equals(".") || s.wdir().contains("${")) continue;
            if (Inputs.isDirectory(s.wdirAbs())) continue;
            Pos at = s.def() != null && s.def().get("wdir") != null ? s.def().get("wdir").pos() : s.pos();
            boolean file = Inputs.exists(s.wdirAbs());
            ctx.report(s, at, "wdir '" + s.wdir() + "' of " + s + (file ? " is a file, not a folder"
                    : " does not exist"), "DVC runs the command with this folder as its working directory and "
                    + "reads every path of the stage relative to it", List.of());
        }
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                A stage whose `wdir` names a folder that does not exist (or is a file), relative to the folder
                of its `dvc.yaml`.

                ## Why it matters

                DVC runs the stage's command with `wdir` as the working directory and resolves every `deps`,
                `outs` and `params` path of the stage against it. If the folder is missing, `dvc repro` fails for
                this stage (a dependency that does not exist, or a command that cannot start), after DVC already
                deleted the stage's outputs. Usually the folder was renamed or the `wdir` is taken relative to
                the wrong place (it is relative to the folder of the `dvc.yaml`, not to the project root).

                Templated `wdir` values that are still unresolved are skipped.

                ## Example

                ```yaml
                stages:
                  train:
                    wdir: src/trainig
                    cmd: python train.py
                ```

                Fixed: `wdir: src/training`.
                """;
    }
}
