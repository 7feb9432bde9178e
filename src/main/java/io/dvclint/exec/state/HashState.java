package io.dvclint.exec.state;

import io.dvclint.exec.hash.FileHasher;
import io.dvclint.exec.hash.FileNames;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Md5;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;

/**
 * What dvclint knows of file hashes across runs, as DVC's state database does: a file whose path, inode, mtime (in
 * nanoseconds) and size are those recorded when it was hashed is not read again. It lives in the project's
 * {@code .dvc/tmp/dvclint-state} (DVC's own state, a sqlite database, is left alone), is loaded once per command
 * and written back once at its end, and only when something was learnt.
 *
 * <p>The file, all integers big-endian:
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
 * A file's key is its path relative to the project root (absolute outside it). A directory's entry
 * remembers the {@code .dir} hash of its last manifest, which it keeps (each file's relative path, a NUL byte and its
 * 16-byte MD5; its length in the size field, inode and mtime 0) under the directory's key followed by '/': a
 * directory whose files all have known hashes and make the same manifest again gets its hash without the manifest's
 * JSON text being written and hashed. The manifest is compared whole, so this is exact.
 *
 * <p>Loading it is reading its bytes, checking the length and CRC, and indexing the entries by their stored key hashes
 * (no key is decoded); a lookup is a probe and one comparison of bytes. A file that is damaged, truncated or of
 * another version is ignored (every file is then hashed again). It is written to a temporary file that is renamed
 * over it, so concurrent dvclint processes leave one of their versions whole; before writing, one that finds the
 * file changed since it loaded it takes the other's entries in too.
 *
 * <p>Bounds: entries not used for {@value #MAX_AGE_DAYS} days are dropped when the file is written, and beyond
 * {@value #MAX_ENTRIES} entries the least recently used go. Racy files (git's "racy clean" problem): a file whose
 * mtime is within the file system's timestamp granularity of the moment its hashing started could still change
 * without its mtime changing, so its hash is not recorded; one whose mtime is a whole second gets
 * {@value #COARSE_RACY_MS} ms (file systems with one- or two-second timestamps), others {@value #FINE_RACY_MS} ms
 * (kernels stamp files from a clock that advances every 1 to 10 ms). Rather than leave a file just written (a stage's
 * output, hashed as soon as its command exits) to be read again by the next command, hashing waits out the rest of
 * a fine window first ({@link #racyWait}): at most {@value #FINE_RACY_MS} ms once for a batch of files written
 * together.
 */
public final class HashState {
    /** The state file's name in {@code .dvc/tmp}. */
    public static final String FILE = "dvclint-state";
    static final int MAX_AGE_DAYS = 30;
    static final int MAX_ENTRIES = 1_000_000;
    static final long COARSE_RACY_MS = 2000;
    static final long FINE_RACY_MS = 50;

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
    private static final int FLAG_MD5 = 1;
    private static final int FLAG_DOS2UNIX = 2;
    private static final int FLAG_DIR = 4;
    private static final long DAY_MS = 86_400_000L;

    /** Numbers this process's temporary files (several states may be written at once). */
    private static final AtomicInteger TEMPS = new AtomicInteger();

    private final Path file;
    private final String rootPrefix;
    private final LongSupplier clockMillis;
    private final int today;

    /** The loaded file (null when none), its entry count and where its path pool starts. */
    private byte[] base;
    private int baseCount;
    private int poolStart;
    /** The stat data of the state file as loaded, to notice another process's write. */
    private FileStat loadedStat;

    /** Entries learnt in this run (new, or replacing a loaded entry of the same path). */
    private final Map<String, Entry> learnt = new ConcurrentHashMap<>();
    private volatile boolean dirty;
    private boolean hooked;

    HashState(Path projectRoot, Path file, LongSupplier clockMillis) {
        String root = projectRoot.toAbsolutePath().normalize().toString();
        this.rootPrefix = root.endsWith("/") ? root : root + "/";
        this.file = file;
        this.clockMillis = clockMillis;
        this.today = (int) (clockMillis.getAsLong() / DAY_MS);
    }

    /**
     * The state of the project at {@code projectRoot}, loaded from {@code .dvc/tmp/dvclint-state}; without a
     * {@code .dvc} folder it is kept in memory only.
     */
    public static HashState load(Path projectRoot) {
        Path dvc = projectRoot.resolve(".dvc");
        Path file = Files.isDirectory(dvc) ? dvc.resolve("tmp").resolve(FILE) : null;
        HashState s = new HashState(projectRoot, file, SystemClock.INSTANCE);
        s.read();
        return s;
    }

    /** A state of this file (tests: a clock of their own). */
    static HashState load(Path projectRoot, Path file, LongSupplier clockMillis) {
        HashState s = new HashState(projectRoot, file, clockMillis);
        s.read();
        return s;
    }

    /** {@code inner}, asked only for the files this state does not know. */
    public FileHasher over(FileHasher inner) {
        return new StateFileHasher(this, inner);
    }

    /** The number of entries the state would write now (loaded and learnt, before the bounds are applied). */
    public int size() {
        int n = learnt.size();
        for (int r = 0; r < baseCount; r++) if (!learnt.containsKey(keyOf(r))) n++;
        return n;
    }

    // ---- keys and stat data

    /** The stat data an entry is keyed on. */
    record FileStat(long inode, long mtimeNanos, long size) {
        static FileStat of(BasicFileAttributes a) {
            return new FileStat(HashState.inode(a.fileKey()), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size());
        }

        // written out: a record's generated equals and hashCode are linked on first use, a cost on every start

        @Override
        public boolean equals(Object o) {
            return o instanceof FileStat f && f.inode == inode && f.mtimeNanos == mtimeNanos && f.size == size;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(inode) * 31 * 31 + Long.hashCode(mtimeNanos) * 31 + Long.hashCode(size);
        }
    }

    /** The inode number of a file key ({@code (dev=...,ino=N)} on Unix), else a number standing for the key. */
    static long inode(Object fileKey) {
        if (fileKey == null) return 0;
        String s = fileKey.toString();
        int i = s.indexOf("ino=");
        if (i >= 0) {
            long v = 0;
            int j = i + 4;
            int digits = 0;
            while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                v = v * 10 + (s.charAt(j++) - '0');
                digits++;
            }
            if (digits > 0) return v;
        }
        return fileKey.hashCode();
    }

    /** The key of a path: relative to the project root, or absolute outside it. */
    String key(Path abs) {
        String s = abs.toString();
        return s.startsWith(rootPrefix) ? s.substring(rootPrefix.length()) : s;
    }

    // ---- lookups

    /** The MD5 recorded for the file under {@code name} if its stat data are still those, else null. */
    String lookup(String key, FileStat st, HashName name) {
        Entry e = learnt.isEmpty() ? null : learnt.get(key);
        if (e != null) {
            if (e.manifest != null || !e.stat.equals(st)) return null;
            byte[] md5 = name == HashName.MD5 ? e.md5 : e.dos2unix;
            return md5 == null ? null : Md5.hex(md5);
        }
        byte[] b = base;
        if (b == null) return null;
        int r = find(key);
        if (r < 0) return null;
        int at = HEADER + r * RECORD;
        if (getLong(b, at) != st.inode() || getLong(b, at + MTIME) != st.mtimeNanos() || getLong(b, at + SIZE) != st.size()) {
            return null;
        }
        int flags = getInt(b, at + FLAGS);
        int flag = name == HashName.MD5 ? FLAG_MD5 : FLAG_DOS2UNIX;
        if ((flags & (flag | FLAG_DIR)) != flag) return null;
        if (getInt(b, at + SEEN) != today) {
            putInt(b, at + SEEN, today);
            markDirty();
        }
        return Md5.hex(b, at + (flag == FLAG_MD5 ? MD5 : DOS2UNIX), 16);
    }

    /** The loaded entry of a key, or -1: a probe of {@link #index} by the key's hash, then its bytes compared. */
    private int find(String key) {
        int[] t = index;
        int h = key.hashCode();
        int mask = t.length - 1;
        byte[] bytes = null;
        for (int i = spread(h) & mask; t[i] != 0; i = (i + 1) & mask) {
            int r = t[i] - 1;
            int at = HEADER + r * RECORD;
            if (getInt(base, at + KEY_HASH) != h) continue;
            if (bytes == null) bytes = key.getBytes(StandardCharsets.UTF_8);
            int off = poolStart + getInt(base, at + KEY_OFF);
            if (Arrays.equals(base, off, off + getInt(base, at + KEY_LEN), bytes, 0, bytes.length)) return r;
        }
        return -1;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** An open-addressing table of the loaded entries (entry number + 1, 0 for free) by their keys' hashes. */
    private int[] index;

    private void buildIndex() {
        int cap = Integer.highestOneBit(Math.max(4, baseCount * 2 - 1)) << 1;
        int[] t = new int[cap];
        int mask = cap - 1;
        for (int r = 0; r < baseCount; r++) {
            int i = spread(getInt(base, HEADER + r * RECORD + KEY_HASH)) & mask;
            while (t[i] != 0) i = (i + 1) & mask;
            t[i] = r + 1;
        }
        index = t;
    }

    /**
     * Records a hash just computed. Not recorded when the file's mtime is too close to {@code startMillis} (when its
     * hashing started) to be sure that a later change would change it.
     */
    void record(String key, FileStat st, HashName name, String md5, long startMillis) {
        if (racy(st.mtimeNanos(), startMillis)) return;
        byte[] digest = unhex(md5);
        Entry prev = learnt.get(key);
        if (prev == null) prev = loaded(key);
        byte[] other = null;
        if (prev != null && prev.manifest == null && prev.stat.equals(st)) other = name == HashName.MD5 ? prev.dos2unix : prev.md5;
        Entry e = name == HashName.MD5 ? new Entry(st, digest, other, today, null)
                : new Entry(st, other, digest, today, null);
        learnt.put(key, e);
        markDirty();
    }

    /** The key of a directory's entry. */
    String dirKey(Path abs) {
        return key(abs) + "/";
    }

    /** A manifest as a directory entry keeps it: each file's relative path, a NUL byte and its MD5's 16 bytes. */
    static byte[] manifestBytes(List<HashInfo.Entry> manifest) {
        int n = 0;
        byte[][] rels = new byte[manifest.size()][];
        for (int i = 0; i < rels.length; i++) {
            // a name that is not UTF-8 as its own bytes: each such name would be "?" in plain UTF-8
            rels[i] = FileNames.encode(manifest.get(i).relpath());
            n += rels[i].length + 17;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (int i = 0; i < rels.length; i++) {
            System.arraycopy(rels[i], 0, out, at, rels[i].length);
            at += rels[i].length + 1;
            unhex(manifest.get(i).md5(), out, at);
            at += 16;
        }
        return out;
    }

    /** The {@code .dir} hash remembered for this directory if its manifest is the one remembered, else null. */
    String lookupManifest(String dirKey, byte[] manifest) {
        Entry e = learnt.get(dirKey);
        if (e != null) {
            return e.manifest != null && Arrays.equals(e.manifest, manifest) ? Md5.hex(e.md5) + HashInfo.DIR_SUFFIX
                    : null;
        }
        byte[] b = base;
        if (b == null) return null;
        int r = find(dirKey);
        if (r < 0) return null;
        int at = HEADER + r * RECORD;
        if ((getInt(b, at + FLAGS) & FLAG_DIR) == 0 || getLong(b, at + SIZE) != manifest.length) return null;
        int from = poolStart + getInt(b, at + KEY_OFF) + getInt(b, at + KEY_LEN);
        if (!Arrays.equals(b, from, from + manifest.length, manifest, 0, manifest.length)) return null;
        if (getInt(b, at + SEEN) != today) {
            putInt(b, at + SEEN, today);
            markDirty();
        }
        return Md5.hex(b, at + MD5, 16) + HashInfo.DIR_SUFFIX;
    }

    /** Remembers a directory's manifest and its {@code .dir} hash. */
    void recordManifest(String dirKey, byte[] manifest, String dirMd5) {
        if (!dirMd5.endsWith(HashInfo.DIR_SUFFIX)) return;
        byte[] digest = new byte[16];
        unhex(dirMd5, digest, 0);
        learnt.put(dirKey, new Entry(new FileStat(0, 0, manifest.length), digest, null, today, manifest));
        markDirty();
    }

    /** Whether a file with this mtime, hashed from {@code startMillis} on, could change and keep its mtime. */
    static boolean racy(long mtimeNanos, long startMillis) {
        return mtimeNanos > (startMillis - window(mtimeNanos)) * 1_000_000L;
    }

    private static long window(long mtimeNanos) {
        return mtimeNanos % 1_000_000_000L == 0 ? COARSE_RACY_MS : FINE_RACY_MS;
    }

    /**
     * How long to wait before hashing a file with this mtime at {@code nowMillis} so that its hash can be recorded:
     * 0 when it can be now; the rest of the window for a file of a fine-grained file system written less than
     * {@value #FINE_RACY_MS} ms ago; 0 too when waiting would not help (a whole-second time, a time in the future).
     */
    static long racyWait(long mtimeNanos, long nowMillis) {
        if (!racy(mtimeNanos, nowMillis) || window(mtimeNanos) != FINE_RACY_MS) return 0;
        long until = Math.floorDiv(mtimeNanos, 1_000_000L) + FINE_RACY_MS + 1;
        long wait = until - nowMillis;
        return wait > 0 && wait <= FINE_RACY_MS + 1 ? wait : 0;
    }

    long now() {
        return clockMillis.getAsLong();
    }

    private Entry loaded(String key) {
        if (base == null) return null;
        int r = find(key);
        return r < 0 ? null : entryAt(base, poolStart, r);
    }

    private static Entry entryAt(byte[] b, int poolStart, int r) {
        int at = HEADER + r * RECORD;
        int flags = getInt(b, at + FLAGS);
        byte[] manifest = null;
        if ((flags & FLAG_DIR) != 0) {
            int from = poolStart + getInt(b, at + KEY_OFF) + getInt(b, at + KEY_LEN);
            manifest = Arrays.copyOfRange(b, from, from + (int) getLong(b, at + SIZE));
        }
        return new Entry(new FileStat(getLong(b, at), getLong(b, at + MTIME), getLong(b, at + SIZE)),
                (flags & FLAG_MD5) != 0 ? Arrays.copyOfRange(b, at + MD5, at + DOS2UNIX) : null,
                (flags & FLAG_DOS2UNIX) != 0 ? Arrays.copyOfRange(b, at + DOS2UNIX, at + RECORD) : null, getInt(b, at + SEEN),
                manifest);
    }

    private String keyOf(int r) {
        return keyOf(base, poolStart, r);
    }

    private static String keyOf(byte[] b, int poolStart, int r) {
        int at = HEADER + r * RECORD;
        return new String(b, poolStart + getInt(b, at + KEY_OFF), getInt(b, at + KEY_LEN), StandardCharsets.UTF_8);
    }

    /** An entry in memory: a file's stat data and hashes, or a directory's manifest and hash. */
    private static final class Entry {
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

    // ---- loading

    private void read() {
        if (file == null) return;
        try {
            FileStat before = FileStat.of(Files.readAttributes(file, BasicFileAttributes.class));
            byte[] b = readAll(file);
            if (valid(b)) {
                base = b;
                baseCount = getInt(b, 8);
                poolStart = HEADER + baseCount * RECORD;
                loadedStat = before;
                buildIndex();
            }
        } catch (IOException | RuntimeException e) {
            // no state, or one that cannot be read: every file is hashed
        }
    }

    private static byte[] readAll(Path f) throws IOException {
        try (InputStream in = new FileInputStream(f.toFile())) {
            return in.readAllBytes();
        }
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

    // ---- saving

    private synchronized void markDirty() {
        dirty = true;
        if (hooked || file == null) return;
        hooked = true;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(new Saver(this), "dvclint-state"));
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    /** Writes the state at the end of the command (the JVM's exit), unless written already. */
    private static final class Saver implements Runnable {
        private final HashState state;

        Saver(HashState state) {
            this.state = state;
        }

        @Override
        public void run() {
            state.save();
        }
    }

    /**
     * Writes the state file if anything was learnt since it was loaded; never fails (a state that cannot be
     * written only costs hashing again). Also runs at the JVM's exit.
     *
     * @return whether the file was written
     */
    public synchronized boolean save() {
        if (!dirty || file == null) return false;
        Path dir = file.getParent();
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir.getParent())) return false; // the project (its .dvc) is gone
            Files.createDirectories(dir);
            byte[] current = base;
            int currentCount = baseCount;
            int currentPool = poolStart;
            FileStat onDisk = statOrNull(file);
            if (onDisk != null && !onDisk.equals(loadedStat)) {
                // another process wrote it since we loaded it: keep its entries too
                byte[] b = readAll(file);
                if (valid(b)) {
                    current = b;
                    currentCount = getInt(b, 8);
                    currentPool = HEADER + currentCount * RECORD;
                }
            }
            byte[] out = serialize(current, currentCount, currentPool);
            tmp = dir.resolve(FILE + "." + ProcessHandle.current().pid() + "-" + TEMPS.incrementAndGet() + ".tmp");
            try (OutputStream o = new FileOutputStream(tmp.toFile())) {
                o.write(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            dirty = false;
            removeStaleTemporaries(dir);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for the next writer to remove
                }
            }
        }
    }

    private static FileStat statOrNull(Path f) throws IOException {
        try {
            return FileStat.of(Files.readAttributes(f, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Temporary files of writers that were killed before renaming theirs (older than an hour). */
    private void removeStaleTemporaries(Path dir) {
        long limit = clockMillis.getAsLong() - 3_600_000L;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, FILE + ".*.tmp")) {
            for (Path p : ds) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().toMillis() < limit) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // only housekeeping
        }
    }

    /** One entry to write: its key's bytes and its fields. */
    private record Out(String name, byte[] key, Entry entry) {
    }

    private static final Comparator<Out> BY_KEY = new Comparator<>() {
        @Override
        public int compare(Out x, Out y) {
            return Arrays.compareUnsigned(x.key, y.key);
        }
    };

    private static final Comparator<Out> RECENT_FIRST = new Comparator<>() {
        @Override
        public int compare(Out x, Out y) {
            return Integer.compare(y.entry.seen, x.entry.seen);
        }
    };

    /** The file's bytes: the loaded entries not replaced and still in use, and those learnt. */
    private byte[] serialize(byte[] loaded, int loadedCount, int loadedPool) {
        List<Out> all = new ArrayList<>(loadedCount + learnt.size());
        int oldest = today - MAX_AGE_DAYS;
        for (Map.Entry<String, Entry> e : learnt.entrySet()) {
            all.add(new Out(e.getKey(), e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue()));
        }
        for (int r = 0; r < loadedCount; r++) {
            int at = HEADER + r * RECORD;
            int seen = getInt(loaded, at + SEEN);
            if (seen < oldest) continue;
            String key = keyOf(loaded, loadedPool, r);
            if (learnt.containsKey(key)) continue;
            all.add(new Out(key, key.getBytes(StandardCharsets.UTF_8), entryAt(loaded, loadedPool, r)));
        }
        if (all.size() > MAX_ENTRIES) {
            all.sort(RECENT_FIRST);
            all = new ArrayList<>(all.subList(0, MAX_ENTRIES));
        }
        all.sort(BY_KEY);
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
            putLong(b, at, e.stat.inode());
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

    // ---- bytes

    private static byte[] unhex(String hex) {
        byte[] out = new byte[16];
        unhex(hex, out, 0);
        return out;
    }

    /** The 16 bytes of a hex MD5 (its first 32 characters) into {@code out} from {@code at}. */
    private static void unhex(String hex, byte[] out, int at) {
        for (int i = 0; i < 16; i++) {
            out[at + i] = (byte) ((Character.digit(hex.charAt(2 * i), 16) << 4)
                    | Character.digit(hex.charAt(2 * i + 1), 16));
        }
    }

    static int getInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    static long getLong(byte[] b, int at) {
        return ((long) getInt(b, at) << 32) | (getInt(b, at + 4) & 0xffffffffL);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    private static final class SystemClock implements LongSupplier {
        static final SystemClock INSTANCE = new SystemClock();

        @Override
        public long getAsLong() {
            return System.currentTimeMillis();
        }
    }
}
