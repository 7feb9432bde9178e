package io.dvclint.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sequence of nodes. */
public final class YSeq implements YNode {
    private final List<YNode> items;
    private final Pos pos;
    private Pos end;
    private final boolean flow;

    public YSeq(List<YNode> items, Pos pos, Pos end, boolean flow) {
        this.items = items;
        this.pos = pos;
        this.end = end;
        this.flow = flow;
    }

    /** A new block sequence holding {@code items} (copied), for trees built outside the loader. */
    public static YSeq of(List<YNode> items, Pos pos, Pos end) {
        return new YSeq(new ArrayList<>(items), pos, end, false);
    }

    /** A new sequence laid out like {@code like} (same positions and flow style), holding other items. */
    public static YSeq like(YSeq like, List<YNode> items) {
        return new YSeq(new ArrayList<>(items), like.pos, like.end, like.flow);
    }

    public List<YNode> items() {
        return Collections.unmodifiableList(items);
    }

    public int size() {
        return items.size();
    }

    public YNode get(int i) {
        return items.get(i);
    }

    public boolean isFlow() {
        return flow;
    }

    void add(YNode n) {
        items.add(n);
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

    @Override
    public Object toJava() {
        List<Object> out = new ArrayList<>(items.size());
        for (YNode n : items) out.add(n.toJava());
        return out;
    }

    @Override
    public String typeName() {
        return "list";
    }
}
