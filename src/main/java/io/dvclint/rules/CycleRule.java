package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.graph.GraphProblem;

/** {@code cycle}: stages that depend on each other's outputs, or a stage on its own output. */
public final class CycleRule extends GraphProblemRule {
    public CycleRule() {
        super("cycle", Severity.ERROR,
                "Stages that depend, directly or through others, on their own outputs (DVC refuses the pipeline)");
    }

    @Override
    GraphProblem.Kind kind() {
        return GraphProblem.Kind.CYCLE;
    }
}
