package io.dvclint.exec.cache;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** File-system steps on workspace paths that the cache needs: removing outputs, link checks, execute bits. */
public final class Workspace {
    private Workspace() {
    }

    /** Removes a file, link or whole directory tree (links are removed, never followed); absent is fine. */
    public static void remove(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // a read-only folder (e.g. made by a stage) must be writable to empty it
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
                if (!perms.contains(PosixFilePermission.OWNER_WRITE)) {
                    perms.add(PosixFilePermission.OWNER_WRITE);
                    perms.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(dir, perms);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A regular file with more than one hard link. */
    static boolean isHardLinked(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) return false;
        Object n = Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        return n instanceof Integer i && i > 1;
    }

    /** Both paths are the same file (a hard link), neither being a symbolic link. */
    static boolean sameFile(Path a, Path b) throws IOException {
        if (Files.isSymbolicLink(a) || !Files.exists(a) || !Files.exists(b)) return false;
        return Files.isSameFile(a, b);
    }

    /** {@code mode | S_IXUSR}, as dvc-data's {@code set_exec}. */
    static void setUserExec(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        Files.setPosixFilePermissions(p, perms);
    }
}
