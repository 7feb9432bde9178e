package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.graph.GraphProblem;

/** {@code duplicate-output}: the same path declared as an output twice. */
public final class DuplicateOutputRule extends GraphProblemRule {
    @Override
    public String id() {
        return "duplicate-output";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "The same path is an output of two stages, or twice of one stage (DVC refuses the project)";
    }

    @Override
    GraphProblem.Kind kind() {
        return GraphProblem.Kind.DUPLICATE_OUTPUT;
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                A path declared as an output (`outs`, `metrics` or `plots`) by two stages — in the same or in
                different `dvc.yaml` files, or by a `.dvc` file — or by one stage in two of its lists (`outs` and
                `metrics`). Every duplicate is reported, naming both stages and where the first one is declared.
                The same path twice in *one* list is merged by DVC and is not flagged.

                ## Why it matters

                Each output has exactly one producer in DVC's model. DVC raises `OutputDuplicationError`
                (`output 'metrics.json' is specified in: - train - evaluate`) for the first duplicate it meets and
                refuses to run or show anything. The tutorial this project started from declares `metrics.json`
                in both `train` and `evaluate`, which DVC rejects.

                ## Example

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                    metrics:
                      - metrics.json:
                          cache: false
                  evaluate:
                    cmd: python evaluate.py
                    metrics:
                      - metrics.json:
                          cache: false
                ```

                Fix: let one stage write the file (here `evaluate`) or give each its own file
                (`train_metrics.json`, `eval_metrics.json`).
                """;
    }
}
