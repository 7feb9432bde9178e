package io.dvclint.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a {@link DagView} as {@code dvc dag} does: mermaid, markdown, dot, ascii, or JSON for tools. */
public final class DagFormat {
    private DagFormat() {
    }

    /** Python's string order: by code point (Java's compareTo orders by UTF-16 unit). */
    public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i), y = b.codePointAt(j);
            if (x != y) return Integer.compare(x, y);
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** Byte-identical to {@code dvc dag --mermaid}. */
    public static String mermaid(DagView v) {
        StringBuilder sb = new StringBuilder("flowchart TD");
        int total = 0;
        for (List<String> comp : v.components()) {
            List<String> nodes = new ArrayList<>(comp);
            nodes.sort(CODE_POINT_ORDER);
            Map<String, String> ids = new HashMap<>();
            for (String n : nodes) {
                total++;
                ids.put(n, "node" + total);
                sb.append("\n\tnode").append(total).append("[\"").append(n).append("\"]");
            }
            List<String[]> edges = new ArrayList<>();
            for (List<String> e : v.edges()) {
                if (ids.containsKey(e.get(0))) edges.add(new String[] {e.get(1), e.get(0)});
            }
            edges.sort((x, y) -> {
                int c = CODE_POINT_ORDER.compare(x[0], y[0]);
                return c != 0 ? c : CODE_POINT_ORDER.compare(x[1], y[1]);
            });
            for (String[] e : edges) sb.append("\n\t").append(ids.get(e[0])).append("-->").append(ids.get(e[1]));
        }
        return sb.toString();
    }

    public static String markdown(DagView v) {
        return "```mermaid\n" + mermaid(v) + "\n```";
    }

    /** Graphviz dot of the reversed graph (upstream → downstream), lines in a deterministic order. */
    public static String dot(DagView v) {
        StringBuilder sb = new StringBuilder("strict digraph {\n");
        for (String n : v.nodes()) sb.append(quote(n)).append(";\n");
        List<String[]> edges = new ArrayList<>();
        for (List<String> e : v.edges()) edges.add(new String[] {e.get(1), e.get(0)});
        edges.sort((x, y) -> {
            int c = Integer.compare(v.nodes().indexOf(x[0]), v.nodes().indexOf(y[0]));
            return c != 0 ? c : Integer.compare(v.nodes().indexOf(x[1]), v.nodes().indexOf(y[1]));
        });
        for (String[] e : edges) sb.append(quote(e[0])).append(" -> ").append(quote(e[1])).append(";\n");
        return sb.append("}\n").toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A readable text drawing: per connected pipeline, stages in layers (upstream on top), each stage in a box,
     * with the stages it feeds listed under it.
     */
    public static String ascii(DagView v) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (List<String> comp : v.components()) {
            if (!first) sb.append('\n');
            first = false;
            Map<String, Integer> layer = new HashMap<>();
            for (String n : comp) layerOf(n, v, layer, new HashSet<>());
            int max = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (int l = 0; l <= max; l++) {
                List<String> row = new ArrayList<>();
                for (String n : comp) if (layer.get(n) == l) row.add(n);
                row.sort(CODE_POINT_ORDER);
                StringBuilder top = new StringBuilder(), mid = new StringBuilder();
                for (String n : row) {
                    String bar = "+" + "-".repeat(n.length() + 2) + "+";
                    top.append(bar).append("  ");
                    mid.append("| ").append(n).append(" |  ");
                }
                sb.append(top.toString().stripTrailing()).append('\n');
                sb.append(mid.toString().stripTrailing()).append('\n');
                sb.append(top.toString().stripTrailing()).append('\n');
                List<String> arrows = new ArrayList<>();
                for (String n : row) {
                    List<String> down = new ArrayList<>();
                    for (List<String> e : v.edges()) if (e.get(1).equals(n)) down.add(e.get(0));
                    down.sort(CODE_POINT_ORDER);
                    if (!down.isEmpty()) arrows.add("  " + n + " --> " + String.join(", ", down));
                }
                if (l < max) {
                    for (String a : arrows) sb.append(a).append('\n');
                    sb.append("        |\n        v\n");
                }
            }
        }
        return sb.toString();
    }

    private static int layerOf(String n, DagView v, Map<String, Integer> memo, Set<String> onPath) {
        Integer m = memo.get(n);
        if (m != null) return m;
        if (!onPath.add(n)) return 0; // cycle: break it
        int l = 0;
        for (List<String> e : v.edges()) {
            if (e.get(0).equals(n) && !e.get(1).equals(n)) l = Math.max(l, layerOf(e.get(1), v, memo, onPath) + 1);
        }
        onPath.remove(n);
        memo.put(n, l);
        return l;
    }
}
