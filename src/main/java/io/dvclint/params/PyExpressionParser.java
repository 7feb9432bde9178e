package io.dvclint.params;

import static io.dvclint.params.PySyntax.ELLIPSIS;

import io.dvclint.params.PySyntax.K;
import io.dvclint.params.PySyntax.Node;
import io.dvclint.params.PyTokenizer.PyBytes;
import io.dvclint.params.PyTokenizer.SyntaxError;
import io.dvclint.params.PyTokenizer.T;
import io.dvclint.params.PyTokenizer.Tok;
import io.dvclint.yaml.Pos;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

/**
 * Python's expressions (CPython's grammar, its syntax errors in its words) over {@link PyTokenizer}'s tokens, with
 * the token cursor {@link PyParser} reads statements with: literals, names, attributes, subscripts, calls, displays
 * and unary and binary operators become {@link Node}s; lambdas, comprehensions, f-strings, conditional and other
 * expressions are checked and kept as {@link K#OTHER} nodes spanning their text. Assignment targets and parameter
 * lists are here too, since lambdas and comprehensions have them.
 */
class PyExpressionParser {
    private static final int MAX_DEPTH = 400;
    final List<Tok> toks;
    int i;
    private int depth;

    PyExpressionParser(List<Tok> toks) {
        this.toks = toks;
    }

    Tok peek() {
        return toks.get(i);
    }

    Tok peek(int k) {
        return toks.get(Math.min(i + k, toks.size() - 1));
    }

    Tok next() {
        Tok t = toks.get(i);
        if (t.type() != T.END) i++;
        return t;
    }

    boolean at(String op) {
        Tok t = peek();
        return t.type() == T.OP && t.text().equals(op);
    }

    boolean atKw(String kw) {
        Tok t = peek();
        return t.type() == T.NAME && t.text().equals(kw);
    }

    boolean accept(String op) {
        if (at(op)) {
            i++;
            return true;
        }
        return false;
    }

    Tok expect(String op) {
        if (!at(op)) {
            if (op.equals(":")) throw new SyntaxError(peek().pos(), "expected ':'");
            throw invalid();
        }
        return next();
    }

    SyntaxError invalid() {
        Tok t = peek();
        if (t.type() == T.INDENT) return new SyntaxError(t.pos(), "unexpected indent");
        if (t.type() == T.END) return new SyntaxError(t.pos(), "invalid syntax (unexpected end of file)");
        return new SyntaxError(t.pos(), "invalid syntax");
    }

    boolean isNameTok(Tok t) {
        return t.type() == T.NAME && !PyTokenizer.KEYWORDS.contains(t.text());
    }

    /** Parameters up to {@code close}: names with optional annotations and defaults, *, **, /. */
    void params(String close) {
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

    boolean endOfSimple() {
        Tok t = peek();
        return t.type() == T.NEWLINE || t.type() == T.END || t.is(";");
    }

    void checkTarget(Node t) {
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

    static String describe(Node t) {
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
    Node targetList() {
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

    Node starExpressions() {
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

    Node namedExpression() {
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

    Node expression() {
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

    void arguments(Node call) {
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

    Node yieldExpr() {
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
