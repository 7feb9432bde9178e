package io.dvclint.exec.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one line of a stage's command as DVC's {@code dvc/stage/run.py} does: {@code $SHELL} (else {@code /bin/sh})
 * with the flags that keep it from reading start-up files ({@code bash --noprofile --norc}, {@code zsh --no-rcs},
 * {@code fish --no-config}) and {@code -c LINE}, in the stage's working folder, with the environment plus
 * {@code DVC_ROOT} (unless set) and {@code DVC_STAGE}. The process inherits the standard streams.
 */
public final class Shell {
    private final String executable;
    private volatile Process current;

    public Shell(Map<String, String> env) {
        String shell = env.get("SHELL");
        this.executable = shell == null || shell.isEmpty() ? "/bin/sh" : shell;
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

    /** Runs a line to its end and returns its exit code. */
    public int run(String line, Path cwd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv(line)).directory(cwd.toFile()).inheritIO();
        pb.environment().putAll(env);
        Process p = pb.start();
        current = p;
        try {
            return p.waitFor();
        } finally {
            current = null;
        }
    }

    /** Kills the running command and every process it started (on Ctrl-C or SIGTERM). */
    public void killRunning() {
        Process p = current;
        if (p == null) return;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
