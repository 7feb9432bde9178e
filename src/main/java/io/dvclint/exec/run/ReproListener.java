package io.dvclint.exec.run;

/**
 * Follows a {@code repro} stage by stage (the CI reports: GitHub Actions groups and annotations, a JUnit file).
 */
public interface ReproListener {
    /** How a stage ended. */
    enum Result {
        /** Its command ran and succeeded. */
        RAN,
        /** Nothing changed. */
        SKIPPED,
        /** Its outputs were checked out from the run-cache instead of running it. */
        RESTORED,
        /** A frozen stage (or data source): its outputs were verified. */
        VERIFIED,
        FAILED,
        /** Not attempted: an upstream stage failed, or the run stopped before it. */
        NOT_ATTEMPTED
    }

    /** Whether the listener wants the commands' output ({@link #output}); the streams are inherited otherwise. */
    default boolean wantsOutput() {
        return false;
    }

    /** The stage's commands are about to run. */
    default void commandsStarting(String address) {
    }

    /** A chunk of a running command's output. */
    default void output(String address, byte[] chunk, int length, boolean err) {
    }

    /** The stage ended; {@code failure} is DVC's message when it failed, {@code nanos} how long it took. */
    default void stageEnded(String address, Result result, String failure, long nanos) {
    }

    /** The run ended. */
    default void finished() {
    }
}
