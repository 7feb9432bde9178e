package io.dvclint.exec.stage;

import io.dvclint.exec.hash.HashName;
import io.dvclint.graph.PipelineNode;
import io.dvclint.model.DataSource;
import io.dvclint.model.Dep;
import io.dvclint.model.LockEntry;
import io.dvclint.model.LockStage;
import io.dvclint.model.Out;
import io.dvclint.model.OutKind;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Stage;
import io.dvclint.py.PyEq;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stage as the executor sees it: its definition joined with its dvc.lock entry, as DVC's
 * {@code StageLoader.fill_from_lock} joins them. Lock entries are matched to deps and outs by the exact path string;
 * a stage with a lock entry reads an entry without {@code hash: md5} (DVC 2), or a path its entry lacks, as
 * {@code md5-dos2unix}.
 */
public final class TrackedStage {
    private final PipelineNode node;
    private final String address;
    private final Stage stage;
    private final LockStage lock;
    private final List<PathItem> deps = new ArrayList<>();
    private final List<PathItem> outs = new ArrayList<>();
    private final List<ParamItem> params = new ArrayList<>();
    // a .dvc data source: its file, and what its top level says
    private final DataSource source;
    private final boolean sourceFrozen;
    private final boolean sourceAlwaysChanged;
    private final boolean sourceChecksum;

    /** @param address DVC's addressing of the stage from the current folder */
    public TrackedStage(PipelineNode node, String address, LockStage lock) {
        this.node = node;
        this.address = address;
        this.stage = node.stage();
        this.lock = lock;
        this.source = null;
        this.sourceFrozen = false;
        this.sourceAlwaysChanged = false;
        this.sourceChecksum = false;
        for (Dep d : stage.deps()) deps.add(item(d.path(), d.abs(), null, lock == null ? null : lock.deps()));
        for (Out o : stage.outs()) outs.add(item(o.path(), o.abs(), o, lock == null ? null : lock.outs()));
        for (ParamDep p : stage.params()) params.add(new ParamItem(p, lockedValues(p)));
    }

    /**
     * A {@code .dvc} data source as DVC loads it ({@code SingleStageLoader.load_stage}): a stage without a command
     * whose outputs carry their own hashes. An output without {@code hash: md5} is a DVC 2 one, read as
     * {@code md5-dos2unix}; {@code frozen} (or the older {@code locked}) freezes it; a top-level {@code md5} (a DVC 2
     * stage checksum, which DVC 3 computes no more for data) is a changed checksum.
     *
     * @param address DVC's addressing: the file's path from the current folder
     */
    public TrackedStage(PipelineNode node, String address) {
        this.node = node;
        this.address = address;
        this.stage = null;
        this.lock = null;
        this.source = node.source();
        YMap root = source.root();
        this.sourceFrozen = truthy(root.get("frozen")) || truthy(root.get("locked"));
        this.sourceAlwaysChanged = truthy(root.get("always_changed"));
        this.sourceChecksum = root.get("md5") instanceof YScalar m && m.value() != null
                && !(m.value() instanceof String str && str.isEmpty());
        if (root.get("outs") instanceof YSeq seq) {
            int i = 0;
            for (YNode n : seq.items()) {
                if (!(n instanceof YMap om) || !(om.get("path") instanceof YScalar p && p.value() != null)) continue;
                String path = source.outPaths().get(i);
                Path abs = source.outs().get(i++);
                Object cache = om.get("cache") == null ? Boolean.TRUE : om.get("cache").toJava();
                Object push = om.get("push") == null ? Boolean.TRUE : om.get("push").toJava();
                Out out = new Out(path, abs, om.pos(), OutKind.OUTS, PyEq.truthy(cache), om.has("cache"),
                        truthy(om.get("persist")), PyEq.truthy(push),
                        om.get("remote") instanceof YScalar r ? r.asString() : null,
                        om.get("desc") instanceof YScalar d ? d.asString() : null, om);
                String hash = om.get("hash") instanceof YScalar h && h.value() != null ? String.valueOf(h.value())
                        : null;
                Boolean isexec = om.get("isexec") instanceof YScalar x && x.value() instanceof Boolean b ? b : null;
                LockEntry entry = new LockEntry(path, hash, checksum(om.get("md5")), number(om.get("size")),
                        number(om.get("nfiles")), isexec, om.pos());
                outs.add(new PathItem(path, abs, out, entry, hash == null ? HashName.MD5_DOS2UNIX : HashName.MD5));
            }
        }
    }

    private static boolean truthy(YNode n) {
        return n != null && PyEq.truthy(n.toJava());
    }

    /** DVC's {@code CHECKSUM_SCHEMA}: a string (or an int) of three characters or more, lowercased; empty is none. */
    private static String checksum(YNode n) {
        if (!(n instanceof YScalar s) || s.value() == null || s.value() instanceof Boolean) return null;
        String v = String.valueOf(s.value());
        return v.isEmpty() ? null : v.toLowerCase(Locale.ROOT);
    }

    private static Long number(YNode n) {
        return n instanceof YScalar s && s.value() instanceof Long l ? l : null;
    }

    private PathItem item(String path, Path abs, Out out, List<LockEntry> locked) {
        LockEntry entry = null;
        if (locked != null) {
            for (LockEntry e : locked) {
                if (path.equals(e.path())) {
                    entry = e;
                    break;
                }
            }
        }
        HashName name = lock == null ? HashName.MD5 : entry == null || entry.isLegacy() ? HashName.MD5_DOS2UNIX
                : HashName.MD5;
        return new PathItem(path, abs, out, entry, name);
    }

    /** {@code ParamsDependency.fill_values}: the lock's values of the declared keys, or of all for a whole file. */
    private Map<String, Object> lockedValues(ParamDep p) {
        if (lock == null) return null;
        Map<String, Object> values = lock.params().get(p.file());
        if (values == null) return null;
        if (p.whole()) return new LinkedHashMap<>(values);
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamKey k : p.keys()) if (values.containsKey(k.key())) out.put(k.key(), values.get(k.key()));
        return out;
    }

    public PipelineNode node() {
        return node;
    }

    /** The dvc.yaml stage, or null for a {@code .dvc} data source. */
    public Stage stage() {
        return stage;
    }

    /** The {@code .dvc} file of a data source, or null for a dvc.yaml stage. */
    public DataSource source() {
        return source;
    }

    public boolean isDataSource() {
        return source != null;
    }

    /** The dvc.lock entry, or null when the stage never ran (or its lock file is missing). */
    public LockStage lock() {
        return lock;
    }

    /** DVC's addressing from the current folder: {@code train}, {@code sub/dvc.yaml:train}. */
    public String address() {
        return address;
    }

    public List<PathItem> deps() {
        return deps;
    }

    public List<PathItem> outs() {
        return outs;
    }

    public List<ParamItem> params() {
        return params;
    }

    public boolean frozen() {
        return source != null ? sourceFrozen : stage.frozen();
    }

    public boolean alwaysChanged() {
        return source != null ? sourceAlwaysChanged : stage.alwaysChanged();
    }

    /**
     * A stage with a command but neither dependencies (params count) nor outputs: it runs on every repro (never a
     * data source, which has no command).
     */
    public boolean isCallback() {
        return source == null && deps.isEmpty() && params.isEmpty() && outs.isEmpty();
    }

    /**
     * {@code changed_stage}: for a dvc.yaml stage, the lock entry exists and records another command (Python
     * equality: a string is never a list); for a data source, its file records a stage checksum ({@code md5}) where
     * DVC 3 computes none ({@code dvc status} says {@code changed checksum}).
     */
    public boolean cmdChanged() {
        if (source != null) return sourceChecksum;
        return lock != null && !PyEq.eq(lock.cmd(), stage.cmd());
    }

    /** The commands to run: a list as it is, a string split into lines; none for a data source. */
    public List<String> commands() {
        return source != null ? List.of() : stage.commands();
    }
}
