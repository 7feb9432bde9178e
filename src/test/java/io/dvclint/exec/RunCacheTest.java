package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.cache.RunCache;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.lock.LockEntryBuilder;
import io.dvclint.exec.lock.LockEntryBuilder.PathEntry;
import io.dvclint.exec.lock.LockEntryBuilder.StageParts;
import io.dvclint.exec.lock.LockFileWriter;
import io.dvclint.py.PyEq;
import io.dvclint.py.PyJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run-cache keys, values and entry files as {@code dvc/stage/cache.py} makes them. */
class RunCacheTest {
    @TempDir
    Path tmp;

    private static Map<String, Object> entry(String depMd5, String outMd5, long outSize, Object lr) {
        Map<String, Object> train = new LinkedHashMap<>();
        train.put("lr", lr);
        train.put("size", 3L);
        return LockEntryBuilder.build(new StageParts("python train.py",
                List.of(PathEntry.of("data.csv", HashInfo.file(depMd5, 10, false))),
                Map.of("params.yaml", Map.of("train", train)),
                List.of(PathEntry.of("model.pkl", HashInfo.file(outMd5, outSize, true)),
                        PathEntry.of("out", new HashInfo("1aca2c799df82929bbdd976557975546.dir", 18, 4, false, true,
                                List.of())))));
    }

    @Test
    void keyDependsOnInputsValueOnEverythingAndSizesNever() {
        Map<String, Object> a = entry("acbd18db4cc2f85cedef654fccc4a4d8", "37b51d194a7513e45b56f6524f2d51f2", 3, 0.1);
        String key = RunCache.key(a);
        String value = RunCache.value(a);
        assertEquals(64, key.length());
        assertNotEquals(key, value);
        // other output content: same key, other value
        Map<String, Object> b = entry("acbd18db4cc2f85cedef654fccc4a4d8", "68dde2c3c4e7953c2290f176bbdc9a54", 3, 0.1);
        assertEquals(key, RunCache.key(b));
        assertNotEquals(value, RunCache.value(b));
        // other dependency or param: other key
        assertNotEquals(key, RunCache.key(entry("37b51d194a7513e45b56f6524f2d51f2", "37b51d194a7513e45b56f6524f2d51f2",
                3, 0.1)));
        assertNotEquals(key, RunCache.key(entry("acbd18db4cc2f85cedef654fccc4a4d8", "37b51d194a7513e45b56f6524f2d51f2",
                3, 0.2)));
        // sizes are left out everywhere, even a param named size
        Map<String, Object> c = entry("acbd18db4cc2f85cedef654fccc4a4d8", "37b51d194a7513e45b56f6524f2d51f2", 999, 0.1);
        assertEquals(key, RunCache.key(c));
        assertEquals(value, RunCache.value(c));
        // the key is computed on a copy: the entry keeps its outputs
        assertTrue(a.get("outs") instanceof List<?> l && l.get(0) instanceof Map);
    }

    @Test
    void agreesWithDvcsDictSha256InPython() throws Exception {
        Assumptions.assumeTrue(Support.canRun("python3", "-c", "pass"), "python3 not available");
        Map<String, Object> e = entry("acbd18db4cc2f85cedef654fccc4a4d8", "37b51d194a7513e45b56f6524f2d51f2", 3, 1e-05);
        e.put("cmd", List.of("echo é", "python train.py --lr 1e-05"));
        // dvc.utils.dict_filter / dict_hash and dvc.stage.cache._get_cache_hash, applied to the entry's JSON text
        String script = "import sys, json, hashlib\n"
                + "def dict_filter(d, exclude=()):\n"
                + "    if not exclude or not isinstance(d, (list, dict)):\n"
                + "        return d\n"
                + "    if isinstance(d, list):\n"
                + "        return [dict_filter(e, exclude) for e in d]\n"
                + "    return {k: dict_filter(v, exclude) for k, v in d.items() if k not in exclude}\n"
                + "def h(d):\n"
                + "    return hashlib.sha256(json.dumps(dict_filter(d, ['size', 'nfiles']), sort_keys=True)"
                + ".encode('utf-8')).hexdigest()\n"
                + "cache = json.loads(sys.stdin.read())\n"
                + "value = h(cache)\n"
                + "cache['outs'] = [out['path'] for out in cache.get('outs', [])]\n"
                + "print(h(cache), value)\n";
        Process p = new ProcessBuilder("python3", "-c", script).start();
        try (var os = p.getOutputStream()) {
            os.write(PyJson.dumps(e).getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        assertEquals(out, RunCache.key(e) + " " + RunCache.value(e));
    }

    @Test
    void entriesAreSavedOnceAsYamlAndTheNewestIsLookedUp() throws IOException {
        RunCache rc = new RunCache(tmp.resolve("cache"));
        Map<String, Object> a = entry("acbd18db4cc2f85cedef654fccc4a4d8", "37b51d194a7513e45b56f6524f2d51f2", 3, 0.1);
        String key = RunCache.key(a);
        assertNull(rc.lookup(key));
        Path pa = rc.save(a);
        assertEquals(tmp.resolve("cache").resolve(RunCache.relativePath(key, RunCache.value(a))), pa);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(pa)));
        String text = Files.readString(pa);
        assertTrue(text.startsWith("cmd: python train.py\ndeps:\n- path: data.csv\n  hash: md5\n"), text);
        // the same lines as the entry in dvc.lock, two columns less indented
        String lock = LockFileWriter.update(null, Map.of("s", a));
        assertEquals(lock.substring(lock.indexOf("    cmd:")).replaceAll("(?m)^    ", ""), text);
        assertTrue(PyEq.eq(a, rc.lookup(key)));

        Files.setLastModifiedTime(pa, FileTime.fromMillis(1_000_000));
        Map<String, Object> b = entry("acbd18db4cc2f85cedef654fccc4a4d8", "68dde2c3c4e7953c2290f176bbdc9a54", 3, 0.1);
        Path pb = rc.save(b);
        assertEquals(List.of(pb, pa), rc.entries(key));
        assertTrue(PyEq.eq(b, rc.lookup(key)));
        // saving an existing entry changes nothing
        assertEquals(pa, rc.save(a));
        assertEquals(FileTime.fromMillis(1_000_000), Files.getLastModifiedTime(pa));
        // a corrupted newest entry is removed and nothing is returned
        Files.writeString(pb, "[not, a, mapping]\n");
        assertNull(rc.lookup(key));
        assertFalse(Files.exists(pb));
        assertTrue(PyEq.eq(a, rc.lookup(key)));
    }

    @Test
    void eligibility() {
        assertTrue(RunCache.canHash(true, true, true, false, false, true));
        assertFalse(RunCache.canHash(false, true, true, false, false, true));
        assertFalse(RunCache.canHash(true, false, true, false, false, true));
        assertFalse(RunCache.canHash(true, true, false, false, false, true));
        assertFalse(RunCache.canHash(true, true, true, true, false, true));
        assertFalse(RunCache.canHash(true, true, true, false, true, true));
        assertFalse(RunCache.canHash(true, true, true, false, false, false));
        assertTrue(RunCache.canSave(true, false, false));
        assertFalse(RunCache.canSave(true, true, false));
        assertFalse(RunCache.canSave(true, false, true));
        assertFalse(RunCache.canSave(false, false, false));
    }
}
