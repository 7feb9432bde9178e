package io.dvclint.yaml;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A scalar with its constructed value: {@code String}, {@code Long} or {@code BigInteger}, {@code Double},
 * {@code Boolean} or {@code null}.
 */
public record YScalar(Object value, String raw, Style style, Pos pos, Pos end) implements YNode {
    public enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED, OTHER }

    public static YScalar of(Object value, Pos pos) {
        return new YScalar(value, value == null ? "" : String.valueOf(value), Style.OTHER, pos, pos);
    }

    public boolean isString() {
        return value instanceof String;
    }

    public String asString() {
        return value instanceof String s ? s : null;
    }

    @Override
    public Object toJava() {
        return value;
    }

    @Override
    public String typeName() {
        return typeNameOf(value);
    }

    public static String typeNameOf(Object v) {
        if (v == null) return "None";
        if (v instanceof String) return "str";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) return "int";
        if (v instanceof Double || v instanceof Float) return "float";
        if (v instanceof Map) return "dict";
        if (v instanceof List) return "list";
        return v.getClass().getSimpleName();
    }
}
