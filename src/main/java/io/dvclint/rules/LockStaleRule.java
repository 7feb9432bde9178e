package io.dvclint.rules;

import io.dvclint.findings.Suggest;
import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.Dep;
import io.dvclint.model.Commands;
import io.dvclint.model.DvcFile;
import io.dvclint.model.LockEntry;
import io.dvclint.model.LockFile;
import io.dvclint.model.LockStage;
import io.dvclint.model.Out;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import io.dvclint.py.PyEq;
import io.dvclint.py.PyFormat;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lock-stale}: what dvc.lock already says about a stage without reading any data: never locked, locked
 * {@code cmd} or param values differing from the current ones, declared deps/outs/params missing from the lock
 * entry, and lock entries of stages that no longer exist.
 */
public final class LockStaleRule extends Rule {
    public LockStaleRule() {
        super("lock-stale", Severity.INFO,
                "dvc.lock is out of date with dvc.yaml or the params files (the stage reruns on `dvc repro`)");
    }

    private static final int MAX_VALUE = 40;
    /** Above this many stages "did you mean" costs more than it helps (edit distances to every name). */
    private static final int SUGGEST_MAX = 100;

    @Override
    public void check(RuleContext ctx) {
        boolean repo = Inputs.isDirectory(ctx.project().root().resolve(".dvc"));
        for (DvcFile f : ctx.project().dvcFiles()) {
            if (!f.valid() || f.stages().isEmpty()) continue;
            LockFile lock = f.lock();
            if (lock == null) {
                // outside a DVC repository (no .dvc/ at the root: a fragment, or nothing DVC could run) there is
                // nothing to tell
                if (!repo) continue;
                Stage first = f.stages().get(0);
                ctx.report(f.path(), first.pos(), "'" + f.relPath() + "' has no dvc.lock: its pipeline has never "
                        + "been reproduced (every stage runs on `dvc repro`)", "run `dvc repro` and commit the "
                        + "dvc.lock it writes", List.of());
                continue;
            }
            if (!lock.valid()) continue; // reported by lock-schema
            Set<String> names = new HashSet<>();
            for (Stage s : f.stages()) {
                names.add(s.name());
                List<String> why = reasons(ctx, s, lock.stages().get(s.name()));
                if (why.isEmpty()) continue;
                ctx.report(s, s.pos(), s + " is out of date with dvc.lock: " + String.join("; ", why),
                        "`dvc repro` reruns it and updates dvc.lock (`dvc status` shows the same)", List.of());
            }
            boolean complete = f.templating() == null || f.templating().errors().isEmpty();
            if (!complete) continue;
            for (LockStage ls : lock.stages().values()) {
                if (names.contains(ls.name())) continue;
                ctx.report(lock.path(), ls.pos(), "dvc.lock has an entry for stage '" + ls.name() + "', which "
                        + "is not in '" + f.relPath() + "'" + (names.size() <= SUGGEST_MAX ? Suggest.didYouMean(ls.name(), names) : ""),
                        "DVC keeps entries of removed stages; delete it from dvc.lock, or rename the stage "
                                + "back", List.of());
            }
        }
    }

    private List<String> reasons(RuleContext ctx, Stage s, LockStage ls) {
        List<String> why = new ArrayList<>();
        if (ls == null) {
            why.add("it has no entry in dvc.lock (never reproduced under this name)");
            return why;
        }
        if (!PyEq.eq(ls.cmd(), s.cmd())) {
            why.add("its cmd differs from the locked one (" + Commands.difference(ls.cmd(), s.cmd()) + ")");
        }
        Set<String> lockedDeps = new LinkedHashSet<>();
        for (LockEntry e : ls.deps()) lockedDeps.add(e.path());
        Set<String> lockedOuts = new LinkedHashSet<>();
        for (LockEntry e : ls.outs()) lockedOuts.add(e.path());
        List<String> newDeps = new ArrayList<>();
        for (Dep d : s.deps()) if (!lockedDeps.contains(d.path()) && !newDeps.contains(d.path())) newDeps.add(d.path());
        if (!newDeps.isEmpty()) why.add(plural("dependency", "dependencies", newDeps) + " not in the lock entry");
        List<String> newOuts = new ArrayList<>();
        for (Out o : s.outs()) if (!lockedOuts.contains(o.path()) && !newOuts.contains(o.path())) newOuts.add(o.path());
        if (!newOuts.isEmpty()) why.add(plural("output", "outputs", newOuts) + " not in the lock entry");
        for (ParamDep p : s.params()) params(ctx, p, ls, why);
        return why;
    }

    private void params(RuleContext ctx, ParamDep p, LockStage ls, List<String> why) {
        ParamsFiles.Loaded loaded = ctx.params().load(p.abs());
        Map<String, Object> locked = ls.params().get(p.file());
        if (locked == null) {
            why.add("params of '" + p.file() + "' are not in the lock entry");
            return;
        }
        if (!loaded.ok()) return; // a missing or broken params file is another rule's finding
        YNode root = loaded.root();
        List<String> keys = new ArrayList<>();
        if (p.whole()) {
            if (root instanceof YMap m) for (YMap.Entry e : m.entries()) keys.add(e.name());
            for (String k : locked.keySet()) if (!keys.contains(k)) keys.add(k);
        } else {
            for (ParamKey k : p.keys()) if (!keys.contains(k.key())) keys.add(k.key());
        }
        List<String> added = new ArrayList<>(), changed = new ArrayList<>(), removed = new ArrayList<>();
        for (String k : keys) {
            Optional<YNode> now = p.whole() ? topLevel(root, k) : ParamsFiles.lookup(root, k);
            boolean inLock = locked.containsKey(k);
            if (!inLock) {
                if (now.isPresent()) added.add(k);
                continue;
            }
            if (now.isEmpty()) {
                removed.add(k);
                continue;
            }
            Object a = now.get().toJava(), b = locked.get(k);
            if (!PyEq.eq(a, b)) {
                changed.add(k + " (locked " + shorten(PyFormat.repr(b)) + ", now " + shorten(PyFormat.repr(a)) + ")");
            }
        }
        String in = " in '" + p.file() + "'";
        if (!changed.isEmpty()) why.add("param" + (changed.size() == 1 ? " " : "s ") + String.join(", ", changed)
                + " changed" + in);
        if (!added.isEmpty()) why.add(plural("param", "params", added) + in + " not in the lock entry");
        if (!removed.isEmpty()) why.add(plural("locked param", "locked params", removed) + " no longer" + in);
    }

    /** Where a locked cmd and the current one differ, briefly. */


    private static Optional<YNode> topLevel(YNode root, String k) {
        return root instanceof YMap m && m.has(k) ? Optional.ofNullable(m.get(k)) : Optional.empty();
    }

    private static String plural(String one, String many, List<String> items) {
        List<String> q = new ArrayList<>();
        for (String i : items) q.add("'" + i + "'");
        return (items.size() == 1 ? one : many) + " " + String.join(", ", q);
    }

    private static String shorten(String s) {
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 3) + "...";
    }
}
