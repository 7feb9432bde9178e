package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.graph.GraphProblem;
import java.util.List;

/**
 * Base of the rules that report what DVC's graph construction ({@code dvc/repo/graph.py:build_graph}) refuses:
 * each reports the {@link GraphProblem}s of one kind, all of them at once where DVC stops at the first.
 */
abstract class GraphProblemRule extends Rule {
    GraphProblemRule(String id, Severity severity, String summary) {
        super(id, severity, summary);
    }

    abstract GraphProblem.Kind kind();

    @Override
    public void check(RuleContext ctx) {
        for (GraphProblem p : ctx.graph().problems()) {
            if (p.kind() == kind()) ctx.report(p.file(), p.pos(), p.message(), p.hint(), List.of());
        }
    }
}
