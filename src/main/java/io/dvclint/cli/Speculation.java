package io.dvclint.cli;

import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.lint.Crew;
import io.dvclint.load.ResultCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts linting on a second thread while the command line is still being parsed.
 *
 * <p>On a JVM that has just started, parsing the command line and linting a small project each cost tens of
 * milliseconds, nearly all of it one-off class initialisation; run one after the other they are most of a
 * {@code dvclint lint} run. So for {@code dvclint lint ARGS}, the plain arguments (those that name existing files or
 * folders) are taken as the paths and the project is linted right away, in parallel with picocli. Picocli remains
 * the only parser: {@link LintCommand} uses the result only when the parsed command asks for exactly that lint (the
 * same project roots, each project's own configuration, the cache on, no fixing); anything else discards it and
 * lints again, with every class already initialised. Linting reads files and writes nothing but the caches, whose
 * entries hold for whoever asks next, so a discarded speculation leaves no trace. The speculation goes through the
 * {@link ResultCache} like any plain lint: for an unchanged project it is over in a few milliseconds.
 */
final class Speculation implements Runnable {
    /** What the speculative lint computed (the threshold the configuration sets, the findings), or how it failed. */
    record Outcome(List<Path> roots, Severity failOn, Findings findings, Throwable failure) {
    }

    private final Path cwd;
    private final List<String> pathArgs;
    private final Thread thread;
    private final Crew crew = new Crew();
    private volatile Outcome outcome;

    private Speculation(Path cwd, List<String> pathArgs) {
        this.cwd = cwd;
        this.pathArgs = pathArgs;
        // "this", not a method reference: the main thread parses with picocli, which needs no lambda, so it leaves
        // the one-off start-up of the lambda machinery to the speculative threads
        this.thread = new Thread(this, "dvclint-speculative-lint");
        thread.setDaemon(true);
    }

    /**
     * A speculation for {@code args}, already running, or null when the arguments ask for something a speculative
     * lint cannot serve: another command, a configuration file, {@code --fix}, {@code --diff}, {@code --no-cache},
     * an {@code @argument-file}. (A wrong guess costs time, never correctness: see {@link #matches}.)
     */
    static Speculation start(String... args) {
        if (args.length == 0 || !args[0].equals("lint")) return null;
        Path cwd = LintCommand.cwd();
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@") || a.startsWith("--config") || a.startsWith("--fix") || a.startsWith("--diff")
                    || a.startsWith("--no-cache") || a.equals("-h") || a.startsWith("--help") || a.equals("-V")
                    || a.startsWith("--version")) {
                return null;
            }
            if (!a.startsWith("-") && Files.exists(cwd.resolve(a))) paths.add(a);
        }
        Speculation s = new Speculation(cwd, paths);
        s.thread.start();
        return s;
    }

    @Override
    public void run() {
        List<Path> roots = null;
        Runnable store = null;
        try {
            roots = LintCommand.roots(cwd, pathArgs);
            ResultCache.Deferred d = LintCommand.lintPlainDeferred(cwd, roots, crew);
            outcome = new Outcome(roots, d.result().failOn(), d.result().findings(), null);
            store = d.store();
        } catch (Throwable t) {
            outcome = new Outcome(roots, null, null, t);
        } finally {
            crew.close(); // the outcome is set: help() returns it
        }
        if (store == null) return;
        try {
            store.run(); // while the command prints the answer; Main waits for this thread before exiting
        } catch (Throwable t) {
            // a result not kept is only a slower next run
        }
    }

    /**
     * Called by the main thread once the command line is parsed: runs some of the rules with the speculative
     * thread (see {@link Crew}) until the speculation has its outcome, and returns it (the speculative thread may
     * still be storing it in the {@link ResultCache}; {@link #await} waits for that).
     */
    Outcome help() {
        crew.help();
        return outcome;
    }

    /**
     * Waits for the speculative thread to end (its result stored). {@code Main} waits on every path, used or not, so
     * that the process never exits while an entry is being written, and so that a caller embedding dvclint never
     * has the speculation running beside whatever it does next.
     */
    Outcome await() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        return outcome;
    }

    /** Whether the finished speculation is the lint the parsed command asks for. */
    static boolean matches(Outcome o, List<Path> roots) {
        return o != null && o.failure() == null && o.findings() != null && o.roots().equals(roots);
    }
}
