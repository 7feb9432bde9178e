package io.dvclint.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Formats values the way Python (and so DVC) prints them. */
public final class PyFormat {
    private PyFormat() {
    }

    /** Python's {@code str(value)}: {@code True}, {@code None}, {@code 1e-05}, {@code [1, 'a']}. */
    public static String str(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Double d) return floatRepr(d);
        if (v instanceof Float f) return floatRepr(f.doubleValue());
        if (v instanceof String s) return s;
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Iterator<?> it = l.iterator(); it.hasNext(); ) {
                sb.append(repr(it.next()));
                if (it.hasNext()) sb.append(", ");
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) sb.append(", ");
            }
            return sb.append('}').toString();
        }
        return v.toString();
    }

    /** Python's {@code repr(value)} for the value kinds a params file holds. */
    public static String repr(Object v) {
        if (v instanceof String s) {
            String q = s.contains("'") && !s.contains("\"") ? "\"" : "'";
            StringBuilder sb = new StringBuilder(q);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') sb.append("\\\\");
                else if (c == '\n') sb.append("\\n");
                else if (c == '\t') sb.append("\\t");
                else if (c == '\r') sb.append("\\r");
                else if (String.valueOf(c).equals(q)) sb.append('\\').append(c);
                else sb.append(c);
            }
            return sb.append(q).toString();
        }
        return str(v);
    }

    /** DVC's in-string conversion: like {@code str()} but booleans are {@code true}/{@code false}. */
    public static String interp(Object v) {
        if (v instanceof Boolean b) return b ? "true" : "false";
        return str(v);
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal bd = shortest(d);
        String digits = bd.unscaledValue().abs().toString();
        // strip trailing zeros from the digit string
        int len = digits.length();
        while (len > 1 && digits.charAt(len - 1) == '0') len--;
        int stripped = digits.length() - len;
        digits = digits.substring(0, len);
        int exp = digits.length() - 1 - bd.scale() + stripped; // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            return sign + mant + "e" + e;
        }
        if (exp < 0) {
            return sign + "0." + "0".repeat(-exp - 1) + digits;
        }
        if (digits.length() <= exp + 1) {
            return sign + digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }

    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) return r;
        }
        return exact;
    }

    /** Python's {@code shlex.quote}: quoted with single quotes only when the string holds a shell-unsafe character. */
    public static String shlexQuote(String s) {
        if (s.isEmpty()) return "''";
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || "_@%+=:,./-".indexOf(c) >= 0);
            if (!safe) return "'" + s.replace("'", "'\"'\"'") + "'";
        }
        return s;
    }

    /** True for values DVC treats as primitives when interpolating. */
    public static boolean isPrimitive(Object v) {
        return v == null || v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof BigInteger;
    }
}
