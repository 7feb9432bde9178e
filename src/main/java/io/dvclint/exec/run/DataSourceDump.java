package io.dvclint.exec.run;

import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.lock.DvcFileWriter;
import io.dvclint.exec.lock.LockFileWriter;
import io.dvclint.exec.stage.PathItem;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.model.DataSource;
import io.dvclint.model.PathNames;
import io.dvclint.py.PyEq;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a reproduced {@code .dvc} data source back, as DVC's {@code _reproduce_stage} does with
 * {@code stage.dump()}: the stage as {@code Stage.dumpd} has it after {@code save} ({@code get_dump}, each output
 * as {@code Output.dumpd}), laid over the file's text ({@link DvcFileWriter}).
 */
final class DataSourceDump {
    /** What {@code Output.dumpd} copies from an output's entry as it was loaded, in its order. */
    private static final List<String> ANNOTATIONS = List.of("desc", "type", "labels", "meta");

    private DataSourceDump() {
    }

    /** Writes the data source's {@code .dvc} file (atomically, keeping its mode) when its text changes. */
    static void dump(TrackedStage s) throws IOException {
        DataSource d = s.source();
        String text = DvcFileWriter.update(d.text(), state(s));
        if (!text.equals(d.text())) LockFileWriter.writeAtomically(d.path(), text);
    }

    /**
     * {@code get_dump}: {@code desc}, {@code md5} (none: DVC 3 computes no checksum for data), {@code wdir} (unless
     * {@code .}), {@code frozen}, {@code outs}, {@code always_changed}, {@code meta}, each only when set.
     */
    static Map<String, Object> state(TrackedStage s) {
        DataSource d = s.source();
        YMap root = d.root();
        Path dir = d.path().toAbsolutePath().getParent();
        Path wdir = dir;
        if (root.get("wdir") instanceof YScalar w && w.value() instanceof String str) {
            wdir = PathNames.resolve(dir, str);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        putIfTruthy(out, "desc", value(root, "desc"));
        String rel = PathNames.posix(dir.relativize(wdir));
        if (!rel.isEmpty() && !rel.equals(".")) out.put("wdir", rel);
        if (s.frozen()) out.put("frozen", true);
        List<Object> outs = new ArrayList<>();
        for (PathItem o : s.outs()) outs.add(out(o, wdir));
        if (!outs.isEmpty()) out.put("outs", outs);
        if (s.alwaysChanged()) out.put("always_changed", true);
        putIfTruthy(out, "meta", value(root, "meta"));
        return out;
    }

    /**
     * {@code Output.dumpd} of a saved output: its hash ({@code md5}), its meta ({@code size}, {@code nfiles},
     * {@code isexec}), {@code hash: md5} unless a DVC 2 hash, {@code path} from the stage's wdir, then what the entry
     * said of itself: {@code fs_config}, the annotations, {@code cache: false}, {@code metric}, {@code plot},
     * {@code persist}, {@code remote}, {@code push: false}.
     */
    private static Map<String, Object> out(PathItem o, Path wdir) {
        YMap entry = o.out().flags();
        HashInfo h = o.saved();
        Map<String, Object> m = new LinkedHashMap<>();
        if (h != null) {
            m.put("md5", h.md5());
            m.put("size", h.size());
            if (h.dir()) m.put("nfiles", h.nfiles() == null ? 0L : (long) h.nfiles());
            if (!h.dir() && h.isexec()) m.put("isexec", true);
        } else if (o.locked() != null) {
            // not saved (not there): what the file said of it
            if (o.lockedMd5() != null) m.put("md5", o.lockedMd5());
            if (o.locked().size() != null) m.put("size", o.locked().size());
            if (o.locked().nfiles() != null) m.put("nfiles", o.locked().nfiles());
            if (Boolean.TRUE.equals(o.locked().isexec())) m.put("isexec", true);
        }
        if (o.name() != HashName.MD5_DOS2UNIX) m.put("hash", "md5");
        String path;
        try {
            path = PathNames.posix(wdir.relativize(o.abs()));
        } catch (IllegalArgumentException e) {
            path = o.path();
        }
        m.put("path", path.isEmpty() ? "." : path);
        if (entry.get("fs_config") != null) m.put("fs_config", value(entry, "fs_config"));
        for (String a : ANNOTATIONS) putIfTruthy(m, a, value(entry, a));
        if (entry.get("cache") != null && !PyEq.truthy(value(entry, "cache"))) m.put("cache", value(entry, "cache"));
        putIfTruthy(m, "metric", value(entry, "metric"));
        putIfTruthy(m, "plot", value(entry, "plot"));
        putIfTruthy(m, "persist", value(entry, "persist"));
        putIfTruthy(m, "remote", value(entry, "remote"));
        if (entry.get("push") != null && !PyEq.truthy(value(entry, "push"))) m.put("push", value(entry, "push"));
        return m;
    }

    private static Object value(YMap m, String key) {
        YNode n = m.get(key);
        return n == null ? null : n.toJava();
    }

    private static void putIfTruthy(Map<String, Object> m, String key, Object v) {
        if (PyEq.truthy(v)) m.put(key, v);
    }
}
