package io.dvclint.schema;

import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.math.BigInteger;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a positioned YAML tree to a Jackson tree for the JSON Schema validator, and finds the YAML node again
 * from a path reported by the validator.
 *
 * <p>JSON object keys are strings, but DVC rejects YAML keys that are not strings ({@code 1:}, {@code true:}). Such a
 * key is given a marked name, {@code "\u0000<index>:<source text>"}, which the schemas reject where keys are free
 * ({@code propertyNames}) and which is unknown where keys are fixed.
 */
final class JsonTree {
    static final char MARK = '\u0000';
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /** The JSON name of the {@code index}-th entry of a mapping. */
    static String jsonKey(YMap.Entry e, int index) {
        if (e.key().value() instanceof String s) return s;
        String text = e.key().raw() == null || e.key().raw().isEmpty() ? e.name() : e.key().raw();
        return MARK + Integer.toString(index) + ":" + text;
    }

    static boolean isMarked(Object pathElement) {
        return pathElement instanceof String s && !s.isEmpty() && s.charAt(0) == MARK;
    }

    /** The key as the user wrote it (the text after the mark for a non-string key). */
    static String displayKey(Object pathElement) {
        if (pathElement instanceof String s) {
            if (isMarked(s)) return s.substring(s.indexOf(':') + 1);
            return s;
        }
        return String.valueOf(pathElement);
    }

    static JsonNode convert(YNode n) {
        if (n instanceof YMap m) {
            ObjectNode o = F.objectNode();
            List<YMap.Entry> es = m.entries();
            for (int i = 0; i < es.size(); i++) {
                o.set(jsonKey(es.get(i), i), convert(es.get(i).value()));
            }
            return o;
        }
        if (n instanceof YSeq s) {
            ArrayNode a = F.arrayNode(s.size());
            for (YNode item : s.items()) a.add(convert(item));
            return a;
        }
        Object v = ((YScalar) n).value();
        if (v == null) return F.nullNode();
        if (v instanceof String str) return F.stringNode(str);
        if (v instanceof Boolean b) return F.booleanNode(b);
        if (v instanceof Long l) return F.numberNode(l);
        if (v instanceof Integer i) return F.numberNode(i);
        if (v instanceof BigInteger bi) return F.numberNode(bi);
        if (v instanceof Double d) return F.numberNode(d);
        return F.stringNode(String.valueOf(v));
    }

    /** The entry of {@code m} whose JSON name is {@code key}, or null. */
    static YMap.Entry entry(YMap m, String key) {
        List<YMap.Entry> es = m.entries();
        for (int i = 0; i < es.size(); i++) {
            if (jsonKey(es.get(i), i).equals(key)) return es.get(i);
        }
        return null;
    }

    /** The node at the first {@code n} elements of {@code path}, or null when the path leaves the tree. */
    static YNode at(YNode root, List<Object> path, int n) {
        YNode cur = root;
        for (int i = 0; i < n && cur != null; i++) {
            Object el = path.get(i);
            if (cur instanceof YMap m && el instanceof String k) {
                YMap.Entry e = entry(m, k);
                cur = e == null ? null : e.value();
            } else if (cur instanceof YSeq s && el instanceof Integer idx) {
                cur = idx >= 0 && idx < s.size() ? s.get(idx) : null;
            } else {
                cur = null;
            }
        }
        return cur;
    }

    static YNode at(YNode root, List<Object> path) {
        return at(root, path, path.size());
    }
}
