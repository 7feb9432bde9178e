package io.dvclint.export;

import java.util.List;
import java.util.Map;

/**
 * Python literals for generated source: strings in double quotes with every character outside printable ASCII
 * escaped (so no text can end the literal, start a comment or depend on the file's encoding), and lists and dicts
 * of them.
 */
public final class PyLiteral {
    private PyLiteral() {
    }

    /** A string literal: {@code "..."}. */
    public static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        escape(s, sb, false);
        return sb.append('"').toString();
    }

    /**
     * A multi-line string as a triple-quoted literal whose lines read as they are: {@code """\} and the text, every
     * backslash escaped, and every quote followed by another quote or ending the text (so no three quotes meet).
     */
    public static String block(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8).append("\"\"\"\\\n");
        escape(s, sb, true);
        return sb.append("\"\"\"").toString();
    }

    /** A list of strings: {@code ["a", "b"]}. */
    public static String list(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) sb.append(i == 0 ? "" : ", ").append(str(items.get(i)));
        return sb.append(']').toString();
    }

    /** A dict of strings: {@code {"k": "v"}}. */
    public static String dict(Map<String, String> m) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> e : m.entrySet()) {
            sb.append(first ? "" : ", ").append(str(e.getKey())).append(": ").append(str(e.getValue()));
            first = false;
        }
        return sb.append('}').toString();
    }

    private static void escape(String s, StringBuilder sb, boolean block) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append(!block || i == s.length() || s.charAt(i) == '"' ? "\\\"" : "\"");
                case '\n' -> sb.append(block ? "\n" : "\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) sb.append((char) c);
                    else if (c < 0x100) sb.append(String.format("\\x%02x", c));
                    else if (c < 0x10000) sb.append(String.format("\\u%04x", c));
                    else sb.append(String.format("\\U%08x", c));
                }
            }
        }
    }
}
