package io.dvclint.exec.lock;

import io.dvclint.exec.hash.HashInfo;
import io.dvclint.py.PyStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a stage's dvc.lock entry as DVC's {@code to_single_stage_lockfile} does ({@code dvc/stage/serialize.py}):
 * {@code cmd}; {@code deps} sorted by path (Python string order); {@code params} with the default
 * {@code params.yaml} first, then the other files sorted, each file's keys sorted; {@code outs} (outs, metrics and
 * plots together) sorted by path. Each dep/out holds {@code path}, {@code hash: md5} (not for DVC 2 entries),
 * {@code md5}, {@code size}, {@code nfiles} (directories) and {@code isexec: true} (files with an execute bit).
 * Empty sections are left out.
 *
 * <p>The result is the plain mapping DVC hands to its YAML dumper and to the run-cache hash: write it with
 * {@link LockFileWriter}, hash it with {@code RunCache}.
 */
public final class LockEntryBuilder {
    /** The params file a bare key in {@code params:} refers to. */
    public static final String DEFAULT_PARAMS_FILE = "params.yaml";

    private LockEntryBuilder() {
    }

    /**
     * One dependency or output: its path as written in dvc.yaml (after interpolation), its hash (null when it has
     * none), and whether it is a DVC 2 entry (no {@code hash: md5}, hashed as md5-dos2unix).
     */
    public record PathEntry(String path, HashInfo hash, boolean legacy) {
        public static PathEntry of(String path, HashInfo hash) {
            return new PathEntry(path, hash, false);
        }
    }

    /**
     * What a lock entry is made of.
     *
     * @param cmd    the resolved command: a String or a List of Strings
     * @param deps   file/directory dependencies (params files excluded)
     * @param params params file (relative to the stage's wdir) to key to value, values as loaded (String, Long,
     *               BigInteger, Double, Boolean, null, Map, List); a file may map to an empty map
     * @param outs   outs, metrics and plots
     */
    public record StageParts(Object cmd, List<PathEntry> deps, Map<String, ? extends Map<String, ?>> params,
            List<PathEntry> outs) {
    }

    /** The lock entry: an insertion-ordered mapping of plain values. */
    public static LinkedHashMap<String, Object> build(StageParts parts) {
        if (!(parts.cmd() instanceof String) && !(parts.cmd() instanceof List<?>)) {
            throw new IllegalArgumentException("cmd must be a string or a list of strings");
        }
        LinkedHashMap<String, Object> entry = new LinkedHashMap<>();
        entry.put("cmd", parts.cmd());
        List<Object> deps = paths(parts.deps());
        if (!deps.isEmpty()) entry.put("deps", deps);
        Map<String, Object> params = params(parts.params());
        if (!params.isEmpty()) entry.put("params", params);
        List<Object> outs = paths(parts.outs());
        if (!outs.isEmpty()) entry.put("outs", outs);
        return entry;
    }

    private static List<Object> paths(List<PathEntry> items) {
        List<PathEntry> sorted = new ArrayList<>(items == null ? List.of() : items);
        sorted.sort((a, b) -> PyStrings.compare(a.path(), b.path()));
        List<Object> out = new ArrayList<>(sorted.size());
        for (PathEntry p : sorted) out.add(pathEntry(p));
        return out;
    }

    /** One dep/out: path, hash, md5, then {@code Meta.to_dict} order (size, nfiles, isexec). */
    public static LinkedHashMap<String, Object> pathEntry(PathEntry p) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("path", p.path());
        if (!p.legacy()) m.put("hash", "md5");
        HashInfo h = p.hash();
        if (h != null) {
            m.put("md5", h.md5());
            m.put("size", h.size());
            if (h.nfiles() != null) m.put("nfiles", (long) h.nfiles());
            if (h.isexec()) m.put("isexec", true);
        }
        return m;
    }

    private static Map<String, Object> params(Map<String, ? extends Map<String, ?>> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (params == null || params.isEmpty()) return out;
        List<String> files = new ArrayList<>(params.keySet());
        files.sort(PyStrings.ORDER);
        if (files.remove(DEFAULT_PARAMS_FILE)) files.add(0, DEFAULT_PARAMS_FILE);
        for (String file : files) {
            Map<String, ?> values = params.get(file);
            List<String> keys = new ArrayList<>(values.keySet());
            keys.sort(PyStrings.ORDER);
            Map<String, Object> sorted = new LinkedHashMap<>();
            for (String k : keys) sorted.put(k, values.get(k));
            out.put(file, sorted);
        }
        return out;
    }
}
