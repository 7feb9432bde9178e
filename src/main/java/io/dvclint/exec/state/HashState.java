package io.dvclint.exec.state;

import io.dvclint.exec.hash.FileHasher;
import io.dvclint.exec.hash.FileNames;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Md5;
import io.dvclint.exec.state.StateFile.Entry;
import io.dvclint.exec.state.StateFile.Out;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * What dvclint knows of file hashes across runs, as DVC's state database does: a file whose path, inode, mtime (in
 * nanoseconds) and size are those recorded when it was hashed is not read again. It lives in the project's
 * {@code .dvc/tmp/dvclint-state} (DVC's own state, a sqlite database, is left alone), is loaded once per command
 * and written back once at its end, and only when something was learnt.
 *
 * <p>The file ({@link StateFile} gives its format) keeps each file's key, its path relative to the project root
 * (absolute outside it), with its stat data and hashes. A directory's entry remembers the {@code .dir} hash of its
 * last manifest, which it keeps (each file's relative path, a NUL byte and its 16-byte MD5) under the directory's key
 * followed by '/': a directory whose files all have known hashes and make the same manifest again gets its hash
 * without the manifest's JSON text being written and hashed. The manifest is compared whole, so this is exact.
 *
 * <p>A file that is damaged, truncated or of another version is ignored (every file is then hashed again). It is
 * written to a temporary file that is renamed over it, so concurrent dvclint processes leave one of their versions
 * whole; before writing, one that finds the file changed since it loaded it takes the other's entries in too.
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

    private static final long DAY_MS = 86_400_000L;

    /** Numbers this process's temporary files (several states may be written at once). */
    private static final AtomicInteger TEMPS = new AtomicInteger();

    private final Path file;
    private final String rootPrefix;
    private final LongSupplier clockMillis;
    private final int today;

    /** The loaded file, null when none. */
    private StateFile base;
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
        for (int r = 0; base != null && r < base.count(); r++) if (!learnt.containsKey(base.key(r))) n++;
        return n;
    }

    // ---- keys and stat data


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
        StateFile f = base;
        if (f == null) return null;
        int r = f.find(key);
        if (r < 0 || !f.statIs(r, st)) return null;
        int flag = name == HashName.MD5 ? StateFile.FLAG_MD5 : StateFile.FLAG_DOS2UNIX;
        if ((f.flags(r) & (flag | StateFile.FLAG_DIR)) != flag) return null;
        if (f.touch(r, today)) markDirty();
        return f.md5(r, flag);
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
        if (prev != null && prev.manifest == null && prev.stat.equals(st)) {
            other = name == HashName.MD5 ? prev.dos2unix : prev.md5;
        }
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
        StateFile f = base;
        if (f == null) return null;
        int r = f.find(dirKey);
        if (r < 0 || (f.flags(r) & StateFile.FLAG_DIR) == 0 || !f.manifestIs(r, manifest)) return null;
        if (f.touch(r, today)) markDirty();
        return f.md5(r, StateFile.FLAG_MD5) + HashInfo.DIR_SUFFIX;
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
        int r = base.find(key);
        return r < 0 ? null : base.entry(r);
    }

    // ---- loading

    private void read() {
        if (file == null) return;
        try {
            FileStat before = FileStat.of(Files.readAttributes(file, BasicFileAttributes.class));
            base = StateFile.of(readAll(file));
            if (base != null) loadedStat = before;
        } catch (IOException | RuntimeException e) {
            // no state, or one that cannot be read: every file is hashed
        }
    }

    private static byte[] readAll(Path f) throws IOException {
        try (InputStream in = new FileInputStream(f.toFile())) {
            return in.readAllBytes();
        }
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
            StateFile current = base;
            FileStat onDisk = statOrNull(file);
            if (onDisk != null && !onDisk.equals(loadedStat)) {
                // another process wrote it since we loaded it: keep its entries too
                StateFile theirs = StateFile.of(readAll(file));
                if (theirs != null) current = theirs;
            }
            byte[] out = serialize(current);
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

    private static final Comparator<Out> BY_KEY = new Comparator<>() {
        @Override
        public int compare(Out x, Out y) {
            return Arrays.compareUnsigned(x.key(), y.key());
        }
    };

    private static final Comparator<Out> RECENT_FIRST = new Comparator<>() {
        @Override
        public int compare(Out x, Out y) {
            return Integer.compare(y.entry().seen, x.entry().seen);
        }
    };

    /** The file's bytes: the entries of {@code loaded} (or none) not replaced and still in use, and those learnt. */
    private byte[] serialize(StateFile loaded) {
        int loadedCount = loaded == null ? 0 : loaded.count();
        List<Out> all = new ArrayList<>(loadedCount + learnt.size());
        int oldest = today - MAX_AGE_DAYS;
        for (Map.Entry<String, Entry> e : learnt.entrySet()) {
            all.add(new Out(e.getKey(), e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue()));
        }
        for (int r = 0; r < loadedCount; r++) {
            if (loaded.seen(r) < oldest) continue;
            String key = loaded.key(r);
            if (learnt.containsKey(key)) continue;
            all.add(new Out(key, key.getBytes(StandardCharsets.UTF_8), loaded.entry(r)));
        }
        if (all.size() > MAX_ENTRIES) {
            all.sort(RECENT_FIRST);
            all = new ArrayList<>(all.subList(0, MAX_ENTRIES));
        }
        all.sort(BY_KEY);
        return StateFile.serialize(all);
    }

    /** The 16 bytes of a hex MD5. */
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

    private static final class SystemClock implements LongSupplier {
        static final SystemClock INSTANCE = new SystemClock();

        @Override
        public long getAsLong() {
            return System.currentTimeMillis();
        }
    }
}
