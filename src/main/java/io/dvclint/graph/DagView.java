package io.dvclint.graph;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A plain labelled directed graph as {@code dvc dag} prints it: nodes in collection order, edges
 * {@code [dependent, dependency]}. Built from a {@link PipelineGraph} (stages) or from its outputs ({@code --outs}),
 * then optionally filtered to a target as {@code dvc/commands/dag.py:_filter} does.
 */
public final class DagView {
    private final Map<String, Integer> order = new LinkedHashMap<>();
    private final Set<List<String>> edges = new LinkedHashSet<>();
    /** Extra per-edge details (paths) for the JSON format; keyed by edge. */
    final Map<List<String>, List<PipelineGraph.EdgeReason>> reasons = new LinkedHashMap<>();
    final Map<String, PipelineNode> nodeInfo = new LinkedHashMap<>();

    public void addNode(String label) {
        order.putIfAbsent(label, order.size());
    }

    public void addEdge(String dependent, String dependency) {
        addNode(dependent);
        addNode(dependency);
        edges.add(List.of(dependent, dependency));
    }

    public List<String> nodes() {
        return new ArrayList<>(order.keySet());
    }

    public Set<List<String>> edges() {
        return edges;
    }

    public static DagView ofStages(PipelineGraph g) {
        DagView v = new DagView();
        for (PipelineNode n : g.nodes()) {
            v.addNode(n.label());
            v.nodeInfo.put(n.label(), n);
        }
        for (PipelineNode n : g.nodes()) {
            for (PipelineGraph.Edge e : g.graph().outgoingEdgesOf(n)) {
                v.addEdge(n.label(), e.to().label());
                v.reasons.put(List.of(n.label(), e.to().label()), g.reasons(e));
            }
        }
        return v;
    }

    /** The outputs graph: every output is a node; each output of a stage links to the outputs its deps use. */
    public static DagView ofOutputs(PipelineGraph g, Function<Path, String> label) {
        DagView v = new DagView();
        for (PipelineNode n : g.nodes()) for (var p : n.outPaths()) v.addNode(label.apply(p));
        for (PipelineNode n : g.nodes()) {
            if (n.stage() == null) continue;
            List<Path> deps = new ArrayList<>();
            n.stage().deps().forEach(d -> deps.add(d.abs()));
            n.stage().params().forEach(p -> deps.add(p.abs()));
            for (var dep : deps) {
                for (PipelineNode up : g.producersOf(dep)) {
                    for (var upOut : up.outPaths()) {
                        String k = PipelineGraph.key(upOut), d = PipelineGraph.key(dep);
                        boolean overlaps = k.equals(d) || k.startsWith(d + "/") || d.startsWith(k + "/");
                        if (!overlaps) continue;
                        for (var from : n.outPaths()) v.addEdge(label.apply(from), label.apply(upOut));
                    }
                }
            }
        }
        return v;
    }

    /** Keeps the targets and (unless {@code full}) only their upstream, then only the parts connected to them. */
    public DagView filter(Collection<String> targets, boolean full) {
        if (targets.isEmpty()) return this;
        Set<String> keep = new LinkedHashSet<>(order.keySet());
        if (!full) {
            Set<String> up = new LinkedHashSet<>();
            for (String t : targets) collectUpstream(t, up);
            keep.retainAll(up);
        }
        Set<String> connected = new LinkedHashSet<>();
        for (String t : targets) collectConnected(t, keep, connected);
        DagView v = new DagView();
        for (String n : order.keySet()) {
            if (connected.contains(n)) {
                v.addNode(n);
                if (nodeInfo.containsKey(n)) v.nodeInfo.put(n, nodeInfo.get(n));
            }
        }
        for (List<String> e : edges) {
            if (connected.contains(e.get(0)) && connected.contains(e.get(1))) {
                v.addEdge(e.get(0), e.get(1));
                if (reasons.containsKey(e)) v.reasons.put(e, reasons.get(e));
            }
        }
        return v;
    }

    private void collectUpstream(String t, Set<String> acc) {
        if (!acc.add(t)) return;
        for (List<String> e : edges) if (e.get(0).equals(t)) collectUpstream(e.get(1), acc);
    }

    private void collectConnected(String t, Set<String> within, Set<String> acc) {
        if (!within.contains(t) || !acc.add(t)) return;
        for (List<String> e : edges) {
            if (e.get(0).equals(t)) collectConnected(e.get(1), within, acc);
            if (e.get(1).equals(t)) collectConnected(e.get(0), within, acc);
        }
    }

    /** Weakly connected components, ordered by their first node. */
    public List<List<String>> components() {
        Map<String, List<String>> adj = new LinkedHashMap<>();
        for (String n : order.keySet()) adj.put(n, new ArrayList<>());
        for (List<String> e : edges) {
            adj.get(e.get(0)).add(e.get(1));
            adj.get(e.get(1)).add(e.get(0));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<List<String>> comps = new ArrayList<>();
        for (String n : order.keySet()) {
            if (seen.contains(n)) continue;
            List<String> comp = new ArrayList<>();
            ArrayDeque<String> stack = new ArrayDeque<>();
            stack.push(n);
            seen.add(n);
            while (!stack.isEmpty()) {
                String x = stack.pop();
                comp.add(x);
                for (String y : adj.get(x)) if (seen.add(y)) stack.push(y);
            }
            comps.add(comp);
        }
        return comps;
    }
}
