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
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * Whether the folder surely has no sub-folder (symbolic links to folders aside), known from its link count
     * alone: on ext2/3/4, xfs and tmpfs a folder's count is 2 plus its sub-folders, so 2 means none, and its entries
     * need not be looked at one by one to tell folders from files. False when that is not known: another count
     * (btrfs and overlayfs's merged folders always say 1), or a file system whose counts are not kept so (network
     * and FUSE file systems among them; a folder is checked against the file system holding it).
     */
    public static boolean hasNoSubfolders(Path dir) {
        try {
            Map<String, Object> a = Files.readAttributes(dir, "unix:nlink,dev");
            if (((Number) a.get("nlink")).intValue() != 2) return false;
            Object dev = a.get("dev");
            Boolean counts = COUNTS_SUBFOLDERS.get(dev);
            if (counts == null) {
                counts = LINK_COUNTED.contains(Files.getFileStore(dir).type());
                COUNTS_SUBFOLDERS.put(dev, counts);
            }
            return counts;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The file systems whose folders' link counts count their sub-folders (overlayfs passes its layers' on). */
    private static final List<String> LINK_COUNTED = List.of("ext4", "ext3", "ext2", "xfs", "tmpfs", "overlay");
    /** Per device number: whether its file system is one of those. */
    private static final Map<Object, Boolean> COUNTS_SUBFOLDERS = new ConcurrentHashMap<>();

    /**
     * The names of a folder's entries, in no particular order: one system call per batch of entries rather than one
     * per entry and no {@link Path} made for each, for a walk that looks at names only.
     */
    public static String[] names(Path dir) throws IOException {
        String[] names = dir.toFile().list();
        if (names == null) throw new IOException("cannot list folder: " + dir);
        return names;
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
