package io.dvclint.lint;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Threads sharing the independent tasks of one lint (one per rule). The lint {@link #runAll runs} its tasks through
 * the crew; a thread that would otherwise only wait for the lint {@link #help helps} by taking some of them. With
 * nobody helping, runAll runs every task on the calling thread, in order.
 *
 * <p>A small monitor rather than an executor: the helper is a thread that already exists (the one that parsed the
 * command line), and the whole lint is over in milliseconds.
 */
public final class Crew {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private int running;
    private boolean closed;

    /**
     * Runs every task, here and on any helping thread, and returns once all have finished. A task that throws does
     * not stop the others; the first throwable is rethrown at the end.
     */
    public void runAll(List<? extends Runnable> batch) {
        Throwable[] failure = new Throwable[1];
        synchronized (this) {
            for (Runnable r : batch) tasks.add(new Guarded(r, failure));
            notifyAll();
        }
        Runnable task;
        while ((task = take(false)) != null) runTask(task);
        boolean interrupted = false;
        synchronized (this) {
            while (running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable t;
        synchronized (failure) {
            t = failure[0];
        }
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
    }

    /** Takes tasks as they come until {@link #close} is called. */
    public void help() {
        Runnable task;
        while ((task = take(true)) != null) runTask(task);
    }

    /** No more tasks will come: helpers return. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * The next task (counted as running), or null: none left for the owner, or closed for a helper. The owner takes
     * from the head, helpers from the tail: the first rules share the pipeline graph (built once, by whoever asks
     * first), so a helper starting on the others does not wait for it.
     */
    private synchronized Runnable take(boolean helper) {
        boolean interrupted = false;
        try {
            while (true) {
                Runnable t = helper ? tasks.pollLast() : tasks.pollFirst();
                if (t != null) {
                    running++;
                    return t;
                }
                if (!helper || closed) return null;
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private void runTask(Runnable task) {
        try {
            task.run();
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    /** Keeps the first throwable of a batch instead of letting it end the helping thread. */
    private record Guarded(Runnable task, Throwable[] failure) implements Runnable {
        @Override
        public void run() {
            try {
                task.run();
            } catch (Throwable t) {
                synchronized (failure) {
                    if (failure[0] == null) failure[0] = t;
                }
            }
        }
    }
}
