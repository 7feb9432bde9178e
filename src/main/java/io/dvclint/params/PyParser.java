package io.dvclint.params;

import static io.dvclint.params.PySyntax.OTHER;

import io.dvclint.params.PySyntax.Assign;
import io.dvclint.params.PySyntax.ClassDef;
import io.dvclint.params.PySyntax.FuncDef;
import io.dvclint.params.PySyntax.K;
import io.dvclint.params.PySyntax.Node;
import io.dvclint.params.PySyntax.Stmt;
import io.dvclint.params.PyTokenizer.SyntaxError;
import io.dvclint.params.PyTokenizer.T;
import io.dvclint.params.PyTokenizer.Tok;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's statements over {@link PyTokenizer}'s tokens, as CPython parses a module (its syntax errors in its
 * words): assignments, class and function definitions become {@link Stmt}s, every other statement (imports,
 * control flow, {@code match}, decorators...) is checked and kept as {@link PySyntax#OTHER}. Expressions are read by
 * {@link PyExpressionParser}.
 */
final class PyParser extends PyExpressionParser {
    PyParser(List<Tok> toks) {
        super(toks);
    }

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
}
