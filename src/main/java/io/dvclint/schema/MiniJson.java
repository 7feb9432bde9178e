package io.dvclint.schema;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small strict JSON reader that builds Jackson nodes directly. Used for the bundled schemas: cold, it is several
 * times faster than a YAML loader or an ObjectMapper (which would also load many more classes).
 */
final class MiniJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    static JsonNode parse(String text) {
        MiniJson p = new MiniJson(text);
        JsonNode n = p.value();
        p.ws();
        if (p.i != p.s.length()) throw p.error("trailing characters");
        return n;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid JSON at offset " + i + ": " + what);
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            i++;
        }
    }

    private JsonNode value() {
        ws();
        if (i >= s.length()) throw error("unexpected end");
        char c = s.charAt(i);
        switch (c) {
            case '{': {
                i++;
                ObjectNode o = F.objectNode();
                ws();
                if (peek('}')) return o;
                do {
                    ws();
                    if (i >= s.length() || s.charAt(i) != '"') throw error("expected a key");
                    String k = string();
                    ws();
                    expect(':');
                    o.set(k, value());
                    ws();
                } while (peek(','));
                expect('}');
                return o;
            }
            case '[': {
                i++;
                ArrayNode a = F.arrayNode();
                ws();
                if (peek(']')) return a;
                do {
                    a.add(value());
                    ws();
                } while (peek(','));
                expect(']');
                return a;
            }
            case '"':
                return F.stringNode(string());
            default:
                if (s.startsWith("true", i)) {
                    i += 4;
                    return F.booleanNode(true);
                }
                if (s.startsWith("false", i)) {
                    i += 5;
                    return F.booleanNode(false);
                }
                if (s.startsWith("null", i)) {
                    i += 4;
                    return F.nullNode();
                }
                return number();
        }
    }

    private boolean peek(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) throw error("expected '" + c + "'");
    }

    private String string() {
        i++; // opening quote
        StringBuilder b = null;
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                String r = b == null ? s.substring(start, i) : b.append(s, start, i).toString();
                i++;
                return r;
            }
            if (c == '\\') {
                if (b == null) b = new StringBuilder();
                b.append(s, start, i);
                if (++i >= s.length()) break;
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw error("bad \\u escape");
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    case '"', '\\', '/' -> b.append(e);
                    default -> throw error("bad escape");
                }
                start = i;
            } else {
                i++;
            }
        }
        throw error("unterminated string");
    }

    private JsonNode number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        if (start == i) throw error("unexpected character");
        String t = s.substring(start, i);
        if (t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0) return F.numberNode(Long.parseLong(t));
        return F.numberNode(new BigDecimal(t).doubleValue());
    }
}
