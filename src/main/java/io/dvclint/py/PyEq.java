package io.dvclint.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ==} over loaded YAML/JSON values (String, Long/BigInteger, Double, Boolean, null, List, Map), as
 * DVC compares a locked value with the current one: {@code 1 == 1.0 == True}, {@code "1" != 1}, lists and
 * mappings compared deeply, {@code nan != nan}.
 */
public final class PyEq {
    private PyEq() {
    }

    /** Python's truth value of a loaded value: false for None, False, zero, and empty strings and collections. */
    public static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Double d) return d != 0.0;
        if (v instanceof Float f) return f != 0.0f;
        if (v instanceof Number n) return !n.toString().equals("0");
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    public static boolean eq(Object a, Object b) {
        if (a == null || b == null) return a == b;
        if (isNum(a) && isNum(b)) return numEq(a, b);
        if (isNum(a) || isNum(b)) return false;
        if (a instanceof String x) return b instanceof String y && x.equals(y);
        if (a instanceof List<?> x) {
            if (!(b instanceof List<?> y) || x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!eq(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x) {
            if (!(b instanceof Map<?, ?> y) || x.size() != y.size()) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object k = findKey(y, e.getKey());
                if (k == MISSING || !eq(e.getValue(), y.get(k))) return false;
            }
            return true;
        }
        return a.equals(b);
    }

    private static final Object MISSING = new Object();

    private static Object findKey(Map<?, ?> m, Object key) {
        if (m.containsKey(key)) return key;
        for (Object k : m.keySet()) if (eq(k, key)) return k;
        return MISSING;
    }

    private static boolean isNum(Object o) {
        return o instanceof Boolean || o instanceof Long || o instanceof Integer || o instanceof BigInteger
                || o instanceof Double || o instanceof Float;
    }

    private static boolean numEq(Object a, Object b) {
        if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
            double x = toDouble(a), y = toDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) return false;
            if (Double.isInfinite(x) || Double.isInfinite(y)) return x == y;
            // exact comparison of an integer with a float, as Python does (no rounding of big integers)
            return toDecimal(a).compareTo(toDecimal(b)) == 0;
        }
        return toBig(a).equals(toBig(b));
    }

    private static double toDouble(Object o) {
        if (o instanceof Boolean bo) return bo ? 1 : 0;
        return ((Number) o).doubleValue();
    }

    private static BigInteger toBig(Object o) {
        if (o instanceof Boolean bo) return bo ? BigInteger.ONE : BigInteger.ZERO;
        if (o instanceof BigInteger bi) return bi;
        return BigInteger.valueOf(((Number) o).longValue());
    }

    private static BigDecimal toDecimal(Object o) {
        if (o instanceof Double d) return new BigDecimal(d);
        if (o instanceof Float f) return new BigDecimal(f.doubleValue());
        return new BigDecimal(toBig(o));
    }
}
