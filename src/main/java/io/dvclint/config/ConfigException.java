package io.dvclint.config;

import io.dvclint.yaml.Pos;
import java.nio.file.Path;

/** A broken configuration file: where and what. */
public final class ConfigException extends RuntimeException {
    private final Path file;
    private final Pos pos;

    public ConfigException(Path file, Pos pos, String message) {
        super(message, null, false, false);
        this.file = file;
        this.pos = pos == null ? Pos.START : pos;
    }

    public Path file() {
        return file;
    }

    public Pos pos() {
        return pos;
    }
}
