package io.dvclint.template;

import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * DVC's {@code MatrixDefinition}: named axes whose product generates {@code <name>@<key>} stages from the rest of the
 * definition, with {@code key} and {@code item} (the member's value on each axis) in the context.
 */
final class MatrixDefinition extends GroupDefinition {
    private MatrixDefinition(DataResolver resolver, String name, Pos namePos, YMap template, Context global) {
        super(resolver, name, namePos, template, global, "matrix");
    }

    /** The group with its data resolved; null when it generates nothing (its errors, if any, reported). */
    static MatrixDefinition of(DataResolver resolver, String name, Pos namePos, YMap def, Context global) {
        YMap.Entry me = def.entry("matrix");
        if (!(me.value() instanceof YMap axes)) return null;
        List<YMap.Entry> tpl = new ArrayList<>();
        for (YMap.Entry e : def.entries()) if (e != me) tpl.add(e);
        YMap template = YMap.of(tpl, def.pos(), def.end());
        MatrixDefinition d = new MatrixDefinition(resolver, name, namePos, template, global);
        return d.resolveData(me.key().pos(), axes) ? d : null;
    }

    private boolean resolveData(Pos keyPos, YMap axes) {
        List<String> names = new ArrayList<>();
        List<List<Item>> values = new ArrayList<>();
        boolean ok = true;
        for (YMap.Entry e : axes.entries()) {
            String axis = literalKey(e.key());
            List<Item> items = axisItems(e.value(), axis);
            if (axis == null || items == null) {
                ok = false;
                continue;
            }
            int at = names.indexOf(axis);
            if (at >= 0) {
                values.set(at, items);
            } else {
                names.add(axis);
                values.add(items);
            }
        }
        if (!ok) {
            resolver.addStageErrs(errs);
            return false;
        }
        reserved = List.of("key", "item");
        warnOverwrite(keyPos);

        int axesN = names.size();
        for (List<Item> v : values) if (v.isEmpty()) axesN = -1;
        if (axesN >= 0) {
            int[] idx = new int[axesN];
            while (true) {
                LinkedHashMap<String, CNode> d = new LinkedHashMap<>();
                StringBuilder key = new StringBuilder();
                for (int a = 0; a < axesN; a++) {
                    Item it = values.get(a).get(idx[a]);
                    d.put(names.get(a), it.value());
                    if (a > 0) key.append('-');
                    if (isContainer(it.value())) key.append(names.get(a)).append(idx[a]);
                    else key.append(memberKey(it));
                }
                members.put(key.toString(), new CNode.Dict(d, null, "item"));
                int a = axesN - 1;
                while (a >= 0 && ++idx[a] == values.get(a).size()) idx[a--] = 0;
                if (a < 0) break;
            }
        }
        return !members.isEmpty();
    }

    /** The values of one matrix axis, as Python's {@code enumerate} walks the resolved data; null when it failed. */
    private List<Item> axisItems(YNode v, String axis) {
        if (v instanceof YSeq seq) return literals(seq);
        List<Item> items = new ArrayList<>();
        Object r;
        if (v instanceof YScalar sc && sc.value() instanceof String s) {
            r = ev.resolveString(sc, s, null);
            if (r == Interpolator.FAIL) return null;
        } else if (v instanceof YMap m) {
            Item it = literal(m, "item");
            if (it == null) return null;
            r = it.value();
        } else {
            r = new CNode.Val(((YScalar) v).value(), null, "");
        }
        if (r instanceof CNode.Lst l) {
            for (CNode c : l.items) items.add(new Item(c, true));
        } else if (r instanceof CNode.Dict d) {
            for (String k : d.map.keySet()) items.add(new Item(new CNode.Val(k, null, "item"), false));
        } else if (r instanceof String s) {
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                items.add(new Item(new CNode.Val(new String(Character.toChars(cp)), null, "item"), false));
                i += Character.charCount(cp);
            }
        } else {
            errs.add(new Err(v.pos(), "resolve", "'stages." + name + ".matrix'", "expected a list for '" + axis
                    + "', got " + ((CNode) r).typeName(), name, false));
            return null;
        }
        return items;
    }
}
