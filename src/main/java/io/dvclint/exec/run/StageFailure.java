package io.dvclint.exec.run;

/**
 * Why a stage could not be reproduced, in DVC's words ({@code failed to run: python t.py, exited with 1},
 * {@code dependency 'x' does not exist}, {@code missing data 'source': out.txt}, ...).
 */
public final class StageFailure extends Exception {
    public StageFailure(String message) {
        super(message);
    }

    public StageFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
