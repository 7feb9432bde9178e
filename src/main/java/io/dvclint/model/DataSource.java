package io.dvclint.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code .dvc} file (from {@code dvc add} or an import): a stage without a command whose outputs are data.
 *
 * @param relPath POSIX path of the .dvc file relative to the project root (its DVC addressing)
 * @param outs    absolute paths of its outputs
 */
public record DataSource(Path path, String relPath, List<Path> outs, List<String> outPaths) {
}
