package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.graph.GraphProblem;

/** {@code stage-inside-output}: a pipeline file inside another stage's output directory. */
public final class StageInsideOutputRule extends GraphProblemRule {
    @Override
    public String id() {
        return "stage-inside-output";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "A dvc.yaml or .dvc file lies inside another stage's output directory";
    }

    @Override
    GraphProblem.Kind kind() {
        return GraphProblem.Kind.STAGE_INSIDE_OUTPUT;
    }

    @Override
    public void check(RuleContext ctx) {
        super.check(ctx);
        // the more common, silent form: the walk never enters the output folder, so the inner file is not loaded
        for (io.dvclint.model.Project.SkippedPipeline p : ctx.project().skippedPipelines()) {
            String inner = ctx.project().rel(p.file());
            ctx.report(Severity.WARNING, p.owner().file().path(), p.out().pos(), "'" + inner + "' is not loaded: it "
                            + "lies inside output '" + p.out().path() + "' of " + p.owner()
                            + ", so DVC skips it too (its stages are not in `dvc dag` and `dvc repro` of "
                            + p.owner() + " deletes the folder with it)",
                    "move the pipeline out of the output folder, or write the output elsewhere",
                    java.util.List.of());
        }
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                A `dvc.yaml` (or `.dvc` file) located inside a directory that a stage declares as its output.

                ## Why it matters

                DVC raises `StagePathAsOutputError` ("stage: 'x' is within an output 'dir' of another stage") when
                it meets such a file first; more often its repository walk silently skips folders that are outputs
                of stages already found, so the inner pipeline is simply **not loaded** (`dvc dag` does not show
                it), and `dvc repro` of the outer stage deletes the whole folder — the inner `dvc.yaml` included —
                before running its command.

                ## Example

                ```yaml
                # dvc.yaml
                stages:
                  fetch:
                    cmd: python fetch.py
                    outs: [sub]          # sub/dvc.yaml lives in here
                ```

                The silent form is reported as a warning on the output that hides the inner `dvc.yaml`; the
                `StagePathAsOutputError` form (the inner file was found first) as an error.

                Fix: move the output (`sub/data`) or the inner pipeline out of it.
                """;
    }
}
