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

                Fix: move the output (`sub/data`) or the inner pipeline out of it.
                """;
    }
}
