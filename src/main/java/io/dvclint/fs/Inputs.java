package io.dvclint.fs;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The lint's one door to the file system: it reads files, checks paths and lists folders, and never writes or runs
 * anything. {@code LintPurityTest} keeps the rest of the lint from reaching the file system, other programs or the
 * environment any other way. {@link #withOverlay} lets a lint see edited texts of existing files that are not
 * written ({@code lint --diff} lints its fixes this way).
 */
public final class Inputs {
    private static Map<Path, byte[]> overlay = Map.of();

    private Inputs() {
    }

    /** Runs {@code body} with {@code files} (existing files, absolute paths) read as these bytes instead. */
    public static <T> T withOverlay(Map<Path, byte[]> files, Supplier<T> body) {
        Map<Path, byte[]> saved = overlay;
        overlay = files;
        try {
            return body.get();
        } finally {
            overlay = saved;
        }
    }

    public static boolean exists(Path p) {
        return Files.exists(p);
    }

    public static boolean isRegularFile(Path p) {
        return Files.isRegularFile(p);
    }

    public static boolean isDirectory(Path p) {
        return Files.isDirectory(p);
    }

    /** Whether {@code p} is a folder itself, not a symbolic link to one. */
    public static boolean isDirectoryNoFollow(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    public static boolean isSymbolicLink(Path p) {
        return Files.isSymbolicLink(p);
    }

    public static long size(Path p) throws IOException {
        byte[] o = overlay.get(p);
        return o != null ? o.length : Files.size(p);
    }

    /**
     * The bytes of a file. Read with java.io rather than {@code Files.readAllBytes}: a JVM has java.io's file
     * classes ready from its own start, while the first NIO read loads some 25 channel classes.
     */
    public static byte[] read(Path file) throws IOException {
        byte[] o = overlay.get(file);
        if (o != null) return o.clone();
        try (InputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        }
    }

    /** The first {@code n} bytes of a file (fewer when it is shorter). */
    public static byte[] readPrefix(Path file, int n) throws IOException {
        byte[] o = overlay.get(file);
        if (o != null) return Arrays.copyOf(o, Math.min(n, o.length));
        try (InputStream in = new FileInputStream(file.toFile())) {
            return in.readNBytes(n);
        }
    }

    /** The entries of a folder, in no particular order. */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) out.add(p);
        }
        return out;
    }
}
