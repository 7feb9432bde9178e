package io.dvclint.params;

import static io.dvclint.params.PySyntax.ELLIPSIS;

import io.dvclint.params.PySyntax.Assign;
import io.dvclint.params.PySyntax.ClassDef;
import io.dvclint.params.PySyntax.FuncDef;
import io.dvclint.params.PySyntax.K;
import io.dvclint.params.PySyntax.Node;
import io.dvclint.params.PySyntax.Stmt;
import io.dvclint.params.PyTokenizer.PyBytes;
import io.dvclint.params.PyTokenizer.PyComplex;
import io.dvclint.params.PyTokenizer.SyntaxError;
import io.dvclint.params.PyTokenizer.Tok;
import io.dvclint.py.PyFormat;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
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
            PyParser p = new PyParser(toks);
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
                if (a.value() == null || a.targets().size() != 1) continue;
                Node target = a.targets().get(0);
                Node nameNode = targetName(target, onlySelf);
                if (nameNode == null) continue;
                YNode value;
                try {
                    value = literal(a.value());
                } catch (NotLiteral e) {
                    continue;
                }
                String name = (String) nameNode.value;
                update(result, new YScalar(name, name, YScalar.Style.PLAIN, nameNode.pos, nameNode.end), value);
            } else if (st instanceof ClassDef c) {
                List<YMap.Entry> sub = new ArrayList<>();
                extract(c.body(), false, sub);
                YScalar key = new YScalar(c.name().text(), c.name().text(), YScalar.Style.PLAIN, c.name().pos(),
                        c.name().end());
                update(result, key, new YMap(sub, c.name().pos(), c.end(), false));
            } else if (st instanceof FuncDef f && f.name().text().equals("__init__")) {
                extract(f.body(), true, result);
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
}
