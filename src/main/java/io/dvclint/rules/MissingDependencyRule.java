package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.graph.PipelineGraph;
import io.dvclint.model.Dep;
import io.dvclint.model.DvcFile;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code missing-dependency}: a dep that is not on disk, produced by no stage and tracked by no .dvc file. */
public final class MissingDependencyRule extends Rule {
    public MissingDependencyRule() {
        super("missing-dependency", Severity.WARNING,
                "Dependency that does not exist, is produced by no stage and tracked by no `.dvc` file");
    }

    @Override
    public void check(RuleContext ctx) {
        // producers in a pipeline file that did not load or resolve are unknown: say nothing rather than guess
        for (DvcFile f : ctx.project().dvcFiles()) {
            if (!f.valid() || f.templating() != null && !f.templating().errors().isEmpty()) return;
        }
        PipelineGraph graph = null;
        Map<Path, Boolean> existing = new HashMap<>(); // stages share deps
        for (Stage s : ctx.project().stages()) {
            for (Dep d : s.deps()) {
                if (PathNames.isUrl(d.path()) || PathNames.isTemplated(d.path()) || d.path().isEmpty()) continue;
                if (DvcFileAsOutputRule.isDvcFile(d.path())) continue; // reported by dvc-file-as-output
                Boolean there = existing.get(d.abs());
                if (there == null) {
                    there = exists(d);
                    existing.put(d.abs(), there);
                }
                if (there) continue;
                if (graph == null) graph = ctx.graph();
                if (!graph.producersOf(d.abs()).isEmpty()) continue;
                ctx.report(s, d.pos(), "dependency '" + d.path() + "' of " + s + " does not exist, no stage "
                        + "produces it and no .dvc file tracks it: `dvc repro` fails with \"dependency '"
                        + d.path() + "' does not exist\"", "create it, `dvc add` it (or `dvc import` it), add the "
                        + "stage that writes it to the pipeline, or fix the path (it is relative to the stage's "
                        + "wdir)", List.of());
            }
        }
    }

    private static boolean exists(Dep d) {
        try {
            return Inputs.exists(d.abs()) || Inputs.isSymbolicLink(d.abs());
        } catch (RuntimeException e) {
            return true;
        }
    }
}
