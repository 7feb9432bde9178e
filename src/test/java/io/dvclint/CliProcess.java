package io.dvclint;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * dvclint as the oracle runners call it: a separate process per command (a script running this build's classes),
 * in a working copy, with a given environment; and the views of a working copy the oracles compare (the md5 listing
 * of its files, its dvc.lock files).
 */
public final class CliProcess {
    private static Path script;

    private CliProcess() {
    }

    /** The result of one command. */
    public record Run(int exit, String out, String err) {
    }

    /** A shell script that runs dvclint from this build's classes (made once per test JVM). */
    public static synchronized Path script() {
        if (script != null) return script;
        try {
            Path dir = Path.of("target").toAbsolutePath();
            Files.createDirectories(dir);
            Path s = dir.resolve("dvclint-test-cli");
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Files.writeString(s, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto "
                    + "-cp '" + System.getProperty("java.class.path") + "' io.dvclint.cli.Main \"$@\"\n");
            Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
            script = s;
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code dvclint args} in {@code cwd} with stdin from /dev/null and {@code env} over the current one. */
    public static Run run(Path cwd, Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(script().toString());
        cmd.addAll(args);
        return exec(cwd, env, cmd);
    }

    public static Run exec(Path cwd, Map<String, String> env, List<String> cmd) {
        try {
            Path out = Files.createTempFile("cli-out", ".txt"), err = Files.createTempFile("cli-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().remove("DVC_ROOT");
                pb.environment().remove("DVC_STAGE");
                pb.environment().remove("GITHUB_ACTIONS");
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    return new Run(-1, Files.readString(out), "timed out\n" + Files.readString(err));
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code md5sum}-style lines of every regular file under {@code root} (symbolic links listed as such), paths
     * relative and sorted by their UTF-8 bytes, leaving out the top-level folders named in {@code skipTop}.
     */
    public static List<String> md5Listing(Path root, List<String> skipTop) {
        TreeMap<String, String> rows = new TreeMap<>(CliProcess::compareUtf8);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = root.relativize(p);
                if (rel.getNameCount() > 0 && skipTop.contains(rel.getName(0).toString())) continue;
                if (Files.isSymbolicLink(p)) {
                    rows.put(rel.toString(), "symlink -> " + Files.readSymbolicLink(p) + "  " + rel);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    rows.put(rel.toString(), md5(Files.readAllBytes(p)) + "  " + rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(rows.values());
    }

    public static int compareUtf8(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8), y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    public static String md5(byte[] b) {
        try {
            return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(b)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every dvc.lock under {@code root} (not inside {@code .dvc}), named as the oracles name them: {@code dvc.lock}
     * for the one in {@code home}, else its path relative to {@code root} with {@code /} turned into {@code __}.
     */
    public static Map<String, byte[]> lockFiles(Path root, Path home) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = root.relativize(p);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().equals(".dvc")) continue;
                if (!p.getFileName().toString().equals("dvc.lock") || Files.isSymbolicLink(p)) continue;
                String name = p.equals(home.resolve("dvc.lock")) ? "dvc.lock" : String.join("__", parts(rel));
                out.put(name, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> parts(Path rel) {
        List<String> out = new ArrayList<>();
        for (Path p : rel) out.add(p.toString());
        return out;
    }
}
