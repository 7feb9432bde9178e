package io.dvclint.template;

import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * DVC's {@code ForeachDefinition}: {@code foreach} data (a reference, a list or a mapping) and a {@code do} template;
 * each member generates {@code <name>@<key>} with {@code item} (and for a mapping {@code key}) in the context.
 */
final class ForeachDefinition extends GroupDefinition {
    private ForeachDefinition(DataResolver resolver, String name, Pos namePos, YMap template, Context global) {
        super(resolver, name, namePos, template, global, "foreach");
    }

    /** The group with its data resolved; null when it generates nothing (its errors, if any, reported). */
    static ForeachDefinition of(DataResolver resolver, String name, Pos namePos, YMap def, Context global) {
        YMap.Entry fe = def.entry("foreach");
        if (!(def.get("do") instanceof YMap template)) return null;
        ForeachDefinition d = new ForeachDefinition(resolver, name, namePos, template, global);
        return d.resolveData(fe) ? d : null;
    }

    private boolean resolveData(YMap.Entry fe) {
        YNode data = fe.value();
        boolean isDict;
        String badType = null;
        if (data instanceof YScalar sc) {
            Object r = sc.value() instanceof String s ? ev.resolveString(sc, s, null) : new CNode.Val(sc.value(), null, "");
            if (r == Interpolator.FAIL) {
                resolver.addStageErrs(errs);
                return false;
            }
            if (r instanceof CNode.Lst l) {
                isDict = false;
                List<Item> items = new ArrayList<>();
                for (CNode c : l.items) items.add(new Item(c, true));
                listMembers(items);
            } else if (r instanceof CNode.Dict d) {
                isDict = true;
                members.putAll(d.map);
            } else {
                isDict = false;
                badType = r instanceof String ? "str" : ((CNode) r).typeName();
            }
        } else if (data instanceof YSeq seq) {
            isDict = false;
            List<Item> items = literals(seq);
            if (items == null) {
                resolver.addStageErrs(errs);
                return false;
            }
            listMembers(items);
        } else {
            isDict = true;
            boolean ok = true;
            for (YMap.Entry e : ((YMap) data).entries()) {
                String k = literalKey(e.key());
                Item it = literal(e.value(), "item");
                if (k == null || it == null) ok = false;
                else members.put(k, it.value());
            }
            if (!ok) {
                resolver.addStageErrs(errs);
                return false;
            }
        }
        if (badType != null) {
            errs.add(new Err(data.pos(), "resolve", "'stages." + name + ".foreach'",
                    "expected list/dictionary, got " + badType, name, false));
            resolver.addStageErrs(errs);
            return false;
        }
        reserved = isDict ? List.of("item", "key") : List.of("item");
        warnOverwrite(fe.key().pos());
        return !members.isEmpty();
    }

    /** DVC's {@code normalized_iterable} for a list: keyed by value, or by index when one member is a container. */
    private void listMembers(List<Item> items) {
        boolean composite = false;
        for (Item it : items) composite |= isContainer(it.value());
        int i = 0;
        for (Item it : items) {
            String key = composite ? Integer.toString(i++) : memberKey(it);
            members.put(key, it.value());
        }
    }
}
