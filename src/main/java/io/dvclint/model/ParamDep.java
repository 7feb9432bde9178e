package io.dvclint.model;

import io.dvclint.yaml.Pos;
import java.nio.file.Path;
import java.util.List;

/**
 * The parameters a stage reads from one params file.
 *
 * @param file  the file as DVC names it in dvc.lock: normalized POSIX path relative to the stage's wdir
 * @param abs   absolute path of the params file
 * @param keys  declared keys (empty when the whole file is tracked)
 * @param whole true when the whole file is tracked ({@code - file.yaml:} or {@code - file.yaml: []})
 * @param pos   where the file is first named (for the default params.yaml: the first key)
 */
public record ParamDep(String file, Path abs, List<ParamKey> keys, boolean whole, Pos pos) {
}
