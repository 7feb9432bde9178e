package io.dvclint.model;

import io.dvclint.yaml.Pos;
import java.nio.file.Path;

/**
 * A stage dependency: a path exactly as written in dvc.yaml (after interpolation), relative to the stage's wdir.
 *
 * @param path as written; DVC matches dvc.lock entries by this literal string
 * @param abs  the normalized absolute path it names
 * @param pos  where it is written (for templated stages: where the template is written)
 */
public record Dep(String path, Path abs, Pos pos) {
}
