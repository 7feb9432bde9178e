package io.dvclint.template;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A context value a stage's {@code ${...}} read: {@code source} is DVC's name for where it was defined (a file path
 * relative to the repository root such as {@code params.yaml}, or an inline {@code vars[0]} / {@code build.vars[1]}),
 * {@code file} the file it came from (null for inline vars), {@code key} its dotted path in that source
 * ({@code train.epochs}, {@code models.0.name}).
 */
public record UsedVar(String source, Path file, String key) {
    public boolean fromFile() {
        return file != null;
    }

    // equals and hashCode written out: see Pos
    @Override
    public boolean equals(Object o) {
        return o instanceof UsedVar u && Objects.equals(source, u.source) && Objects.equals(file, u.file)
                && Objects.equals(key, u.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, file, key);
    }
}
