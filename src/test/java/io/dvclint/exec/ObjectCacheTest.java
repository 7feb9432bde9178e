package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.cache.ObjectCache;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Hasher;
import io.dvclint.exec.hash.Md5;
import io.dvclint.load.DvcConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local object cache: layout, commit, integrity checks and checkout with each link type. */
class ObjectCacheTest {
    @TempDir
    Path tmp;

    private final Hasher hasher = new Hasher(null, Md5.INSTANCE);

    private Path write(String rel, String text) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private ObjectCache cache(String... types) {
        return new ObjectCache(tmp.resolve(".dvc/cache"), List.of(types));
    }

    @Test
    void objectLayout() {
        ObjectCache c = cache("copy");
        Path root = tmp.resolve(".dvc/cache");
        assertEquals(root.resolve("files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8"),
                c.objectPath("acbd18db4cc2f85cedef654fccc4a4d8", HashName.MD5));
        assertEquals(root.resolve("files/md5/1a/ca2c799df82929bbdd976557975546.dir"),
                c.objectPath("1aca2c799df82929bbdd976557975546.dir", HashName.MD5));
        assertEquals(root.resolve("42/1881bdc3c20171433b31e4746b8a82.dir"),
                c.objectPath("421881bdc3c20171433b31e4746b8a82.dir", HashName.MD5_DOS2UNIX));
    }

    @Test
    void committedFilesAreReadOnlyObjectsAndTheWorkspaceStaysACopy() throws IOException {
        Path f = write("foo", "foo");
        ObjectCache c = cache("reflink", "copy");
        HashInfo h = hasher.hash(f, HashName.MD5);
        c.commit(f, h, HashName.MD5);
        Path obj = c.objectPath(h.md5(), HashName.MD5);
        assertEquals("foo", Files.readString(obj));
        assertEquals("r--r--r--", mode(obj));
        assertTrue(c.contains(h.md5(), HashName.MD5));
        assertFalse(Files.isSymbolicLink(f));
        assertEquals("rw-r--r--", mode(f));
        // committing again keeps the object
        c.commit(f, h, HashName.MD5);
        assertTrue(c.contains(h.md5(), HashName.MD5));
        assertFalse(c.contains("37b51d194a7513e45b56f6524f2d51f2", HashName.MD5));
    }

    @Test
    void directoriesAreCommittedFileByFileWithTheirManifest() throws IOException {
        write("d/foo", "foo");
        write("d/bar", "bar");
        write("d/sub/é", "x");
        ObjectCache c = cache("copy");
        HashInfo h = hasher.hash(tmp.resolve("d"), HashName.MD5);
        c.commit(tmp.resolve("d"), h, HashName.MD5);
        Path dirObj = c.objectPath(h.md5(), HashName.MD5);
        assertEquals(h.manifestJson(), Files.readString(dirObj));
        assertEquals("r--r--r--", mode(dirObj));
        assertEquals(h.manifest(), c.readManifest(h.md5(), HashName.MD5));
        assertTrue(c.contains(h.md5(), HashName.MD5));
        // a directory hash read from a lock has no manifest to commit
        HashInfo fromLock = new HashInfo(h.md5(), h.size(), h.nfiles(), false, true, List.of());
        assertThrows(IllegalArgumentException.class, () -> c.commit(tmp.resolve("d"), fromLock, HashName.MD5));
        // one file object gone: the directory is not in the cache
        Path one = c.objectPath(h.manifest().get(0).md5(), HashName.MD5);
        Files.delete(one);
        assertFalse(c.contains(h.md5(), HashName.MD5));
    }

    @Test
    void writableObjectsAreRehashedAndDamagedOnesDeleted() throws IOException {
        Path f = write("foo", "foo");
        ObjectCache c = cache("copy");
        HashInfo h = hasher.hash(f, HashName.MD5);
        c.commit(f, h, HashName.MD5);
        Path obj = c.objectPath(h.md5(), HashName.MD5);
        Files.setPosixFilePermissions(obj, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(c.contains(h.md5(), HashName.MD5));
        assertEquals("r--r--r--", mode(obj));
        Files.setPosixFilePermissions(obj, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(obj, "changed");
        assertFalse(c.contains(h.md5(), HashName.MD5));
        assertFalse(Files.exists(obj));
        // a read-only object is trusted without reading it, as dvc-data does
        c.commit(f, h, HashName.MD5);
        Files.setPosixFilePermissions(obj, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(obj, "changed");
        Files.setPosixFilePermissions(obj, PosixFilePermissions.fromString("r--r--r--"));
        assertTrue(c.contains(h.md5(), HashName.MD5));
    }

    @Test
    void legacyObjectsLiveAtTheTopAndAreCheckedTheDos2UnixWay() throws IOException {
        Path f = write("t.txt", "a\r\nb\r\n");
        ObjectCache c = cache("copy");
        HashInfo h = hasher.hash(f, HashName.MD5_DOS2UNIX);
        assertEquals(Md5.of("a\nb\n".getBytes(StandardCharsets.UTF_8)), h.md5());
        c.commit(f, h, HashName.MD5_DOS2UNIX);
        Path obj = c.objectPath(h.md5(), HashName.MD5_DOS2UNIX);
        assertTrue(Files.exists(obj));
        Files.setPosixFilePermissions(obj, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(c.contains(h.md5(), HashName.MD5_DOS2UNIX));
    }

    @Test
    void checkoutByCopyReplacesWhatIsThere() throws IOException {
        Path f = write("model.pkl", "weights");
        ObjectCache c = cache("reflink", "copy");
        HashInfo h = HashInfo.file(hasher.hash(f, HashName.MD5).md5(), 7, true);
        c.commit(f, h, HashName.MD5);
        Files.delete(f);
        Files.createDirectories(f.resolve("junk"));
        c.checkout(f, h, HashName.MD5);
        assertEquals("weights", Files.readString(f));
        assertFalse(Files.isSymbolicLink(f));
        assertEquals("rwxr--r--", mode(f));
        assertTrue(Files.isWritable(f));
    }

    @Test
    void checkoutOfADirectoryWithEachLinkType() throws IOException {
        write("d/a", "1");
        write("d/sub/b", "2");
        HashInfo h = hasher.hash(tmp.resolve("d"), HashName.MD5);
        cache("copy").commit(tmp.resolve("d"), h, HashName.MD5);
        Path target = tmp.resolve("d");
        write("d/stale", "old");

        ObjectCache symlinks = cache("symlink");
        symlinks.checkout(target, h, HashName.MD5);
        assertFalse(Files.exists(target.resolve("stale")));
        assertTrue(Files.isSymbolicLink(target.resolve("sub/b")));
        assertEquals(symlinks.objectPath(h.manifest().get(1).md5(), HashName.MD5),
                Files.readSymbolicLink(target.resolve("sub/b")));
        assertEquals(h.md5(), hasher.hash(target, HashName.MD5).md5());

        ObjectCache hardlinks = cache("hardlink", "copy");
        hardlinks.checkout(target, h, HashName.MD5);
        assertFalse(Files.isSymbolicLink(target.resolve("a")));
        assertTrue(Files.isSameFile(target.resolve("a"), hardlinks.objectPath(h.manifest().get(0).md5(),
                HashName.MD5)));

        ObjectCache.LinkException e = assertThrows(ObjectCache.LinkException.class,
                () -> cache("reflink").checkout(target, h, HashName.MD5));
        assertEquals("No possible cache link types for '{path}'.", e.getMessage());

        Files.delete(cache("copy").objectPath(h.manifest().get(0).md5(), HashName.MD5));
        assertThrows(NoSuchFileException.class, () -> cache("copy").checkout(target, h, HashName.MD5));
    }

    @Test
    void commitRelinksTheWorkspaceWhenTheCacheTypeIsALink() throws IOException {
        Path f = write("out.txt", "data");
        ObjectCache c = cache("symlink");
        HashInfo h = hasher.hash(f, HashName.MD5);
        c.commit(f, h, HashName.MD5);
        assertTrue(Files.isSymbolicLink(f));
        assertEquals("data", Files.readString(f));

        Path g = write("other.txt", "more");
        ObjectCache hl = cache("hardlink");
        HashInfo hg = hasher.hash(g, HashName.MD5);
        hl.commit(g, hg, HashName.MD5);
        assertTrue(Files.isSameFile(g, hl.objectPath(hg.md5(), HashName.MD5)));
        assertEquals("r--r--r--", mode(g));
    }

    @Test
    void configChoosesTheCacheFolderAndLinkTypes() throws IOException {
        write(".dvc/config", "[core]\n    no_scm = True\n[cache]\n    type = \"hardlink,symlink\"\n");
        DvcConfig cfg = DvcConfig.load(tmp);
        assertTrue(cfg.noScm());
        assertEquals(List.of("hardlink", "symlink"), cfg.cacheTypes());
        assertEquals(tmp.resolve(".dvc/cache"), cfg.cacheDir(System.getProperty("user.home")));
        write(".dvc/config.local", "# local\n[ Cache ]\nDir = ../../shared-cache\n");
        DvcConfig local = DvcConfig.load(tmp);
        assertEquals(tmp.getParent().resolve("shared-cache"), local.cacheDir(System.getProperty("user.home")));
        assertEquals(List.of("hardlink", "symlink"), local.cacheTypes());
        assertEquals(tmp.getParent().resolve("shared-cache"), ObjectCache.forProject(tmp).root());

        DvcConfig empty = DvcConfig.parse(tmp.resolve(".dvc"), "");
        assertEquals(List.of("reflink", "copy"), empty.cacheTypes());
        assertFalse(empty.noScm());
        DvcConfig commented = DvcConfig.parse(tmp.resolve(".dvc"), "[core]\nno_scm = false # not really\n"
                + "; remote\n['remote \"s3\"']\nurl = s3://bucket/path\n");
        assertFalse(commented.noScm());
        assertEquals("false", commented.get("core", "no_scm"));
        assertEquals("s3://bucket/path", commented.get("remote \"s3\"", "url"));
    }
}
