package io.dvclint.exec.hash;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Computes the MD5 of one regular file. {@link Hasher} hashes every file, alone or inside a directory, through one
 * of these, so a cache of known hashes (by inode, mtime and size) or a pool of threads can be put in front of
 * {@link Md5#INSTANCE} without changing the callers.
 */
public interface FileHasher {
    /** Lower-case hex MD5 of the file's content under {@code name}; symbolic links are followed. */
    String md5(Path file, HashName name) throws IOException;
}
