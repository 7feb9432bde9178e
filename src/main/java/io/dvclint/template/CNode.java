package io.dvclint.template;

import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of DVC's templating context ({@code Value}/{@code CtxDict}/{@code CtxList}) with the source it was defined
 * in and its dotted path there (DVC's {@code Meta}). Containers are never mutated once shared: contexts copy a
 * dictionary before merging into it.
 */
abstract sealed class CNode permits CNode.Val, CNode.Dict, CNode.Lst {
    /** Where a value was defined; {@code local} values (inline vars, item/key) are not params files. */
    record Src(String label, Path file, boolean local) {
    }

    final Src src;
    final String path;

    CNode(Src src, String path) {
        this.src = src;
        this.path = path;
    }

    abstract Object toJava();

    abstract String typeName();

    static String child(String path, String seg) {
        return path.isEmpty() ? seg : path + "." + seg;
    }

    static final class Val extends CNode {
        final Object value;

        Val(Object value, Src src, String path) {
            super(src, path);
            this.value = value;
        }

        @Override
        Object toJava() {
            return value;
        }

        @Override
        String typeName() {
            return value == null ? "NoneType" : YScalar.typeNameOf(value);
        }
    }

    static final class Dict extends CNode {
        final LinkedHashMap<String, CNode> map;

        Dict(LinkedHashMap<String, CNode> map, Src src, String path) {
            super(src, path);
            this.map = map;
        }

        Dict copy() {
            return new Dict(new LinkedHashMap<>(map), src, path);
        }

        @Override
        Object toJava() {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, CNode> e : map.entrySet()) out.put(e.getKey(), e.getValue().toJava());
            return out;
        }

        @Override
        String typeName() {
            return "dict";
        }
    }

    static final class Lst extends CNode {
        final List<CNode> items;

        Lst(List<CNode> items, Src src, String path) {
            super(src, path);
            this.items = items;
        }

        @Override
        Object toJava() {
            List<Object> out = new ArrayList<>(items.size());
            for (CNode n : items) out.add(n.toJava());
            return out;
        }

        @Override
        String typeName() {
            return "list";
        }
    }

    /** Converts loaded data; non-string mapping keys are dropped, as DVC's {@code CtxDict} does. */
    static CNode of(YNode n, Src src, String path) {
        if (n instanceof YMap m) {
            LinkedHashMap<String, CNode> map = new LinkedHashMap<>();
            for (YMap.Entry e : m.entries()) {
                if (e.key().value() instanceof String k) map.put(k, of(e.value(), src, child(path, k)));
            }
            return new Dict(map, src, path);
        }
        if (n instanceof YSeq s) {
            List<CNode> items = new ArrayList<>(s.size());
            int i = 0;
            for (YNode x : s.items()) items.add(of(x, src, child(path, Integer.toString(i++))));
            return new Lst(items, src, path);
        }
        return new Val(n == null ? null : ((YScalar) n).value(), src, path);
    }
}
