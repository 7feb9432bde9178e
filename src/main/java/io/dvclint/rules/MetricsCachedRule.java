package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.OutKind;

/** {@code metrics-cached}: a stage metrics file that DVC caches because {@code cache: false} is missing. */
public final class MetricsCachedRule extends CachedOutputRule {
    public MetricsCachedRule() {
        super("metrics-cached", Severity.WARNING,
                "Stage metrics file without `cache: false` (DVC caches it by default)", OutKind.METRICS);
    }
}
