package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.OutKind;

/** {@code plots-cached}: a stage plots file that DVC caches because {@code cache: false} is missing. */
public final class PlotsCachedRule extends CachedOutputRule {
    public PlotsCachedRule() {
        super("plots-cached", Severity.INFO,
                "Stage plots file without `cache: false` (DVC caches it by default)", OutKind.PLOTS);
    }
}
