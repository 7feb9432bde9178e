package io.dvclint.template;

import io.dvclint.findings.Suggest;
import io.dvclint.py.PyFormat;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DVC's {@code interpolate.py} for one evaluation (a stage, a foreach/matrix group's data, a top-level item):
 * {@code ${...}} references looked up in a {@link Context}, a whole-value reference keeping the value's type, the
 * others formatted with {@code to_str} (a dictionary unpacked into {@code --key value} inside {@code cmd}),
 * {@code validate_value}, and a did-you-mean for a key not found. Errors go to {@link #errs} under {@link #where};
 * the context values read, to {@link #used}.
 */
final class Interpolator {
    /** What {@link #resolveString} returns when it failed (its errors recorded). */
    static final Object FAIL = new Object();

    /** Raised by dict unpacking for a list inside a list. */
    static final class NestedIterable extends Exception {
        NestedIterable(String key) {
            super("Cannot interpolate nested iterable in '" + key + "'", null, false, false);
        }
    }

    /** Parsed strings of the resolution, shared by its evaluations. */
    private final Map<String, Tmpl> tmpls;
    Context context;
    /** Look keys up as written (generated stages) rather than as parsed. */
    private final boolean rawKeys;
    final Set<UsedVar> used;
    final List<Err> errs;
    private final String stage;
    /** The field being resolved as DVC names it in messages ({@code 'stages.train.cmd'}). */
    String where;
    // set when a whole-value reference put a non-string value into the definition (only then can the
    // resolved stage break the schema that the raw one passed)
    boolean retyped;
    // the last failed lookup, for did-you-mean
    private CNode missIn;
    private String missPrefix;
    private String missSeg;
    private String missRest;
    private boolean missTop;

    Interpolator(Map<String, Tmpl> tmpls, Context context, boolean rawKeys, Set<UsedVar> used, List<Err> errs,
                 String stage) {
        this.tmpls = tmpls;
        this.context = context;
        this.rawKeys = rawKeys;
        this.used = used;
        this.errs = errs;
        this.stage = stage;
    }

    void err(Pos pos, String body) {
        errs.add(new Err(pos, where, body, stage));
    }

    private Tmpl tmpl(String s) {
        if (s.indexOf('$') < 0) return Tmpl.NONE;
        Tmpl t = tmpls.get(s);
        if (t == null) {
            t = Tmpl.compile(s);
            tmpls.put(s, t);
        }
        return t;
    }

    // ------------------------------------------------------------------------------------------------ resolution

    /**
     * Resolves one string: FAIL (errors recorded), the same String when nothing changes, a new String, or a context
     * node when the string is exactly one reference.
     */
    Object resolveString(YScalar sc, String s, String field) {
        Tmpl t = tmpl(s);
        if (t.isEmpty()) return s;
        if (t.refs.isEmpty()) return s.replace("\\${", "${");
        if (t.exact) {
            Tmpl.Ref r = t.refs.get(0);
            Pos pos = posOf(sc, r.start());
            if (r.syntaxError() != null) {
                err(pos, "${" + r.inner() + "}: " + r.syntaxError());
                return FAIL;
            }
            CNode v = lookup(r, pos);
            if (v == null || !validate(v, field, pos)) return FAIL;
            return v;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        boolean ok = true;
        int idx = 0;
        for (Tmpl.Ref r : t.refs) {
            Pos pos = posOf(sc, r.start());
            if (r.syntaxError() != null) {
                err(pos, "${" + r.inner() + "}: " + r.syntaxError());
                ok = false;
                continue;
            }
            CNode v = lookup(r, pos);
            if (v == null || !validate(v, field, pos)) {
                ok = false;
                continue;
            }
            String str;
            try {
                str = toStr(v);
            } catch (NestedIterable e) {
                err(pos, e.getMessage());
                ok = false;
                continue;
            }
            sb.append(s, idx, r.start()).append(str);
            idx = r.end();
        }
        if (!ok) return FAIL;
        sb.append(s, idx, s.length());
        return sb.toString().replace("\\${", "${");
    }

    /** Resolves a template node into a new positioned node; null when it failed (errors recorded). */
    YNode resolveNode(YNode n, String field) {
        if (n instanceof YScalar sc) {
            if (!(sc.value() instanceof String s)) return sc;
            Object r = resolveString(sc, s, field);
            if (r == FAIL) return null;
            if (r == s) return sc;
            if (r instanceof String str) return new YScalar(str, str, sc.style(), sc.pos(), sc.end());
            retyped = true;
            return toYNode((CNode) r, sc);
        }
        if (n instanceof YSeq seq) {
            List<YNode> out = new ArrayList<>(seq.size());
            boolean ok = true;
            for (YNode x : seq.items()) {
                YNode r = resolveNode(x, field);
                if (r == null) ok = false;
                else out.add(r);
            }
            return ok ? YSeq.like(seq, out) : null;
        }
        YMap m = (YMap) n;
        List<YMap.Entry> out = new ArrayList<>(m.size());
        Map<Object, Integer> index = null;
        boolean ok = true;
        for (YMap.Entry e : m.entries()) {
            YNode k = resolveNode(e.key(), field);
            YNode v = resolveNode(e.value(), field);
            if (k == null || v == null) {
                ok = false;
                continue;
            }
            if (!(k instanceof YScalar ks)) {
                err(e.key().pos(), "Cannot use data of type '" + k.typeName() + "' as a mapping key");
                ok = false;
                continue;
            }
            if (k != e.key() || index != null) {
                if (index == null) {
                    index = new HashMap<>();
                    for (int i = 0; i < out.size(); i++) index.put(out.get(i).key().value(), i);
                }
                Integer at = index.get(ks.value());
                if (at != null) {
                    out.set(at, new YMap.Entry(out.get(at).key(), v));
                    continue;
                }
                index.put(ks.value(), out.size());
            }
            out.add(new YMap.Entry(ks, v));
        }
        return ok ? YMap.like(m, out) : null;
    }

    /** A context value put in place of a whole-value reference, positioned at the template scalar. */
    private static YNode toYNode(CNode v, YScalar at) {
        if (v instanceof CNode.Val val) {
            Object x = val.value;
            return new YScalar(x, x == null ? "" : x instanceof String s ? s : PyFormat.str(x), at.style(), at.pos(),
                    at.end());
        }
        if (v instanceof CNode.Lst l) {
            List<YNode> out = new ArrayList<>(l.items.size());
            for (CNode c : l.items) out.add(toYNode(c, at));
            return YSeq.of(out, at.pos(), at.end());
        }
        List<YMap.Entry> out = new ArrayList<>();
        for (Map.Entry<String, CNode> e : ((CNode.Dict) v).map.entrySet()) {
            YScalar k = new YScalar(e.getKey(), e.getKey(), YScalar.Style.PLAIN, at.pos(), at.end());
            out.add(new YMap.Entry(k, toYNode(e.getValue(), at)));
        }
        return YMap.of(out, at.pos(), at.end());
    }

    /** DVC's {@code check_recursive_parse_errors} over each value of a definition; false when one is bad. */
    boolean checkSyntax(YMap def, String name) {
        boolean ok = true;
        for (YMap.Entry e : def.entries()) {
            where = "'stages." + name + "." + e.name() + "'";
            ok &= checkSyntax(e.value());
        }
        return ok;
    }

    boolean checkSyntax(YNode n) {
        if (n instanceof YScalar sc) {
            if (!(sc.value() instanceof String s)) return true;
            boolean ok = true;
            for (Tmpl.Ref r : tmpl(s).refs) {
                if (r.syntaxError() != null) {
                    err(posOf(sc, r.start()), "${" + r.inner() + "}: " + r.syntaxError());
                    ok = false;
                }
            }
            return ok;
        }
        boolean ok = true;
        if (n instanceof YSeq s) {
            for (YNode x : s.items()) ok &= checkSyntax(x);
        } else if (n instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                ok &= checkSyntax(e.key());
                ok &= checkSyntax(e.value());
            }
        }
        return ok;
    }

    /** The first string of {@code n} (keys included) that holds a {@code ${...}} reference; null when none does. */
    static YScalar findInterpolated(YNode n) {
        if (n instanceof YScalar sc) {
            return sc.value() instanceof String s && TemplateResolver.containsTemplate(s) ? sc : null;
        }
        if (n instanceof YSeq s) {
            for (YNode x : s.items()) {
                YScalar f = findInterpolated(x);
                if (f != null) return f;
            }
        } else if (n instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                YScalar f = findInterpolated(e.key());
                if (f == null) f = findInterpolated(e.value());
                if (f != null) return f;
            }
        }
        return null;
    }

    /** Position of the character at {@code offset} of a string scalar, when the source maps 1:1; else the scalar's. */
    static Pos posOf(YScalar sc, int offset) {
        if (!(sc.value() instanceof String v) || sc.pos().line() != sc.end().line()) return sc.pos();
        int quote = switch (sc.style()) {
            case PLAIN -> 0;
            case SINGLE_QUOTED, DOUBLE_QUOTED -> 1;
            default -> -1;
        };
        if (quote < 0) return sc.pos();
        int len = v.codePointCount(0, v.length());
        if (sc.end().col() - sc.pos().col() != len + 2 * quote) return sc.pos();
        return new Pos(sc.pos().line(), sc.pos().col() + quote + v.codePointCount(0, Math.min(offset, v.length())));
    }

    // ------------------------------------------------------------------------------------------------ lookups

    private CNode lookup(Tmpl.Ref r, Pos pos) {
        String key = rawKeys ? r.inner() : r.expr();
        CNode v = select(key);
        if (v == null) err(pos, "Could not find '" + key + "'" + suggestion());
        return v;
    }

    /** DVC's {@code Context.select}: the value at a dotted (or bracketed) key; null, the failure noted, when none. */
    private CNode select(String key) {
        String rem = key.replace("[", ".").replace("]", "");
        CNode cur = null;
        String prefix = "";
        while (true) {
            int d = rem.indexOf('.');
            String idx = (d < 0 ? rem : rem.substring(0, d)).strip();
            String rest = d < 0 ? null : rem.substring(d + 1);
            CNode next = null;
            if (cur == null) {
                next = context.top(idx);
            } else if (cur instanceof CNode.Dict dict) {
                next = dict.map.get(idx);
            } else if (cur instanceof CNode.Lst lst) {
                Integer i = pyInt(idx);
                if (i != null) {
                    int n = lst.items.size();
                    int j = i < 0 ? i + n : i;
                    if (j >= 0 && j < n) next = lst.items.get(j);
                }
            }
            if (next == null || rest != null && next instanceof CNode.Val) {
                missTop = cur == null;
                missIn = next == null ? cur : null;
                missPrefix = prefix;
                missSeg = next == null ? idx : null;
                missRest = rest;
                return null;
            }
            if (rest == null) {
                if (next.src != null && next.src.label() != null) {
                    used.add(new UsedVar(next.src.label(), next.src.file(), next.path));
                }
                return next;
            }
            cur = next;
            prefix = prefix.isEmpty() ? idx : prefix + "." + idx;
            rem = rest;
        }
    }

    /** Python's {@code int()} of a list index; null when it is not one. */
    private static Integer pyInt(String s) {
        String t = s.replace("_", "");
        if (t.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) return null;
        try {
            return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code ; did you mean '...'?} for the last failed lookup, or the empty string. */
    private String suggestion() {
        if (missSeg == null) return "";
        Collection<String> candidates;
        if (missTop) candidates = context.topKeys();
        else if (missIn instanceof CNode.Dict d) candidates = d.map.keySet();
        else return "";
        String seg = missSeg;
        String best = null;
        int bestD = Integer.MAX_VALUE;
        int limit = Math.min(3, seg.length() / 3);
        for (String c : candidates) {
            int d = c.equalsIgnoreCase(seg) ? 0 : Suggest.distance(seg, c);
            if (d <= limit && d < bestD) {
                best = c;
                bestD = d;
            }
        }
        if (best == null) return "";
        String full = missPrefix.isEmpty() ? best : missPrefix + "." + best;
        if (missRest != null) {
            Interpolator probe = new Interpolator(tmpls, context, false, new HashSet<>(), new ArrayList<>(), null);
            if (probe.select(full + "." + missRest) != null) full = full + "." + missRest;
        }
        return "; did you mean '" + full + "'?";
    }

    // ------------------------------------------------------------------------------------------------ values

    /** DVC's {@code validate_value}: containers only unpack as a dict inside {@code cmd}. */
    private boolean validate(CNode v, String field, Pos pos) {
        if (v instanceof CNode.Val || field == null || field.contains("foreach")) return true;
        if (v instanceof CNode.Dict && field.equals("cmd")) return true;
        err(pos, "Cannot interpolate data of type '" + v.typeName() + "'");
        return false;
    }

    /** DVC's {@code to_str}. */
    static String toStr(CNode v) throws NestedIterable {
        if (v instanceof CNode.Val val) return PyFormat.interp(val.value);
        if (v instanceof CNode.Lst) return PyFormat.str(v.toJava());
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten(((CNode.Dict) v).map, "", flat);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String k = e.getKey();
            Object x = e.getValue();
            if (x instanceof Boolean b) {
                if (b) sb.append("--").append(k).append(' ');
            } else if (x instanceof String s) {
                sb.append("--").append(k).append(' ').append(PyFormat.shlexQuote(s)).append(' ');
            } else if (x instanceof List<?> l) {
                int n = 0;
                for (Object i : l) {
                    String is;
                    if (i instanceof String s) is = PyFormat.shlexQuote(s);
                    else if (i instanceof List<?> || i instanceof Map<?, ?>) throw new NestedIterable(k);
                    else is = PyFormat.str(i);
                    if (n++ > 0) sb.append(is).append(' ');
                    else sb.append("--").append(k).append(' ').append(is).append(' ');
                }
            } else {
                sb.append("--").append(k).append(' ').append(PyFormat.str(x)).append(' ');
            }
        }
        int end = sb.length();
        while (end > 0 && Character.isWhitespace(sb.charAt(end - 1))) end--;
        return sb.substring(0, end);
    }

    private static void flatten(Map<String, CNode> m, String prefix, Map<String, Object> out) {
        for (Map.Entry<String, CNode> e : m.entrySet()) {
            String k = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof CNode.Dict d) flatten(d.map, k, out);
            else out.put(k, e.getValue().toJava());
        }
    }
}
