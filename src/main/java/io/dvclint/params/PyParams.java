package io.dvclint.params;

import io.dvclint.params.PyTokenizer.PyBytes;
import io.dvclint.params.PyTokenizer.PyComplex;
import io.dvclint.params.PyTokenizer.SyntaxError;
import io.dvclint.params.PyTokenizer.T;
import io.dvclint.params.PyTokenizer.Tok;
import io.dvclint.py.PyFormat;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Extracts params from a Python file without running it, like DVC's {@code dvc/utils/serialize/_py.py}
 * ({@code parse_py} → {@code _ast_tree_to_dict}): the source is parsed (syntax errors are reported), then of the
 * statements directly in the module body it keeps assignments {@code NAME = literal} and {@code NAME: T = literal}
 * (a single target; {@code self.x} targets count too), classes as nested mappings of their own body, and
 * {@code self.x = literal} statements directly inside a (non-async) {@code __init__}. Values must be what
 * {@code ast.literal_eval} accepts; anything else is skipped silently. Tuples and sets become lists; bytes, complex
 * numbers and {@code ...} are kept as their Python repr text.
 */
final class PyParams {
    /** The extracted mapping, or a syntax error. */
    record Result(YMap root, Error error) {
    }

    record Error(Pos pos, String message) {
    }

    private PyParams() {
    }

    static Result parse(SourceText src) {
        try {
            List<Tok> toks = PyTokenizer.tokenize(src);
            Parser p = new Parser(toks);
            List<Stmt> body = p.file();
            List<YMap.Entry> entries = new ArrayList<>();
            extract(body, false, entries);
            return new Result(new YMap(entries, Pos.START, src.posOf(src.text().length()), false), null);
        } catch (SyntaxError e) {
            return new Result(null, new Error(e.pos, e.getMessage()));
        } catch (Unhashable e) {
            return new Result(null, new Error(e.pos, "TypeError: unhashable type: '" + e.getMessage() + "'"));
        } catch (StackOverflowError e) {
            return new Result(null, new Error(Pos.START, "too deeply nested"));
        }
    }

    // ------------------------------------------------------------------ extraction (_ast_tree_to_dict)

    private static void extract(List<Stmt> body, boolean onlySelf, List<YMap.Entry> result) {
        for (Stmt st : body) {
            if (st instanceof Assign a) {
                if (a.value == null || a.targets.size() != 1) continue;
                Node target = a.targets.get(0);
                Node nameNode = targetName(target, onlySelf);
                if (nameNode == null) continue;
                YNode value;
                try {
                    value = literal(a.value);
                } catch (NotLiteral e) {
                    continue;
                }
                String name = (String) nameNode.value;
                update(result, new YScalar(name, name, YScalar.Style.PLAIN, nameNode.pos, nameNode.end), value);
            } else if (st instanceof ClassDef c) {
                List<YMap.Entry> sub = new ArrayList<>();
                extract(c.body, false, sub);
                YScalar key = new YScalar(c.name.text(), c.name.text(), YScalar.Style.PLAIN, c.name.pos(),
                        c.name.end());
                update(result, key, new YMap(sub, c.name.pos(), c.end, false));
            } else if (st instanceof FuncDef f && f.name.text().equals("__init__")) {
                extract(f.body, true, result);
            }
        }
    }

    private static Node targetName(Node t, boolean onlySelf) {
        if (t.kind == K.NAME && !onlySelf) return t;
        if (t.kind == K.ATTR && t.kids.get(0).kind == K.NAME && "self".equals(t.kids.get(0).value)) {
            return t.attr;
        }
        return null;
    }

    /** Python's {@code dict.update} with one key: a known key keeps its place and takes the new value. */
    private static void update(List<YMap.Entry> result, YScalar key, YNode value) {
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).key().value().equals(key.value())) {
                result.set(i, new YMap.Entry(key, value));
                return;
            }
        }
        result.add(new YMap.Entry(key, value));
    }

    // ------------------------------------------------------------------ ast.literal_eval

    private static final class NotLiteral extends RuntimeException {
        NotLiteral() {
            super(null, null, false, false);
        }
    }

    private static final class Unhashable extends RuntimeException {
        final Pos pos;

        Unhashable(Pos pos, String type) {
            super(type, null, false, false);
            this.pos = pos;
        }
    }

    static final Object ELLIPSIS = new Object() {
        @Override
        public String toString() {
            return "Ellipsis";
        }
    };

    private static YNode literal(Node n) {
        switch (n.kind) {
            case CONST:
                return scalar(n.value, n);
            case TUPLE:
            case LIST: {
                List<YNode> items = new ArrayList<>();
                for (Node k : n.kids) items.add(literal(k));
                return new YSeq(items, n.pos, n.end, true);
            }
            case SET: {
                List<YNode> items = new ArrayList<>();
                Set<Object> seen = new HashSet<>();
                for (Node k : n.kids) {
                    YNode v = literal(k);
                    if (seen.add(hashKey(v, k))) items.add(v);
                }
                return new YSeq(items, n.pos, n.end, true);
            }
            case CALL:
                if (n.noArgs && n.kids.get(0).kind == K.NAME && "set".equals(n.kids.get(0).value)) {
                    return new YSeq(new ArrayList<>(), n.pos, n.end, true);
                }
                throw new NotLiteral();
            case DICT: {
                List<YMap.Entry> entries = new ArrayList<>();
                List<Object> keys = new ArrayList<>();
                for (int i = 0; i < n.kids.size(); i += 2) {
                    Node kn = n.kids.get(i);
                    if (kn == null) throw new NotLiteral();
                    YNode k = literal(kn);
                    YNode v = literal(n.kids.get(i + 1));
                    Object hk = hashKey(k, kn);
                    YScalar key = k instanceof YScalar s ? s
                            : new YScalar(reprOf(k), reprOf(k), YScalar.Style.OTHER, k.pos(), k.end());
                    int at = keys.indexOf(hk);
                    if (at >= 0) {
                        entries.set(at, new YMap.Entry(entries.get(at).key(), v));
                    } else {
                        keys.add(hk);
                        entries.add(new YMap.Entry(key, v));
                    }
                }
                return new YMap(entries, n.pos, n.end, true);
            }
            case BINOP: {
                if (!n.op.equals("+") && !n.op.equals("-")) throw new NotLiteral();
                Object left = signedNum(n.kids.get(0));
                Object right = num(n.kids.get(1));
                if (!(right instanceof PyComplex rc) || left instanceof PyComplex) throw new NotLiteral();
                double lre = ((Number) left).doubleValue();
                PyComplex r = n.op.equals("+") ? new PyComplex(lre + rc.re(), rc.im())
                        : new PyComplex(lre - rc.re(), -rc.im());
                return scalar(r, n);
            }
            default:
                return scalar(signedNum(n), n);
        }
    }

    private static Object signedNum(Node n) {
        if (n.kind == K.UNARY && (n.op.equals("+") || n.op.equals("-"))) {
            Object v = num(n.kids.get(0));
            if (n.op.equals("+")) return v;
            if (v instanceof Long l) return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) (-l);
            if (v instanceof BigInteger b) return ParamsFiles.intValue(b.negate());
            if (v instanceof Double d) return -d;
            PyComplex c = (PyComplex) v;
            return new PyComplex(-c.re(), -c.im());
        }
        return num(n);
    }

    private static Object num(Node n) {
        if (n.kind == K.CONST && (n.value instanceof Long || n.value instanceof BigInteger || n.value instanceof Double
                || n.value instanceof PyComplex)) {
            return n.value;
        }
        throw new NotLiteral();
    }

    private static YScalar scalar(Object v, Node n) {
        Object value = v;
        YScalar.Style style = YScalar.Style.PLAIN;
        if (v instanceof PyBytes b) {
            value = b.repr();
            style = YScalar.Style.OTHER;
        } else if (v instanceof PyComplex c) {
            value = c.repr();
            style = YScalar.Style.OTHER;
        } else if (v == ELLIPSIS) {
            value = "Ellipsis";
            style = YScalar.Style.OTHER;
        } else if (v instanceof String) {
            style = YScalar.Style.SINGLE_QUOTED;
        }
        return new YScalar(value, n.text, style, n.pos, n.end);
    }

    private static String reprOf(YNode n) {
        if (n instanceof YSeq s) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < s.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(reprOf(s.get(i)));
            }
            if (s.size() == 1) sb.append(',');
            return sb.append(')').toString();
        }
        YScalar sc = (YScalar) n;
        return sc.style() == YScalar.Style.OTHER ? String.valueOf(sc.value())
                : PyFormat.repr(sc.value());
    }

    /** A value usable to compare keys with Python's equality ({@code 1 == 1.0 == True}); TypeError if unhashable. */
    private static Object hashKey(YNode v, Node src) {
        if (v instanceof YMap) throw new Unhashable(src.pos, "dict");
        if (v instanceof YSeq s) {
            if (src.kind == K.LIST) throw new Unhashable(src.pos, "list");
            if (src.kind == K.SET || src.kind == K.CALL) throw new Unhashable(src.pos, "set");
            List<Object> parts = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) parts.add(hashKey(s.get(i), src.kids.get(i)));
            return parts;
        }
        YScalar sc = (YScalar) v;
        Object x = src.kind == K.CONST && src.value instanceof PyBytes b
                ? "b:" + new String(b.bytes(), StandardCharsets.ISO_8859_1) : sc.value();
        if (x instanceof Boolean b) return b ? BigDecimal.ONE : BigDecimal.ZERO;
        if (x instanceof Long l) return BigDecimal.valueOf(l);
        if (x instanceof BigInteger b) return new BigDecimal(b);
        if (x instanceof Double d) {
            if (d.isInfinite() || d.isNaN()) return d;
            BigDecimal bd = new BigDecimal(d);
            return bd.signum() == 0 ? BigDecimal.ZERO : bd.stripTrailingZeros();
        }
        if (x instanceof String s && sc.style() != YScalar.Style.OTHER) return "s:" + s;
        return x == null ? "None" : "o:" + x;
    }

    // ------------------------------------------------------------------ syntax tree

    enum K { NAME, CONST, ATTR, SUBSCRIPT, CALL, LIST, TUPLE, SET, DICT, UNARY, BINOP, STARRED, OTHER }

    static final class Node {
        final K kind;
        final Pos pos;
        Pos end;
        Object value;
        String text;
        String op;
        Node attr;
        boolean noArgs;
        final List<Node> kids = new ArrayList<>();

        Node(K kind, Pos pos, Pos end) {
            this.kind = kind;
            this.pos = pos;
            this.end = end;
        }
    }

    interface Stmt {
    }

    record Assign(List<Node> targets, Node value, boolean annotated) implements Stmt {
    }

    record ClassDef(Tok name, List<Stmt> body, Pos end) implements Stmt {
    }

    record FuncDef(Tok name, List<Stmt> body) implements Stmt {
    }

    record Other() implements Stmt {
    }

    private static final Other OTHER = new Other();

    // ------------------------------------------------------------------ parser

    private static final class Parser {
        private static final int MAX_DEPTH = 400;
        private final List<Tok> toks;
        private int i;
        private int depth;

        Parser(List<Tok> toks) {
            this.toks = toks;
        }

        private Tok peek() {
            return toks.get(i);
        }

        private Tok peek(int k) {
            return toks.get(Math.min(i + k, toks.size() - 1));
        }

        private Tok next() {
            Tok t = toks.get(i);
            if (t.type() != T.END) i++;
            return t;
        }

        private boolean at(String op) {
            Tok t = peek();
            return t.type() == T.OP && t.text().equals(op);
        }

        private boolean atKw(String kw) {
            Tok t = peek();
            return t.type() == T.NAME && t.text().equals(kw);
        }

        private boolean accept(String op) {
            if (at(op)) {
                i++;
                return true;
            }
            return false;
        }

        private Tok expect(String op) {
            if (!at(op)) {
                if (op.equals(":")) throw new SyntaxError(peek().pos(), "expected ':'");
                throw invalid();
            }
            return next();
        }

        private SyntaxError invalid() {
            Tok t = peek();
            if (t.type() == T.INDENT) return new SyntaxError(t.pos(), "unexpected indent");
            if (t.type() == T.END) return new SyntaxError(t.pos(), "invalid syntax (unexpected end of file)");
            return new SyntaxError(t.pos(), "invalid syntax");
        }

        private boolean isNameTok(Tok t) {
            return t.type() == T.NAME && !PyTokenizer.KEYWORDS.contains(t.text());
        }

        // ---------------------------------------------------------- statements

        List<Stmt> file() {
            List<Stmt> out = new ArrayList<>();
            while (peek().type() != T.END) {
                if (peek().type() == T.NEWLINE) {
                    next();
                    continue;
                }
                statement(out);
            }
            return out;
        }

        private void statement(List<Stmt> out) {
            Tok t = peek();
            if (t.type() == T.INDENT) throw new SyntaxError(t.pos(), "unexpected indent");
            if (t.type() == T.DEDENT) throw new SyntaxError(t.pos(), "unindent does not match any outer indentation level");
            if (t.type() == T.OP && t.text().equals("@")) {
                while (accept("@")) {
                    namedExpression();
                    if (peek().type() != T.NEWLINE) throw invalid();
                    next();
                }
                if (!(atKw("def") || atKw("class") || atKw("async") && peek(1).is("def"))) throw invalid();
                statement(out);
                return;
            }
            if (t.type() == T.NAME) {
                switch (t.text()) {
                    case "class" -> {
                        next();
                        Tok name = next();
                        if (!isNameTok(name)) throw new SyntaxError(name.pos(), "invalid syntax");
                        if (accept("(")) {
                            arguments(null);
                            expect(")");
                        }
                        expect(":");
                        List<Stmt> body = block("class definition", t);
                        out.add(new ClassDef(name, body, toks.get(i - 1).end()));
                        return;
                    }
                    case "def" -> {
                        out.add(funcDef(t));
                        return;
                    }
                    case "async" -> {
                        next();
                        if (atKw("def")) {
                            funcDef(peek());
                            out.add(OTHER);
                            return;
                        }
                        if (!atKw("for") && !atKw("with")) throw invalid();
                        compound(peek().text(), out);
                        return;
                    }
                    case "if", "while", "for", "with", "try" -> {
                        compound(t.text(), out);
                        return;
                    }
                    case "elif", "else", "except", "finally" -> throw new SyntaxError(t.pos(), "invalid syntax");
                    case "match" -> {
                        if (looksLikeMatch()) {
                            skipHeader();
                            matchBody(t);
                            out.add(OTHER);
                            return;
                        }
                    }
                    default -> {
                    }
                }
            }
            simpleStatements(out);
        }

        private boolean looksLikeMatch() {
            // soft keyword: "match <subject>:" followed by an indented block of "case" clauses
            int k = i + 1;
            Tok t = toks.get(k);
            if (t.type() == T.NEWLINE || t.type() == T.OP && (t.text().equals("=") || t.text().equals(".")
                    || t.text().equals(":") || t.text().endsWith("="))) {
                return false;
            }
            Tok last = null;
            while (k < toks.size() && toks.get(k).type() != T.NEWLINE && toks.get(k).type() != T.END) {
                Tok x = toks.get(k);
                if (x.type() == T.OP && x.text().equals("=")) return false;
                last = x;
                k++;
            }
            return last != null && last.is(":") && k + 1 < toks.size() && toks.get(k + 1).type() == T.INDENT;
        }

        private void matchBody(Tok kw) {
            if (peek().type() != T.NEWLINE) throw invalid();
            next();
            if (peek().type() != T.INDENT) {
                throw new SyntaxError(peek().pos(), "expected an indented block after 'match' statement on line "
                        + kw.pos().line());
            }
            next();
            boolean any = false;
            while (atKw("case")) {
                Tok c = next();
                skipHeader();
                block("'case' statement", c);
                any = true;
                while (peek().type() == T.NEWLINE) next();
            }
            if (!any || peek().type() != T.DEDENT && peek().type() != T.END) throw invalid();
            if (peek().type() == T.DEDENT) next();
        }

        private FuncDef funcDef(Tok kw) {
            next();
            Tok name = next();
            if (!isNameTok(name)) throw new SyntaxError(name.pos(), "invalid syntax");
            expect("(");
            params(")");
            expect(")");
            if (accept("->")) expression();
            expect(":");
            return new FuncDef(name, block("function definition", kw));
        }

        /** Parameters up to {@code close}: names with optional annotations and defaults, *, **, /. */
        private void params(String close) {
            while (!at(close)) {
                if (accept("/") || accept("*") || accept("**")) {
                    if (isNameTok(peek())) paramName(close);
                } else if (isNameTok(peek())) {
                    paramName(close);
                } else {
                    throw invalid();
                }
                if (!accept(",")) break;
            }
        }

        private void paramName(String close) {
            next();
            if (close.equals(")") && accept(":")) {
                if (accept("*")) {
                    bitwiseOr();
                } else {
                    expression();
                }
            }
            if (accept("=")) expression();
        }

        private void compound(String kw, List<Stmt> out) {
            Tok kwTok = next();
            switch (kw) {
                case "if", "while" -> {
                    namedExpression();
                    expect(":");
                    block("'" + kw + "' statement", kwTok);
                    while (kw.equals("if") && atKw("elif")) {
                        Tok e = next();
                        namedExpression();
                        expect(":");
                        block("'elif' statement", e);
                    }
                    if (atKw("else")) {
                        Tok e = next();
                        expect(":");
                        block("'else' statement", e);
                    }
                }
                case "for" -> {
                    targetList();
                    if (!atKw("in")) throw invalid();
                    next();
                    starExpressions();
                    expect(":");
                    block("'for' statement", kwTok);
                    if (atKw("else")) {
                        Tok e = next();
                        expect(":");
                        block("'else' statement", e);
                    }
                }
                case "with" -> {
                    skipHeader();
                    block("'with' statement", kwTok);
                }
                case "try" -> {
                    expect(":");
                    block("'try' statement", kwTok);
                    boolean handlers = false;
                    while (atKw("except")) {
                        Tok e = next();
                        skipHeader();
                        block("'except' statement", e);
                        handlers = true;
                    }
                    if (handlers && atKw("else")) {
                        Tok e = next();
                        expect(":");
                        block("'else' statement", e);
                    }
                    boolean fin = false;
                    if (atKw("finally")) {
                        Tok e = next();
                        expect(":");
                        block("'finally' statement", e);
                        fin = true;
                    }
                    if (!handlers && !fin) throw new SyntaxError(peek().pos(), "expected 'except' or 'finally' block");
                }
                default -> throw invalid();
            }
            out.add(OTHER);
        }

        /** Skips to the ':' that ends a compound statement header. */
        private void skipHeader() {
            int lambdas = 0;
            while (true) {
                Tok t = peek();
                if (t.type() == T.NEWLINE || t.type() == T.END) throw new SyntaxError(t.pos(), "expected ':'");
                next();
                if (t.is("lambda")) lambdas++;
                if (t.type() == T.OP && t.text().equals(":")) {
                    if (lambdas == 0) return;
                    lambdas--;
                }
                if (t.type() == T.OP && (t.text().equals("(") || t.text().equals("[") || t.text().equals("{"))) {
                    skipBalanced();
                }
            }
        }

        private void skipBalanced() {
            int level = 1;
            while (level > 0) {
                Tok t = next();
                if (t.type() == T.END) return;
                if (t.type() == T.OP) {
                    if (t.text().equals("(") || t.text().equals("[") || t.text().equals("{")) level++;
                    if (t.text().equals(")") || t.text().equals("]") || t.text().equals("}")) level--;
                }
            }
        }

        private List<Stmt> block(String what, Tok kw) {
            List<Stmt> body = new ArrayList<>();
            if (peek().type() == T.NEWLINE) {
                next();
                if (peek().type() != T.INDENT) {
                    throw new SyntaxError(peek().pos(), "expected an indented block after " + what + " on line "
                            + kw.pos().line());
                }
                next();
                while (peek().type() != T.DEDENT && peek().type() != T.END) {
                    if (peek().type() == T.NEWLINE) {
                        next();
                        continue;
                    }
                    statement(body);
                }
                if (peek().type() == T.DEDENT) next();
            } else {
                simpleStatements(body);
            }
            return body;
        }

        private void simpleStatements(List<Stmt> out) {
            while (true) {
                simpleStatement(out);
                if (accept(";")) {
                    if (peek().type() == T.NEWLINE || peek().type() == T.END) break;
                    continue;
                }
                break;
            }
            Tok t = peek();
            if (t.type() == T.NEWLINE) {
                next();
            } else if (t.type() != T.END) {
                throw new SyntaxError(t.pos(), "invalid syntax");
            }
        }

        private void simpleStatement(List<Stmt> out) {
            Tok t = peek();
            if (t.type() == T.NAME) {
                switch (t.text()) {
                    case "pass", "break", "continue" -> {
                        next();
                        out.add(OTHER);
                        return;
                    }
                    case "return" -> {
                        next();
                        if (!endOfSimple()) starExpressions();
                        out.add(OTHER);
                        return;
                    }
                    case "raise" -> {
                        next();
                        if (!endOfSimple()) {
                            expression();
                            if (atKw("from")) {
                                next();
                                expression();
                            }
                        }
                        out.add(OTHER);
                        return;
                    }
                    case "del" -> {
                        next();
                        targetList();
                        out.add(OTHER);
                        return;
                    }
                    case "assert" -> {
                        next();
                        expression();
                        if (accept(",")) expression();
                        out.add(OTHER);
                        return;
                    }
                    case "global", "nonlocal" -> {
                        next();
                        do {
                            if (!isNameTok(next())) throw new SyntaxError(toks.get(i - 1).pos(), "invalid syntax");
                        } while (accept(","));
                        out.add(OTHER);
                        return;
                    }
                    case "import", "from" -> {
                        importStatement();
                        out.add(OTHER);
                        return;
                    }
                    default -> {
                    }
                }
            }
            Node first = atKw("yield") ? yieldExpr() : starExpressions();
            if (at(":")) {
                next();
                if (first.kind == K.TUPLE) {
                    throw new SyntaxError(first.pos, "only single target (not tuple) can be annotated");
                }
                if (first.kind != K.NAME && first.kind != K.ATTR && first.kind != K.SUBSCRIPT) {
                    throw new SyntaxError(first.pos, "illegal target for annotation");
                }
                expression();
                Node value = null;
                if (accept("=")) value = atKw("yield") ? yieldExpr() : starExpressions();
                out.add(new Assign(List.of(first), value, true));
                return;
            }
            if (at("=")) {
                List<Node> targets = new ArrayList<>();
                targets.add(first);
                Node value = null;
                while (accept("=")) {
                    value = atKw("yield") ? yieldExpr() : starExpressions();
                    if (at("=")) targets.add(value);
                }
                for (Node tg : targets) checkTarget(tg);
                out.add(new Assign(targets, value, false));
                return;
            }
            if (peek().type() == T.OP && peek().text().length() >= 2 && peek().text().endsWith("=")
                    && !peek().text().equals("==") && !peek().text().equals("<=") && !peek().text().equals(">=")
                    && !peek().text().equals("!=")) {
                Tok op = next();
                if (first.kind != K.NAME && first.kind != K.ATTR && first.kind != K.SUBSCRIPT) {
                    throw new SyntaxError(first.pos, "'" + describe(first) + "' is an illegal expression for "
                            + "augmented assignment");
                }
                if (atKw("yield")) {
                    yieldExpr();
                } else {
                    starExpressions();
                }
                out.add(OTHER);
                return;
            }
            out.add(OTHER);
        }

        private boolean endOfSimple() {
            Tok t = peek();
            return t.type() == T.NEWLINE || t.type() == T.END || t.is(";");
        }

        private void importStatement() {
            Tok kw = next();
            if (kw.text().equals("import")) {
                do {
                    dottedName();
                    if (atKw("as")) {
                        next();
                        if (!isNameTok(next())) throw new SyntaxError(toks.get(i - 1).pos(), "invalid syntax");
                    }
                } while (accept(","));
                return;
            }
            boolean any = false;
            while (at(".") || at("...")) {
                next();
                any = true;
            }
            if (!atKw("import")) {
                dottedName();
            } else if (!any) {
                throw invalid();
            }
            if (!atKw("import")) throw invalid();
            next();
            if (accept("*")) return;
            boolean paren = accept("(");
            do {
                if (paren && at(")")) break;
                if (!isNameTok(next())) throw new SyntaxError(toks.get(i - 1).pos(), "invalid syntax");
                if (atKw("as")) {
                    next();
                    if (!isNameTok(next())) throw new SyntaxError(toks.get(i - 1).pos(), "invalid syntax");
                }
            } while (accept(","));
            if (paren) expect(")");
        }

        private void dottedName() {
            if (!isNameTok(next())) throw new SyntaxError(toks.get(i - 1).pos(), "invalid syntax");
            while (accept(".")) {
                if (!isNameTok(next())) throw new SyntaxError(toks.get(i - 1).pos(), "invalid syntax");
            }
        }

        private void checkTarget(Node t) {
            switch (t.kind) {
                case NAME -> {
                    if (PyTokenizer.KEYWORDS.contains((String) t.value)) {
                        throw new SyntaxError(t.pos, "cannot assign to " + t.value);
                    }
                }
                case ATTR, SUBSCRIPT -> {
                }
                case STARRED -> checkTarget(t.kids.get(0));
                case TUPLE, LIST -> {
                    for (Node k : t.kids) checkTarget(k);
                }
                default -> {
                    if (t.kind == K.CONST && (t.value == null || t.value instanceof Boolean)) {
                        throw new SyntaxError(t.pos, "cannot assign to " + describe(t));
                    }
                    throw new SyntaxError(t.pos, "cannot assign to " + describe(t) + " here. Maybe you "
                            + "meant '==' instead of '='?");
                }
            }
        }

        private static String describe(Node t) {
            return switch (t.kind) {
                case CONST -> t.value == null || t.value instanceof Boolean ? String.valueOf(
                        t.value == null ? "None" : (Boolean) t.value ? "True" : "False") : "literal";
                case CALL -> "function call";
                case DICT -> "dict literal";
                case SET -> "set display";
                default -> "expression";
            };
        }

        /** Assignment targets for {@code for} and {@code del}: stops before {@code in}. */
        private Node targetList() {
            Node first = target();
            if (!at(",")) return first;
            Node tuple = new Node(K.TUPLE, first.pos, first.end);
            tuple.kids.add(first);
            while (accept(",")) {
                if (atKw("in") || endOfSimple() || at(":")) break;
                tuple.kids.add(target());
            }
            tuple.end = toks.get(i - 1).end();
            return tuple;
        }

        private Node target() {
            return at("*") ? starred() : bitwiseOr();
        }

        /** {@code *expr}: a starred target or expression. */
        private Node starred() {
            Tok s = next();
            Node n = new Node(K.STARRED, s.pos(), null);
            n.kids.add(bitwiseOr());
            n.end = n.kids.get(0).end;
            return n;
        }

        // ---------------------------------------------------------- expressions

        private void enter() {
            if (++depth > MAX_DEPTH) throw new SyntaxError(peek().pos(), "too many nested expressions");
        }

        private Node starExpressions() {
            Node first = starExpression();
            if (!at(",")) return first;
            Node tuple = new Node(K.TUPLE, first.pos, first.end);
            tuple.kids.add(first);
            while (accept(",")) {
                if (!startsExpression()) break;
                tuple.kids.add(starExpression());
            }
            tuple.end = toks.get(i - 1).end();
            return tuple;
        }

        private boolean startsExpression() {
            Tok t = peek();
            return switch (t.type()) {
                case NAME -> !PyTokenizer.KEYWORDS.contains(t.text()) || Set.of("True", "False", "None", "not",
                        "lambda", "await", "yield").contains(t.text());
                case NUMBER, STRING -> true;
                case OP -> Set.of("(", "[", "{", "-", "+", "~", "*", "...").contains(t.text());
                default -> false;
            };
        }

        private Node starExpression() {
            return at("*") ? starred() : expression();
        }

        private Node starNamedExpression() {
            return at("*") ? starExpression() : namedExpression();
        }

        private Node namedExpression() {
            if (isNameTok(peek()) && peek(1).is(":=")) {
                Tok name = next();
                next();
                Node v = expression();
                return other(name.pos(), v.end);
            }
            return expression();
        }

        private Node other(Pos p, Pos e) {
            return new Node(K.OTHER, p, e);
        }

        private Node expression() {
            enter();
            try {
                if (atKw("lambda")) {
                    Tok l = next();
                    params(":");
                    expect(":");
                    Node body = expression();
                    return other(l.pos(), body.end);
                }
                Node d = disjunction();
                if (atKw("if")) {
                    next();
                    disjunction();
                    if (!atKw("else")) throw new SyntaxError(peek().pos(), "expected 'else' after 'if' expression");
                    next();
                    Node e = expression();
                    return other(d.pos, e.end);
                }
                return d;
            } finally {
                depth--;
            }
        }

        private Node disjunction() {
            Node l = conjunction();
            while (atKw("or")) {
                next();
                l = other(l.pos, conjunction().end);
            }
            return l;
        }

        private Node conjunction() {
            Node l = inversion();
            while (atKw("and")) {
                next();
                l = other(l.pos, inversion().end);
            }
            return l;
        }

        private Node inversion() {
            if (atKw("not")) {
                enter();
                try {
                    Tok t = next();
                    return other(t.pos(), inversion().end);
                } finally {
                    depth--;
                }
            }
            return comparison();
        }

        private static final Set<String> COMPARE = Set.of("==", "!=", "<", "<=", ">", ">=");

        private Node comparison() {
            Node l = bitwiseOr();
            while (true) {
                Tok t = peek();
                if (t.type() == T.OP && COMPARE.contains(t.text())) {
                    next();
                } else if (atKw("in")) {
                    next();
                } else if (atKw("not") && peek(1).is("in")) {
                    next();
                    next();
                } else if (atKw("is")) {
                    next();
                    if (atKw("not")) next();
                } else {
                    return l;
                }
                l = other(l.pos, bitwiseOr().end);
            }
        }

        private static final String[][] LEVELS = {{"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"},
            {"*", "/", "//", "%", "@"}};

        private Node bitwiseOr() {
            return binary(0);
        }

        private Node binary(int level) {
            if (level == LEVELS.length) return factor();
            Node l = binary(level + 1);
            while (true) {
                Tok t = peek();
                String op = null;
                if (t.type() == T.OP) for (String o : LEVELS[level]) if (o.equals(t.text())) op = o;
                if (op == null) return l;
                next();
                Node r = binary(level + 1);
                Node b = new Node(K.BINOP, l.pos, r.end);
                b.op = op;
                b.kids.add(l);
                b.kids.add(r);
                l = b;
            }
        }

        private Node factor() {
            Tok t = peek();
            if (t.type() == T.OP && (t.text().equals("+") || t.text().equals("-") || t.text().equals("~"))) {
                enter();
                try {
                    next();
                    Node operand = factor();
                    Node u = new Node(K.UNARY, t.pos(), operand.end);
                    u.op = t.text();
                    u.kids.add(operand);
                    return u;
                } finally {
                    depth--;
                }
            }
            return power();
        }

        private Node power() {
            Node base;
            if (atKw("await")) {
                Tok a = next();
                base = other(a.pos(), primary().end);
            } else {
                base = primary();
            }
            if (accept("**")) {
                Node r = factor();
                Node b = new Node(K.BINOP, base.pos, r.end);
                b.op = "**";
                b.kids.add(base);
                b.kids.add(r);
                return b;
            }
            return base;
        }

        private Node primary() {
            Node n = atom();
            while (true) {
                if (at(".")) {
                    next();
                    Tok name = next();
                    if (!isNameTok(name)) throw new SyntaxError(name.pos(), "invalid syntax");
                    Node a = new Node(K.ATTR, n.pos, name.end());
                    a.kids.add(n);
                    a.attr = new Node(K.NAME, name.pos(), name.end());
                    a.attr.value = name.text();
                    n = a;
                } else if (at("(")) {
                    next();
                    Node c = new Node(K.CALL, n.pos, null);
                    c.kids.add(n);
                    c.noArgs = at(")");
                    arguments(c);
                    c.end = expect(")").end();
                    n = c;
                } else if (at("[")) {
                    next();
                    slices();
                    Node s = new Node(K.SUBSCRIPT, n.pos, expect("]").end());
                    s.kids.add(n);
                    n = s;
                } else {
                    return n;
                }
            }
        }

        private void arguments(Node call) {
            boolean first = true;
            while (!at(")")) {
                if (accept("*")) {
                    expression();
                } else if (accept("**")) {
                    expression();
                } else if (isNameTok(peek()) && peek(1).is("=")) {
                    next();
                    next();
                    expression();
                } else {
                    namedExpression();
                    if (atKw("for") || atKw("async")) {
                        comprehension();
                        if (!first || !at(")")) {
                            throw new SyntaxError(peek().pos(), "Generator expression must be parenthesized");
                        }
                    }
                }
                first = false;
                if (!accept(",")) break;
            }
        }

        private void slices() {
            do {
                if (at("]")) break;
                slice();
            } while (accept(","));
        }

        private void slice() {
            if (at("*")) {
                starExpression();
                return;
            }
            if (!at(":")) {
                namedExpression();
                if (!at(":")) return;
            }
            expect(":");
            if (!at(":") && !at("]") && !at(",")) expression();
            if (accept(":") && !at("]") && !at(",")) expression();
        }

        private void comprehension() {
            while (atKw("for") || atKw("async") && peek(1).is("for")) {
                if (atKw("async")) next();
                next();
                targetList();
                if (!atKw("in")) throw invalid();
                next();
                disjunction();
                while (atKw("if")) {
                    next();
                    disjunction();
                }
            }
        }

        private Node yieldExpr() {
            Tok y = next();
            if (atKw("from")) {
                next();
                return other(y.pos(), expression().end);
            }
            if (startsExpression()) return other(y.pos(), starExpressions().end);
            return other(y.pos(), y.end());
        }

        private Node atom() {
            Tok t = peek();
            switch (t.type()) {
                case NAME -> {
                    String w = t.text();
                    if (w.equals("True") || w.equals("False") || w.equals("None")) {
                        next();
                        Node c = new Node(K.CONST, t.pos(), t.end());
                        c.value = w.equals("None") ? null : Boolean.valueOf(w.equals("True"));
                        c.text = w;
                        return c;
                    }
                    if (PyTokenizer.KEYWORDS.contains(w)) throw invalid();
                    next();
                    Node n = new Node(K.NAME, t.pos(), t.end());
                    n.value = w;
                    n.text = w;
                    return n;
                }
                case NUMBER -> {
                    next();
                    Node c = new Node(K.CONST, t.pos(), t.end());
                    c.value = t.value();
                    c.text = t.text();
                    return c;
                }
                case STRING -> {
                    return strings();
                }
                case OP -> {
                    switch (t.text()) {
                        case "..." -> {
                            next();
                            Node c = new Node(K.CONST, t.pos(), t.end());
                            c.value = ELLIPSIS;
                            c.text = "...";
                            return c;
                        }
                        case "(" -> {
                            return paren();
                        }
                        case "[" -> {
                            return list();
                        }
                        case "{" -> {
                            return brace();
                        }
                        default -> throw invalid();
                    }
                }
                default -> throw invalid();
            }
        }

        private Node strings() {
            Tok first = peek();
            StringBuilder sb = new StringBuilder();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            boolean fstring = false, isBytes = false, isStr = false;
            Tok last = first;
            while (peek().type() == T.STRING) {
                Tok s = next();
                last = s;
                if (s.prefix().contains("b")) {
                    isBytes = true;
                    byte[] b = ((PyBytes) s.value()).bytes();
                    bytes.write(b, 0, b.length);
                } else {
                    isStr = true;
                    if (s.prefix().contains("f")) fstring = true;
                    else sb.append((String) s.value());
                }
            }
            if (isBytes && isStr) throw new SyntaxError(first.pos(), "cannot mix bytes and nonbytes literals");
            if (fstring) return other(first.pos(), last.end());
            Node c = new Node(K.CONST, first.pos(), last.end());
            c.value = isBytes ? new PyBytes(bytes.toByteArray()) : sb.toString();
            c.text = first.text();
            return c;
        }

        private Node paren() {
            Tok open = next();
            if (at(")")) {
                return new Node(K.TUPLE, open.pos(), next().end());
            }
            if (atKw("yield")) {
                yieldExpr();
                return other(open.pos(), expect(")").end());
            }
            Node first = starNamedExpression();
            if (atKw("for") || atKw("async")) {
                comprehension();
                return other(open.pos(), expect(")").end());
            }
            if (!at(",")) {
                if (first.kind == K.STARRED) throw new SyntaxError(first.pos, "cannot use starred expression here");
                expect(")");
                return first;
            }
            Node tuple = new Node(K.TUPLE, open.pos(), null);
            tuple.kids.add(first);
            while (accept(",")) {
                if (at(")")) break;
                tuple.kids.add(starNamedExpression());
            }
            tuple.end = expect(")").end();
            return tuple;
        }

        private Node list() {
            Tok open = next();
            Node l = new Node(K.LIST, open.pos(), null);
            if (!at("]")) {
                Node first = starNamedExpression();
                if (atKw("for") || atKw("async")) {
                    comprehension();
                    return other(open.pos(), expect("]").end());
                }
                l.kids.add(first);
                while (accept(",")) {
                    if (at("]")) break;
                    l.kids.add(starNamedExpression());
                }
            }
            l.end = expect("]").end();
            return l;
        }

        private Node brace() {
            Tok open = next();
            if (at("}")) return new Node(K.DICT, open.pos(), next().end());
            Node d = new Node(K.DICT, open.pos(), null);
            boolean isDict;
            if (accept("**")) {
                d.kids.add(null);
                d.kids.add(bitwiseOr());
                isDict = true;
            } else {
                Node first = starNamedExpression();
                if (at(":") && first.kind != K.STARRED) {
                    next();
                    Node v = expression();
                    if (atKw("for") || atKw("async")) {
                        comprehension();
                        return other(open.pos(), expect("}").end());
                    }
                    d.kids.add(first);
                    d.kids.add(v);
                    isDict = true;
                } else {
                    if (atKw("for") || atKw("async")) {
                        comprehension();
                        return other(open.pos(), expect("}").end());
                    }
                    d = new Node(K.SET, open.pos(), null);
                    d.kids.add(first);
                    isDict = false;
                }
            }
            while (accept(",")) {
                if (at("}")) break;
                if (isDict) {
                    if (accept("**")) {
                        d.kids.add(null);
                        d.kids.add(bitwiseOr());
                    } else {
                        d.kids.add(expression());
                        expect(":");
                        d.kids.add(expression());
                    }
                } else {
                    d.kids.add(starNamedExpression());
                }
            }
            d.end = expect("}").end();
            return d;
        }
    }
}
