package io.dvclint.exec.hash;

import io.dvclint.py.PyJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /** A directory from its manifest (in DVC's order) and the {@code .dir} hash of that manifest, known already. */
    public static HashInfo directory(List<Entry> manifest, long size, String dirMd5) {
        return new HashInfo(dirMd5, size, manifest.size(), false, true, manifest);
    }

    /** The {@code .dir} object text: {@code json.dumps([{"md5": ..., "relpath": ...}, ...], sort_keys=True)}. */
    public String manifestJson() {
        return manifestJson(manifest);
    }

    /**
     * {@code json.dumps} of the manifest with Python's defaults ({@code ", "} and {@code ": "} separators,
     * {@code ensure_ascii}), each entry's keys in sorted order; the same text {@link PyJson#dumps(Object)} gives
     * for the list of maps, written directly.
     */
    public static String manifestJson(List<Entry> manifest) {
        StringBuilder sb = new StringBuilder(manifest.size() * 72 + 2);
        sb.append('[');
        for (int i = 0; i < manifest.size(); i++) {
            Entry e = manifest.get(i);
            if (i > 0) sb.append(", ");
            sb.append("{\"md5\": ");
            PyJson.appendString(sb, e.md5());
            sb.append(", \"relpath\": ");
            PyJson.appendString(sb, e.relpath());
            sb.append('}');
        }
        return sb.append(']').toString();
    }
}
