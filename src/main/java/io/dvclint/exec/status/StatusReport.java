package io.dvclint.exec.status;

import io.dvclint.exec.stage.TrackedStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of some stages in the shapes {@code dvc status} prints: a mapping of stage addresses to lists of
 * {@code {"changed deps": {...}}}, {@code {"changed outs": {...}}}, {@code "always changed"} and
 * {@code "changed command"}, as JSON or as DVC's indented text.
 */
public final class StatusReport {
    private static final int STATE_WIDTH = 20;

    private final Map<TrackedStage, List<Change>> changes = new LinkedHashMap<>();

    public void add(TrackedStage stage, List<Change> stageChanges) {
        if (!stageChanges.isEmpty()) changes.put(stage, stageChanges);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public Map<TrackedStage, List<Change>> changes() {
        return changes;
    }

    /** The report as DVC's plain values (what {@code status --json} prints). */
    public Map<String, Object> toDvc() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<TrackedStage, List<Change>> e : changes.entrySet()) {
            out.put(e.getKey().address(), toDvc(e.getValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Object> toDvc(List<Change> cs) {
        Map<String, Object> deps = new LinkedHashMap<>();
        Map<String, Object> outs = new LinkedHashMap<>();
        List<Object> tail = new ArrayList<>();
        for (Change c : cs) {
            switch (c.kind()) {
                case DEP, PARAMS_FILE -> deps.put(c.path(), c.state());
                case PARAM -> {
                    Object m = deps.get(c.path());
                    if (!(m instanceof Map)) {
                        m = new LinkedHashMap<String, Object>();
                        deps.put(c.path(), m);
                    }
                    ((Map<String, Object>) m).put(c.key(), c.state());
                }
                case OUT -> outs.put(c.path(), c.state());
                default -> tail.add(c.state());
            }
        }
        List<Object> out = new ArrayList<>();
        if (!deps.isEmpty()) out.add(Map.of("changed deps", deps));
        if (!outs.isEmpty()) out.add(Map.of("changed outs", outs));
        out.addAll(tail);
        return out;
    }

    /** DVC's text rendering ({@code CmdDataStatus._show}), one line per entry, tab-indented. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        show(toDvc(), 0, sb);
        return sb.toString();
    }

    private static void show(Object status, int indent, StringBuilder sb) {
        String ind = "\t".repeat(indent);
        if (status instanceof String s) {
            sb.append(ind).append(s).append('\n');
        } else if (status instanceof List<?> l) {
            for (Object o : l) show(o, indent, sb);
        } else if (status instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() instanceof String v) {
                    String label = v + ":";
                    sb.append(ind).append(label).append(" ".repeat(Math.max(0, STATE_WIDTH - label.length())))
                            .append(e.getKey()).append('\n');
                } else if (e.getValue() != null) {
                    sb.append(ind).append(e.getKey()).append(":\n");
                    show(e.getValue(), indent + 1, sb);
                }
            }
        }
    }
}
