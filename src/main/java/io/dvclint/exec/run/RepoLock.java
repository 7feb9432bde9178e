package io.dvclint.exec.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project lock DVC takes ({@code .dvc/tmp/lock}, an exclusive {@code flock} as {@code zc.lockfile} takes it),
 * so that {@code dvc} and {@code dvclint} never work on one workspace at once. Like DVC's, it is held while the
 * pipeline is read, checked and saved, and released while a stage's command runs (so separate processes reproducing
 * disjoint stages, as a workflow engine runs them, interleave). A busy lock is waited for, up to a timeout
 * ({@code DVCLINT_LOCK_TIMEOUT} seconds, default 60), then refused with a clear message.
 *
 * <p>Java's own file locks are {@code fcntl} locks, which do not exclude {@code flock} ones; the lock is therefore
 * held by a {@code flock} process (util-linux) whose input this process keeps open: when this process ends, however
 * it ends, the lock is released.
 */
public final class RepoLock implements AutoCloseable {
    private final Path file;
    private final long timeoutMillis;
    private final PrintStream err;
    private Process holder;

    public RepoLock(Path projectRoot, PrintStream err) {
        this.file = projectRoot.resolve(".dvc").resolve("tmp").resolve("lock");
        this.err = err;
        long seconds = 60;
        String env = System.getenv("DVCLINT_LOCK_TIMEOUT");
        if (env != null) {
            try {
                seconds = Long.parseLong(env.trim());
            } catch (NumberFormatException e) {
                // keep the default
            }
        }
        this.timeoutMillis = seconds * 1000;
    }

    /** A lock failure: the message says what holds it and what to do. */
    public static final class LockedException extends IOException {
        LockedException(String message) {
            super(message);
        }
    }

    /** The lock cannot be taken on this machine at all (no {@code flock} command). */
    public static final class UnavailableException extends IOException {
        UnavailableException(String message) {
            super(message);
        }
    }

    /** Takes the lock, waiting while another process holds it. */
    public void acquire() throws IOException, InterruptedException {
        if (holder != null || !Files.isDirectory(file.getParent().getParent())) return; // not a DVC project
        Files.createDirectories(file.getParent());
        long deadline = System.currentTimeMillis() + timeoutMillis;
        boolean said = false;
        while (true) {
            Process p;
            try {
                p = new ProcessBuilder("flock", "--exclusive", "--nonblock", file.toString(), "sh", "-c",
                        "echo locked; exec cat").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new UnavailableException("the project lock needs the 'flock' command (util-linux), which "
                        + "could not be started: " + e.getMessage());
            }
            // a process of our own holds the lock for us, as long as we keep its input open
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            if ("locked".equals(line)) {
                holder = p;
                return;
            }
            p.waitFor();
            if (System.currentTimeMillis() >= deadline) {
                throw new LockedException("unable to acquire the project lock (" + file + "): another dvc or "
                        + "dvclint process is working in this project");
            }
            if (!said) {
                err.println("dvclint: waiting for another dvc or dvclint process to release " + file);
                said = true;
            }
            Thread.sleep(200);
        }
    }

    /** Lets the lock go (a stage's command is about to run, or the work is done). */
    public void release() {
        Process p = holder;
        holder = null;
        if (p == null) return;
        try {
            p.getOutputStream().close();
            p.waitFor();
        } catch (IOException | InterruptedException e) {
            p.destroyForcibly();
        }
    }

    @Override
    public void close() {
        release();
    }
}
