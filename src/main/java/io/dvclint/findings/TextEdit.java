package io.dvclint.findings;

import java.nio.file.Path;

/** Replace the characters [start, end) of a file (UTF-16 offsets into its text) by {@code replacement}. */
public record TextEdit(Path file, int start, int end, String replacement) {
}
