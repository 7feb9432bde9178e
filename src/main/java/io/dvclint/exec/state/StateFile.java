package io.dvclint.exec.state;

import io.dvclint.exec.hash.Md5;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The hash state's file format, and a loaded file read in place. All integers big-endian:
 * <pre>
 *   magic    "DVCLST1\n"                         8 bytes
 *   count    entries                             u32
 *   pool     length of the pool                  u32
 *   entries  count x 76 bytes, sorted by key (its UTF-8 bytes, unsigned):
 *              inode i64, mtime ns i64, size i64, key offset u32, key length u32 (in the pool),
 *              key hash i32 (Java's String.hashCode of the key), last day used u32 (days since 1970),
 *              flags u32 (1: md5 known, 2: md5-dos2unix known, 4: directory),
 *              md5 16 bytes, md5-dos2unix 16 bytes (zeros when unknown)
 *   pool     the keys, UTF-8, each followed by its directory manifest for a directory entry
 *   crc      CRC-32 of everything before         u32
 * </pre>
 * A directory's entry keeps its manifest (see {@link HashState#manifestBytes}) after its key, its length in the size
 * field, inode and mtime 0, and its {@code .dir} hash in the md5 field.
 *
 * <p>Loading is checking the length and CRC and indexing the entries by their stored key hashes (no key is
 * decoded); a lookup is a probe and one comparison of bytes.
 */
final class StateFile {
    static final int FLAG_MD5 = 1;
    static final int FLAG_DOS2UNIX = 2;
    static final int FLAG_DIR = 4;

    private static final byte[] MAGIC = {'D', 'V', 'C', 'L', 'S', 'T', '1', '\n'};
    private static final int HEADER = 16;
    // an entry's fields, by offset
    private static final int INODE = 0;
    private static final int MTIME = 8;
    private static final int SIZE = 16;
    private static final int KEY_OFF = 24;
    private static final int KEY_LEN = 28;
    private static final int KEY_HASH = 32;
    private static final int SEEN = 36;
    private static final int FLAGS = 40;
    private static final int MD5 = 44;
    private static final int DOS2UNIX = 60;
    private static final int RECORD = 76;

    /** An entry in memory: a file's stat data and hashes, or a directory's manifest and hash. */
    static final class Entry {
        final FileStat stat;
        final byte[] md5;
        final byte[] dos2unix;
        final int seen;
        /** A directory's manifest (then {@code md5} is its {@code .dir} hash without the suffix), else null. */
        final byte[] manifest;

        Entry(FileStat stat, byte[] md5, byte[] dos2unix, int seen, byte[] manifest) {
            this.stat = stat;
            this.md5 = md5;
            this.dos2unix = dos2unix;
            this.seen = seen;
            this.manifest = manifest;
        }
    }

    private final byte[] b;
    private final int count;
    private final int poolStart;
    /** An open-addressing table of the entries (entry number + 1, 0 for free) by their keys' hashes. */
    private final int[] index;

    private StateFile(byte[] b) {
        this.b = b;
        this.count = getInt(b, 8);
        this.poolStart = HEADER + count * RECORD;
        int cap = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
        int[] t = new int[cap];
        int mask = cap - 1;
        for (int r = 0; r < count; r++) {
            int i = spread(getInt(b, HEADER + r * RECORD + KEY_HASH)) & mask;
            while (t[i] != 0) i = (i + 1) & mask;
            t[i] = r + 1;
        }
        index = t;
    }

    /** The file whose bytes these are, or null when they are not a whole file of this version. */
    static StateFile of(byte[] b) {
        return valid(b) ? new StateFile(b) : null;
    }

    /** The whole file is there (lengths agree), of this version, and its CRC matches. */
    static boolean valid(byte[] b) {
        if (b.length < HEADER + 4) return false;
        for (int i = 0; i < MAGIC.length; i++) if (b[i] != MAGIC[i]) return false;
        long count = getInt(b, 8) & 0xffffffffL;
        long pool = getInt(b, 12) & 0xffffffffL;
        if (HEADER + count * RECORD + pool + 4 != b.length) return false;
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        if ((int) crc.getValue() != getInt(b, b.length - 4)) return false;
        for (int r = 0; r < count; r++) {
            int at = HEADER + r * RECORD;
            long off = getInt(b, at + KEY_OFF) & 0xffffffffL;
            long len = getInt(b, at + KEY_LEN) & 0xffffffffL;
            if ((getInt(b, at + FLAGS) & FLAG_DIR) != 0) {
                long m = getLong(b, at + SIZE);
                if (m < 0 || m > pool) return false;
                len += m;
            }
            if (off + len > pool) return false;
        }
        return true;
    }

    int count() {
        return count;
    }

    /** The entry of a key, or -1: a probe of the index by the key's hash, then its bytes compared. */
    int find(String key) {
        int[] t = index;
        int h = key.hashCode();
        int mask = t.length - 1;
        byte[] bytes = null;
        for (int i = spread(h) & mask; t[i] != 0; i = (i + 1) & mask) {
            int r = t[i] - 1;
            int at = HEADER + r * RECORD;
            if (getInt(b, at + KEY_HASH) != h) continue;
            if (bytes == null) bytes = key.getBytes(StandardCharsets.UTF_8);
            int off = poolStart + getInt(b, at + KEY_OFF);
            if (Arrays.equals(b, off, off + getInt(b, at + KEY_LEN), bytes, 0, bytes.length)) return r;
        }
        return -1;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** Whether entry {@code r} was recorded with these stat data. */
    boolean statIs(int r, FileStat st) {
        int at = HEADER + r * RECORD;
        return getLong(b, at + INODE) == st.inode() && getLong(b, at + MTIME) == st.mtimeNanos()
                && getLong(b, at + SIZE) == st.size();
    }

    int flags(int r) {
        return getInt(b, HEADER + r * RECORD + FLAGS);
    }

    /** The hex MD5 entry {@code r} keeps under {@code flag} ({@link #FLAG_MD5} or {@link #FLAG_DOS2UNIX}). */
    String md5(int r, int flag) {
        return Md5.hex(b, HEADER + r * RECORD + (flag == FLAG_DOS2UNIX ? DOS2UNIX : MD5), 16);
    }

    /** Whether directory entry {@code r} keeps exactly this manifest. */
    boolean manifestIs(int r, byte[] manifest) {
        int at = HEADER + r * RECORD;
        if (getLong(b, at + SIZE) != manifest.length) return false;
        int from = poolStart + getInt(b, at + KEY_OFF) + getInt(b, at + KEY_LEN);
        return Arrays.equals(b, from, from + manifest.length, manifest, 0, manifest.length);
    }

    int seen(int r) {
        return getInt(b, HEADER + r * RECORD + SEEN);
    }

    /** Marks entry {@code r} used on {@code day}; whether that changed it. */
    boolean touch(int r, int day) {
        int at = HEADER + r * RECORD + SEEN;
        if (getInt(b, at) == day) return false;
        putInt(b, at, day);
        return true;
    }

    String key(int r) {
        int at = HEADER + r * RECORD;
        return new String(b, poolStart + getInt(b, at + KEY_OFF), getInt(b, at + KEY_LEN), StandardCharsets.UTF_8);
    }

    Entry entry(int r) {
        int at = HEADER + r * RECORD;
        int flags = getInt(b, at + FLAGS);
        byte[] manifest = null;
        if ((flags & FLAG_DIR) != 0) {
            int from = poolStart + getInt(b, at + KEY_OFF) + getInt(b, at + KEY_LEN);
            manifest = Arrays.copyOfRange(b, from, from + (int) getLong(b, at + SIZE));
        }
        return new Entry(new FileStat(getLong(b, at + INODE), getLong(b, at + MTIME), getLong(b, at + SIZE)),
                (flags & FLAG_MD5) != 0 ? Arrays.copyOfRange(b, at + MD5, at + DOS2UNIX) : null,
                (flags & FLAG_DOS2UNIX) != 0 ? Arrays.copyOfRange(b, at + DOS2UNIX, at + RECORD) : null,
                getInt(b, at + SEEN), manifest);
    }

    /** One entry to write: its key, the key's UTF-8 bytes and its fields. */
    record Out(String name, byte[] key, Entry entry) {
    }

    /** A file of these entries, already in key order (by their bytes, unsigned). */
    static byte[] serialize(List<Out> all) {
        int pool = 0;
        for (Out o : all) pool += o.key.length + (o.entry.manifest == null ? 0 : o.entry.manifest.length);
        byte[] b = new byte[HEADER + all.size() * RECORD + pool + 4];
        System.arraycopy(MAGIC, 0, b, 0, MAGIC.length);
        putInt(b, 8, all.size());
        putInt(b, 12, pool);
        int poolAt = HEADER + all.size() * RECORD;
        int off = 0;
        for (int r = 0; r < all.size(); r++) {
            Out o = all.get(r);
            Entry e = o.entry;
            int at = HEADER + r * RECORD;
            putLong(b, at + INODE, e.stat.inode());
            putLong(b, at + MTIME, e.stat.mtimeNanos());
            putLong(b, at + SIZE, e.stat.size());
            putInt(b, at + KEY_OFF, off);
            putInt(b, at + KEY_LEN, o.key.length);
            putInt(b, at + KEY_HASH, o.name.hashCode());
            putInt(b, at + SEEN, e.seen);
            int flags = 0;
            if (e.md5 != null) {
                flags |= FLAG_MD5;
                System.arraycopy(e.md5, 0, b, at + MD5, 16);
            }
            if (e.dos2unix != null) {
                flags |= FLAG_DOS2UNIX;
                System.arraycopy(e.dos2unix, 0, b, at + DOS2UNIX, 16);
            }
            if (e.manifest != null) flags |= FLAG_DIR;
            putInt(b, at + FLAGS, flags);
            System.arraycopy(o.key, 0, b, poolAt + off, o.key.length);
            off += o.key.length;
            if (e.manifest != null) {
                System.arraycopy(e.manifest, 0, b, poolAt + off, e.manifest.length);
                off += e.manifest.length;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        putInt(b, b.length - 4, (int) crc.getValue());
        return b;
    }

    private static int getInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static long getLong(byte[] b, int at) {
        return ((long) getInt(b, at) << 32) | (getInt(b, at + 4) & 0xffffffffL);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }
}
