package io.dvclint.schema;

import io.dvclint.yaml.Pos;

/**
 * One schema violation in dvc.yaml or dvc.lock: where it is (1-based line/column of the offending key or value),
 * a plain-words message naming the place, and an optional hint (null when there is nothing useful to add).
 */
public record SchemaProblem(Pos pos, String message, String hint) {
    @Override
    public String toString() {
        return pos + ": " + message + (hint == null ? "" : " (" + hint + ")");
    }

}
