package io.dvclint.exec.hash;

/**
 * How a file's bytes are hashed. DVC 3 entries ({@code hash: md5} in the lock) use plain MD5; entries without a
 * {@code hash} key come from DVC 2 and are hashed as {@code md5-dos2unix}, a name that never appears in files (the
 * value is still written under {@code md5}).
 */
public enum HashName {
    /** MD5 of the raw bytes. */
    MD5,
    /** DVC 2's MD5: CRLF turned into LF in each 1 MiB chunk that looks like text. */
    MD5_DOS2UNIX;

    /** The name for a lock entry: legacy (no {@code hash} key) or not. */
    public static HashName forEntry(boolean legacy) {
        return legacy ? MD5_DOS2UNIX : MD5;
    }
}
