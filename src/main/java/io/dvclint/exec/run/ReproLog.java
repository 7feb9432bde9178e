package io.dvclint.exec.run;

import java.io.PrintStream;

/**
 * Where {@code repro} says what it does, with DVC's lines where people and scripts read them: information on
 * standard output ({@code Running stage 'x':}, {@code > cmd}, {@code Stage 'x' didn't change, skipping}), warnings
 * and errors on standard error with DVC's {@code WARNING: } and {@code ERROR: } prefixes. Flushed after each line,
 * so a stage command's own output (written by its process to the same streams) comes in order.
 */
public class ReproLog {
    private final PrintStream out;
    private final PrintStream err;

    public ReproLog(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public void info(String line) {
        out.println(line);
        out.flush();
    }

    public void warn(String line) {
        out.flush();
        err.println("WARNING: " + line);
        err.flush();
    }

    public void error(String line) {
        out.flush();
        err.println("ERROR: " + line);
        err.flush();
    }

    /** Called before a stage starts and after it ends (CI formats group a stage's output). */
    public void stageStarted(String address) {
    }

    public void stageEnded(String address, Result result, String failure) {
    }

    /** How a stage ended. */
    public enum Result { RAN, SKIPPED, RESTORED, VERIFIED, FAILED, NOT_ATTEMPTED }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }
}
