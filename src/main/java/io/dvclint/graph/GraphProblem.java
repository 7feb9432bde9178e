package io.dvclint.graph;

import io.dvclint.yaml.Pos;
import java.nio.file.Path;

/**
 * A problem met while building the graph, as DVC would raise it at {@code dag}/{@code repro} time.
 *
 * @param kind one of {@link Kind}
 */
public record GraphProblem(Kind kind, Path file, Pos pos, String message, String hint) {
    /** What went wrong. */
    public enum Kind { DUPLICATE_OUTPUT, OVERLAPPING_OUTPUTS, STAGE_INSIDE_OUTPUT, CYCLE }
}
