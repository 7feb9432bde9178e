package io.dvclint.py;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps(obj, sort_keys=True)} with its other defaults, byte for byte: separators {@code ", "}
 * and {@code ": "}, {@code ensure_ascii=True} (everything outside {@code ' '..'~'} escaped as {@code \\uXXXX} in
 * lower-case hex, characters above U+FFFF as surrogate pairs), floats as Python's {@code repr} ({@code Infinity},
 * {@code NaN} for the specials), keys sorted as Python sorts them. DVC hashes this text: directory manifests
 * ({@code .dir} objects) and run-cache keys.
 *
 * <p>Values: {@code String}, {@code Long}/{@code Integer}/{@code BigInteger}, {@code Double}/{@code Float},
 * {@code Boolean}, {@code null}, {@code Map} (keys strings, or all numbers), {@code List}.
 */
public final class PyJson {
    private PyJson() {
    }

    /** {@code json.dumps(value, sort_keys=True)}. */
    public static String dumps(Object value) {
        return dumps(value, true);
    }

    /** {@code json.dumps(value, sort_keys=sortKeys)}: unsorted, mappings keep their own order. */
    public static String dumps(Object value, boolean sortKeys) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, sortKeys);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, boolean sortKeys) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            appendString(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Short) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(floatText(((Number) v).doubleValue()));
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append(", ");
                write(sb, list.get(i), sortKeys);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            writeMap(sb, map, sortKeys);
        } else {
            throw new IllegalArgumentException("Object of type " + v.getClass().getSimpleName()
                    + " is not JSON serializable");
        }
    }

    private static void writeMap(StringBuilder sb, Map<?, ?> map, boolean sortKeys) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        if (sortKeys) entries.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : entries) {
            if (!first) sb.append(", ");
            first = false;
            appendString(sb, keyText(e.getKey()));
            sb.append(": ");
            write(sb, e.getValue(), sortKeys);
        }
        sb.append('}');
    }

    /** Python compares keys of one kind; strings with strings, numbers (bool included) with numbers. */
    private static int compareKeys(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) return PyStrings.compare(x, y);
        if (isNumber(a) && isNumber(b)) {
            if (PyEq.eq(a, b)) return 0;
            return Double.compare(number(a), number(b));
        }
        throw new IllegalArgumentException("'<' not supported between keys " + PyFormat.repr(a) + " and "
                + PyFormat.repr(b));
    }

    private static boolean isNumber(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    private static double number(Object o) {
        return o instanceof Boolean b ? (b ? 1 : 0) : ((Number) o).doubleValue();
    }

    /** How {@code json} turns a non-string key into a string. */
    private static String keyText(Object k) {
        if (k instanceof String s) return s;
        if (k == null) return "null";
        if (k instanceof Boolean b) return b ? "true" : "false";
        if (k instanceof Double || k instanceof Float) return floatText(((Number) k).doubleValue());
        if (k instanceof Number) return k.toString();
        throw new IllegalArgumentException("keys must be str, int, float, bool or None, not "
                + k.getClass().getSimpleName());
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        return PyFormat.floatRepr(d);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A JSON string with {@code ensure_ascii}: Java's UTF-16 units are exactly the {@code \\u} escapes wanted. */
    public static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        sb.append(c);
                    } else {
                        sb.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15])
                                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    }
                }
            }
        }
        sb.append('"');
    }
}
