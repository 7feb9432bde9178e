package io.dvclint.exec.run;

import io.dvclint.exec.ExecProject;
import io.dvclint.exec.plan.Planner;
import io.dvclint.exec.scm.ScmContext;
import io.dvclint.exec.stage.PathItem;
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
 * Before anything is touched, outputs that {@code repro} would delete outside the project, or inside {@code .git}
 * or {@code .dvc}, stop it.
 */
public final class Reproducer {
    private final ExecProject project;
    private final Planner planner;
    private final ReproOptions options;
    private final ReproLog log;
    private final StageRunner runner;
    private final Interruption interruption;

    private final LockDump lockDump;
    private final ScmContext scm;
    private final int jobs;

    /** @param jobs how many stages may run at once (1: one after the other, exactly as DVC runs them) */
    public Reproducer(ExecProject project, Path cwd, ReproOptions options, ReproLog log, Shell shell,
            Map<String, String> env, RepoLock lock, Interruption interruption, int jobs) throws IOException {
        this.project = project;
        this.planner = new Planner(project.graph());
        this.options = options;
        this.log = log;
        this.interruption = interruption;
        this.jobs = Math.max(1, jobs);
        StatusChecker checker = new StatusChecker(cwd, project.hashes(), project.cache());
        this.scm = options.dry() ? ScmContext.none(project.root(), cwd)
                : ScmContext.open(project.root(), project.config(), cwd);
        this.lockDump = new LockDump(cwd, log, scm::changed);
        this.runner = new StageRunner(project, options, log, shell, env, checker, lockDump, lock, interruption,
                this.jobs == 1, scm);
    }

    /** The outcome: how many stages were reproduced, and which failed (none: an empty list). */
    public record Outcome(int reproduced, List<String> failed) {
    }

    /**
     * Outputs of the planned stages that {@code repro} must not delete: outside the project, or inside its
     * {@code .git} or {@code .dvc} folder. Empty when all is well.
     */
    public List<String> unsafeOutputs(List<PipelineNode> steps) {
        List<String> out = new ArrayList<>();
        Path root = project.root();
        for (PipelineNode n : steps) {
            TrackedStage s = project.stage(n);
            if (s == null) continue;
            for (PathItem o : s.outs()) {
                Path abs = o.abs();
                String why = !abs.startsWith(root) ? "lies outside the project"
                        : abs.startsWith(root.resolve(".git")) ? "lies inside .git"
                        : abs.startsWith(root.resolve(".dvc")) ? "lies inside .dvc" : null;
                if (why != null) {
                    out.add("output '" + o.path() + "' of stage '" + project.address(n) + "' " + why
                            + ": repro deletes outputs before running a stage, and will not delete it");
                }
            }
        }
        return out;
    }

    /**
     * Reproduces {@code steps} in order; {@code withGraph} false ({@code -s}) means the stages are taken alone, with
     * no upstream or downstream stages to skip or force.
     */
    public Outcome run(List<PipelineNode> steps, boolean withGraph) throws IOException, InterruptedException {
        List<TrackedStage> order = new ArrayList<>();
        for (PipelineNode n : steps) if (project.stage(n) != null) order.add(project.stage(n));
        lockDump.plan(order);
        if (jobs > 1) return new ParallelRun(this, steps, withGraph, jobs).run();
        Map<PipelineNode, Boolean> force = new HashMap<>();
        for (PipelineNode n : steps) force.put(n, options.force());
        Set<PipelineNode> toSkip = new HashSet<>();
        List<String> failed = new ArrayList<>();
        int reproduced = 0;
        boolean previous = false;
        for (int i = 0; i < steps.size(); i++) {
            PipelineNode n = steps.get(i);
            String address = project.address(n);
            if (toSkip.contains(n)) {
                log.stageEnded(address, ReproListener.Result.NOT_ATTEMPTED, null, 0);
                continue;
            }
            if (previous) log.info("");
            boolean forced = force.get(n);
            long t0 = System.nanoTime();
            ReproListener.Result result;
            try {
                if (interruption.interrupted()) throw new StageFailure("interrupted");
                result = reproduce(n, forced, withGraph);
            } catch (StageFailure e) {
                failed.add(address);
                log.stageEnded(address, ReproListener.Result.FAILED, e.getMessage(), System.nanoTime() - t0);
                if (!options.keepGoing() && !options.ignoreErrors()) {
                    log.error("failed to reproduce '" + address + "': " + e.getMessage());
                    for (PipelineNode rest : steps.subList(i + 1, steps.size())) {
                        log.stageEnded(project.address(rest), ReproListener.Result.NOT_ATTEMPTED, null, 0);
                    }
                    log.finished();
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
            log.stageEnded(address, result, null, System.nanoTime() - t0);
            boolean ret = result != ReproListener.Result.SKIPPED;
            if (options.forceDownstream() && (ret || forced) && withGraph) {
                for (PipelineNode d : planner.downstream(n)) force.put(d, true);
            }
            if (ret) reproduced++;
            previous = ret;
        }
        if (!failed.isEmpty() && !options.ignoreErrors()) {
            log.error("failed to reproduce " + (failed.size() > 1 ? "stages: " : "") + join(failed));
        }
        log.finished();
        return new Outcome(reproduced, options.ignoreErrors() ? List.of() : failed);
    }

    /** Reproduces one planned node (a stage, or a {@code .dvc} data source that is only verified). */
    ReproListener.Result reproduce(PipelineNode n, boolean force, boolean withGraph)
            throws StageFailure, IOException, InterruptedException {
        if (n.stage() == null) {
            TrackedStage d = project.tracked(n);
            return d == null ? verifyDataSource(n) : runner.reproduce(d, force, List.of());
        }
        TrackedStage s = project.stage(n);
        List<TrackedStage> upstream = new ArrayList<>();
        if (withGraph) {
            for (PipelineNode u : planner.upstream(n)) if (project.stage(u) != null) upstream.add(project.stage(u));
        }
        return runner.reproduce(s, force, upstream);
    }

    /** An import ({@code .dvc} file with dependencies): its outputs must exist; it is not updated here. */
    private ReproListener.Result verifyDataSource(PipelineNode node) throws StageFailure {
        DataSource d = node.source();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < d.outs().size(); i++) {
            if (!Files.exists(d.outs().get(i))) missing.add(d.outPaths().get(i));
        }
        if (!missing.isEmpty()) {
            throw new StageFailure("missing data '" + (missing.size() > 1 ? "sources" : "source") + "': "
                    + String.join(", ", missing));
        }
        log.info("'" + project.address(node) + "' didn't change, skipping");
        return ReproListener.Result.SKIPPED;
    }

    ExecProject project() {
        return project;
    }

    /** What the run does with git: {@link ScmContext#finish} once it is over. */
    public ScmContext scm() {
        return scm;
    }

    Planner planner() {
        return planner;
    }

    ReproOptions options() {
        return options;
    }

    ReproLog log() {
        return log;
    }

    Interruption interruption() {
        return interruption;
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
