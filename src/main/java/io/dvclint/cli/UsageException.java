package io.dvclint.cli;

/** A usage or configuration error: exit code 2, message printed without a stack trace. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
