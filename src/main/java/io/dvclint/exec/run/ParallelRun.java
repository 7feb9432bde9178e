package io.dvclint.exec.run;

import io.dvclint.exec.ExecProject;
import io.dvclint.exec.stage.ParamItem;
import io.dvclint.exec.stage.PathItem;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.graph.PipelineNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code repro -j N}: the planned stages run as soon as the planned stages they depend on have finished, up to N at
 * once, earliest planned first; never two at once whose paths overlap (one's output is, holds or lies in the other's
 * output or dependency). Each stage makes DVC's decisions when it starts, so it sees what its upstream stages
 * wrote. On a failure: without {@code -k}, the running stages finish and no new one starts; with {@code -k}, what
 * depends on the failed stage is skipped; with {@code --ignore-errors}, everything goes on.
 */
final class ParallelRun {
    private final Reproducer r;
    private final ExecProject project;
    private final List<PipelineNode> steps;
    private final boolean withGraph;
    private final int jobs;
    private final Map<PipelineNode, Set<PipelineNode>> waitsFor = new HashMap<>();
    private final Map<PipelineNode, Boolean> force = new HashMap<>();

    ParallelRun(Reproducer r, List<PipelineNode> steps, boolean withGraph, int jobs) {
        this.r = r;
        this.project = r.project();
        this.steps = steps;
        this.withGraph = withGraph;
        this.jobs = jobs;
        Set<PipelineNode> planned = new HashSet<>(steps);
        for (PipelineNode n : steps) {
            waitsFor.put(n, plannedUpstream(n, planned));
            force.put(n, r.options().force());
        }
    }

    /** A finished stage. */
    private record Done(PipelineNode node, ReproListener.Result result, StageFailure failure, long nanos) {
    }

    Reproducer.Outcome run() throws IOException, InterruptedException {
        List<PipelineNode> pending = new ArrayList<>(steps);
        Set<PipelineNode> finished = new HashSet<>();
        Set<PipelineNode> running = new LinkedHashSet<>();
        List<String> failed = new ArrayList<>();
        int reproduced = 0;
        boolean stop = false;
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        CompletionService<Done> done = new ExecutorCompletionService<>(pool);
        try {
            while (true) {
                if (!stop) {
                    for (int i = 0; i < pending.size() && running.size() < jobs; i++) {
                        PipelineNode n = pending.get(i);
                        if (!finished.containsAll(waitsFor.get(n)) || conflictsWithRunning(n, running)) continue;
                        pending.remove(i--);
                        running.add(n);
                        boolean forced = force.get(n);
                        done.submit(() -> reproduce(n, forced));
                    }
                }
                if (running.isEmpty()) break;
                Done d = take(done);
                running.remove(d.node());
                finished.add(d.node());
                String address = project.address(d.node());
                if (d.failure() != null) {
                    failed.add(address);
                    r.log().stageEnded(address, ReproListener.Result.FAILED, d.failure().getMessage(), d.nanos());
                    if (!r.options().keepGoing() && !r.options().ignoreErrors()) {
                        r.log().error("failed to reproduce '" + address + "': " + d.failure().getMessage());
                        stop = true;
                        continue;
                    }
                    r.log().warn(d.failure().getMessage() + (r.options().ignoreErrors() ? " (ignored)" : ""));
                    if (r.options().keepGoing() && withGraph) skipDependents(d.node(), pending, finished);
                    continue;
                }
                r.log().stageEnded(address, d.result(), null, d.nanos());
                boolean ret = d.result() != ReproListener.Result.SKIPPED;
                if (ret) reproduced++;
                if (r.options().forceDownstream() && (ret || force.get(d.node())) && withGraph) {
                    for (PipelineNode x : r.planner().downstream(d.node())) force.put(x, true);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (PipelineNode n : pending) {
            r.log().stageEnded(project.address(n), ReproListener.Result.NOT_ATTEMPTED, null, 0);
        }
        boolean failFast = !r.options().keepGoing() && !r.options().ignoreErrors();
        if (!failed.isEmpty() && !r.options().ignoreErrors() && !failFast) {
            r.log().error("failed to reproduce " + (failed.size() > 1 ? "stages: " : "") + Reproducer.join(failed));
        }
        r.log().finished();
        return new Reproducer.Outcome(reproduced, r.options().ignoreErrors() ? List.of() : failed);
    }

    private Done reproduce(PipelineNode n, boolean forced) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        try {
            if (r.interruption().interrupted()) throw new StageFailure("interrupted");
            return new Done(n, r.reproduce(n, forced, withGraph), null, System.nanoTime() - t0);
        } catch (StageFailure e) {
            return new Done(n, ReproListener.Result.FAILED, e, System.nanoTime() - t0);
        }
    }

    private static Done take(CompletionService<Done> done) throws IOException, InterruptedException {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof InterruptedException ie) throw ie;
            if (c instanceof RuntimeException re) throw re;
            throw new IllegalStateException(c);
        }
    }

    /** {@code -k}: everything downstream of a failed stage is skipped (and counts as finished for the others). */
    private void skipDependents(PipelineNode failedNode, List<PipelineNode> pending, Set<PipelineNode> finished) {
        List<String> names = new ArrayList<>();
        for (PipelineNode d : r.planner().dependents(failedNode)) {
            if (!pending.remove(d)) continue;
            finished.add(d);
            names.add(project.address(d));
            r.log().stageEnded(project.address(d), ReproListener.Result.NOT_ATTEMPTED, null, 0);
        }
        if (!names.isEmpty()) {
            r.log().warn((names.size() > 1 ? "Stages " : "Stage ") + Reproducer.join(names)
                    + " will be skipped due to this failure");
        }
    }

    /** The planned stages a node must wait for: its nearest planned upstream stages, through unplanned ones. */
    private Set<PipelineNode> plannedUpstream(PipelineNode n, Set<PipelineNode> planned) {
        Set<PipelineNode> out = new LinkedHashSet<>();
        Set<PipelineNode> seen = new HashSet<>();
        Deque<PipelineNode> todo = new ArrayDeque<>(r.planner().upstream(n));
        while (!todo.isEmpty()) {
            PipelineNode u = todo.poll();
            if (u == n || !seen.add(u)) continue;
            if (planned.contains(u)) out.add(u);
            else todo.addAll(r.planner().upstream(u));
        }
        return out;
    }

    private boolean conflictsWithRunning(PipelineNode n, Set<PipelineNode> running) {
        for (PipelineNode other : running) if (conflict(n, other)) return true;
        return false;
    }

    /** Whether two stages' paths overlap where one of them writes: they must not run at once. */
    private boolean conflict(PipelineNode a, PipelineNode b) {
        TrackedStage x = project.stage(a), y = project.stage(b);
        if (x == null || y == null) return false;
        return writesInto(x, y) || writesInto(y, x);
    }

    private static boolean writesInto(TrackedStage writer, TrackedStage other) {
        for (PathItem o : writer.outs()) {
            for (Path p : paths(other)) if (p.startsWith(o.abs()) || o.abs().startsWith(p)) return true;
        }
        return false;
    }

    private static List<Path> paths(TrackedStage s) {
        List<Path> out = new ArrayList<>();
        for (PathItem d : s.deps()) out.add(d.abs());
        for (ParamItem p : s.params()) out.add(p.dep().abs());
        for (PathItem o : s.outs()) out.add(o.abs());
        return out;
    }
}
