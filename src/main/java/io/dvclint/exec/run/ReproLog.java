package io.dvclint.exec.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@code repro} says what it does, with DVC's lines where people and scripts read them: information on
 * standard output ({@code Running stage 'x':}, {@code > cmd}, {@code Stage 'x' didn't change, skipping}), warnings
 * and errors on standard error with DVC's {@code WARNING: } and {@code ERROR: } prefixes, each line whole even
 * when stages run at once. A stage command's own output is inherited as it is, or, when stages run at once, each of
 * its lines is prefixed with the stage ({@code [train] ...}) or the whole of it is printed when the stage ends.
 * {@link ReproListener}s follow the stages.
 */
public final class ReproLog {
    /** How the output of stage commands reaches the terminal. */
    public enum OutputMode {
        /** The commands write to the terminal themselves (one stage at a time). */
        INHERIT,
        /** Each line is prefixed with the stage's address. */
        PREFIXED,
        /** A stage's output is printed whole when it ends. */
        GROUPED
    }

    private final PrintStream out;
    private final PrintStream err;
    private final OutputMode mode;
    private final List<ReproListener> listeners = new ArrayList<>();
    private final Map<String, StageOutput> outputs = new HashMap<>();
    private Progress progress;
    /** Stages whose commands write to the terminal themselves (the progress line waits for them). */
    private final Set<String> inherited = ConcurrentHashMap.newKeySet();

    public ReproLog(PrintStream out, PrintStream err, OutputMode mode) {
        this.out = out;
        this.err = err;
        this.mode = mode;
    }

    public void add(ReproListener l) {
        listeners.add(l);
    }

    /** Shows a status line on the terminal while stages run (see {@link Progress}). */
    public void setProgress(Progress progress) {
        this.progress = progress;
    }

    public synchronized void info(String line) {
        clearProgress();
        out.println(line);
        out.flush();
    }

    public synchronized void warn(String line) {
        clearProgress();
        out.flush();
        err.println("WARNING: " + line);
        err.flush();
    }

    public synchronized void error(String line) {
        clearProgress();
        out.flush();
        err.println("ERROR: " + line);
        err.flush();
    }

    private void clearProgress() {
        if (progress != null) progress.clear();
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    void commandsStarting(String address) {
        if (progress != null) progress.stageStarted(address);
        for (ReproListener l : listeners) l.commandsStarting(address);
    }

    /** Where a stage's commands write: null to inherit the streams. */
    synchronized Shell.Output output(String address) {
        boolean wanted = false;
        for (ReproListener l : listeners) wanted |= l.wantsOutput();
        if (mode == OutputMode.INHERIT && !wanted) {
            if (progress != null) {
                progress.commandOwnsTerminal();
                inherited.add(address);
            }
            return null;
        }
        StageOutput o = new StageOutput(address);
        outputs.put(address, o);
        return o;
    }

    void stageEnded(String address, ReproListener.Result result, String failure, long nanos) {
        StageOutput o;
        synchronized (this) {
            o = outputs.remove(address);
        }
        if (o != null) o.end();
        if (progress != null && inherited.remove(address)) progress.commandReleasedTerminal();
        for (ReproListener l : listeners) l.stageEnded(address, result, failure, nanos);
        if (progress != null) progress.stageEnded(address);
    }

    void finished() {
        if (progress != null) progress.stop();
        for (ReproListener l : listeners) l.finished();
    }

    /** One stage's command output: forwarded as the mode says, and to the listeners that want it. */
    private final class StageOutput implements Shell.Output {
        private final String address;
        private final ByteArrayOutputStream pendingOut = new ByteArrayOutputStream();
        private final ByteArrayOutputStream pendingErr = new ByteArrayOutputStream();

        StageOutput(String address) {
            this.address = address;
        }

        @Override
        public void write(byte[] chunk, int length, boolean toErr) {
            for (ReproListener l : listeners) if (l.wantsOutput()) l.output(address, chunk, length, toErr);
            switch (mode) {
                case INHERIT -> emit(chunk, 0, length, toErr);
                case GROUPED -> {
                    synchronized (this) {
                        (toErr ? pendingErr : pendingOut).write(chunk, 0, length);
                    }
                }
                case PREFIXED -> prefixed(chunk, length, toErr);
            }
        }

        private synchronized void prefixed(byte[] chunk, int length, boolean toErr) {
            ByteArrayOutputStream pending = toErr ? pendingErr : pendingOut;
            int start = 0;
            for (int i = 0; i < length; i++) {
                if (chunk[i] != '\n') continue;
                pending.write(chunk, start, i + 1 - start);
                emitLine(pending, toErr);
                start = i + 1;
            }
            pending.write(chunk, start, length - start);
        }

        private void emitLine(ByteArrayOutputStream line, boolean toErr) {
            byte[] prefix = ("[" + address + "] ").getBytes(StandardCharsets.UTF_8);
            byte[] body = line.toByteArray();
            line.reset();
            byte[] all = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, all, 0, prefix.length);
            System.arraycopy(body, 0, all, prefix.length, body.length);
            emit(all, 0, all.length, toErr);
        }

        /** The stage ended: a last unterminated line, or the whole grouped output, goes out. */
        synchronized void end() {
            if (mode == OutputMode.PREFIXED) {
                if (pendingOut.size() > 0) {
                    pendingOut.write('\n');
                    emitLine(pendingOut, false);
                }
                if (pendingErr.size() > 0) {
                    pendingErr.write('\n');
                    emitLine(pendingErr, true);
                }
            } else if (mode == OutputMode.GROUPED) {
                byte[] o = pendingOut.toByteArray(), e = pendingErr.toByteArray();
                if (o.length + e.length > 0) {
                    byte[] head = ("Output of stage '" + address + "':\n").getBytes(StandardCharsets.UTF_8);
                    emit(head, 0, head.length, false);
                }
                emit(o, 0, o.length, false);
                emit(e, 0, e.length, true);
            }
        }

        private void emit(byte[] b, int from, int length, boolean toErr) {
            if (length == 0) return;
            synchronized (ReproLog.this) {
                clearProgress();
                PrintStream s = toErr ? err : out;
                s.write(b, from, length);
                s.flush();
            }
        }
    }
}
