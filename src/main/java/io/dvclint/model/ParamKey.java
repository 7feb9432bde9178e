package io.dvclint.model;

import io.dvclint.yaml.Pos;

/** One declared parameter key (a dotted path into its params file). */
public record ParamKey(String key, Pos pos) {
}
