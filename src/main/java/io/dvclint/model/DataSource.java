package io.dvclint.model;

import io.dvclint.yaml.YMap;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code .dvc} file (from {@code dvc add} or an import): a stage without a command whose outputs are data.
 *
 * @param relPath  POSIX path of the .dvc file relative to the project root (its DVC addressing)
 * @param outs     absolute paths of its outputs
 * @param outPaths its outputs' paths as written
 * @param root     the file's mapping as loaded
 * @param text     the file's text as loaded (what DVC's {@code _stage_text} keeps, to write it back)
 */
public record DataSource(Path path, String relPath, List<Path> outs, List<String> outPaths, YMap root,
                         String text) {
    public DataSource(Path path, String relPath, List<Path> outs, List<String> outPaths) {
        this(path, relPath, outs, outPaths, null, null);
    }
}
