package io.dvclint.lint;

/** With {@code DVCLINT_TIMINGS=1}, prints how long each phase and rule took to stderr (for profiling). */
public final class Timings {
    private static final boolean ON = System.getenv("DVCLINT_TIMINGS") != null;

    private Timings() {
    }

    public static void report(String what, long startNanos) {
        if (ON) {
            System.err.printf("dvclint: %-28s %8.1f ms %s%n", what, (System.nanoTime() - startNanos) / 1e6,
                    Thread.currentThread().getName());
        }
    }
}
