package io.dvclint.template;

import io.dvclint.py.PyFormat;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What DVC's {@code ForeachDefinition} and {@code MatrixDefinition} share. A group resolves its data when it is listed
 * (before any stage is resolved), warns when its {@code item}/{@code key} hide top-level values, then generates one
 * stage per member with the member in the temporary context; an error repeated by many of its stages is reported
 * once, with a count.
 */
abstract class GroupDefinition implements DataResolver.Definition {
    /** A member before it enters the context: a context node, or a plain (literal) value. */
    record Item(CNode value, boolean node) {
    }

    final DataResolver resolver;
    final String name;
    private final Pos namePos;
    /** The definition each member's stage is resolved from. */
    private final YMap template;
    private final Context global;
    /** Errors of the group's data and syntax, reported for the group. */
    final List<Err> errs = new ArrayList<>();
    /** The context values the group's data read: every generated stage used them. */
    private final Set<UsedVar> used = new LinkedHashSet<>();
    /** The evaluation of the group's data, then of its template's syntax. */
    final Interpolator ev;
    /** The members by key, in generation order. */
    final LinkedHashMap<String, CNode> members = new LinkedHashMap<>();
    /** The names each member sets in the temporary context, in DVC's order; the group's data must have set it. */
    List<String> reserved;

    GroupDefinition(DataResolver resolver, String name, Pos namePos, YMap template, Context global, String kind) {
        this.resolver = resolver;
        this.name = name;
        this.namePos = namePos;
        this.template = template;
        this.global = global;
        this.ev = resolver.interpolator(global, false, used, errs, name);
        ev.where = "'stages." + name + "." + kind + "'";
    }

    /** Generates the stages, after DVC's syntax check of the template. */
    @Override
    public final void resolve() {
        if (!ev.checkSyntax(template, name)) {
            resolver.addStageErrs(errs);
            return;
        }
        Dedup dd = new Dedup();
        for (Map.Entry<String, CNode> m : members.entrySet()) {
            Map<String, CNode> temp = new LinkedHashMap<>(4);
            for (String r : reserved) temp.put(r, r.equals("item") ? m.getValue() : new CNode.Val(m.getKey(), null, "key"));
            EntryDefinition entry = new EntryDefinition(resolver, name + "@" + m.getKey(), name, namePos, template,
                    global.withTemp(temp, reserved));
            List<Err> stageErrs = new ArrayList<>(0);
            ResolvedStage st = entry.resolveStage(stageErrs, used);
            dd.add(stageErrs);
            if (st != null) resolver.stages.add(st);
        }
        dd.flush();
    }

    /** Warns that the reserved names hide top-level values for the generated stages. */
    void warnOverwrite(Pos pos) {
        List<String> warnFor = new ArrayList<>();
        for (String k : reserved) if (global.root.map.containsKey(k)) warnFor.add(k);
        if (warnFor.isEmpty()) return;
        String msg = String.join(" and ", warnFor) + (warnFor.size() == 1 ? " is" : " are")
                + " already specified, will be overwritten for stages generated from '" + name + "'";
        if (resolver.contextOk) resolver.add(new Err(pos, "parse", null, msg, name, true));
    }

    // ------------------------------------------------------------------------------------------------ literal data

    /** The items of a literal list; null when one failed (every item is tried, for its errors). */
    List<Item> literals(YSeq seq) {
        List<Item> items = new ArrayList<>(seq.size());
        boolean ok = true;
        for (YNode x : seq.items()) {
            Item it = literal(x, "item");
            if (it == null) ok = false;
            else items.add(it);
        }
        return ok ? items : null;
    }

    /** Resolves literal foreach/matrix data: exact references stay context nodes, the rest plain values. */
    Item literal(YNode n, String path) {
        if (n instanceof YScalar sc) {
            if (!(sc.value() instanceof String s)) return new Item(new CNode.Val(sc.value(), null, path), false);
            Object r = ev.resolveString(sc, s, null);
            if (r == Interpolator.FAIL) return null;
            if (r instanceof CNode c) return new Item(c, true);
            return new Item(new CNode.Val(r, null, path), false);
        }
        if (n instanceof YSeq seq) {
            List<CNode> items = new ArrayList<>(seq.size());
            boolean ok = true;
            int i = 0;
            for (YNode x : seq.items()) {
                Item it = literal(x, CNode.child(path, Integer.toString(i++)));
                if (it == null) ok = false;
                else items.add(it.value());
            }
            return ok ? new Item(new CNode.Lst(items, null, path), false) : null;
        }
        LinkedHashMap<String, CNode> map = new LinkedHashMap<>();
        boolean ok = true;
        for (YMap.Entry e : ((YMap) n).entries()) {
            if (!(e.key().value() instanceof String)) continue; // dropped by the context
            String k = literalKey(e.key());
            Item it = literal(e.value(), CNode.child(path, k == null ? "" : k));
            if (k == null || it == null) ok = false;
            else map.put(k, it.value());
        }
        return ok ? new Item(new CNode.Dict(map, null, path), false) : null;
    }

    /** A mapping key of literal data as DVC's {@code to_str} prints it; null when it failed. */
    String literalKey(YScalar key) {
        if (!(key.value() instanceof String s)) return PyFormat.interp(key.value());
        Object r = ev.resolveString(key, s, null);
        if (r == Interpolator.FAIL) return null;
        if (r instanceof CNode c) return c instanceof CNode.Val v ? PyFormat.str(v.value) : PyFormat.str(c.toJava());
        return (String) r;
    }

    /** Key of a scalar foreach/matrix member: {@code to_str} for plain values, {@code str()} for context nodes. */
    static String memberKey(Item it) {
        Object v = ((CNode.Val) it.value()).value;
        return it.node() ? PyFormat.str(v) : PyFormat.interp(v);
    }

    static boolean isContainer(CNode c) {
        return c instanceof CNode.Dict || c instanceof CNode.Lst;
    }

    /** Reports an error repeated by many generated stages of the group once, with a count. */
    private final class Dedup {
        final LinkedHashMap<String, Err> first = new LinkedHashMap<>();
        final Map<String, Integer> count = new HashMap<>();

        void add(List<Err> stageErrs) {
            for (Err e : stageErrs) {
                String k = e.pos() + "|" + e.body();
                first.putIfAbsent(k, e);
                Integer n = count.get(k);
                count.put(k, n == null ? 1 : n + 1);
            }
        }

        void flush() {
            if (!resolver.contextOk) return;
            for (Map.Entry<String, Err> e : first.entrySet()) {
                int n = count.get(e.getKey());
                Err err = e.getValue();
                if (n > 1) {
                    err = new Err(err.pos(), err.verb(), err.where(), err.body() + " (and in " + (n - 1)
                            + " more stage" + (n > 2 ? "s" : "") + " generated from '" + name + "')",
                            err.stage(), false);
                }
                resolver.add(err);
            }
        }
    }
}
