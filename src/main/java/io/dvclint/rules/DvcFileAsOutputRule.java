package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.Dep;
import io.dvclint.model.Out;
import io.dvclint.model.Stage;
import java.util.List;

/** {@code dvc-file-as-output}: a .dvc file or dvc.yaml named as an output or dependency. */
public final class DvcFileAsOutputRule extends Rule {
    @Override
    public String id() {
        return "dvc-file-as-output";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "A `.dvc` file or `dvc.yaml` named as an output or dependency (DVC refuses to load the stage)";
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
                if (isDvcFile(d.path()) && !Paths3.isUrl(d.path())) {
                    ctx.report(s, d.pos(), "DVC file '" + d.path() + "' cannot be a dependency.",
                            d.path().endsWith(".dvc") ? "depend on the data it tracks instead: '"
                                    + d.path().substring(0, d.path().length() - 4) + "'"
                                    : "depend on the outputs of that pipeline's stages instead", List.of());
                }
            }
        }
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                An `outs`/`metrics`/`plots` or `deps` path that ends in `.dvc` or whose file name is `dvc.yaml`
                — DVC's own test (`dvc/dvcfile.py:is_valid_filename`), which also matches the `.dvc` folder.

                ## Why it matters

                DVC checks every output and dependency path when it loads a stage and fails with
                `OutputIsStageFileError` "DVC file '{path}' cannot be an output." (or the dependency variant
                "... cannot be a dependency."). The whole `dvc.yaml` then fails to load: `dvc repro`, `dvc
                status` and `dvc dag` all stop. A `.dvc` file is metadata about data: depend on the data itself,
                whose stage (`dvc add`) DVC links into the DAG automatically.

                ## Example

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                    deps:
                      - data/raw.csv.dvc
                ```

                Fixed:

                ```yaml
                    deps:
                      - data/raw.csv
                ```
                """;
    }
}
