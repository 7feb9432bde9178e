package io.dvclint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: write small projects, run the CLI in-process and capture its output. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path write(Path dir, String rel, String content) {
        try {
            Path p = dir.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path writeBytes(Path dir, String rel, byte[] content) {
        try {
            Path p = dir.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Result of an in-process CLI run. */
    public record Run(int exit, String out, String err) {
    }

    /** Runs {@code dvclint args...} in-process with the given folder as the current folder for relative paths. */
    public static synchronized Run cli(Path cwd, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        String oldDir = System.getProperty("user.dir");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            if (cwd != null) System.setProperty("user.dir", cwd.toAbsolutePath().toString());
            int code = io.dvclint.cli.Main.run(args);
            System.out.flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setProperty("user.dir", oldDir);
        }
    }
}
