package io.dvclint.schema;

import io.dvclint.yaml.Pos;

/** A schema violation at a position, with an optional hint. */
public record SchemaProblem(Pos pos, String message, String hint) {
}
