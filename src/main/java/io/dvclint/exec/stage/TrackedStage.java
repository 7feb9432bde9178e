package io.dvclint.exec.stage;

import io.dvclint.exec.hash.HashName;
import io.dvclint.graph.PipelineNode;
import io.dvclint.model.Dep;
import io.dvclint.model.LockEntry;
import io.dvclint.model.LockStage;
import io.dvclint.model.Out;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Stage;
import io.dvclint.py.PyEq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** @param address DVC's addressing of the stage from the current folder */
    public TrackedStage(PipelineNode node, String address, LockStage lock) {
        this.node = node;
        this.address = address;
        this.stage = node.stage();
        this.lock = lock;
        for (Dep d : stage.deps()) deps.add(item(d.path(), d.abs(), null, lock == null ? null : lock.deps()));
        for (Out o : stage.outs()) outs.add(item(o.path(), o.abs(), o, lock == null ? null : lock.outs()));
        for (ParamDep p : stage.params()) params.add(new ParamItem(p, lockedValues(p)));
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

    public Stage stage() {
        return stage;
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
        return stage.frozen();
    }

    public boolean alwaysChanged() {
        return stage.alwaysChanged();
    }

    /** A stage with a command but neither dependencies (params count) nor outputs: it runs on every repro. */
    public boolean isCallback() {
        return deps.isEmpty() && params.isEmpty() && outs.isEmpty();
    }

    /** The lock entry exists and records another command (Python equality: a string is never a list). */
    public boolean cmdChanged() {
        return lock != null && !PyEq.eq(lock.cmd(), stage.cmd());
    }

    /** The commands to run: a list as it is, a string split into lines. */
    public List<String> commands() {
        return stage.commands();
    }
}
