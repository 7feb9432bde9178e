package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.hash.FileHasher;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Hasher;
import io.dvclint.exec.hash.Md5;
import io.dvclint.py.PyJson;
import io.dvclint.py.PyStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory's files hashed on all cores give exactly the manifest a one-file-at-a-time walk gives. */
class ParallelHashingTest {
    @TempDir
    Path tmp;

    private static final String[] NAMES = {"a0", "a-b", "B", "a b.txt", "～.txt", "😀.txt", "é.csv", "ü/ö.bin",
        ".hidden", "quote\"back\\slash", "tab\there", "x/.dot/y", "日本/語.txt", "a.b/c.txt"};

    /** A file hasher that reads one file at a time on the caller's thread: the reference. */
    private static final class Serial implements FileHasher {
        @Override
        public String md5(Path file, HashName name) throws IOException {
            return Md5.INSTANCE.md5(file, name);
        }
    }

    /** Plain MD5, noting the threads that asked. */
    private static final class Threads implements FileHasher {
        final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public String md5(Path file, HashName name) throws IOException {
            seen.add(Thread.currentThread().getName());
            return Md5.INSTANCE.md5(file, name);
        }
    }

    private Path tree(int n) throws IOException {
        Path d = tmp.resolve("d");
        Random r = new Random(42);
        for (int i = 0; i < n; i++) {
            String base = NAMES[i % NAMES.length];
            Path f = d.resolve("g" + (i % 7)).resolve(i + "-" + base);
            Files.createDirectories(f.getParent());
            byte[] b = new byte[r.nextInt(3000)];
            r.nextBytes(b);
            if (i % 5 == 0) b = ("line\r\n" + i + "\r\n").getBytes(StandardCharsets.UTF_8);
            Files.write(f, b);
        }
        return d;
    }

    /** The manifest as DVC builds it, worked out here without {@link Hasher}. */
    private static String expectedJson(Path dir) throws IOException {
        List<String[]> entries = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!Files.isRegularFile(p)) continue;
                byte[] b = Files.readAllBytes(p);
                String rel = dir.relativize(p).toString();
                entries.add(new String[] {rel, Md5.of(b)});
            }
        }
        entries.sort((x, y) -> PyStrings.compare(x[0], y[0]));
        List<Object> list = new ArrayList<>();
        for (String[] e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("md5", e[1]);
            m.put("relpath", e[0]);
            list.add(m);
        }
        return PyJson.dumps(list);
    }

    @Test
    void manyFilesGiveTheSerialManifest() throws IOException {
        Path d = tree(1500);
        Threads threads = new Threads();
        HashInfo parallel = new Hasher(null, threads).hashDir(d, HashName.MD5);
        HashInfo serial = hashSerially(d, HashName.MD5);
        assertEquals(serial, parallel);
        assertEquals(1500, parallel.nfiles());
        assertJson(expectedJson(d), parallel.manifestJson());
        assertEquals(Md5.of(parallel.manifestJson().getBytes(StandardCharsets.UTF_8)) + ".dir", parallel.md5());
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(threads.seen.size() > 1, "hashed on several threads: " + threads.seen);
        }
        // the legacy name too (every fifth file has CRLFs)
        HashInfo legacy = new Hasher(null, threads).hashDir(d, HashName.MD5_DOS2UNIX);
        assertEquals(hashSerially(d, HashName.MD5_DOS2UNIX), legacy);
        assertTrue(!legacy.md5().equals(parallel.md5()));
    }

    @Test
    void aFewSmallFilesStayOnTheCallersThread() throws IOException {
        Path d = tree(10);
        Threads threads = new Threads();
        new Hasher(null, threads).hashDir(d, HashName.MD5);
        assertEquals(Set.of(Thread.currentThread().getName()), threads.seen);
    }

    @Test
    void theFailureOfTheFirstFileInManifestOrderIsThrown() throws IOException {
        Path d = tmp.resolve("flat");
        Files.createDirectories(d);
        for (int i = 0; i < 200; i++) Files.writeString(d.resolve("f" + i), "x" + i);
        // listed in whatever order the file system keeps; f150 comes before f37 in the manifest ("f1" < "f3")
        Path firstBad = d.resolve("f150");
        Path laterBad = d.resolve("f37");
        FileHasher failing = new FileHasher() {
            @Override
            public String md5(Path file, HashName name) throws IOException {
                if (file.equals(firstBad) || file.equals(laterBad)) throw new IOException("cannot read " + file);
                return Md5.INSTANCE.md5(file, name);
            }
        };
        for (int round = 0; round < 20; round++) {
            IOException e = assertThrows(IOException.class, () -> new Hasher(null, failing).hashDir(d, HashName.MD5));
            assertEquals("cannot read " + firstBad, e.getMessage());
        }
    }

    /** Equal texts; else the first difference, not the whole of two long texts. */
    private static void assertJson(String expected, String actual) {
        if (expected.equals(actual)) return;
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) i++;
        int from = Math.max(0, i - 80);
        assertEquals(expected.substring(from, Math.min(expected.length(), i + 80)),
                actual.substring(from, Math.min(actual.length(), i + 80)), "manifests differ at " + i);
    }

    /** The manifest hashed one file at a time, sorted as DVC sorts it. */
    private static HashInfo hashSerially(Path dir, HashName name) throws IOException {
        List<HashInfo.Entry> entries = new ArrayList<>();
        long size = 0;
        Serial serial = new Serial();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!Files.isRegularFile(p)) continue;
                entries.add(new HashInfo.Entry(dir.relativize(p).toString(), serial.md5(p, name)));
                size += Files.size(p);
            }
        }
        entries.sort((x, y) -> PyStrings.compare(x.relpath(), y.relpath()));
        return HashInfo.directory(entries, size);
    }
}
