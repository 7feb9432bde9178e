package io.dvclint.exec.run;

import io.dvclint.exec.ExecProject;
import io.dvclint.exec.plan.Planner;
import io.dvclint.exec.stage.ParamItem;
import io.dvclint.exec.stage.PathItem;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.exec.status.Change;
import io.dvclint.exec.status.StatusChecker;
import io.dvclint.exec.status.Why;
import io.dvclint.graph.PipelineNode;
import io.dvclint.model.ParamKey;
import io.dvclint.model.PathNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code repro --dry --json}: the plan as data, for an orchestrator or a CI matrix that runs stages elsewhere. Each
 * planned stage with whether it would run and why (its own changes, as {@code status --why} explains them, or the
 * upstream stages that would run before it, or {@code -f}), its commands, working folder, dependencies, params,
 * outputs and the upstream stages it waits for. Nothing is run or written.
 */
public final class DryPlan {
    private final ExecProject project;
    private final Path cwd;

    public DryPlan(ExecProject project, Path cwd) {
        this.project = project;
        this.cwd = cwd;
    }

    /** The plan as plain values (JSON-ready), in plan order. */
    public Map<String, Object> describe(List<PipelineNode> steps, boolean force) throws IOException {
        StatusChecker checker = new StatusChecker(cwd, project.hashes(), project.cache());
        Why why = new Why(cwd, project.hashes(), project.cache());
        Planner planner = new Planner(project.graph());
        Set<PipelineNode> planned = new HashSet<>(steps);
        Set<PipelineNode> willRun = new HashSet<>();
        List<Object> stages = new ArrayList<>();
        for (PipelineNode n : steps) {
            TrackedStage s = project.stage(n);
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("stage", project.address(n));
            List<Object> reasons = new ArrayList<>();
            List<String> upstream = new ArrayList<>();
            List<String> upstreamRunning = new ArrayList<>();
            for (PipelineNode u : planner.upstream(n)) {
                if (!planned.contains(u)) continue;
                upstream.add(project.address(u));
                if (willRun.contains(u)) upstreamRunning.add(project.address(u));
            }
            boolean runs = false;
            if (s != null) {
                List<Change> changes = checker.status(s);
                for (Change c : changes) reasons.add(why.explain(s, c).json());
                if (!upstreamRunning.isEmpty() && !s.frozen()) reasons.add(why.upstream(upstreamRunning).json());
                if (force) reasons.add(Map.of("kind", "forced"));
                runs = !s.frozen() && (force || !changes.isEmpty() || !upstreamRunning.isEmpty());
                j.put("file", PathNames.posix(cwd.relativize(s.stage().file().path())));
                j.put("name", s.stage().name());
                j.put("would_run", runs);
                j.put("frozen", s.frozen());
                j.put("reasons", reasons);
                j.put("cmd", s.commands());
                j.put("wdir", PathNames.posix(cwd.relativize(s.stage().wdirAbs())));
                j.put("deps", paths(s.deps()));
                j.put("params", params(s));
                j.put("outs", paths(s.outs()));
            } else {
                j.put("file", project.address(n));
                j.put("would_run", false);
                j.put("data_source", true);
                TrackedStage d = project.tracked(n);
                if (d != null) {
                    // a changed (or forced) data source is verified and its .dvc file written anew
                    List<Change> changes = checker.status(d);
                    for (Change c : changes) reasons.add(why.explain(d, c).json());
                    if (force) reasons.add(Map.of("kind", "forced"));
                    j.put("resave", force || !changes.isEmpty());
                    j.put("reasons", reasons);
                }
            }
            j.put("upstream", upstream);
            if (runs) willRun.add(n);
            stages.add(j);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stages", stages);
        return out;
    }

    private List<Object> paths(List<PathItem> items) {
        List<Object> out = new ArrayList<>();
        for (PathItem p : items) out.add(PathNames.posix(cwd.relativize(p.abs())));
        return out;
    }

    private Map<String, Object> params(TrackedStage s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamItem p : s.params()) {
            List<String> keys = new ArrayList<>();
            for (ParamKey k : p.dep().keys()) keys.add(k.key());
            out.put(PathNames.posix(cwd.relativize(p.dep().abs())), p.dep().whole() ? "*" : keys);
        }
        return out;
    }
}
