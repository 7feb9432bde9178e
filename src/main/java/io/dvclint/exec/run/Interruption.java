package io.dvclint.exec.run;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Ctrl-C or SIGTERM during {@code repro}: the running stage's command and every process it started are killed, the
 * dvc.lock entries of the stages that finished stay (each was written when its stage finished), none is written for
 * the interrupted stage, and the process exits with 130. Work that must not be cut in half (writing a lock entry,
 * committing outputs) runs {@link #guarded}: an interruption waits for it, and once interrupted nothing new starts.
 */
public final class Interruption {
    public static final int EXIT_CODE = 130;

    private final Object guard = new Object();
    private volatile boolean interrupted;
    private Thread hook;

    /** Something that touches the workspace, the cache or dvc.lock. */
    public interface Step {
        void run() throws StageFailure, IOException, InterruptedException;
    }

    public boolean interrupted() {
        return interrupted;
    }

    /** Runs a step unless interrupted; an interruption meanwhile waits for it to end. */
    public void guarded(Step step) throws StageFailure, IOException, InterruptedException {
        synchronized (guard) {
            if (interrupted) throw new StageFailure("interrupted");
            step.run();
        }
    }

    /** Handles Ctrl-C and SIGTERM until {@link #uninstall}. */
    public void install(Shell shell, PrintStream err) {
        hook = new Thread(new Runnable() {
            @Override
            public void run() {
                interrupted = true;
                shell.killRunning();
                synchronized (guard) {
                    err.println("dvclint: interrupted: the running stage was stopped; dvc.lock holds the stages that"
                            + " finished");
                    err.flush();
                    Runtime.getRuntime().halt(EXIT_CODE);
                }
            }
        }, "dvclint-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public void uninstall() {
        if (hook == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
        hook = null;
    }
}
