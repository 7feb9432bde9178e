package io.dvclint.exec.lock;

import java.util.regex.Pattern;

/**
 * ruamel.yaml's implicit resolver for YAML 1.2 ({@code resolver.py}, {@code implicit_resolvers}): the tag a plain
 * scalar would be read back as. The emitter quotes a string whenever its plain form would read back as something
 * else ({@code '7'}, {@code '2.0'}, {@code 'true'}, {@code 'null'}, {@code ''}, {@code '1_000'},
 * {@code '2024-01-01'}, {@code '<<'}, {@code '='}). The patterns are ruamel's, with the blanks that its verbose
 * regular expressions ignore taken out; the first character picks the candidates in ruamel's order.
 */
final class Resolver {
    private Resolver() {
    }

    static final String STR = "str";

    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
            + "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+"
            + "|[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    /**
     * The tag ruamel gives {@code value} written plain: {@code bool}, {@code float}, {@code int}, {@code merge},
     * {@code null}, {@code timestamp}, {@code value}, {@code yaml} or {@code str}.
     */
    static String resolve(String value) {
        if (value.isEmpty()) return "null";
        char c = value.charAt(0);
        switch (c) {
            case 't', 'T', 'f', 'F' -> {
                if (BOOL.matcher(value).matches()) return "bool";
            }
            case '-', '+', '.' -> {
                if (FLOAT.matcher(value).matches()) return "float";
                if (c != '.' && INT.matcher(value).matches()) return "int";
            }
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                if (FLOAT.matcher(value).matches()) return "float";
                if (INT.matcher(value).matches()) return "int";
                if (TIMESTAMP.matcher(value).matches()) return "timestamp";
            }
            case '<' -> {
                if (value.equals("<<")) return "merge";
            }
            case '~', 'n', 'N' -> {
                if (NULL.matcher(value).matches()) return "null";
            }
            case '=' -> {
                if (value.equals("=")) return "value";
            }
            case '!', '&', '*' -> {
                if (value.length() == 1) return "yaml";
            }
            default -> {
            }
        }
        return STR;
    }

    /** Whether a string written plain would be read back as that same string. */
    static boolean plainIsString(String value) {
        return resolve(value).equals(STR);
    }
}
