package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.graph.GraphProblem;
import io.dvclint.model.Project;
import java.util.List;

/** {@code stage-inside-output}: a pipeline file inside another stage's output directory. */
public final class StageInsideOutputRule extends GraphProblemRule {
    public StageInsideOutputRule() {
        super("stage-inside-output", Severity.ERROR,
                "A dvc.yaml or .dvc file lies inside another stage's output directory");
    }

    @Override
    GraphProblem.Kind kind() {
        return GraphProblem.Kind.STAGE_INSIDE_OUTPUT;
    }

    @Override
    public void check(RuleContext ctx) {
        super.check(ctx);
        // the more common, silent form: the walk never enters the output folder, so the inner file is not loaded
        for (Project.SkippedPipeline p : ctx.project().skippedPipelines()) {
            String inner = ctx.project().rel(p.file());
            ctx.report(Severity.WARNING, p.owner().file().path(), p.out().pos(), "'" + inner + "' is not loaded: it "
                            + "lies inside output '" + p.out().path() + "' of " + p.owner()
                            + ", so DVC skips it too (its stages are not in `dvc dag` and `dvc repro` of "
                            + p.owner() + " deletes the folder with it)",
                    "move the pipeline out of the output folder, or write the output elsewhere",
                    List.of());
        }
    }
}
