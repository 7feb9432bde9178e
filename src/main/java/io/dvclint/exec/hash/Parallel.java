package io.dvclint.exec.hash;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many small tasks (hashing the files of a directory, reading their attributes) on all cores: a fixed pool of
 * daemon threads (one fewer than the processors, started on first use) and the calling thread take the tasks one at
 * a time from a shared counter, each writing its result to a slot of its own, so the outcome does not depend on
 * which thread ran what. The caller works too, so a call never waits for a pool busy with another directory (stages
 * running at once may hash at once). When tasks fail, the failure of the first in index order is thrown, as a loop
 * would throw it (for a directory: the first failing file in manifest order); tasks after it are skipped.
 */
final class Parallel {
    /** One task per index. */
    interface Task {
        void run(int i) throws IOException;
    }

    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static ExecutorService pool;

    private Parallel() {
    }

    private static synchronized ExecutorService pool() {
        if (pool == null) pool = Executors.newFixedThreadPool(THREADS - 1, new Daemons());
        return pool;
    }

    /** Runs {@code task} for {@code 0 <= i < count}, on several threads when there are several processors. */
    static void run(int count, Task task) throws IOException {
        if (count == 0) return;
        Job job = new Job(count, task);
        int helpers = Math.min(THREADS - 1, count - 1);
        if (helpers > 0) {
            ExecutorService p = pool();
            for (int i = 0; i < helpers; i++) {
                try {
                    p.execute(job);
                } catch (RejectedExecutionException e) {
                    break; // the caller does the rest
                }
            }
        }
        job.run();
        job.await();
        job.rethrow();
    }

    private static final class Job implements Runnable {
        private final int count;
        private final Task task;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        /** The lowest index that failed so far ({@code count} when none); later ones are skipped. */
        private final AtomicInteger firstFailed;
        private final Throwable[] failures;

        Job(int count, Task task) {
            this.count = count;
            this.task = task;
            this.firstFailed = new AtomicInteger(count);
            this.failures = new Throwable[count];
        }

        @Override
        public void run() {
            while (true) {
                int k = next.getAndIncrement();
                if (k >= count) return;
                try {
                    if (k < firstFailed.get()) task.run(k);
                } catch (Throwable t) {
                    failures[k] = t;
                    int f;
                    do {
                        f = firstFailed.get();
                    } while (k < f && !firstFailed.compareAndSet(f, k));
                } finally {
                    if (finished.incrementAndGet() == count) {
                        synchronized (this) {
                            notifyAll();
                        }
                    }
                }
            }
        }

        /** Waits for the tasks other threads took; every index below {@code count} is taken by someone. */
        void await() {
            if (finished.get() == count) return;
            boolean interrupted = false;
            synchronized (this) {
                while (finished.get() < count) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }

        void rethrow() throws IOException {
            int k = firstFailed.get();
            if (k >= count) return;
            Throwable t = failures[k];
            if (t instanceof IOException e) throw e;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            throw new IOException(t);
        }
    }

    private static final class Daemons implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "dvclint-hash-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
