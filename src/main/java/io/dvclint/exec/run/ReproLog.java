package io.dvclint.exec.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code repro} says what it does, with DVC's lines where people and scripts read them: information on
 * standard output ({@code Running stage 'x':}, {@code > cmd}, {@code Stage 'x' didn't change, skipping}), warnings
 * and errors on standard error with DVC's {@code WARNING: } and {@code ERROR: } prefixes. Flushed after each line,
 * so a stage command's own output comes in order. {@link ReproListener}s follow the stages.
 */
public final class ReproLog {
    private final PrintStream out;
    private final PrintStream err;
    private final List<ReproListener> listeners = new ArrayList<>();

    public ReproLog(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public void add(ReproListener l) {
        listeners.add(l);
    }

    public List<ReproListener> listeners() {
        return listeners;
    }

    public synchronized void info(String line) {
        out.println(line);
        out.flush();
    }

    public synchronized void warn(String line) {
        out.flush();
        err.println("WARNING: " + line);
        err.flush();
    }

    public synchronized void error(String line) {
        out.flush();
        err.println("ERROR: " + line);
        err.flush();
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Whether some listener wants the commands' output captured. */
    boolean wantsOutput() {
        for (ReproListener l : listeners) if (l.wantsOutput()) return true;
        return false;
    }

    void commandsStarting(String address) {
        for (ReproListener l : listeners) l.commandsStarting(address);
    }

    void output(String address, byte[] chunk, int length, boolean toErr) {
        PrintStream s = toErr ? err : out;
        synchronized (this) {
            s.write(chunk, 0, length);
            s.flush();
        }
        for (ReproListener l : listeners) l.output(address, chunk, length, toErr);
    }

    void stageEnded(String address, ReproListener.Result result, String failure, long nanos) {
        for (ReproListener l : listeners) l.stageEnded(address, result, failure, nanos);
    }

    void finished() {
        for (ReproListener l : listeners) l.finished();
    }
}
