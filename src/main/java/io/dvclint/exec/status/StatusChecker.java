package io.dvclint.exec.status;

import io.dvclint.exec.cache.ObjectCache;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.state.PathHashes;
import io.dvclint.exec.stage.ParamItem;
import io.dvclint.exec.stage.PathItem;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.PathNames;
import io.dvclint.params.ParamsFiles;
import io.dvclint.py.PyEq;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a stage changed, as DVC's {@code Stage.changed} and {@code Stage.status} do: the command against
 * the locked one, then each dependency (file and directory hashes, params values with Python equality), then each
 * output (missing from the cache, deleted, modified). {@link #status} lists every change; {@link #changed} stops at
 * the first, in DVC's order, so nothing is hashed that the answer does not need.
 */
public final class StatusChecker {
    private final Path cwd;
    private final PathHashes hashes;
    private final ObjectCache cache;

    /** @param cwd the folder paths are shown relative to */
    public StatusChecker(Path cwd, PathHashes hashes, ObjectCache cache) {
        this.cwd = cwd;
        this.hashes = hashes;
        this.cache = cache;
    }

    /**
     * Every change of the stage, in {@code dvc status} order: deps (unless frozen), outs, always, command (for a
     * {@code .dvc} data source: its checksum).
     */
    public List<Change> status(TrackedStage s) throws IOException {
        List<Change> out = new ArrayList<>();
        if (!s.frozen()) {
            for (PathItem d : s.deps()) {
                Change c = pathChange(d);
                if (c != null) out.add(c);
            }
            for (ParamItem p : s.params()) out.addAll(paramChanges(p));
        }
        for (PathItem o : s.outs()) {
            Change c = pathChange(o);
            if (c != null) out.add(c);
        }
        if (s.isCallback() || s.alwaysChanged()) out.add(new Change(Change.Kind.ALWAYS_CHANGED, null, null,
                "always changed", null, null, null, null));
        if (s.cmdChanged()) out.add(new Change(Change.Kind.COMMAND, null, null,
                s.isDataSource() ? "changed checksum" : "changed command", null, null, null, null));
        return out;
    }

    /**
     * Whether the stage must run ({@code Stage.changed}): its command changed, a dependency changed (frozen: never;
     * always changed or a callback: always), or an output changed. With {@code allowMissing}, a deleted dependency
     * counts only when an upstream stage's lock records another hash for it, and deleted outputs or outputs missing
     * from the cache do not count.
     */
    public boolean changed(TrackedStage s, boolean allowMissing, List<TrackedStage> upstream) throws IOException {
        if (s.cmdChanged()) return true;
        if (!s.frozen()) {
            if (s.isCallback() || s.alwaysChanged()) return true;
            for (PathItem d : s.deps()) {
                Change c = pathChange(d);
                if (c == null) continue;
                if (allowMissing && c.state().equals("deleted") && !lockedElsewhere(d, upstream)) continue;
                return true;
            }
            for (ParamItem p : s.params()) {
                for (Change c : paramChanges(p)) {
                    if (!(allowMissing && c.state().equals("deleted"))) return true;
                }
            }
        }
        for (PathItem o : s.outs()) {
            Change c = pathChange(o);
            if (c == null) continue;
            if (allowMissing && (c.state().equals("deleted") || c.state().equals("not in cache"))) continue;
            return true;
        }
        return false;
    }

    /** An upstream stage's lock records this path with another hash (it will be produced anew). */
    private static boolean lockedElsewhere(PathItem d, List<TrackedStage> upstream) {
        if (upstream == null) return false;
        for (TrackedStage u : upstream) {
            for (PathItem o : u.outs()) {
                if (o.abs().equals(d.abs()) && o.lockedMd5() != null && !o.lockedMd5().equals(d.lockedMd5())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether every dependency is as locked ({@code Stage.deps_cached}). */
    public boolean depsUnchanged(TrackedStage s) throws IOException {
        for (PathItem d : s.deps()) if (pathChange(d) != null) return false;
        for (ParamItem p : s.params()) if (!paramChanges(p).isEmpty()) return false;
        return true;
    }

    /** A dependency's or output's change ({@code Output.status}), or null when it is as locked. */
    public Change pathChange(PathItem p) throws IOException {
        String md5 = p.lockedMd5();
        if (md5 != null && p.cached() && !cache.contains(md5, p.name())) {
            return new Change(p.isOut() ? Change.Kind.OUT : Change.Kind.DEP, display(p.abs()), null, "not in cache",
                    p, null, null, null);
        }
        String state = null;
        if (!Files.exists(p.abs())) {
            state = "deleted";
        } else {
            HashInfo now = hashes.hash(p.abs(), p.name());
            if (md5 == null || !md5.equals(now.md5())) state = "modified";
        }
        if (state == null) return null;
        return new Change(p.isOut() ? Change.Kind.OUT : Change.Kind.DEP, display(p.abs()), null, state, p, null,
                null, null);
    }

    /** A params file's changes ({@code ParamsDependency.workspace_status}), in declared (or file, then lock) order. */
    public List<Change> paramChanges(ParamItem p) throws IOException {
        ParamDep dep = p.dep();
        String name = display(dep.abs());
        if (!Files.exists(dep.abs())) return List.of(fileChange(p, name, "deleted"));
        if (p.locked() == null) return List.of(fileChange(p, name, "new"));
        Map<String, Object> actual = currentValues(dep);
        Set<String> keys = new LinkedHashSet<>();
        if (dep.whole()) {
            keys.addAll(actual.keySet());
            keys.addAll(p.locked().keySet());
        } else {
            for (ParamKey k : dep.keys()) keys.add(k.key());
        }
        List<Change> out = new ArrayList<>();
        for (String k : keys) {
            String state;
            if (!actual.containsKey(k)) state = "deleted";
            else if (!p.locked().containsKey(k)) state = "new";
            else if (!PyEq.eq(actual.get(k), p.locked().get(k))) state = "modified";
            else continue;
            out.add(new Change(Change.Kind.PARAM, name, k, state, null, p, p.locked().get(k), actual.get(k)));
        }
        return out;
    }

    private static Change fileChange(ParamItem p, String name, String state) {
        return new Change(Change.Kind.PARAMS_FILE, name, null, state, null, p, null, null);
    }

    /**
     * The current values of a params dependency ({@code read_params(flatten=True)}): each declared key found in the
     * file, or every top-level key of a wholly tracked one.
     *
     * @throws IOException "Unable to read parameters from ..." when the file does not parse
     */
    public Map<String, Object> currentValues(ParamDep dep) throws IOException {
        ParamsFiles.Loaded l = ParamsFiles.read(dep.abs());
        Map<String, Object> out = new LinkedHashMap<>();
        if (l.problem() != null) {
            if (l.problem().kind() == ParamsFiles.Kind.MISSING) return out;
            if (l.problem().kind() == ParamsFiles.Kind.DIRECTORY) {
                throw new IOException("'" + display(dep.abs()) + "' is a directory, expected a parameters file");
            }
            throw new IOException("Unable to read parameters from '" + display(dep.abs()) + "'");
        }
        if (dep.whole()) {
            if (l.root() instanceof YMap m) for (YMap.Entry e : m.entries()) out.put(e.name(), e.value().toJava());
            return out;
        }
        for (ParamKey k : dep.keys()) {
            Optional<YNode> v = ParamsFiles.lookup(l.root(), k.key());
            if (v.isPresent()) out.put(k.key(), v.get().toJava());
        }
        return out;
    }

    /** A path as DVC prints it: relative to the current folder. */
    public String display(Path abs) {
        try {
            return PathNames.posix(cwd.relativize(abs));
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }
}
