package io.dvclint.exec.hash;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Computes the MD5 of one regular file. {@link Hasher} hashes every file, alone or inside a directory, through one
 * of these, so a cache of known hashes (by inode, mtime and size) can be put in front of {@link Md5#INSTANCE}
 * without changing the callers. Implementations may be called from several threads at once.
 */
public interface FileHasher {
    /** Lower-case hex MD5 of the file's content under {@code name}; symbolic links are followed. */
    String md5(Path file, HashName name) throws IOException;

    /**
     * As {@link #md5(Path, HashName)}, with the file's attributes (symbolic links followed) just read by the caller,
     * so that a cache need not read them again.
     */
    default String md5(Path file, HashName name, BasicFileAttributes attrs) throws IOException {
        return md5(file, name);
    }

    /**
     * The MD5 when it is known without reading the file (a cache entry whose stat data match {@code attrs}), else
     * null. {@link Hasher} asks this first for every file of a directory and reads only those it returns null for.
     */
    default String known(Path file, HashName name, BasicFileAttributes attrs) {
        return null;
    }

    /**
     * The {@code .dir} hash of a directory whose manifest (in DVC's order) is {@code manifest}, when remembered from
     * an earlier run, else null: it spares writing the manifest's JSON text and hashing it.
     */
    default String knownManifest(Path dir, List<HashInfo.Entry> manifest) {
        return null;
    }

    /** Remembers the {@code .dir} hash of a directory's manifest, computed just now. */
    default void recordManifest(Path dir, List<HashInfo.Entry> manifest, String dirMd5) {
    }
}
