package io.dvclint.yaml;

import io.dvclint.py.PyEq;
import io.dvclint.py.PyFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mapping. Entries keep their source order; keys are scalar nodes (non-scalar keys are rejected by the loader). */
public final class YMap implements YNode {
    /** One key/value pair. */
    public record Entry(YScalar key, YNode value) {
        /** The key as text, as Python's {@code str()} would print a scalar key. */
        public String name() {
            return keyText(key);
        }
    }

    private final List<Entry> entries;
    private final Pos pos;
    private Pos end;
    private final boolean flow;

    public YMap(List<Entry> entries, Pos pos, Pos end, boolean flow) {
        this.entries = entries;
        this.pos = pos;
        this.end = end;
        this.flow = flow;
    }

    public static String keyText(YScalar key) {
        Object v = key.value();
        if (v instanceof String s) return s;
        return PyFormat.str(v);
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public int size() {
        return entries.size();
    }

    public boolean isFlow() {
        return flow;
    }

    /** The entry whose key is the string {@code key}, or null. */
    public Entry entry(String key) {
        for (Entry e : entries) {
            if (e.key().value() instanceof String s && s.equals(key)) return e;
        }
        return null;
    }

    public YNode get(String key) {
        Entry e = entry(key);
        return e == null ? null : e.value();
    }

    public boolean has(String key) {
        return entry(key) != null;
    }

    void add(Entry e) {
        entries.add(e);
    }

    void setEnd(Pos end) {
        this.end = end;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    @Override
    public Pos end() {
        return end;
    }

    /** Java value; non-string keys are converted to their text, as DVC's context does for lookups. */
    @Override
    public Object toJava() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : entries) out.put(e.name(), e.value().toJava());
        return out;
    }

    /** Java value keeping only string keys (DVC's templating context drops the others). */
    public Map<String, Object> toJavaStringKeys() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.key().value() instanceof String s) {
                YNode v = e.value();
                out.put(s, v instanceof YMap m ? m.toJavaStringKeys() : v.toJava());
            }
        }
        return out;
    }

    /** A new block mapping holding {@code entries} (copied), for trees built outside the loader. */
    public static YMap of(List<Entry> entries, Pos pos, Pos end) {
        return new YMap(new ArrayList<>(entries), pos, end, false);
    }

    /** A new mapping laid out like {@code like} (same positions and flow style), holding other entries. */
    public static YMap like(YMap like, List<Entry> entries) {
        return new YMap(new ArrayList<>(entries), like.pos, like.end, like.flow);
    }

    public static YMap empty(Pos pos) {
        return new YMap(new ArrayList<>(), pos, pos, false);
    }

    /**
     * A loaded document as DVC takes it, {@code load(text) or {}}: an absent root or one Python finds false
     * ({@code ~}, {@code false}, {@code 0}, {@code ""}, {@code []}) stands for an empty mapping; any other root is
     * returned as it is (a non-empty list or a scalar stays one, for the caller to refuse).
     */
    public static YNode orEmpty(YNode root) {
        if (root == null) return empty(Pos.START);
        boolean falsy = root instanceof YScalar s ? !PyEq.truthy(s.value())
                : root instanceof YSeq q && q.size() == 0;
        return falsy ? empty(root.pos()) : root;
    }

    @Override
    public String typeName() {
        return "dict";
    }
}
