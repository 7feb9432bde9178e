package io.dvclint.schema;

import io.dvclint.yaml.Pos;
import java.util.Objects;

/**
 * One schema violation in dvc.yaml or dvc.lock: where it is (1-based line/column of the offending key or value),
 * a plain-words message naming the place, and an optional hint (null when there is nothing useful to add).
 */
public record SchemaProblem(Pos pos, String message, String hint) {
    @Override
    public String toString() {
        return pos + ": " + message + (hint == null ? "" : " (" + hint + ")");
    }

    // equals and hashCode written out: see Pos
    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaProblem p && Objects.equals(pos, p.pos) && Objects.equals(message, p.message)
                && Objects.equals(hint, p.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pos, message, hint);
    }
}
