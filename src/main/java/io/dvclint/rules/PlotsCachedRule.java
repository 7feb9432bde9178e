package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.OutKind;

/** {@code plots-cached}: a stage plots file that DVC caches because {@code cache: false} is missing. */
public final class PlotsCachedRule extends CachedOutputRule {
    public PlotsCachedRule() {
        super(OutKind.PLOTS);
    }

    @Override
    public String id() {
        return "plots-cached";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.INFO;
    }

    @Override
    public String summary() {
        return "Stage plots file without `cache: false` (DVC caches it by default)";
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                An entry of a stage's `plots:` list that does not say `cache:`.

                ## Why it matters

                Stage `plots` are outputs, cached by default (`cache: true`): the file goes to the DVC cache and
                `.gitignore`, and only its hash to `dvc.lock`. Small plot data (CSV/JSON series of a training
                run) is usually better kept in Git so that `dvc plots diff` across commits and code review work
                without pulling cache objects. Large plot data or images may well belong in the cache, which is
                why this is only `info`; say `cache: true` explicitly to document that choice (not flagged).

                ## Example

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                    plots:
                      - logs/loss.csv:
                          x: step
                ```

                Fixed (`dvclint lint --fix` does this):

                ```yaml
                    plots:
                      - logs/loss.csv:
                          cache: false
                          x: step
                ```
                """;
    }
}
