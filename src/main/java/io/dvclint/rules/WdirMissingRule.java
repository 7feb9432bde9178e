package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.Stage;
import io.dvclint.yaml.Pos;
import java.util.List;

/** {@code wdir-missing}: a stage whose {@code wdir} folder does not exist. */
public final class WdirMissingRule extends Rule {
    public WdirMissingRule() {
        super("wdir-missing", Severity.WARNING, "Stage `wdir` folder does not exist: its command cannot start there");
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
}
