package io.dvclint.yaml;

import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The type of a plain scalar under the YAML 1.2 core schema, decided exactly as snakeyaml-engine's
 * {@code CoreScalarResolver} decides it (by the first character, then its patterns), written out: building that
 * resolver compiles a dozen regular expressions, a cost every start paid for the handful of scalars in a
 * pipeline. {@code CoreScalarsTest} checks the two agree.
 *
 * <p>Null is {@code ~}, {@code null}, {@code Null}, {@code NULL}, the empty value and (a snakeyaml quirk kept
 * here) a single space; {@code ${NAME}} (an environment variable for snakeyaml) and {@code <<} (a merge key) are
 * strings, as they are for DVC's YAML loader.
 */
final class CoreScalars {
    private CoreScalars() {
    }

    /** {@link Tag#STR}, {@link Tag#NULL}, {@link Tag#BOOL}, {@link Tag#INT} or {@link Tag#FLOAT}. */
    static Tag resolve(String v) {
        if (v.isEmpty()) return Tag.NULL;
        switch (v.charAt(0)) {
            case 't': case 'T': case 'f': case 'F':
                if (v.equals("true") || v.equals("True") || v.equals("TRUE") || v.equals("false")
                        || v.equals("False") || v.equals("FALSE")) {
                    return Tag.BOOL;
                }
                break;
            case '-': case '+': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            case '8': case '9':
                if (isInt(v)) return Tag.INT;
                if (isFloat(v)) return Tag.FLOAT;
                break;
            case '.':
                if (isFloat(v)) return Tag.FLOAT;
                break;
            default:
                break;
        }
        // snakeyaml tries its null pattern after the ones for the first character, whatever that is
        return v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL") || v.equals(" ")
                ? Tag.NULL : Tag.STR;
    }

    /** {@code [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+}. */
    private static boolean isInt(String v) {
        if (v.startsWith("0o")) return v.length() > 2 && run(v, 2, "01234567") == v.length();
        if (v.startsWith("0x")) return v.length() > 2 && run(v, 2, "0123456789abcdefABCDEF") == v.length();
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        return v.length() > i && digits(v, i) == v.length();
    }

    /**
     * {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)}.
     */
    private static boolean isFloat(String v) {
        if (v.equals(".nan") || v.equals(".NaN") || v.equals(".NAN")) return true;
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        String rest = v.substring(i);
        if (rest.equals(".inf") || rest.equals(".Inf") || rest.equals(".INF")) return true;
        int n = v.length();
        if (i < n && v.charAt(i) == '.') {
            int end = digits(v, i + 1);
            if (end == i + 1) return false;
            i = end;
        } else {
            int end = digits(v, i);
            if (end == i) return false;
            i = end;
            if (i < n && v.charAt(i) == '.') i = digits(v, i + 1);
        }
        if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) i++;
            int end = digits(v, i);
            if (end == i) return false;
            i = end;
        }
        return i == n;
    }

    private static int digits(String v, int from) {
        return run(v, from, "0123456789");
    }

    private static int run(String v, int from, String allowed) {
        int i = from;
        while (i < v.length() && allowed.indexOf(v.charAt(i)) >= 0) i++;
        return i;
    }
}
