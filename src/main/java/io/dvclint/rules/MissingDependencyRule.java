package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.graph.PipelineGraph;
import io.dvclint.model.Dep;
import io.dvclint.model.Stage;
import java.util.List;

/** {@code missing-dependency}: a dep that is not on disk, produced by no stage and tracked by no .dvc file. */
public final class MissingDependencyRule extends Rule {
    @Override
    public String id() {
        return "missing-dependency";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Dependency that does not exist, is produced by no stage and tracked by no `.dvc` file";
    }

    @Override
    public void check(RuleContext ctx) {
        // producers in a pipeline file that did not load or resolve are unknown: say nothing rather than guess
        for (io.dvclint.model.DvcFile f : ctx.project().dvcFiles()) {
            if (!f.valid() || f.templating() != null && !f.templating().errors().isEmpty()) return;
        }
        PipelineGraph graph = null;
        java.util.Map<java.nio.file.Path, Boolean> existing = new java.util.HashMap<>(); // stages share deps
        for (Stage s : ctx.project().stages()) {
            for (Dep d : s.deps()) {
                if (Paths3.isUrl(d.path()) || Paths3.isTemplated(d.path()) || d.path().isEmpty()) continue;
                if (DvcFileAsOutputRule.isDvcFile(d.path())) continue; // reported by dvc-file-as-output
                Boolean there = existing.get(d.abs());
                if (there == null) {
                    there = exists(d);
                    existing.put(d.abs(), there);
                }
                if (there) continue;
                if (graph == null) graph = PipelineGraph.of(ctx.project());
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

    @Override
    public String docs() {
        return """
                ## What it flags

                A `deps` path that does not exist on disk, is not an output of any stage (equal to, inside or
                containing one), and is not tracked by a `.dvc` file. Remote dependencies (`s3://`, `https://`,
                `remote://`, `ds://`, ...) and paths with unresolved `${...}` are skipped, and nothing is reported
                while a `dvc.yaml` of the project fails to load or to resolve its templating (the stages it would
                define, and so the producers, are unknown).

                ## Why it matters

                Before running a stage, DVC hashes its dependencies. A dependency that does not exist fails
                the stage with `dependency 'x' does not exist` (or a raw `No such file or directory` for stages
                eligible for the run-cache) — and it fails only after DVC deleted the stage's outputs. `dvc
                status` shows it as `deleted`. Nothing in the project can recreate it: no stage writes it, and
                `dvc pull` / `dvc checkout` cannot restore it because no `.dvc` file tracks it.

                Typical causes: a typo or a renamed file, a path written relative to the project root while
                the stage has a `wdir`, data that was added to Git's `.gitignore` but never `dvc add`ed, or an
                output of a stage that was removed.

                A project checked out without its data (a fresh clone before `dvc pull`) has no missing
                dependencies by this rule as long as each dependency is produced by a stage or tracked by a
                `.dvc` file. A dependency that is meant to be provided by hand before running (downloaded by a
                script outside DVC, a symlink created per machine) is reported; suppress the finding for it.

                ## Example

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                    deps:
                      - train.py
                      - data/train.csv    # no such file, no stage writes it, no data/train.csv.dvc
                ```

                Fixed: `dvc add data/train.csv` (commit `data/train.csv.dvc`), or add the stage producing it:

                ```yaml
                stages:
                  download:
                    cmd: python download.py
                    deps: [download.py]
                    outs: [data/train.csv]
                  train:
                    ...
                ```
                """;
    }
}
