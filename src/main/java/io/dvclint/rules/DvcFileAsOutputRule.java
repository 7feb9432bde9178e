package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Dep;
import io.dvclint.model.Out;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import java.util.List;

/** {@code dvc-file-as-output}: a .dvc file or dvc.yaml named as an output or dependency. */
public final class DvcFileAsOutputRule extends Rule {
    public DvcFileAsOutputRule() {
        super("dvc-file-as-output", Severity.ERROR,
                "A `.dvc` file or `dvc.yaml` named as an output or dependency (DVC refuses to load the stage)");
    }

    /** DVC's {@code is_valid_filename}: ends with ".dvc" or is named "dvc.yaml". */
    static boolean isDvcFile(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.endsWith(".dvc") || path.substring(slash + 1).equals("dvc.yaml");
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.project().stages()) {
            for (Out o : s.outs()) {
                if (isDvcFile(o.path())) {
                    ctx.report(s, o.pos(), "DVC file '" + o.path() + "' cannot be an output.",
                            "DVC files describe pipelines and data; a stage cannot produce one", List.of());
                }
            }
            for (Dep d : s.deps()) {
                if (isDvcFile(d.path()) && !PathNames.isUrl(d.path())) {
                    ctx.report(s, d.pos(), "DVC file '" + d.path() + "' cannot be a dependency.",
                            d.path().endsWith(".dvc") ? "depend on the data it tracks instead: '"
                                    + d.path().substring(0, d.path().length() - 4) + "'"
                                    : "depend on the outputs of that pipeline's stages instead", List.of());
                }
            }
        }
    }
}
