package io.dvclint.load;

import io.dvclint.findings.Findings;
import io.dvclint.model.DvcFile;
import io.dvclint.yaml.YMap;

/** Resolves the stages of a schema-valid dvc.yaml into the model. */
final class StageResolution {
    private final Findings findings;

    StageResolution(Findings findings) {
        this.findings = findings;
    }

    void resolve(DvcFile f) {
        if (!(f.root().get("stages") instanceof YMap stages)) return;
        for (YMap.Entry e : stages.entries()) {
            if (!(e.value() instanceof YMap def)) continue;
            if (def.has("foreach") || def.has("matrix")) continue;
            f.stages().add(StageBuilder.build(f, e.name(), null, e.key().pos(), def));
        }
    }
}
