package io.dvclint.model;

import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A dvc.lock (schema 2.0) next to a dvc.yaml. {@code stages} is empty when the file could not be read.
 */
public record LockFile(Path path, SourceText text, YNode root, Map<String, LockStage> stages, boolean valid) {
}
