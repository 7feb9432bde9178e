package io.dvclint.exec.plan;

import io.dvclint.graph.PipelineGraph;
import io.dvclint.graph.PipelineNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which {@code repro} visits stages, as DVC's {@code plan_repro} derives it: a depth-first post-order
 * over the stage graph (each stage after the stages it depends on, upstream stages visited in the order of the
 * stage's deps, then params), restricted to the targets and their upstream, or their downstream, or their whole
 * pipelines. A frozen stage's edges to its upstream are left out ({@code get_active_graph}): its upstream is not
 * reproduced through it.
 */
public final class Planner {
    /** How the stages to run are chosen from the targets. */
    public enum Scope {
        /** The targets and everything upstream of them (the default). */
        UPSTREAM,
        /** Only the targets themselves ({@code -s}). */
        SINGLE,
        /** The targets and everything that depends on them ({@code --downstream}). */
        DOWNSTREAM,
        /** The whole pipelines (weakly connected parts) holding the targets ({@code -p}). */
        PIPELINE,
        /** Every stage of the project ({@code -P}). */
        ALL
    }

    private final PipelineGraph graph;

    public Planner(PipelineGraph graph) {
        this.graph = graph;
    }

    /** The stages to visit, in order. */
    public List<PipelineNode> plan(List<PipelineNode> targets, Scope scope) {
        switch (scope) {
            case SINGLE:
                return new ArrayList<>(new LinkedHashSet<>(targets));
            case ALL:
                return postorder(graph.nodes(), null);
            case PIPELINE: {
                Set<PipelineNode> keep = new HashSet<>();
                for (Set<PipelineNode> c : graph.components()) {
                    for (PipelineNode t : targets) if (c.contains(t)) keep.addAll(c);
                }
                return postorder(inGraphOrder(keep), keep);
            }
            default: {
                Set<PipelineNode> keep = new HashSet<>();
                for (PipelineNode t : targets) keep.addAll(postorder(List.of(t), null, scope == Scope.DOWNSTREAM));
                return postorder(inGraphOrder(keep), keep);
            }
        }
    }

    /** The stages upstream of a node (it depends on them), in the active graph: none for a frozen stage. */
    public List<PipelineNode> upstream(PipelineNode n) {
        if (n.stage() != null && n.stage().frozen()) return List.of();
        List<PipelineNode> out = new ArrayList<>();
        for (PipelineGraph.Edge e : graph.graph().outgoingEdgesOf(n)) out.add(e.to());
        return out;
    }

    /** The stages that depend on a node directly, in the active graph. */
    public List<PipelineNode> downstream(PipelineNode n) {
        List<PipelineNode> out = new ArrayList<>();
        for (PipelineGraph.Edge e : graph.graph().incomingEdgesOf(n)) {
            if (e.from().stage() == null || !e.from().stage().frozen()) out.add(e.from());
        }
        return out;
    }

    /** Everything that depends on a node, directly or through others (what a failure of it skips). */
    public Set<PipelineNode> dependents(PipelineNode n) {
        Set<PipelineNode> out = new LinkedHashSet<>(postorder(List.of(n), null, true));
        out.remove(n);
        return out;
    }

    private List<PipelineNode> inGraphOrder(Set<PipelineNode> keep) {
        List<PipelineNode> out = new ArrayList<>();
        for (PipelineNode n : graph.nodes()) if (keep.contains(n)) out.add(n);
        return out;
    }

    private List<PipelineNode> postorder(List<PipelineNode> roots, Set<PipelineNode> within) {
        return postorder(roots, within, false);
    }

    /**
     * networkx's {@code dfs_postorder_nodes} from each root in turn (over upstream edges, or downstream ones when
     * {@code reverse}), staying inside {@code within} when it is not null. Iterative: a long chain of stages must
     * not exhaust the stack.
     */
    private List<PipelineNode> postorder(List<PipelineNode> roots, Set<PipelineNode> within, boolean reverse) {
        List<PipelineNode> out = new ArrayList<>();
        Set<PipelineNode> visited = new HashSet<>();
        Deque<PipelineNode> nodes = new ArrayDeque<>();
        Deque<Iterator<PipelineNode>> next = new ArrayDeque<>();
        for (PipelineNode root : roots) {
            if (!visited.add(root)) continue;
            nodes.push(root);
            next.push(neighbours(root, reverse).iterator());
            while (!nodes.isEmpty()) {
                Iterator<PipelineNode> it = next.peek();
                PipelineNode child = null;
                while (it.hasNext()) {
                    PipelineNode c = it.next();
                    if ((within == null || within.contains(c)) && visited.add(c)) {
                        child = c;
                        break;
                    }
                }
                if (child != null) {
                    nodes.push(child);
                    next.push(neighbours(child, reverse).iterator());
                } else {
                    out.add(nodes.pop());
                    next.pop();
                }
            }
        }
        return out;
    }

    private List<PipelineNode> neighbours(PipelineNode n, boolean reverse) {
        return reverse ? downstream(n) : upstream(n);
    }
}
