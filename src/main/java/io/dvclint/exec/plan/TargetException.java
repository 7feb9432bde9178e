package io.dvclint.exec.plan;

/** A target that names no stage or pipeline file (a usage error: {@code Stage 'x' not found inside 'dvc.yaml' file}). */
public final class TargetException extends Exception {
    public TargetException(String message) {
        super(message);
    }
}
