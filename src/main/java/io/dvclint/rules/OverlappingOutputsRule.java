package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.graph.GraphProblem;

/** {@code overlapping-outputs}: one output inside another output's directory. */
public final class OverlappingOutputsRule extends GraphProblemRule {
    @Override
    public String id() {
        return "overlapping-outputs";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "An output lies inside another output's directory (DVC refuses the project)";
    }

    @Override
    GraphProblem.Kind kind() {
        return GraphProblem.Kind.OVERLAPPING_OUTPUTS;
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                An output path that lies inside a directory that is itself an output (of the same stage or of
                another one), compared by path components (`data` contains `data/raw.csv`, not `database.csv`).
                Every overlap is reported, naming both outputs and stages.

                ## Why it matters

                A directory output is hashed and cached as a whole, so a second output inside it would be tracked
                twice. DVC raises `OverlappingOutputPathsError` ("The output paths: ... overlap and are thus in
                the same tracked directory") for the first overlap it meets and refuses the whole project.

                ## Example

                ```yaml
                stages:
                  prepare:
                    cmd: python prepare.py
                    outs: [data]
                  split:
                    cmd: python split.py
                    outs: [data/train.csv]
                ```

                Fix: write to separate folders (`data/prepared`, `data/split`), or track the files individually.
                """;
    }
}
