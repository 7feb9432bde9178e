package io.dvclint.params;

import io.dvclint.py.PyFormat;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Python 3 source tokenizer (never executes anything): names, numbers, strings with their decoded values,
 * operators, NEWLINE/INDENT/DEDENT, with the tokenizer-level syntax errors CPython reports (unterminated strings,
 * unmatched brackets, bad indentation, invalid characters and number literals).
 */
public final class PyTokenizer {
    public enum T { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END }

    /** A token. For strings {@code value} is the decoded text (str) or a {@link PyBytes}; for numbers the value. */
    public record Tok(T type, String text, Pos pos, Pos end, Object value, String prefix) {
        boolean is(String op) {
            return (type == T.OP || type == T.NAME) && text.equals(op);
        }

        @Override
        public String toString() {
            return type + "(" + text + ")@" + pos;
        }
    }

    /** A bytes literal value. */
    public record PyBytes(byte[] bytes) {
        String repr() {
            boolean sq = false, dq = false;
            for (byte b : bytes) {
                sq |= b == '\'';
                dq |= b == '"';
            }
            char q = sq && !dq ? '"' : '\'';
            StringBuilder sb = new StringBuilder("b").append(q);
            for (byte x : bytes) {
                int b = x & 0xff;
                if (b == q || b == '\\') sb.append('\\').append((char) b);
                else if (b == '\t') sb.append("\\t");
                else if (b == '\n') sb.append("\\n");
                else if (b == '\r') sb.append("\\r");
                else if (b < 0x20 || b >= 0x7f) sb.append(String.format("\\x%02x", b));
                else sb.append((char) b);
            }
            return sb.append(q).toString();
        }
    }

    /** A Python syntax error with its position. */
    public static final class SyntaxError extends RuntimeException {
        final Pos pos;

        SyntaxError(Pos pos, String msg) {
            super(msg, null, false, false);
            this.pos = pos;
        }
    }

    public static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    private static final String[] OPS = {"**=", "//=", ">>=", "<<=", "...", "->", ":=", "!=", "==", "<=", ">=", "**",
        "//", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "(", ")", "[", "]", "{", "}", ",",
        ":", ";", ".", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "=", "@"};

    public static final int MAX_PARENS = 200;
    public static final int MAX_INDENT = 100;

    private final SourceText src;
    private final String s;
    private final int n;
    private final List<Tok> out = new ArrayList<>();
    private final Deque<Tok> parens = new ArrayDeque<>();
    private final List<int[]> indents = new ArrayList<>();

    private PyTokenizer(SourceText src) {
        this.src = src;
        this.s = src.text();
        this.n = s.length();
    }

    public static List<Tok> tokenize(SourceText src) {
        PyTokenizer t = new PyTokenizer(src);
        t.run();
        return t.out;
    }

    private Pos pos(int i) {
        return src.posOf(i);
    }

    private SyntaxError err(int i, String msg) {
        return new SyntaxError(pos(i), msg);
    }

    private void run() {
        indents.add(new int[] {0, 0});
        int i = 0;
        boolean lineStart = true;
        while (true) {
            if (lineStart && parens.isEmpty()) {
                int col = 0, alt = 0, j = i;
                while (j < n) {
                    char c = s.charAt(j);
                    if (c == ' ') {
                        col++;
                        alt++;
                    } else if (c == '\t') {
                        col = (col / 8 + 1) * 8;
                        alt++;
                    } else if (c == '\f') {
                        col = 0;
                        alt = 0;
                    } else {
                        break;
                    }
                    j++;
                }
                if (j >= n) {
                    i = j;
                    break;
                }
                char c = s.charAt(j);
                if (c == '#' || c == '\n' || c == '\r') {
                    i = skipLine(j);
                    continue;
                }
                if (c == '\\' && j + 1 < n && (s.charAt(j + 1) == '\n' || s.charAt(j + 1) == '\r')) {
                    // a backslash continuation on an otherwise empty line joins it to the next
                    i = skipNewline(j + 1);
                    continue;
                }
                int[] top = indents.get(indents.size() - 1);
                if (col > top[0]) {
                    if (alt <= top[1]) throw err(j, "inconsistent use of tabs and spaces in indentation");
                    if (indents.size() > MAX_INDENT) throw err(j, "too many levels of indentation");
                    indents.add(new int[] {col, alt});
                    out.add(new Tok(T.INDENT, "", pos(j), pos(j), null, null));
                } else {
                    while (col < indents.get(indents.size() - 1)[0]) {
                        indents.remove(indents.size() - 1);
                        out.add(new Tok(T.DEDENT, "", pos(j), pos(j), null, null));
                    }
                    top = indents.get(indents.size() - 1);
                    if (col != top[0]) throw err(j, "unindent does not match any outer indentation level");
                    if (alt != top[1]) throw err(j, "inconsistent use of tabs and spaces in indentation");
                }
                i = j;
                lineStart = false;
            }
            if (i >= n) break;
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
            } else if (c == '\\') {
                if (i + 1 >= n) throw err(i, "unexpected EOF while parsing");
                char d = s.charAt(i + 1);
                if (d != '\n' && d != '\r') throw err(i + 1, "unexpected character after line continuation character");
                i = skipNewline(i + 1);
                if (i >= n) throw err(n, "unexpected EOF while parsing");
            } else if (c == '\n' || c == '\r') {
                int nx = skipNewline(i);
                if (parens.isEmpty()) {
                    out.add(new Tok(T.NEWLINE, "\n", pos(i), pos(nx), null, null));
                    lineStart = true;
                }
                i = nx;
            } else if (isIdStart(s.codePointAt(i))) {
                int j = i;
                while (j < n && isIdPart(s.codePointAt(j))) j += Character.charCount(s.codePointAt(j));
                String word = s.substring(i, j);
                if (j < n && (s.charAt(j) == '\'' || s.charAt(j) == '"') && isStringPrefix(word)) {
                    i = string(i, j, word.toLowerCase());
                } else {
                    if (!isAscii(word)) word = Normalizer.normalize(word, Normalizer.Form.NFKC);
                    out.add(new Tok(T.NAME, word, pos(i), pos(j), null, null));
                    i = j;
                }
            } else if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && s.charAt(i + 1) < 128) {
                i = number(i);
            } else if (c == '\'' || c == '"') {
                i = string(i, i, "");
            } else {
                String op = null;
                for (String o : OPS) {
                    if (o.charAt(0) == c && s.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) {
                    int cp = s.codePointAt(i);
                    if (cp == '$' || cp == '?' || cp == '`' || cp == '!') throw err(i, "invalid syntax");
                    if (Character.isISOControl(cp) || cp == 0xFEFF || Character.getType(cp) == Character.FORMAT) {
                        throw err(i, String.format("invalid non-printable character U+%04X", cp));
                    }
                    throw err(i, String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp));
                }
                Tok t = new Tok(T.OP, op, pos(i), pos(i + op.length()), null, null);
                if (op.equals("(") || op.equals("[") || op.equals("{")) {
                    if (parens.size() >= MAX_PARENS) throw err(i, "too many nested parentheses");
                    parens.push(t);
                } else if (op.equals(")") || op.equals("]") || op.equals("}")) {
                    if (parens.isEmpty()) throw err(i, "unmatched '" + op + "'");
                    Tok open = parens.pop();
                    String want = switch (open.text()) {
                        case "(" -> ")";
                        case "[" -> "]";
                        default -> "}";
                    };
                    if (!want.equals(op)) {
                        String m = "closing parenthesis '" + op + "' does not match opening parenthesis '"
                                + open.text() + "'";
                        if (open.pos().line() != t.pos().line()) m += " on line " + open.pos().line();
                        throw err(i, m);
                    }
                }
                out.add(t);
                i += op.length();
            }
        }
        if (!parens.isEmpty()) {
            Tok open = parens.peek();
            throw new SyntaxError(open.pos(), "'" + open.text() + "' was never closed");
        }
        if (!out.isEmpty()) {
            T last = out.get(out.size() - 1).type();
            if (last != T.NEWLINE && last != T.DEDENT && last != T.INDENT) {
                out.add(new Tok(T.NEWLINE, "", pos(n), pos(n), null, null));
            }
        }
        while (indents.size() > 1) {
            indents.remove(indents.size() - 1);
            out.add(new Tok(T.DEDENT, "", pos(n), pos(n), null, null));
        }
        out.add(new Tok(T.END, "", pos(n), pos(n), null, null));
    }

    private int skipLine(int j) {
        while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') j++;
        return skipNewline(j);
    }

    private int skipNewline(int j) {
        if (j < n && s.charAt(j) == '\r') {
            j++;
            return j < n && s.charAt(j) == '\n' ? j + 1 : j;
        }
        return j < n && s.charAt(j) == '\n' ? j + 1 : j;
    }

    private static boolean isAscii(String w) {
        for (int k = 0; k < w.length(); k++) if (w.charAt(k) >= 128) return false;
        return true;
    }

    public static boolean isIdStart(int cp) {
        if (cp < 128) return cp == '_' || cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z';
        return Character.isUnicodeIdentifierStart(cp) || Character.getType(cp) == Character.LETTER_NUMBER;
    }

    public static boolean isIdPart(int cp) {
        if (cp < 128) return cp == '_' || cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    private static boolean isStringPrefix(String w) {
        return switch (w.toLowerCase()) {
            case "r", "u", "b", "br", "rb", "f", "fr", "rf" -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ numbers

    private int digits(int i, String allowed) {
        // digit (_? digit)*, returns end; throws on a dangling or doubled underscore
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (allowed.indexOf(Character.toLowerCase(c)) >= 0) {
                j++;
            } else if (c == '_' && j > i) {
                if (j + 1 >= n || allowed.indexOf(Character.toLowerCase(s.charAt(j + 1))) < 0) {
                    throw err(j, "invalid decimal literal");
                }
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private int number(int i) {
        int j = i;
        Object value;
        String dec = "0123456789";
        if (s.charAt(i) == '0' && i + 1 < n && "xXoObB".indexOf(s.charAt(i + 1)) >= 0) {
            char kind = Character.toLowerCase(s.charAt(i + 1));
            String allowed = kind == 'x' ? "0123456789abcdef" : kind == 'o' ? "01234567" : "01";
            int k = i + 2;
            if (k < n && s.charAt(k) == '_') k++;
            int e = digits(k, allowed);
            String name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
            if (e == k) throw err(i, "invalid " + name + " literal");
            if (e < n && (isIdPart(s.codePointAt(e)))) throw err(e, "invalid " + name + " literal");
            value = ParamsFiles.intValue(new BigInteger(s.substring(k, e).replace("_", ""),
                    kind == 'x' ? 16 : kind == 'o' ? 8 : 2));
            j = e;
        } else {
            boolean isFloat = false;
            int e = s.charAt(i) == '.' ? i : digits(i, dec);
            String intPart = s.substring(i, e);
            if (e < n && s.charAt(e) == '.') {
                isFloat = true;
                e++;
                if (e < n && Character.isDigit(s.charAt(e)) && s.charAt(e) < 128) e = digits(e, dec);
            }
            if (e < n && (s.charAt(e) == 'e' || s.charAt(e) == 'E')) {
                int k = e + 1;
                if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
                if (k < n && Character.isDigit(s.charAt(k)) && s.charAt(k) < 128) {
                    e = digits(k, dec);
                    isFloat = true;
                } else {
                    throw err(e, "invalid decimal literal");
                }
            }
            boolean imag = false;
            if (e < n && (s.charAt(e) == 'j' || s.charAt(e) == 'J')) {
                imag = true;
                e++;
            }
            String text = s.substring(i, e).replace("_", "");
            if (imag) {
                value = new PyComplex(0.0, Double.parseDouble(text.substring(0, text.length() - 1)));
            } else if (isFloat) {
                value = Double.parseDouble(text);
            } else {
                String digitsOnly = intPart.replace("_", "");
                if (digitsOnly.length() > 1 && digitsOnly.charAt(0) == '0' && !digitsOnly.matches("0+")) {
                    throw err(i, "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                            + "for octal integers");
                }
                value = ParamsFiles.intValue(new BigInteger(digitsOnly));
            }
            if (e < n && isIdStart(s.codePointAt(e)) && !keywordAt(e)) {
                throw err(e, imag ? "invalid imaginary literal" : "invalid decimal literal");
            }
            j = e;
        }
        out.add(new Tok(T.NUMBER, s.substring(i, j), pos(i), pos(j), value, null));
        return j;
    }

    private boolean keywordAt(int e) {
        int j = e;
        while (j < n && isIdPart(s.charAt(j))) j++;
        String w = s.substring(e, j);
        return Set.of("and", "or", "in", "is", "if", "else", "not", "for").contains(w);
    }

    /** A complex literal value. */
    public record PyComplex(double re, double im) {
        String repr() {
            String imS = PyFormat.floatRepr(im).replaceAll("\\.0$", "");
            if (re == 0.0 && (1 / re) > 0) return imS + "j";
            String reS = PyFormat.floatRepr(re).replaceAll("\\.0$", "");
            return "(" + reS + (im >= 0 || Double.isNaN(im) ? "+" : "") + imS + "j)";
        }
    }

    // ------------------------------------------------------------------ strings

    private int string(int start, int q, String prefix) {
        char quote = s.charAt(q);
        boolean triple = q + 2 < n && s.charAt(q + 1) == quote && s.charAt(q + 2) == quote;
        boolean raw = prefix.contains("r");
        boolean bytes = prefix.contains("b");
        int bodyStart = q + (triple ? 3 : 1);
        int j = bodyStart;
        int bodyEnd;
        while (true) {
            if (j >= n) {
                int line = pos(n > 0 && (s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r') ? n - 1 : n).line();
                throw new SyntaxError(pos(start), (triple ? "unterminated triple-quoted string literal"
                        : "unterminated string literal") + " (detected at line " + line + ")");
            }
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                if (j - 1 < n && s.charAt(j - 1) == '\r' && j < n && s.charAt(j) == '\n') j++;
                continue;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                throw new SyntaxError(pos(start), "unterminated string literal (detected at line " + pos(j).line() + ")");
            }
            if (c == quote && (!triple || j + 2 < n && s.charAt(j + 1) == quote && s.charAt(j + 2) == quote)) {
                bodyEnd = j;
                j += triple ? 3 : 1;
                break;
            }
            j++;
        }
        String body = s.substring(bodyStart, bodyEnd).replace("\r\n", "\n").replace('\r', '\n');
        Object value;
        if (prefix.contains("f")) {
            value = null; // an f-string is an expression, never a literal
        } else if (bytes) {
            for (int k = 0; k < body.length(); k++) {
                if (body.charAt(k) >= 128) {
                    throw new SyntaxError(pos(start), "bytes can only contain ASCII literal characters");
                }
            }
            String decoded = raw ? body : unescape(body, true, start);
            byte[] b = new byte[decoded.length()];
            for (int k = 0; k < b.length; k++) b[k] = (byte) decoded.charAt(k);
            value = new PyBytes(b);
        } else {
            value = raw ? body : unescape(body, false, start);
        }
        out.add(new Tok(T.STRING, s.substring(start, j), pos(start), pos(j), value, prefix));
        return j;
    }

    private String unescape(String b, boolean bytes, int start) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        while (k < b.length()) {
            char c = b.charAt(k);
            if (c != '\\' || k + 1 >= b.length()) {
                sb.append(c);
                k++;
                continue;
            }
            char e = b.charAt(k + 1);
            k += 2;
            switch (e) {
                case '\n' -> {
                }
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int d = 0; d < 2 && k < b.length() && b.charAt(k) >= '0' && b.charAt(k) <= '7'; d++) {
                        v = v * 8 + (b.charAt(k++) - '0');
                    }
                    if (bytes) v &= 0xff;
                    sb.appendCodePoint(v);
                }
                case 'x' -> sb.appendCodePoint(hex(b, k, 2, start, "\\xXX", bytes));
                case 'u', 'U', 'N' -> {
                    if (bytes) {
                        sb.append('\\').append(e);
                        continue;
                    }
                    if (e == 'N') {
                        int close = b.indexOf('}', k);
                        if (k >= b.length() || b.charAt(k) != '{' || close < 0) {
                            throw unicodeError(start, "malformed \\N character escape");
                        }
                        int cp;
                        try {
                            cp = Character.codePointOf(b.substring(k + 1, close));
                        } catch (IllegalArgumentException ex) {
                            throw unicodeError(start, "unknown Unicode character name");
                        }
                        sb.appendCodePoint(cp);
                        k = close + 1;
                        continue;
                    }
                    int len = e == 'u' ? 4 : 8;
                    int cp = hex(b, k, len, start, e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX", false);
                    if (cp > 0x10FFFF) throw unicodeError(start, "illegal Unicode character");
                    sb.appendCodePoint(cp);
                    k += len;
                    continue;
                }
                default -> sb.append('\\').append(e);
            }
            if (e == 'x') k += 2;
        }
        return sb.toString();
    }

    private int hex(String b, int k, int len, int start, String what, boolean bytes) {
        if (k + len > b.length()) throw unicodeError(start, "truncated " + what + " escape", bytes);
        int v = 0;
        for (int d = 0; d < len; d++) {
            int h = Character.digit(b.charAt(k + d), 16);
            if (h < 0 || b.charAt(k + d) >= 128) throw unicodeError(start, "truncated " + what + " escape", bytes);
            v = v * 16 + h;
        }
        return v;
    }

    private SyntaxError unicodeError(int start, String what) {
        return unicodeError(start, what, false);
    }

    private SyntaxError unicodeError(int start, String what, boolean bytes) {
        return new SyntaxError(pos(start), bytes ? "(value error) invalid \\x escape"
                : "(unicode error) 'unicodeescape' codec can't decode bytes: " + what);
    }
}
