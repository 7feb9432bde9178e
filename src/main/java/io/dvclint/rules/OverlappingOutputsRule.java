package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.graph.GraphProblem;

/** {@code overlapping-outputs}: one output inside another output's directory. */
public final class OverlappingOutputsRule extends GraphProblemRule {
    public OverlappingOutputsRule() {
        super("overlapping-outputs", Severity.ERROR,
                "An output lies inside another output's directory (DVC refuses the project)");
    }

    @Override
    GraphProblem.Kind kind() {
        return GraphProblem.Kind.OVERLAPPING_OUTPUTS;
    }
}
