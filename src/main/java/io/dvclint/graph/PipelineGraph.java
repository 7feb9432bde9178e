package io.dvclint.graph;

import io.dvclint.model.DataSource;
import io.dvclint.model.Dep;
import io.dvclint.model.DvcFile;
import io.dvclint.model.MultiMaps;
import io.dvclint.model.ParamDep;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.yaml.Pos;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;

/**
 * The stage DAG of a project, built as DVC's {@code build_graph} does: every stage and {@code .dvc} data source is
 * a node (in collection order); a stage S has an edge S → T for every output of T that equals, contains or lies
 * inside one of S's dependencies (params files included), compared by path components. Edges point from the
 * dependent to its dependency, as in DVC. Output conflicts and cycles are collected as {@link GraphProblem}s
 * (all of them, where DVC stops at the first), and the graph is built regardless.
 */
public final class PipelineGraph {
    /** Why an edge exists: the dependency of the downstream stage and the output of the upstream one. */
    public record EdgeReason(String depPath, Pos depPos, String outPath) {
    }

    /**
     * One edge: {@code from} depends on {@code to}; equal only to itself (the graph holds one edge per pair). A
     * jgrapht {@link DefaultEdge}, whose ends jgrapht keeps in the edge itself: for any other edge type it keeps
     * them in a map through a lambda, whose call site costs a fresh JVM a link at start-up.
     */
    public static final class Edge extends DefaultEdge {
        private static final long serialVersionUID = 1L;
        private final transient PipelineNode from;
        private final transient PipelineNode to;

        Edge(PipelineNode from, PipelineNode to) {
            this.from = from;
            this.to = to;
        }

        public PipelineNode from() {
            return from;
        }

        public PipelineNode to() {
            return to;
        }

        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    private final List<PipelineNode> nodes = new ArrayList<>();
    private final Graph<PipelineNode, Edge> graph = new DirectedGraph<>();
    private final Map<Edge, List<EdgeReason>> reasons = new HashMap<>();
    private final List<GraphProblem> problems = new ArrayList<>();
    /** Output path (absolute, as a string with '/' separators) → owning node and output as written. */
    private final Map<String, OutOwner> outs = new HashMap<>();
    /** The same outputs ordered by path, for "everything inside this folder" range queries. */
    private final NavigableMap<String, OutOwner> outsByPath = new TreeMap<>();
    /**
     * Dependency path → outputs overlapping it (generated stages repeat the same deps many times). Filled while the
     * graph is built and later by {@link #producersOf}, which rules on two threads may call at once.
     */
    private final Map<String, List<OutOwner>> overlapMemo = new ConcurrentHashMap<>();
    /** Every output, also those left out of {@link #outs} for a conflict (first owner of a path wins). */
    private final Map<String, OutOwner> allOuts = new HashMap<>();
    private final Map<Stage, PipelineNode> byStage = new HashMap<>();

    private record OutOwner(PipelineNode node, String written, Path abs, Pos pos) {
    }

    private PipelineGraph() {
    }

    /** The graph of a project, built once and shared. */
    public static PipelineGraph build(Project project) {
        PipelineGraph g = new PipelineGraph();
        g.addNodes(project);
        g.indexOutputs();
        g.checkStagesInsideOutputs(project);
        g.addEdges();
        g.findCycles();
        return g;
    }

    private void addNodes(Project project) {
        // collection order: pipeline files in discovery order, then .dvc data sources in discovery order
        List<Object> order = new ArrayList<>();
        for (DvcFile f : project.dvcFiles()) order.addAll(f.stages());
        order.addAll(project.dataSources());
        for (Object o : order) {
            PipelineNode n = o instanceof Stage s
                    ? new PipelineNode(s.address(), nodes.size(), s, null)
                    : new PipelineNode(((DataSource) o).relPath(), nodes.size(), null, (DataSource) o);
            nodes.add(n);
            graph.addVertex(n);
            if (n.stage() != null) byStage.put(n.stage(), n);
        }
    }

    static String key(Path abs) {
        // on POSIX a backslash is part of a file name, as it is for DVC there
        String s = File.separatorChar == '/' ? abs.toString() : abs.toString().replace('\\', '/');
        return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }

    private void indexOutputs() {
        for (PipelineNode n : nodes) {
            List<Path> paths = n.outPaths();
            List<String> names = n.outNames();
            for (int i = 0; i < paths.size(); i++) {
                Path abs = paths.get(i);
                Pos pos = n.stage() != null ? n.stage().outs().get(i).pos() : Pos.START;
                Path file = n.stage() != null ? n.stage().file().path() : n.source().path();
                String k = key(abs);
                OutOwner mine = new OutOwner(n, names.get(i), abs, pos);
                allOuts.putIfAbsent(k, mine);
                OutOwner dup = outs.get(k);
                if (dup != null) {
                    String msg = dup.node() == n
                            ? "output '" + names.get(i) + "' is specified more than once in stage '" + n.label() + "'"
                            : "output '" + names.get(i) + "' is already specified in stage '" + dup.node().label()
                                    + "' (" + where(dup) + ")";
                    problems.add(new GraphProblem(GraphProblem.Kind.DUPLICATE_OUTPUT, file, pos, msg,
                            "DVC refuses the whole project (OutputDuplicationError); remove one of the two"));
                    continue;
                }
                OutOwner parent = ancestorOf(k);
                OutOwner child = parent == null ? firstDescendant(k) : null;
                if (parent != null || child != null) {
                    OutOwner other = parent != null ? parent : child;
                    String msg = parent != null
                            ? "output '" + names.get(i) + "' of stage '" + n.label() + "' lies inside output '"
                                    + parent.written() + "' of stage '" + parent.node().label() + "' (" + where(parent) + ")"
                            : "output '" + names.get(i) + "' of stage '" + n.label() + "' contains output '"
                                    + child.written() + "' of stage '" + child.node().label() + "' (" + where(child) + ")";
                    problems.add(new GraphProblem(GraphProblem.Kind.OVERLAPPING_OUTPUTS, file, pos, msg,
                            "outputs must be in separate tracked directories or tracked individually"
                                    + (other.node() == n ? "" : "; DVC refuses the whole project (OverlappingOutputPathsError)")));
                    continue;
                }
                outs.put(k, mine);
                outsByPath.put(k, mine);
            }
        }
    }

    private String where(OutOwner o) {
        String f = o.node().stage() != null ? o.node().stage().file().relPath() : o.node().source().relPath();
        return f + ":" + o.pos().line() + ":" + o.pos().col();
    }

    /** The output equal to or containing the path, if any (nearest first). */
    private OutOwner ancestorOf(String k) {
        for (String p = k; p != null; p = parentKey(p)) {
            OutOwner o = outs.get(p);
            if (o != null) return o;
        }
        return null;
    }

    private static String parentKey(String k) {
        int i = k.lastIndexOf('/');
        return i <= 0 ? null : k.substring(0, i);
    }

    private OutOwner firstDescendant(String k) {
        Map.Entry<String, OutOwner> e = outsByPath.ceilingEntry(k + "/");
        return e != null && e.getKey().startsWith(k + "/") ? e.getValue() : null;
    }

    private List<OutOwner> overlapping(String k) {
        List<OutOwner> res = overlapMemo.get(k);
        if (res == null) {
            res = computeOverlapping(k);
            List<OutOwner> first = overlapMemo.putIfAbsent(k, res);
            if (first != null) res = first;
        }
        return res;
    }

    private List<OutOwner> computeOverlapping(String k) {
        List<OutOwner> res = new ArrayList<>();
        for (String p = k; p != null; p = parentKey(p)) {
            OutOwner o = outs.get(p);
            if (o != null) res.add(o);
        }
        for (OutOwner o : outsByPath.subMap(k + "/", true, k + "/\uffff", true).values()) res.add(o);
        return res;
    }

    private void checkStagesInsideOutputs(Project project) {
        Map<Path, Optional<OutOwner>> byFile = new HashMap<>();
        for (PipelineNode n : nodes) {
            Path file = n.stage() != null ? n.stage().file().path() : n.source().path();
            Optional<OutOwner> owner = byFile.get(file);
            if (owner == null) {
                OutOwner found = null;
                for (String p = key(file); p != null && found == null; p = parentKey(p)) found = allOuts.get(p);
                owner = Optional.ofNullable(found);
                byFile.put(file, owner);
            }
            OutOwner o = owner.orElse(null);
            if (o != null && o.node() != n) {
                Pos pos = n.stage() != null ? n.stage().pos() : Pos.START;
                problems.add(new GraphProblem(GraphProblem.Kind.STAGE_INSIDE_OUTPUT, file, pos,
                        "stage '" + n.label() + "' is within output '" + o.written() + "' of stage '"
                                + o.node().label() + "' (" + where(o) + ")",
                        "DVC does not load pipeline files inside another stage's output directory, and "
                                + "'dvc repro' of that stage deletes the folder first"));
            }
        }
    }

    private void addEdges() {
        for (PipelineNode n : nodes) {
            Stage s = n.stage();
            if (s == null) continue;
            List<Object[]> deps = new ArrayList<>();
            for (Dep d : s.deps()) deps.add(new Object[] {d.path(), d.abs(), d.pos()});
            for (ParamDep p : s.params()) deps.add(new Object[] {p.file(), p.abs(), p.pos()});
            for (Object[] d : deps) {
                for (OutOwner o : overlapping(key((Path) d[1]))) {
                    Edge e = graph.getEdge(n, o.node());
                    if (e == null) {
                        e = new Edge(n, o.node());
                        graph.addEdge(n, o.node(), e);
                    }
                    MultiMaps.listAt(reasons, e).add(new EdgeReason((String) d[0], (Pos) d[2], o.written()));
                }
            }
        }
    }

    private void findCycles() {
        boolean any = false;
        for (PipelineNode n : nodes) {
            if (graph.containsEdge(n, n)) {
                any = true;
                EdgeReason r = reasons.get(graph.getEdge(n, n)).get(0);
                problems.add(new GraphProblem(GraphProblem.Kind.CYCLE, n.stage().file().path(), r.depPos(),
                        "stage '" + n.label() + "' depends on its own output: dep '" + r.depPath() + "' -> out '"
                                + r.outPath() + "'", "a stage cannot read what it writes; DVC refuses the pipeline"));
            }
        }
        if (!any && (graph.edgeSet().size() < 2 || acyclic())) return;
        for (Set<PipelineNode> scc : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            if (scc.size() < 2) continue;
            List<PipelineNode> members = new ArrayList<>(scc);
            members.sort((a, b) -> Integer.compare(a.index(), b.index()));
            List<PipelineNode> cycle = shortestCycle(members.get(0), scc);
            // "a -> b" reads "a depends on b"; report at the dependency that closes the cycle
            StringBuilder chain = new StringBuilder();
            StringBuilder why = new StringBuilder();
            for (int i = 0; i < cycle.size(); i++) {
                PipelineNode x = cycle.get(i), y = cycle.get((i + 1) % cycle.size());
                EdgeReason r = reasons.get(graph.getEdge(x, y)).get(0);
                chain.append(x.label()).append(" -> ");
                why.append(i == 0 ? "" : "; ").append(x.label()).append(" needs '").append(r.depPath())
                        .append("' from ").append(y.label());
            }
            chain.append(cycle.get(0).label());
            PipelineNode last = cycle.get(cycle.size() - 1);
            EdgeReason closing = reasons.get(graph.getEdge(last, cycle.get(0))).get(0);
            problems.add(new GraphProblem(GraphProblem.Kind.CYCLE, last.stage().file().path(), closing.depPos(),
                    "cycle: " + chain + " (" + why + ")",
                    "a stage cannot depend, even indirectly, on its own output; DVC refuses a cyclic pipeline"));
        }
    }

    /**
     * Whether the graph has no cycle (Kahn's algorithm: every node can be taken once all it points to are taken).
     * The usual answer, and cheaper to get than the strongly connected sets, which are computed only for a cycle.
     */
    private boolean acyclic() {
        Map<PipelineNode, Integer> pending = new HashMap<>();
        Deque<PipelineNode> ready = new ArrayDeque<>();
        for (PipelineNode n : graph.vertexSet()) {
            int in = graph.inDegreeOf(n);
            pending.put(n, in);
            if (in == 0) ready.add(n);
        }
        int taken = 0;
        while (!ready.isEmpty()) {
            PipelineNode n = ready.poll();
            taken++;
            for (Edge e : graph.outgoingEdgesOf(n)) {
                int left = pending.get(e.to()) - 1;
                pending.put(e.to(), left);
                if (left == 0) ready.add(e.to());
            }
        }
        return taken == graph.vertexSet().size();
    }

    /** The shortest cycle through {@code start} inside a strongly connected set, following dependency edges. */
    private List<PipelineNode> shortestCycle(PipelineNode start, Set<PipelineNode> scc) {
        Map<PipelineNode, PipelineNode> prev = new LinkedHashMap<>();
        Deque<PipelineNode> queue = new ArrayDeque<>();
        queue.add(start);
        prev.put(start, null);
        PipelineNode closing = null;
        while (!queue.isEmpty() && closing == null) {
            PipelineNode a = queue.poll();
            List<PipelineNode> next = new ArrayList<>();
            for (Edge e : graph.outgoingEdgesOf(a)) next.add(e.to());
            next.sort((x, y) -> Integer.compare(x.index(), y.index()));
            for (PipelineNode b : next) {
                if (!scc.contains(b)) continue;
                if (b == start) {
                    closing = a;
                    break;
                }
                if (!prev.containsKey(b)) {
                    prev.put(b, a);
                    queue.add(b);
                }
            }
        }
        List<PipelineNode> cycle = new ArrayList<>();
        for (PipelineNode x = closing; x != null; x = prev.get(x)) cycle.add(0, x);
        return cycle;
    }

    public List<PipelineNode> nodes() {
        return nodes;
    }

    public Graph<PipelineNode, Edge> graph() {
        return graph;
    }

    public List<GraphProblem> problems() {
        return problems;
    }

    public PipelineNode node(Stage s) {
        return byStage.get(s);
    }

    public List<EdgeReason> reasons(Edge e) {
        return reasons.getOrDefault(e, List.of());
    }

    /** Nodes the given node depends on directly (upstream). */
    public List<PipelineNode> upstream(PipelineNode n) {
        List<PipelineNode> r = new ArrayList<>();
        for (Edge e : graph.outgoingEdgesOf(n)) r.add(e.to());
        return r;
    }

    /** Weakly connected components, ordered by their first node in collection order. */
    public List<Set<PipelineNode>> components() {
        List<Set<PipelineNode>> comps = new ArrayList<>(new ConnectivityInspector<>(graph).connectedSets());
        List<Set<PipelineNode>> ordered = new ArrayList<>();
        Set<PipelineNode> seen = new LinkedHashSet<>();
        for (PipelineNode n : nodes) {
            if (seen.contains(n)) continue;
            for (Set<PipelineNode> c : comps) {
                if (c.contains(n)) {
                    ordered.add(c);
                    seen.addAll(c);
                    break;
                }
            }
        }
        return ordered;
    }

    /** The output (as owned by a node) at exactly this absolute path, if any. */
    public PipelineNode ownerOf(Path abs) {
        OutOwner o = outs.get(key(abs));
        return o == null ? null : o.node();
    }

    /** The node owning an output equal to, containing, or inside this path. */
    public List<PipelineNode> producersOf(Path abs) {
        List<PipelineNode> r = new ArrayList<>();
        for (OutOwner o : overlapping(key(abs))) if (!r.contains(o.node())) r.add(o.node());
        return r;
    }
}
