package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.graph.GraphProblem;

/** {@code duplicate-output}: the same path declared as an output twice. */
public final class DuplicateOutputRule extends GraphProblemRule {
    public DuplicateOutputRule() {
        super("duplicate-output", Severity.ERROR,
                "The same path is an output of two stages, or twice of one stage (DVC refuses the project)");
    }

    @Override
    GraphProblem.Kind kind() {
        return GraphProblem.Kind.DUPLICATE_OUTPUT;
    }
}
