package io.dvclint.exec.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.hash.FileHasher;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Hasher;
import io.dvclint.exec.hash.Md5;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash state in {@code .dvc/tmp}: when it answers, when it must not, and what survives damage and races. */
class HashStateTest {
    @TempDir
    Path root;

    private Path stateFile;
    /** The clock the states see: an hour after the files' times unless a test moves it. */
    private final AtomicLong now = new AtomicLong();
    private final Counting counting = new Counting();

    /** Plain MD5, counting the files it reads. */
    static final class Counting implements FileHasher {
        final AtomicInteger reads = new AtomicInteger();
        final ConcurrentLinkedQueue<Path> files = new ConcurrentLinkedQueue<>();

        @Override
        public String md5(Path file, HashName name) throws IOException {
            reads.incrementAndGet();
            files.add(file);
            return Md5.INSTANCE.md5(file, name);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(root.resolve(".dvc"));
        stateFile = root.resolve(".dvc/tmp/" + HashState.FILE);
        now.set(T0.toEpochMilli() + 3_600_000L);
    }

    /** The files' times: a fixed moment with nanoseconds (as ext4 and most file systems keep them). */
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456789Z");

    private Path write(String rel, String text, long nanosAfterT0) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        setTime(p, nanosAfterT0);
        return p;
    }

    private static void setTime(Path p, long nanosAfterT0) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(T0.plusNanos(nanosAfterT0)));
    }

    private HashState load() {
        return HashState.load(root, stateFile, now::get);
    }

    private String md5(HashState s, Path f) throws IOException {
        return s.over(counting).md5(f, HashName.MD5);
    }

    @Test
    void aFileWhoseStatDataMatchIsNotReadAgain() throws IOException {
        Path f = write("data/a.txt", "alpha", 0);
        HashState s1 = load();
        assertEquals(Md5.of("alpha".getBytes(StandardCharsets.UTF_8)), md5(s1, f));
        assertEquals(1, counting.reads.get());
        assertTrue(s1.save());
        assertTrue(Files.isRegularFile(stateFile));

        HashState s2 = load();
        assertEquals(Md5.of("alpha".getBytes(StandardCharsets.UTF_8)), md5(s2, f));
        assertEquals(1, counting.reads.get(), "answered from the state");
        assertFalse(s2.save(), "nothing learnt, nothing written");
    }

    @Test
    void anEditKeepingTheSizeChangesTheMtimeAndIsRead() throws IOException {
        Path f = write("a.txt", "alpha", 0);
        HashState s1 = load();
        md5(s1, f);
        s1.save();
        Files.writeString(f, "gamma");
        setTime(f, 1_000);
        HashState s2 = load();
        assertEquals(Md5.of("gamma".getBytes(StandardCharsets.UTF_8)), md5(s2, f));
        assertEquals(2, counting.reads.get());
    }

    @Test
    void aFileReplacedByRenameWithTheSameSizeAndMtimeIsReadAgain() throws IOException {
        Path f = write("a.txt", "alpha", 0);
        HashState s1 = load();
        md5(s1, f);
        s1.save();
        Path other = write("b.tmp", "omega", 0); // same size, same mtime, another inode
        Files.move(other, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        HashState s2 = load();
        assertEquals(Md5.of("omega".getBytes(StandardCharsets.UTF_8)), md5(s2, f));
        assertEquals(2, counting.reads.get());
    }

    @Test
    void aTouchedFileIsReadAgainAndSizeCounts() throws IOException {
        Path f = write("a.txt", "alpha", 0);
        HashState s1 = load();
        md5(s1, f);
        s1.save();
        setTime(f, 1); // one nanosecond later
        HashState s2 = load();
        md5(s2, f);
        assertEquals(2, counting.reads.get());
        s2.save();

        Files.writeString(f, "alphabet");
        setTime(f, 1); // same mtime, another size
        HashState s3 = load();
        assertEquals(Md5.of("alphabet".getBytes(StandardCharsets.UTF_8)), md5(s3, f));
        assertEquals(3, counting.reads.get());
    }

    @Test
    void md5AndDos2unixHashesAreKeptApart() throws IOException {
        Path f = write("crlf.txt", "a\r\nb\r\n", 0);
        HashState s1 = load();
        FileHasher h1 = s1.over(counting);
        String plain = h1.md5(f, HashName.MD5);
        String legacy = h1.md5(f, HashName.MD5_DOS2UNIX);
        assertNotEquals(plain, legacy);
        assertEquals(Md5.of("a\nb\n".getBytes(StandardCharsets.UTF_8)), legacy);
        s1.save();
        HashState s2 = load();
        FileHasher h2 = s2.over(counting);
        assertEquals(plain, h2.md5(f, HashName.MD5));
        assertEquals(legacy, h2.md5(f, HashName.MD5_DOS2UNIX));
        assertEquals(2, counting.reads.get());
    }

    @Test
    void aTooRecentMtimeIsNotTrusted() throws IOException {
        Path f = write("a.txt", "alpha", 0);
        now.set(T0.toEpochMilli() + 50); // hashed 50 ms after its last write: it could still change unseen
        HashState s1 = load();
        md5(s1, f);
        assertFalse(s1.save(), "nothing to record");
        HashState s2 = load();
        md5(s2, f);
        assertEquals(2, counting.reads.get());

        now.set(T0.toEpochMilli() + 100); // long enough after it
        HashState s3 = load();
        md5(s3, f);
        assertTrue(s3.save());
        md5(load(), f);
        assertEquals(3, counting.reads.get());

        // a file system with whole-second times: two seconds of doubt
        Path g = root.resolve("g.txt");
        Files.writeString(g, "gamma");
        Files.setLastModifiedTime(g, FileTime.fromMillis(1_700_000_000_000L));
        now.set(1_700_000_001_500L);
        HashState s4 = load();
        md5(s4, g);
        s4.save();
        md5(load(), g);
        assertEquals(5, counting.reads.get());
        // and a file from the future (another machine's clock) is never trusted
        assertTrue(HashState.racy(T0.plusSeconds(10).getEpochSecond() * 1_000_000_000L + 1, T0.toEpochMilli()));
        assertFalse(HashState.racy(T0.getEpochSecond() * 1_000_000_000L + 1, T0.toEpochMilli() + 101));
    }

    @Test
    void aFileJustWrittenIsHashedAfterAMomentAndRecorded() throws IOException {
        Path f = root.resolve("out.bin");
        Files.writeString(f, "fresh output"); // as a stage's command leaves it, just before it is hashed
        HashState s1 = HashState.load(root);
        long t = System.nanoTime();
        s1.over(counting).md5(f, HashName.MD5);
        assertTrue(System.nanoTime() - t < 2_000_000_000L);
        assertTrue(s1.save(), "recorded after the wait");
        HashState.load(root).over(counting).md5(f, HashName.MD5);
        assertEquals(1, counting.reads.get());

        long mtime = T0.getEpochSecond() * 1_000_000_000L + 123_456_789L;
        long ms = mtime / 1_000_000L;
        assertEquals(0, HashState.racyWait(mtime, ms + 60), "old enough");
        assertEquals(41, HashState.racyWait(mtime, ms + 10));
        assertEquals(0, HashState.racyWait(mtime, ms - 5_000), "from the future: waiting would not help");
        assertEquals(0, HashState.racyWait(T0.getEpochSecond() * 1_000_000_000L, T0.getEpochSecond() * 1000 + 10),
                "whole seconds: two seconds is too long to wait");
    }

    @Test
    void aDamagedOrTruncatedStateIsIgnored() throws IOException {
        Path f = write("a.txt", "alpha", 0);
        Path g = write("b.txt", "beta", 0);
        HashState s1 = load();
        md5(s1, f);
        md5(s1, g);
        s1.save();
        byte[] good = Files.readAllBytes(stateFile);
        assertTrue(StateFile.valid(good));

        List<byte[]> damaged = new ArrayList<>();
        damaged.add(Arrays.copyOf(good, good.length - 1)); // truncated
        damaged.add(Arrays.copyOf(good, 40)); // truncated within the entries
        damaged.add(new byte[0]); // empty
        byte[] flipped = good.clone();
        flipped[16 + 45] ^= 1; // a bit of the first md5
        damaged.add(flipped);
        damaged.add("not a state file at all".getBytes(StandardCharsets.UTF_8));
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        damaged.add(longer);
        int reads = counting.reads.get();
        for (byte[] bad : damaged) {
            Files.write(stateFile, bad);
            HashState s = load();
            assertEquals(0, s.size());
            assertEquals(Md5.of("alpha".getBytes(StandardCharsets.UTF_8)), md5(s, f));
            reads++;
            assertEquals(reads, counting.reads.get());
            assertTrue(s.save(), "a damaged state is replaced by a good one");
            assertTrue(StateFile.valid(Files.readAllBytes(stateFile)));
        }
    }

    @Test
    void concurrentWritersLeaveALoadableFile() throws Exception {
        int writers = 8;
        int rounds = 10;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < writers * 4; i++) files.add(write("d/f" + i, "content " + i, i));
        for (int round = 0; round < rounds; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            for (int w = 0; w < writers; w++) {
                int first = w * 4;
                Thread t = new Thread(() -> {
                    try {
                        HashState s = load();
                        FileHasher h = s.over(Md5.INSTANCE);
                        for (int i = first; i < first + 4; i++) h.md5(files.get(i), HashName.MD5);
                        start.await();
                        s.save();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                threads.add(t);
                t.start();
            }
            start.countDown();
            for (Thread t : threads) t.join();
            assertTrue(errors.isEmpty(), errors.toString());
            byte[] b = Files.readAllBytes(stateFile);
            assertTrue(StateFile.valid(b), "round " + round);
            assertTrue(load().size() >= 4);
            Files.delete(stateFile);
        }
        try (var s = Files.list(stateFile.getParent())) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left");
        }
    }

    @Test
    void aWriterKeepsTheEntriesAnotherWroteMeanwhile() throws IOException {
        Path f = write("a.txt", "alpha", 0);
        Path g = write("b.txt", "beta", 0);
        HashState first = load();
        HashState second = load();
        md5(first, f);
        md5(second, g);
        assertTrue(first.save());
        assertTrue(second.save());
        HashState both = load();
        md5(both, f);
        md5(both, g);
        assertEquals(2, counting.reads.get());
        assertEquals(2, both.size());
    }

    @Test
    void entriesUnusedForAMonthAreDropped() throws IOException {
        Path f = write("a.txt", "alpha", 0);
        Path g = write("b.txt", "beta", 0);
        HashState s1 = load();
        md5(s1, f);
        md5(s1, g);
        s1.save();
        // 20 days later f is used (its day is updated, which is worth a write), g is not
        now.addAndGet(20L * 86_400_000L);
        HashState s2 = load();
        md5(s2, f);
        assertTrue(s2.save());
        // 15 more days: g, unused for 35 days, goes; f stays
        now.addAndGet(15L * 86_400_000L);
        Path h = write("c.txt", "gamma", 0);
        HashState s3 = load();
        md5(s3, h);
        s3.save();
        assertEquals(2, load().size());
        md5(load(), f);
        assertEquals(3, counting.reads.get());
        md5(load(), g);
        assertEquals(4, counting.reads.get());
    }

    @Test
    void withoutADvcFolderNothingIsWritten() throws IOException {
        Path other = root.resolve("plain");
        Files.createDirectories(other);
        Path f = other.resolve("a.txt");
        Files.writeString(f, "alpha");
        setTime(f, 0);
        HashState s = HashState.load(other);
        s.over(counting).md5(f, HashName.MD5);
        assertFalse(s.save());
        assertFalse(Files.exists(other.resolve(".dvc")));
    }

    @Test
    void keysAreRelativeToTheRootAndInodesComeFromFileKeys() throws IOException {
        HashState s = load();
        assertEquals("data/a b/é.txt", s.key(root.resolve("data/a b/é.txt")));
        assertEquals("/elsewhere/x", s.key(Path.of("/elsewhere/x")));
        assertEquals(2157058L, FileStat.inode(new Object() {
            @Override
            public String toString() {
                return "(dev=fe00,ino=2157058)";
            }
        }));
        assertEquals(0, FileStat.inode(null));
    }

    @Test
    void aDirectoryIsRehashedOnlyWhereItChangedAndItsManifestHashIsRemembered() throws IOException {
        for (int i = 0; i < 100; i++) write("data/sub" + (i % 3) + "/f" + i + ".txt", "file " + i, i);
        Path dir = root.resolve("data");
        HashInfo plain = new Hasher(null, Md5.INSTANCE).hashDir(dir, HashName.MD5);

        PathHashes first = PathHashes.forProject(root, null, null, counting);
        assertEquals(plain, first.hash(dir, HashName.MD5));
        assertEquals(100, counting.reads.get());
        first.save(); // what the JVM's exit does at the end of a command

        PathHashes second = PathHashes.forProject(root, null, null, counting);
        assertEquals(plain, second.hash(dir, HashName.MD5));
        assertEquals(100, counting.reads.get(), "no file read");

        Path changed = root.resolve("data/sub1/f7.txt");
        Files.writeString(changed, "file 7, edited");
        setTime(changed, 5_000);
        HashInfo expected = new Hasher(null, Md5.INSTANCE).hashDir(dir, HashName.MD5);
        PathHashes third = PathHashes.forProject(root, null, null, counting);
        assertEquals(expected, third.hash(dir, HashName.MD5));
        assertEquals(101, counting.reads.get(), "only the edited file is read");
        assertEquals(List.of(changed), new ArrayList<>(counting.files).subList(100, 101));
        third.save();

        HashState s = load();
        assertNull(s.lookupManifest(s.dirKey(dir), HashState.manifestBytes(plain.manifest())),
                "the manifest remembered is the one of the last hashing");
        assertEquals(expected.md5(), s.lookupManifest(s.dirKey(dir), HashState.manifestBytes(expected.manifest())));
    }

    @Test
    void manifestsThatDifferOnlyInNamesThatAreNotUtf8AreNotTakenForOne() {
        // names read as Python's surrogateescape gives them (b"\xfe.txt", b"\xff.txt"): one "?" each in plain UTF-8
        String md5 = "9dd4e461268c8034f5c8564e155c67a6";
        byte[] fe = HashState.manifestBytes(List.of(new HashInfo.Entry("\udcfe.txt", md5)));
        byte[] ff = HashState.manifestBytes(List.of(new HashInfo.Entry("\udcff.txt", md5)));
        assertFalse(Arrays.equals(fe, ff));
    }
}
