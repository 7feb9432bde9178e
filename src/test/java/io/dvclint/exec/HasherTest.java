package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.discovery.DvcIgnore;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Hasher;
import io.dvclint.exec.hash.IgnoreInCollectedDirException;
import io.dvclint.exec.hash.Md5;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File and directory hashes as dvc-data computes them (fact sheet §4). */
class HasherTest {
    @TempDir
    Path tmp;

    private final Hasher plain = new Hasher(null, Md5.INSTANCE);

    private Path write(String rel, String text) throws IOException {
        return write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String rel, byte[] bytes) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    /** The MD5 that coreutils' {@code md5sum} prints for a file. */
    static String md5sum(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("md5sum", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return out.substring(0, 32);
    }

    static boolean hasMd5sum() {
        return Support.canRun("md5sum", "--version");
    }

    @Test
    void factSheetFileVectors() throws IOException {
        assertEquals("acbd18db4cc2f85cedef654fccc4a4d8", plain.hashFile(write("foo", "foo"), HashName.MD5).md5());
        assertEquals("37b51d194a7513e45b56f6524f2d51f2", plain.hashFile(write("bar", "bar"), HashName.MD5).md5());
        HashInfo empty = plain.hashFile(write("empty", ""), HashName.MD5);
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", empty.md5());
        assertEquals(0, empty.size());
        assertNull(empty.nfiles());
        assertFalse(empty.dir());
    }

    @Test
    void filesAgreeWithMd5sum() throws Exception {
        Assumptions.assumeTrue(hasMd5sum(), "md5sum not available");
        byte[] big = new byte[3 * Md5.CHUNK + 12345];
        new Random(7).nextBytes(big);
        List<Path> files = List.of(write("big.bin", big), write("text.txt", "line one\r\nline two\n"),
                write("é ü.txt", "x"), write("empty", ""));
        for (Path f : files) {
            HashInfo h = plain.hash(f, HashName.MD5);
            assertEquals(md5sum(f), h.md5(), f.toString());
            assertEquals(Files.size(f), h.size());
        }
    }

    @Test
    void executeBitAndSize() throws IOException {
        Path f = write("run.sh", "echo hi\n");
        assertFalse(plain.hashFile(f, HashName.MD5).isexec());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-xr--"));
        HashInfo h = plain.hashFile(f, HashName.MD5);
        assertTrue(h.isexec());
        assertEquals(8, h.size());
    }

    @Test
    void factSheetDirectoryVectors() throws IOException {
        write("d/foo", "foo");
        write("d/bar", "bar");
        write("d/subdir/subfoo", "subfoo");
        write("d/subdir/subbar", "subbar");
        HashInfo h = plain.hashDir(tmp.resolve("d"), HashName.MD5);
        assertEquals("[{\"md5\": \"37b51d194a7513e45b56f6524f2d51f2\", \"relpath\": \"bar\"}, "
                + "{\"md5\": \"acbd18db4cc2f85cedef654fccc4a4d8\", \"relpath\": \"foo\"}, "
                + "{\"md5\": \"68dde2c3c4e7953c2290f176bbdc9a54\", \"relpath\": \"subdir/subbar\"}, "
                + "{\"md5\": \"4ce8d2a2cf314a52fa7f315ca37ca445\", \"relpath\": \"subdir/subfoo\"}]", h.manifestJson());
        assertEquals("1aca2c799df82929bbdd976557975546.dir", h.md5());
        assertEquals(4, h.nfiles());
        assertEquals(18, h.size());
        assertTrue(h.dir());

        Files.createDirectories(tmp.resolve("e/empty/deeper"));
        HashInfo e = plain.hash(tmp.resolve("e"), HashName.MD5);
        assertEquals("d751713988987e9331980363e24189ce.dir", e.md5());
        assertEquals(0, e.nfiles());
        assertEquals("[]", e.manifestJson());

        write("u/é.txt", "x");
        HashInfo u = plain.hash(tmp.resolve("u"), HashName.MD5);
        assertEquals("[{\"md5\": \"9dd4e461268c8034f5c8564e155c67a6\", \"relpath\": \"\\u00e9.txt\"}]", u.manifestJson());
        assertEquals("c4ca1691f3be3e1fdbc0cc5c22ad3d53.dir", u.md5());
    }

    @Test
    void manifestOrderIsPythonsCodePointOrder() throws IOException {
        String[] names = {"a0", "a/b", "a-b", "B", "a.txt", "a.b/c.txt", "a b.txt", "😀.txt", "～.txt", ".hidden",
            "x/.dot/y", "x/empty"};
        for (String n : names) write("d/" + n, n.endsWith("empty") ? "" : n);
        Files.createDirectories(tmp.resolve("d/nothing/here"));
        HashInfo h = plain.hashDir(tmp.resolve("d"), HashName.MD5);
        List<String> rels = new ArrayList<>();
        for (HashInfo.Entry e : h.manifest()) rels.add(e.relpath());
        assertEquals(List.of(".hidden", "B", "a b.txt", "a-b", "a.b/c.txt", "a.txt", "a/b", "a0", "x/.dot/y",
                "x/empty", "～.txt", "😀.txt"), rels);
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", h.manifest().get(9).md5());
        assertTrue(h.manifestJson().endsWith("\"relpath\": \"\\uff5e.txt\"}, {\"md5\": \""
                + Md5.of("😀.txt".getBytes(StandardCharsets.UTF_8)) + "\", \"relpath\": \"\\ud83d\\ude00.txt\"}]"));
        assertEquals(12, h.nfiles());
    }

    @Test
    void directoryHashIsMd5sumOfTheManifestText() throws Exception {
        Assumptions.assumeTrue(hasMd5sum(), "md5sum not available");
        write("d/one two/é", "1");
        write("d/z", "2");
        HashInfo h = plain.hashDir(tmp.resolve("d"), HashName.MD5);
        Path manifest = write("manifest.json", h.manifestJson());
        assertEquals(md5sum(manifest) + ".dir", h.md5());
        assertEquals(md5sum(tmp.resolve("d/one two/é")), h.manifest().get(0).md5());
    }

    @Test
    void directoryAgreesWithAPythonWalk() throws Exception {
        Assumptions.assumeTrue(Support.canRun("python3", "-c", "pass"), "python3 not available");
        write("d/～.txt", "a");
        write("d/😀.txt", "b");
        write("d/a-b", "c");
        write("d/a/b", "d");
        write("d/sub/deep/é ê.csv", "e,f\r\n");
        write("d/.x", "");
        String script = "import os, sys, json, hashlib\n"
                + "top = sys.argv[1]\n"
                + "out = []\n"
                + "for root, dirs, files in os.walk(top):\n"
                + "    for f in files:\n"
                + "        p = os.path.join(root, f)\n"
                + "        rel = os.path.relpath(p, top).replace(os.sep, '/')\n"
                + "        out.append({'md5': hashlib.md5(open(p, 'rb').read()).hexdigest(), 'relpath': rel})\n"
                + "out.sort(key=lambda e: e['relpath'])\n"
                + "print(hashlib.md5(json.dumps(out, sort_keys=True).encode()).hexdigest() + '.dir')\n";
        Process p = new ProcessBuilder("python3", "-c", script, tmp.resolve("d").toString()).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        assertEquals(expected, plain.hashDir(tmp.resolve("d"), HashName.MD5).md5());
    }

    @Test
    void symlinkedFilesAreFollowedSymlinkedDirectoriesAreNotEntered() throws IOException {
        write("target/file", "foo");
        write("d/real", "bar");
        Files.createSymbolicLink(tmp.resolve("d/link"), tmp.resolve("target/file"));
        Files.createSymbolicLink(tmp.resolve("d/dirlink"), tmp.resolve("target"));
        HashInfo h = plain.hashDir(tmp.resolve("d"), HashName.MD5);
        assertEquals(List.of(new HashInfo.Entry("link", "acbd18db4cc2f85cedef654fccc4a4d8"),
                new HashInfo.Entry("real", "37b51d194a7513e45b56f6524f2d51f2")), h.manifest());
        assertEquals(6, h.size());
        Files.createSymbolicLink(tmp.resolve("d/broken"), tmp.resolve("nowhere"));
        assertThrows(NoSuchFileException.class, () -> plain.hashDir(tmp.resolve("d"), HashName.MD5));
    }

    @Test
    void ignoreRulesApplyInsideAndADvcignoreInsideIsAnError() throws IOException {
        Path root = tmp.resolve("proj");
        Files.createDirectories(root.resolve(".dvc"));
        write("proj/.dvcignore", "*.tmp\nlogs/\n");
        write("proj/data/keep.txt", "k");
        write("proj/data/drop.tmp", "x");
        write("proj/data/logs/a.txt", "x");
        write("proj/data/.git/HEAD", "x");
        write("proj/data/sub/.dvc/config", "");
        write("proj/data/sub/inner.txt", "x");
        Hasher h = new Hasher(DvcIgnore.forRoot(root), Md5.INSTANCE);
        HashInfo info = h.hashDir(root.resolve("data"), HashName.MD5);
        assertEquals(List.of("keep.txt"), info.manifest().stream().map(HashInfo.Entry::relpath).toList());
        // without the project's rules every file counts
        assertEquals(6, plain.hashDir(root.resolve("data"), HashName.MD5).nfiles());

        write("proj/data/deep/.dvcignore", "nothing\n");
        IOException e = assertThrows(IgnoreInCollectedDirException.class,
                () -> h.hashDir(root.resolve("data"), HashName.MD5));
        assertEquals(".dvcignore file should not be in collected dir path: '"
                + root.resolve("data/deep").toAbsolutePath() + "'", e.getMessage());
    }

    @Test
    void subRepositoriesInsideAreLeftOutAndTheRulesAgreeWithAFreshLook() throws IOException {
        Path root = tmp.resolve("proj");
        Files.createDirectories(root.resolve(".dvc"));
        write("proj/data/a.txt", "a");
        write("proj/data/inner/.dvc/config", "");
        write("proj/data/inner/b.txt", "b");
        write("proj/data/sub/c.txt", "c");
        write("proj/data/sub/deeper/.dvc/config", "");
        write("proj/data/sub/deeper/d.txt", "d");
        write("proj/repo/.dvc/config", "");
        write("proj/repo/e.txt", "e");
        Files.createSymbolicLink(root.resolve("data/sub/linked"), root.resolve("repo"));
        DvcIgnore walked = DvcIgnore.forRoot(root);
        HashInfo info = new Hasher(walked, Md5.INSTANCE).hashDir(root.resolve("data"), HashName.MD5);
        assertEquals(List.of("a.txt", "sub/c.txt"), info.manifest().stream().map(HashInfo.Entry::relpath).toList());
        // what the walk told the rules of each folder gives the verdicts of rules that looked for themselves
        DvcIgnore fresh = DvcIgnore.forRoot(root);
        for (String p : new String[] {"data/inner", "data/inner/b.txt", "data/sub/deeper", "data/sub/deeper/d.txt",
            "data/sub/linked", "data/sub/linked/e.txt", "data/sub/c.txt", "data/a.txt"}) {
            for (boolean dir : new boolean[] {false, true}) {
                assertEquals(fresh.match(root.resolve(p), dir).map(DvcIgnore.Match::source),
                        walked.match(root.resolve(p), dir).map(DvcIgnore.Match::source), p + " dir=" + dir);
            }
        }
        assertEquals("in sub_repo:linked", walked.match(root.resolve("data/sub/linked"), true).orElseThrow().source());
    }

    @Test
    void missingPathsFail() {
        assertThrows(NoSuchFileException.class, () -> plain.hash(tmp.resolve("missing"), HashName.MD5));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String md5(byte[] b) {
        return Md5.of(b);
    }

    @Test
    void legacyDos2UnixHashing() throws IOException {
        // text: every CRLF becomes LF, lone CRs stay
        Path t = write("t.txt", bytes("a\r\nb\r\nc\rd\n"));
        assertEquals(md5(bytes("a\nb\nc\rd\n")), plain.hashFile(t, HashName.MD5_DOS2UNIX).md5());
        assertEquals(md5(bytes("a\r\nb\r\nc\rd\n")), plain.hashFile(t, HashName.MD5).md5());
        // a NUL byte in the first 512 bytes makes the chunk binary
        Path b = write("b.bin", bytes("\0a\r\n"));
        assertEquals(md5(bytes("\0a\r\n")), plain.hashFile(b, HashName.MD5_DOS2UNIX).md5());
        // more than 30% non-text bytes: binary; exactly 30%: text
        byte[] mostly = new byte[10];
        Arrays.fill(mostly, (byte) 'x');
        mostly[0] = mostly[1] = mostly[2] = (byte) 0xE9;
        mostly[8] = '\r';
        mostly[9] = '\n';
        Path thirty = write("thirty.txt", mostly);
        byte[] converted = Arrays.copyOf(mostly, 9);
        converted[8] = '\n';
        assertEquals(md5(converted), plain.hashFile(thirty, HashName.MD5_DOS2UNIX).md5());
        mostly[3] = (byte) 0xE9;
        Path forty = write("forty.txt", mostly);
        assertEquals(md5(mostly), plain.hashFile(forty, HashName.MD5_DOS2UNIX).md5());
        // an empty file is text (and hashes as empty)
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", plain.hashFile(write("e", ""), HashName.MD5_DOS2UNIX).md5());
    }

    @Test
    void dos2UnixDecidesPerChunkAndDoesNotJoinAcrossChunks() throws IOException {
        int chunk = Md5.CHUNK;
        // chunk 1: binary start (NUL) holding CRLFs; chunk 2: text with CRLFs; a CRLF split over the boundary
        byte[] data = new byte[chunk + 600];
        Arrays.fill(data, (byte) 'a');
        data[0] = 0;
        data[10] = '\r';
        data[11] = '\n';
        data[chunk - 1] = '\r';
        data[chunk] = '\n';
        data[chunk + 100] = '\r';
        data[chunk + 101] = '\n';
        Path f = write("mixed", data);
        byte[] first = Arrays.copyOf(data, chunk);
        byte[] second = Arrays.copyOfRange(data, chunk, data.length);
        byte[] secondConverted = new byte[second.length - 1];
        int w = 0;
        for (int i = 0; i < second.length; i++) if (i != 100) secondConverted[w++] = second[i];
        byte[] expected = new byte[first.length + secondConverted.length];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(secondConverted, 0, expected, first.length, secondConverted.length);
        assertEquals(md5(expected), plain.hashFile(f, HashName.MD5_DOS2UNIX).md5());
        assertEquals(md5(data), plain.hashFile(f, HashName.MD5).md5());

        // a legacy directory hashes each file the legacy way; the manifest keeps the key md5
        write("ld/x.txt", bytes("1\r\n"));
        HashInfo dir = plain.hashDir(tmp.resolve("ld"), HashName.MD5_DOS2UNIX);
        assertEquals(md5(bytes("1\n")), dir.manifest().get(0).md5());
        assertEquals(3, dir.size());
    }

    @Test
    void smallAndLargeReadsGiveTheSameHashes() throws IOException {
        // a file read the small-file way though it is large (it grew after its size was read): same chunks
        byte[] data = new byte[2 * Md5.CHUNK + 777];
        Random r = new Random(3);
        for (int i = 0; i < data.length; i++) data[i] = (byte) (r.nextInt(10) == 0 ? '\r' : r.nextInt(5) == 0 ? '\n' : 'a');
        data[Md5.CHUNK + 5] = 0; // the second chunk is binary
        Path f = write("grown.txt", data);
        Path tiny = write("tiny", "x");
        java.nio.file.attribute.BasicFileAttributes small = Files.readAttributes(tiny,
                java.nio.file.attribute.BasicFileAttributes.class);
        for (HashName name : HashName.values()) {
            assertEquals(Md5.INSTANCE.md5(f, name), Md5.INSTANCE.md5(f, name, small), name.toString());
        }
        assertEquals(md5(data), Md5.INSTANCE.md5(f, HashName.MD5, small));
        // and a missing file fails as the file system says, whichever way
        Path gone = tmp.resolve("gone");
        assertThrows(NoSuchFileException.class, () -> Md5.INSTANCE.md5(gone, HashName.MD5, small));
    }
}
