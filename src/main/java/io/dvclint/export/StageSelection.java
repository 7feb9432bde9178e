package io.dvclint.export;

import io.dvclint.graph.PipelineGraph;
import io.dvclint.graph.PipelineNode;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which stages an export runs: every stage of the project; or, given targets, the targets and everything upstream
 * of them, as {@code dvc repro TARGET} would consider (not through a frozen stage, whose upstream DVC does not
 * reproduce); and with {@code --changed-only}, of those only the stages a
 * dry run of {@code repro} would run and everything downstream of them. The set is closed both ways, so the
 * dependencies between the selected stages are exactly the graph's edges between them.
 */
public final class StageSelection {
    private StageSelection() {
    }

    /**
     * The stages a target names, read as {@code dvclint dag TARGET} reads it: a stage name or a foreach/matrix
     * group of the root dvc.yaml, {@code path/dvc.yaml:name}, or a {@code dvc.yaml} path (all its stages).
     *
     * @throws IllegalArgumentException when it names no stage
     */
    public static List<Stage> matching(Project project, Path cwd, String target) {
        String file = null, name = target;
        int colon = target.lastIndexOf(':');
        if (colon >= 0) {
            file = target.substring(0, colon);
            name = target.substring(colon + 1);
        } else if (target.endsWith("dvc.yaml")) {
            file = target;
            name = null;
        }
        Path path = file == null || file.isEmpty() ? project.root().resolve("dvc.yaml") : cwd.resolve(file).normalize();
        List<Stage> found = new ArrayList<>();
        for (Stage s : project.stages()) {
            if (!s.file().path().equals(path)) continue;
            if (name == null || s.name().equals(name) || name.equals(s.group())) found.add(s);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("'" + target + "' does not exist as a stage name in '"
                    + PathNames.posix(cwd.relativize(path)) + "'");
        }
        return found;
    }

    /**
     * The stages to export, in collection order.
     *
     * @param targets  the stages named on the command line, or empty for all
     * @param wouldRun addresses of the stages that would run ({@link ChangedStages}), or null for no such limit
     */
    public static List<Stage> select(PipelineGraph graph, Collection<Stage> targets, Set<String> wouldRun) {
        Set<PipelineNode> keep = new HashSet<>();
        if (targets.isEmpty()) {
            keep.addAll(graph.nodes());
        } else {
            Deque<PipelineNode> todo = new ArrayDeque<>();
            for (Stage s : targets) todo.add(graph.node(s));
            while (!todo.isEmpty()) {
                PipelineNode n = todo.poll();
                if (keep.add(n) && (n.stage() == null || !n.stage().frozen())) todo.addAll(graph.upstream(n));
            }
        }
        if (wouldRun != null) {
            Set<PipelineNode> changed = new HashSet<>();
            Deque<PipelineNode> todo = new ArrayDeque<>();
            for (PipelineNode n : graph.nodes()) if (n.stage() != null && wouldRun.contains(n.label())) todo.add(n);
            while (!todo.isEmpty()) {
                PipelineNode n = todo.poll();
                if (!changed.add(n)) continue;
                for (PipelineGraph.Edge e : graph.graph().incomingEdgesOf(n)) todo.add(e.from());
            }
            keep.retainAll(changed);
        }
        List<Stage> out = new ArrayList<>();
        for (PipelineNode n : graph.nodes()) if (n.stage() != null && keep.contains(n)) out.add(n.stage());
        return out;
    }
}
