package io.dvclint.exec.run;

import io.dvclint.exec.ExecProject;
import io.dvclint.exec.plan.Planner;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.exec.status.StatusChecker;
import io.dvclint.graph.PipelineNode;
import io.dvclint.model.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code repro} over a planned list of stages, as DVC's {@code _reproduce} walks it: each stage reproduced in turn
 * ({@link StageRunner}); on a failure, stop ({@code fail}), or skip what depends on the failed stage and go on
 * ({@code keep-going}), or go on with everything ({@code ignore}); with {@code --force-downstream}, everything
 * downstream of a stage that ran is forced. DVC's messages, and a blank line after each stage that was reproduced.
 */
public final class Reproducer {
    private final ExecProject project;
    private final Planner planner;
    private final ReproOptions options;
    private final ReproLog log;
    private final StageRunner runner;
    private final List<String> ran = new ArrayList<>();

    public Reproducer(ExecProject project, Path cwd, ReproOptions options, ReproLog log, Shell shell,
            Map<String, String> env) {
        this.project = project;
        this.planner = new Planner(project.graph());
        this.options = options;
        this.log = log;
        StatusChecker checker = new StatusChecker(cwd, project.hashes(), project.cache());
        this.runner = new StageRunner(project, options, log, shell, env, checker, new LockDump(cwd, log));
    }

    /** The outcome: how many stages were reproduced, and which stage failed (none: an empty list). */
    public record Outcome(int reproduced, List<String> failed) {
    }

    /** The stages whose commands ran, in order. */
    public List<String> ran() {
        return ran;
    }

    /**
     * Reproduces {@code steps} in order; {@code withGraph} false ({@code -s}) means the stages are taken alone, with
     * no upstream or downstream stages to skip or force.
     */
    public Outcome run(List<PipelineNode> steps, boolean withGraph) throws IOException, InterruptedException {
        Map<PipelineNode, Boolean> force = new HashMap<>();
        for (PipelineNode n : steps) force.put(n, options.force());
        Set<PipelineNode> toSkip = new HashSet<>();
        List<String> failed = new ArrayList<>();
        int reproduced = 0;
        boolean previous = false;
        for (PipelineNode n : steps) {
            if (toSkip.contains(n)) continue;
            if (previous) log.info("");
            boolean forced = force.get(n);
            log.stageStarted(project.address(n));
            boolean ret;
            try {
                ret = reproduce(n, forced, withGraph);
            } catch (StageFailure e) {
                failed.add(project.address(n));
                log.stageEnded(project.address(n), ReproLog.Result.FAILED, e.getMessage());
                if (!options.keepGoing() && !options.ignoreErrors()) {
                    log.error("failed to reproduce '" + project.address(n) + "': " + e.getMessage());
                    return new Outcome(reproduced, failed);
                }
                log.warn(e.getMessage() + (options.ignoreErrors() ? " (ignored)" : ""));
                if (options.keepGoing() && withGraph) {
                    List<String> names = new ArrayList<>();
                    for (PipelineNode d : planner.dependents(n)) {
                        toSkip.add(d);
                        names.add(project.address(d));
                    }
                    if (!names.isEmpty()) {
                        log.warn((names.size() > 1 ? "Stages " : "Stage ") + join(names)
                                + " will be skipped due to this failure");
                    }
                }
                continue;
            }
            log.stageEnded(project.address(n), !ret ? ReproLog.Result.SKIPPED : runner.ran() ? ReproLog.Result.RAN
                    : n.stage() != null && n.stage().frozen() ? ReproLog.Result.VERIFIED : ReproLog.Result.RESTORED,
                    null);
            if (runner.ran()) ran.add(project.address(n));
            if (options.forceDownstream() && (ret || forced) && withGraph) {
                for (PipelineNode d : planner.downstream(n)) force.put(d, true);
            }
            if (ret) reproduced++;
            previous = ret;
        }
        if (!failed.isEmpty() && !options.ignoreErrors()) {
            log.error("failed to reproduce " + (failed.size() > 1 ? "stages: " : "") + join(failed));
        }
        return new Outcome(reproduced, options.ignoreErrors() ? List.of() : failed);
    }

    private boolean reproduce(PipelineNode n, boolean force, boolean withGraph)
            throws StageFailure, IOException, InterruptedException {
        if (n.stage() == null) return verifyDataSource(n);
        TrackedStage s = project.stage(n);
        List<TrackedStage> upstream = new ArrayList<>();
        if (withGraph) for (PipelineNode u : planner.upstream(n)) if (project.stage(u) != null) upstream.add(project.stage(u));
        return runner.reproduce(s, force, upstream);
    }

    /** A {@code .dvc} data source: its outputs must exist; it is not changed here. */
    private boolean verifyDataSource(PipelineNode node) throws StageFailure {
        DataSource d = node.source();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < d.outs().size(); i++) if (!Files.exists(d.outs().get(i))) missing.add(d.outPaths().get(i));
        if (!missing.isEmpty()) {
            throw new StageFailure("missing data '" + (missing.size() > 1 ? "sources" : "source") + "': "
                    + String.join(", ", missing));
        }
        log.info("'" + project.address(node) + "' didn't change, skipping");
        return false;
    }

    /** DVC's {@code humanize.join} of quoted names: {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}. */
    static String join(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) sb.append(i == names.size() - 1 ? " and " : ", ");
            sb.append('\'').append(names.get(i)).append('\'');
        }
        return sb.toString();
    }
}
