package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.OutKind;

/** {@code metrics-cached}: a stage metrics file that DVC caches because {@code cache: false} is missing. */
public final class MetricsCachedRule extends CachedOutputRule {
    public MetricsCachedRule() {
        super(OutKind.METRICS);
    }

    @Override
    public String id() {
        return "metrics-cached";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Stage metrics file without `cache: false` (DVC caches it by default)";
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                An entry of a stage's `metrics:` list that does not say `cache:`.

                ## Why it matters

                In DVC 3, stage `metrics` (and `plots`) are outputs like any other: `cache: true` is the
                default. A cached metrics file is moved into the DVC cache, added to `.gitignore` and only a hash
                is recorded in `dvc.lock`. Consequences:

                - the numbers are not in Git: they do not show up in reviews or `git diff`, and other clones see
                  them only after `dvc pull`;
                - `dvc metrics diff` / `dvc exp show` against other revisions need those revisions' cache objects;
                - after `git checkout` of another commit, the metrics file in the workspace keeps its old
                  content until `dvc checkout`, so the numbers you read may not belong to that commit.

                Metrics files are small and meant to be read and compared: keep them in Git with `cache: false`.
                An explicit `cache: true` is respected (not flagged): it documents that caching is intended.

                ## Example

                ```yaml
                stages:
                  evaluate:
                    cmd: python evaluate.py
                    deps: [model.pkl]
                    metrics:
                      - metrics.json
                ```

                Fixed (`dvclint lint --fix` does this):

                ```yaml
                    metrics:
                      - metrics.json:
                          cache: false
                ```

                With a flags mapping, `cache: false` is added to it; in flow style
                (`metrics: [metrics.json]`) the entry becomes `{metrics.json: {cache: false}}`.
                """;
    }
}
