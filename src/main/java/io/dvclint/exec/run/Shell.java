package io.dvclint.exec.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one line of a stage's command as DVC's {@code dvc/stage/run.py} does: {@code $SHELL} (else {@code /bin/sh})
 * with the flags that keep it from reading start-up files ({@code bash --noprofile --norc}, {@code zsh --no-rcs},
 * {@code fish --no-config}) and {@code -c LINE}, in the stage's working folder, with the environment plus
 * {@code DVC_ROOT} (unless set) and {@code DVC_STAGE}. The process inherits the standard streams, or, when its
 * output is wanted (a CI report, a prefix per stage), writes them through an {@link Output}.
 */
public final class Shell {
    private final String executable;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public Shell(Map<String, String> env) {
        String shell = env.get("SHELL");
        this.executable = shell == null || shell.isEmpty() ? "/bin/sh" : shell;
    }

    /** Where a command's output goes when it is not inherited. */
    public interface Output {
        /** A chunk of the command's standard output ({@code err} false) or error. */
        void write(byte[] chunk, int length, boolean err);
    }

    /** The argument list for one command line. */
    List<String> argv(String line) {
        List<String> argv = new ArrayList<>();
        argv.add(executable);
        String name = Path.of(executable).getFileName().toString().toLowerCase();
        switch (name) {
            case "bash" -> {
                argv.add("--noprofile");
                argv.add("--norc");
            }
            case "zsh" -> argv.add("--no-rcs");
            case "fish" -> argv.add("--no-config");
            default -> {
            }
        }
        argv.add("-c");
        argv.add(line);
        return argv;
    }

    /** Runs a line to its end and returns its exit code; {@code output} null inherits the streams. */
    public int run(String line, Path cwd, Map<String, String> env, Output output)
            throws IOException, InterruptedException {
        if (stopped) throw new InterruptedException("stopped");
        ProcessBuilder pb = new ProcessBuilder(argv(line)).directory(cwd.toFile());
        if (output == null) pb.inheritIO();
        else pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        Process p = pb.start();
        running.add(p);
        if (stopped) p.destroyForcibly();
        try {
            if (output == null) return p.waitFor();
            Thread err = pump(p.getErrorStream(), output, true);
            pump(p.getInputStream(), output, false).join();
            err.join();
            return p.waitFor();
        } finally {
            running.remove(p);
        }
    }

    private static Thread pump(InputStream in, Output output, boolean err) {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                byte[] buf = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(buf)) > 0; ) output.write(buf, n, err);
                } catch (IOException e) {
                    // the process ended
                }
            }
        }, "dvclint-output");
        t.start();
        return t;
    }

    /** Kills the running commands and every process they started, and starts no other. */
    public void killRunning() {
        stopped = true;
        for (Process p : running) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** An output that forwards to two streams. */
    public static Output forward(OutputStream out, OutputStream err) {
        return new Output() {
            @Override
            public void write(byte[] chunk, int length, boolean toErr) {
                OutputStream o = toErr ? err : out;
                synchronized (o) {
                    try {
                        o.write(chunk, 0, length);
                        o.flush();
                    } catch (IOException e) {
                        // a closed stream: nothing to do
                    }
                }
            }
        };
    }
}
