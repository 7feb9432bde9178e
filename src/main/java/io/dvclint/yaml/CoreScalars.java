package io.dvclint.yaml;

/**
 * The type of a plain scalar under the YAML 1.2 core schema, decided exactly as snakeyaml-engine's
 * {@code CoreScalarResolver} decides it (by the first character, then its patterns), written out: building that
 * resolver compiles a dozen regular expressions, a cost every start paid for the handful of scalars in a
 * pipeline. {@code CoreScalarsTest} checks the two agree.
 *
 * <p>Null is {@code ~}, {@code null}, {@code Null}, {@code NULL}, the empty value and (a snakeyaml quirk kept
 * here) a single space; {@code ${NAME}} (an environment variable for snakeyaml) and {@code <<} (a merge key) are
 * strings, as they are for DVC's YAML loader.
 *
 * <p>The types are this class's own rather than snakeyaml's {@code Tag} constants: initialising that class
 * percent-encodes every constant through a regex-built escaper, a start-up cost for nothing here.
 */
final class CoreScalars {
    /** A core-schema scalar type, with its tag. */
    enum Type {
        STR("tag:yaml.org,2002:str"),
        NULL("tag:yaml.org,2002:null"),
        BOOL("tag:yaml.org,2002:bool"),
        INT("tag:yaml.org,2002:int"),
        FLOAT("tag:yaml.org,2002:float");

        final String tag;

        Type(String tag) {
            this.tag = tag;
        }

        /** The type an explicit tag names ({@code !!merge} reads as a string), or null for any other tag. */
        static Type ofTag(String tag) {
            if (tag.equals("tag:yaml.org,2002:merge")) return STR;
            for (Type t : values()) {
                if (t.tag.equals(tag)) return t;
            }
            return null;
        }
    }

    private CoreScalars() {
    }

    /** The type of a plain scalar written without a tag. */
    static Type resolve(String v) {
        if (v.isEmpty()) return Type.NULL;
        switch (v.charAt(0)) {
            case 't': case 'T': case 'f': case 'F':
                if (v.equals("true") || v.equals("True") || v.equals("TRUE") || v.equals("false")
                        || v.equals("False") || v.equals("FALSE")) {
                    return Type.BOOL;
                }
                break;
            case '-': case '+': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            case '8': case '9':
                if (isInt(v)) return Type.INT;
                if (isFloat(v)) return Type.FLOAT;
                break;
            case '.':
                if (isFloat(v)) return Type.FLOAT;
                break;
            default:
                break;
        }
        // snakeyaml tries its null pattern after the ones for the first character, whatever that is
        return v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL") || v.equals(" ")
                ? Type.NULL : Type.STR;
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
