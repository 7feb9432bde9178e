package io.dvclint.exec.lock;

import io.dvclint.py.PyFormat;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns values into {@link Node}s the way ruamel.yaml's {@code RoundTripRepresenter} does for DVC.
 *
 * <p>{@link #represent} covers the plain values DVC puts into a new lock entry (strings, ints, floats in Python's
 * {@code repr}, booleans, null as an empty value, mappings and lists in block style, empty ones as {@code {}} and
 * {@code []}). {@link #roundTrip} covers an entry DVC loaded from the existing dvc.lock and dumps again: ruamel's
 * round trip keeps key order, the flow or block style of each collection, literal ({@code |}) and folded
 * ({@code >}) strings, and the text of ints and floats (its {@code ScalarInt}/{@code ScalarFloat} reproduce the
 * written form), but not quotes: every other string is quoted again as the emitter sees fit, and booleans and nulls
 * are written {@code true}/{@code false}/empty.
 */
public final class Representer {
    private Representer() {
    }

    /** A plain value: String, Long/Integer/BigInteger, Double/Float, Boolean, null, Map, List (or a Node). */
    public static Node represent(Object v) {
        if (v instanceof Node n) return n;
        if (v == null) return Node.Scalar.of(Node.Tag.NULL, "");
        if (v instanceof String s) return Node.Scalar.of(Node.Tag.STR, s);
        if (v instanceof Boolean b) return Node.Scalar.of(Node.Tag.BOOL, b ? "true" : "false");
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Short) {
            return Node.Scalar.of(Node.Tag.INT, v.toString());
        }
        if (v instanceof Double || v instanceof Float) return Node.Scalar.of(Node.Tag.FLOAT, floatText(
                ((Number) v).doubleValue()));
        if (v instanceof List<?> list) {
            List<Node> items = new ArrayList<>(list.size());
            for (Object o : list) items.add(represent(o));
            return new Node.Seq(items, items.isEmpty());
        }
        if (v instanceof Map<?, ?> map) {
            List<Node.Pair> pairs = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                pairs.add(new Node.Pair(represent(e.getKey()), represent(e.getValue())));
            }
            return new Node.Mapping(pairs, pairs.isEmpty());
        }
        throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " to dvc.lock");
    }

    /** {@code SafeRepresenter.represent_float}: {@code .nan}, {@code .inf}, {@code -.inf}, else {@code repr}. */
    static String floatText(double d) {
        if (Double.isNaN(d)) return ".nan";
        if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
        return PyFormat.floatRepr(d);
    }

    /** A node loaded from an existing dvc.lock, as ruamel's round-trip load then dump writes it back. */
    public static Node roundTrip(YNode n) {
        if (n instanceof YMap m) {
            List<Node.Pair> pairs = new ArrayList<>(m.size());
            for (YMap.Entry e : m.entries()) pairs.add(new Node.Pair(roundTrip(e.key()), roundTrip(e.value())));
            return new Node.Mapping(pairs, m.isFlow() || pairs.isEmpty());
        }
        if (n instanceof YSeq s) {
            List<Node> items = new ArrayList<>(s.size());
            for (YNode i : s.items()) items.add(roundTrip(i));
            return new Node.Seq(items, s.isFlow() || items.isEmpty());
        }
        YScalar s = (YScalar) n;
        return switch (s.style()) {
            case PLAIN -> plain(s);
            case LITERAL -> new Node.Scalar(Node.Tag.STR, String.valueOf(s.value()), '|');
            case FOLDED -> new Node.Scalar(Node.Tag.STR, String.valueOf(s.value()), '>');
            default -> s.value() instanceof String str ? Node.Scalar.of(Node.Tag.STR, str) : represent(s.value());
        };
    }

    /**
     * How ruamel's {@code ScalarInt} writes an int back: a leading {@code +} is dropped, and a decimal written with
     * leading zeros keeps its width, the sign counted in it ({@code -007} becomes {@code -07}, {@code -0} is
     * {@code 0}); other forms ({@code 0o17}, {@code 0x1F}, {@code 1_000}) are kept as written.
     */
    static String intText(String raw) {
        String t = raw.startsWith("+") ? raw.substring(1) : raw;
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) return t;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return String.format("%0" + digits.length() + "d", new BigInteger(t));
        }
        return negative && digits.equals("0") ? "0" : t;
    }

    /** A plain scalar typed by ruamel's YAML 1.2 resolver, which decides how ruamel constructs it. */
    private static Node plain(YScalar s) {
        String raw = s.raw();
        return switch (Resolver.resolve(raw)) {
            case "int" -> Node.Scalar.of(Node.Tag.INT, intText(raw));
            case "float" -> Node.Scalar.of(Node.Tag.FLOAT, raw);
            case "timestamp" -> Node.Scalar.of(Node.Tag.TIMESTAMP, raw);
            case "bool" -> Node.Scalar.of(Node.Tag.BOOL, raw.equalsIgnoreCase("true") ? "true" : "false");
            case "null" -> Node.Scalar.of(Node.Tag.NULL, "");
            default -> Node.Scalar.of(Node.Tag.STR, raw);
        };
    }
}
