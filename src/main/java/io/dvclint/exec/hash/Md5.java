package io.dvclint.exec.hash;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MD5 of files as dvc-data computes it ({@code hashfile/hash.py}): the file is read in 1 MiB chunks; for
 * {@link HashName#MD5_DOS2UNIX} each chunk whose first 512 bytes look like text ({@code istextfile.istextblock}:
 * no NUL byte and at most 30% of bytes outside printable ASCII, {@code \n \r \t \f \b}) has every CRLF turned
 * into LF before it is hashed (a CRLF split across two chunks stays as it is).
 */
public final class Md5 implements FileHasher {
    /** The plain hasher: no cache, one file at a time. */
    public static final Md5 INSTANCE = new Md5();

    /** dvc-data's read size, which also bounds the dos2unix text decision. */
    public static final int CHUNK = 1 << 20;
    private static final int TEXT_BLOCK = 512;

    /**
     * Files up to this size are read with {@code java.io} in pieces of at most 8 KiB (which it reads without a
     * buffer of its own), larger ones through a channel a chunk at a time.
     */
    static final int SMALL = 64 << 10;
    private static final int PIECE = 8 << 10;

    /** Each thread's chunk buffer and digest, used for one file at a time. */
    private static final class Work {
        final byte[] buf = new byte[CHUNK];
        final ByteBuffer bb = ByteBuffer.wrap(buf);
        final MessageDigest md = newDigest();
    }

    private static final ThreadLocal<Work> WORK = new ThreadLocal<>();

    private static Work work() {
        Work w = WORK.get();
        if (w == null) {
            w = new Work();
            WORK.set(w);
        }
        w.md.reset();
        return w;
    }

    private Md5() {
    }

    @Override
    public String md5(Path file, HashName name) throws IOException {
        return large(file, name, work());
    }

    /** As {@link #md5(Path, HashName)}; the size read with the attributes picks how the file is read. */
    @Override
    public String md5(Path file, HashName name, BasicFileAttributes attrs) throws IOException {
        Work w = work();
        if (attrs.size() > SMALL) return large(file, name, w);
        FileInputStream in;
        try {
            in = new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            return large(file, name, w); // for the file system's own exception (missing, denied, a folder)
        }
        try (in) {
            byte[] buf = w.buf;
            while (true) {
                int n = 0;
                while (n < CHUNK) {
                    int r = in.read(buf, n, Math.min(PIECE, CHUNK - n));
                    if (r < 0) break;
                    n += r;
                }
                if (n == 0) break;
                update(w.md, buf, n, name);
                if (n < CHUNK) break;
            }
        }
        return hex(w.md.digest());
    }

    private static String large(Path file, HashName name, Work w) throws IOException {
        ByteBuffer bb = w.bb;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                bb.clear();
                int n = fill(ch, bb);
                if (n == 0) break;
                update(w.md, w.buf, n, name);
            }
        }
        return hex(w.md.digest());
    }

    /** Hashes one chunk (the first {@code n} bytes of {@code buf}), turned to LF line ends first if it must be. */
    private static void update(MessageDigest md, byte[] buf, int n, HashName name) {
        if (name == HashName.MD5_DOS2UNIX && isText(buf, Math.min(n, TEXT_BLOCK))) n = dos2unix(buf, n);
        md.update(buf, 0, n);
    }

    /** Reads until the buffer is full or the file ends, as Python's {@code read(n)} does; returns the count. */
    private static int fill(FileChannel ch, ByteBuffer bb) throws IOException {
        while (bb.hasRemaining()) {
            if (ch.read(bb) < 0) break;
        }
        return bb.position();
    }

    /** {@code istextblock}: empty is text; a NUL byte means binary; else at most 30% non-text bytes. */
    static boolean isText(byte[] b, int len) {
        if (len == 0) return true;
        int nontext = 0;
        for (int i = 0; i < len; i++) {
            int c = b[i] & 0xff;
            if (c == 0) return false;
            boolean text = (c >= 32 && c < 127) || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\b';
            if (!text) nontext++;
        }
        return (double) nontext / len <= 0.30;
    }

    /** Removes the CR of every CRLF in {@code b[0..n)} in place; returns the new length. */
    static int dos2unix(byte[] b, int n) {
        int w = 0;
        for (int r = 0; r < n; r++) {
            if (b[r] == '\r' && r + 1 < n && b[r + 1] == '\n') continue;
            b[w++] = b[r];
        }
        return w;
    }

    /** MD5 of bytes in memory (a directory manifest). */
    public static String of(byte[] data) {
        MessageDigest md = newDigest();
        md.update(data);
        return hex(md.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public static String hex(byte[] digest) {
        return hex(digest, 0, digest.length);
    }

    /** Lower-case hex of {@code len} bytes of {@code b} from {@code off}. */
    public static String hex(byte[] b, int off, int len) {
        char[] out = new char[len * 2];
        for (int i = 0; i < len; i++) {
            out[2 * i] = HEX[(b[off + i] >> 4) & 15];
            out[2 * i + 1] = HEX[b[off + i] & 15];
        }
        return new String(out);
    }
}
