package io.dvclint.exec.run;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A status line for a person watching {@code repro} on a terminal: stages done, running and left, redrawn in place a
 * few times a second, erased before any other line is printed. Only on a terminal: nothing extra is written when the
 * output goes to a file, a pipe or a CI log.
 */
public final class Progress {
    private final PrintStream err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final long start = System.nanoTime();
    private final AtomicInteger inherited = new AtomicInteger();
    private volatile boolean shown;
    private volatile boolean stopped;

    private Progress(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    /** A progress line when standard input and output are a terminal (and not in CI), else null. */
    public static Progress forTerminal(PrintStream err, int total) {
        if (System.console() == null || System.getenv("CI") != null || "dumb".equals(System.getenv("TERM"))) {
            return null;
        }
        Progress p = new Progress(err, total);
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                p.loop();
            }
        }, "dvclint-progress");
        t.setDaemon(true);
        t.start();
        return p;
    }

    void stageStarted(String address) {
        running.add(address);
    }

    void stageEnded(String address) {
        done.incrementAndGet();
        running.remove(address);
    }

    private void loop() {
        while (!stopped) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            draw();
        }
    }

    /** A stage's command writes to the terminal itself: no line is drawn until it ends. */
    void commandOwnsTerminal() {
        inherited.incrementAndGet();
        clear();
    }

    void commandReleasedTerminal() {
        inherited.decrementAndGet();
    }

    private void draw() {
        synchronized (err) {
            if (stopped || inherited.get() > 0) return;
            int d = done.get(), r = running.size();
            long secs = (System.nanoTime() - start) / 1_000_000_000L;
            err.print("\r\033[K[dvclint] " + d + "/" + total + " stages done, " + r + " running, "
                    + Math.max(0, total - d - r) + " left, " + secs + " s");
            err.flush();
            shown = true;
        }
    }

    /** Erases the line (before another line is printed). */
    void clear() {
        synchronized (err) {
            if (!shown) return;
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }

    void stop() {
        stopped = true;
        clear();
    }
}
