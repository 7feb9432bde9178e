package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.graph.GraphProblem;

/** {@code cycle}: stages that depend on each other's outputs, or a stage on its own output. */
public final class CycleRule extends GraphProblemRule {
    @Override
    public String id() {
        return "cycle";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "Stages that depend, directly or through others, on their own outputs (DVC refuses the pipeline)";
    }

    @Override
    GraphProblem.Kind kind() {
        return GraphProblem.Kind.CYCLE;
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                Every cycle in the stage graph: a stage whose dependency is (or contains, or lies inside) its own
                output, and every group of stages that reach each other through dependencies. The message prints
                the whole path, `train -> evaluate -> train`, where `a -> b` reads "a depends on b", followed by
                the dependency path behind each edge. The finding points at the dependency that closes the cycle.

                ## Why it matters

                DVC builds the graph when `dvc repro` or `dvc dag` starts and refuses a cyclic one with
                `Same item(s) are defined as both a dependency and an output in stages: a, b.` — without saying
                which paths make the cycle, and only the first cycle it meets. `dvc status` does not build the
                graph, so it does not notice. dvclint reports every cycle with the paths on each edge.

                ## Example

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                    deps: [features.csv, metrics.json]   # reads what evaluate writes
                    outs: [model.pkl]
                  evaluate:
                    cmd: python evaluate.py
                    deps: [model.pkl]
                    metrics:
                      - metrics.json:
                          cache: false
                ```

                `cycle: train -> evaluate -> train (train needs 'metrics.json' from evaluate; evaluate needs
                'model.pkl' from train)`. Fix: remove the dependency that goes backwards (here `metrics.json`
                from `train`), or split the stage so that data only flows one way.
                """;
    }
}
