package io.dvclint.findings;

import java.nio.file.Path;
import java.util.Objects;

/** Replace the characters [start, end) of a file (UTF-16 offsets into its text) by {@code replacement}. */
public record TextEdit(Path file, int start, int end, String replacement) {

    // equals and hashCode written out: see Pos
    @Override
    public boolean equals(Object o) {
        return o instanceof TextEdit t && start == t.start && end == t.end && Objects.equals(file, t.file)
                && Objects.equals(replacement, t.replacement);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, start, end, replacement);
    }
}
