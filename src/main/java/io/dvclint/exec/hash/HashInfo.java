package io.dvclint.exec.hash;

import io.dvclint.py.PyJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What DVC records about a hashed file or directory: the hash value ({@code <md5>} for a file, {@code <md5>.dir} for
 * a directory), {@code size} (a directory's is the sum of its files), {@code nfiles} (directories only),
 * {@code isexec} (files with any execute bit) and, for a directory, its manifest: one entry per file, sorted by
 * relative path in code-point order, whose JSON text is the content of the {@code .dir} object.
 */
public record HashInfo(String md5, long size, Integer nfiles, boolean isexec, boolean dir, List<Entry> manifest) {
    /** The suffix of a directory's hash value. */
    public static final String DIR_SUFFIX = ".dir";

    /** One file of a directory: its posix path relative to the directory and its MD5. */
    public record Entry(String relpath, String md5) {
    }

    public HashInfo {
        manifest = List.copyOf(manifest);
    }

    public static HashInfo file(String md5, long size, boolean isexec) {
        return new HashInfo(md5, size, null, isexec, false, List.of());
    }

    /** A directory from its manifest, which must already be in DVC's order. */
    public static HashInfo directory(List<Entry> manifest, long size) {
        String md5 = Md5.of(manifestJson(manifest).getBytes(StandardCharsets.UTF_8)) + DIR_SUFFIX;
        return new HashInfo(md5, size, manifest.size(), false, true, manifest);
    }

    /** The {@code .dir} object text: {@code json.dumps([{"md5": ..., "relpath": ...}, ...], sort_keys=True)}. */
    public String manifestJson() {
        return manifestJson(manifest);
    }

    public static String manifestJson(List<Entry> manifest) {
        List<Object> list = new ArrayList<>(manifest.size());
        for (Entry e : manifest) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("md5", e.md5());
            m.put("relpath", e.relpath());
            list.add(m);
        }
        return PyJson.dumps(list);
    }
}
