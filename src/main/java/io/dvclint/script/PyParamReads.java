package io.dvclint.script;

import io.dvclint.params.PyTokenizer;
import io.dvclint.params.PyTokenizer.T;
import io.dvclint.params.PyTokenizer.Tok;
import io.dvclint.yaml.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the params-file keys a Python script reads, from its tokens (nothing is executed or imported). Precision
 * first: only these forms count.
 *
 * <ul>
 *   <li>a load call (a function whose name contains {@code load}, e.g. {@code yaml.safe_load}, {@code json.load},
 *       or is {@code from_yaml}/{@code from_json}/{@code from_toml}/{@code read_yaml},
 *       {@code toml.load}, {@code OmegaConf.load}, {@code Box.from_yaml}) whose arguments name a params file — a
 *       string literal, a variable assigned such a literal (or a path built from it), or a handle from
 *       {@code open(...)} of one — and {@code dvc.api.params_show()} or a helper {@code load_params()} /
 *       {@code read_params()} called without arguments (all params, file unknown);</li>
 *   <li>followed directly by subscripts ({@code ["train"]["lr"]}), {@code .get("lr")} calls or, for objects with
 *       attribute access (OmegaConf, Box, EasyDict, ...), attributes ({@code cfg.train.lr});</li>
 *   <li>or assigned to a variable (also {@code self.params}) that is subscripted later; a variable assigned a part
 *       ({@code tp = params["train"]}) is followed one step further, and counts as reading that part when it is
 *       used whole.</li>
 * </ul>
 * Bindings follow the file top to bottom, ignoring scopes: a later assignment of another value ends one.
 */
public final class PyParamReads {
    /**
     * A key read: {@code fileRef} is the literal naming the file as written (null for {@code params_show()}),
     * {@code key} the dotted key, {@code line} where it is read.
     */
    public record Read(String fileRef, String key, int line) {
    }

    private static final Set<String> ATTR_WRAPPERS = Set.of("OmegaConf", "Box", "ConfigBox", "EasyDict", "edict",
            "DotMap", "Munch", "munchify", "DictConfig", "AttrDict", "SimpleNamespace", "DotDict", "dotdict");
    private static final Set<String> WHOLE_METHODS = Set.of("items", "values", "keys", "copy", "to_dict", "to_yaml",
            "to_container", "dict");
    private static final Set<String> COMPOUND = Set.of("if", "elif", "else", "for", "while", "with", "try", "except",
            "finally", "def", "class", "async");

    private enum Kind { PATH, HANDLE, DATA }

    private static final class Bind {
        final Kind kind;
        final String fileRef;
        final List<String> prefix;
        final boolean attr;
        final int line;
        boolean accessed;

        Bind(Kind kind, String fileRef, List<String> prefix, boolean attr, int line) {
            this.kind = kind;
            this.fileRef = fileRef;
            this.prefix = prefix;
            this.attr = attr;
            this.line = line;
        }
    }

    private final List<Tok> t;
    private final Predicate<String> isParamsFile;
    private final Map<String, Bind> vars = new HashMap<>();
    private final List<Bind> aliases = new ArrayList<>();
    private final Map<String, Read> reads = new LinkedHashMap<>();

    private PyParamReads(List<Tok> t, Predicate<String> isParamsFile) {
        this.t = t;
        this.isParamsFile = isParamsFile;
    }

    /** The reads in a Python source; empty when it does not tokenize. */
    public static List<Read> find(SourceText src, Predicate<String> isParamsFile) {
        List<Tok> toks;
        try {
            toks = PyTokenizer.tokenize(src);
        } catch (RuntimeException e) {
            return List.of();
        }
        PyParamReads r = new PyParamReads(toks, isParamsFile);
        r.run();
        return List.copyOf(r.reads.values());
    }

    private void run() {
        int start = 0, depth = 0;
        boolean compound = false;
        for (int i = 0; i < t.size(); i++) {
            Tok k = t.get(i);
            if (k.type() == T.INDENT || k.type() == T.DEDENT) {
                if (i == start) start = i + 1;
                continue;
            }
            if (i == start) compound = k.type() == T.NAME && COMPOUND.contains(k.text());
            if (k.type() == T.OP && "([{".contains(k.text())) depth++;
            else if (k.type() == T.OP && ")]}".contains(k.text())) depth = Math.max(0, depth - 1);
            boolean end = k.type() == T.NEWLINE || k.type() == T.END
                    || depth == 0 && k.type() == T.OP && (k.text().equals(";") || compound && k.text().equals(":"));
            if (end) {
                if (i > start) statement(start, i, compound);
                start = i + 1;
                compound = false;
            }
        }
        for (Bind b : aliases) {
            if (!b.accessed && !b.prefix.isEmpty()) read(b.fileRef, b.prefix, b.line);
        }
    }

    private boolean op(int i, String s) {
        return i >= 0 && i < t.size() && t.get(i).type() == T.OP && t.get(i).text().equals(s);
    }

    private boolean name(int i) {
        return i >= 0 && i < t.size() && t.get(i).type() == T.NAME && !PyTokenizer.KEYWORDS.contains(t.get(i).text());
    }

    /** Index of the bracket closing the one at {@code i}, or -1. */
    private int close(int i, int end) {
        int d = 0;
        for (int j = i; j < end; j++) {
            Tok k = t.get(j);
            if (k.type() != T.OP) continue;
            if ("([{".contains(k.text())) d++;
            else if (")]}".contains(k.text()) && --d == 0) return j;
        }
        return -1;
    }

    private String stringAt(int i) {
        if (i < 0 || i >= t.size() || t.get(i).type() != T.STRING) return null;
        Tok k = t.get(i);
        if (k.prefix() != null && (k.prefix().toLowerCase().contains("f") || k.prefix().toLowerCase().contains("b"))) {
            return null;
        }
        return k.value() instanceof String s ? s : null;
    }

    private void statement(int a, int b, boolean compound) {
        if (compound && t.get(a).text().equals("with") || compound && t.get(a).text().equals("async")
                && a + 1 < b && t.get(a + 1).text().equals("with")) {
            withHeader(a, b);
            return;
        }
        // target = value
        int eq = -1;
        if (!compound) {
            int j = a;
            if (name(j)) {
                j++;
                while (op(j, ".") && name(j + 1)) j += 2;
                if (op(j, "=") && j + 1 < b) eq = j;
            }
        }
        if (eq < 0) {
            scan(a, b);
            return;
        }
        String target = dotted(a, eq);
        assign(target, eq + 1, b);
    }

    private String dotted(int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int i = a; i < b; i++) sb.append(t.get(i).text());
        return sb.toString();
    }

    private void withHeader(int a, int b) {
        int itemStart = a + (t.get(a).text().equals("async") ? 2 : 1);
        int i = itemStart;
        while (i < b) {
            Tok k = t.get(i);
            if (k.type() == T.OP && "([{".contains(k.text())) {
                int c = close(i, b);
                i = c < 0 ? b : c + 1;
                continue;
            }
            if (k.type() == T.NAME && k.text().equals("as") && name(i + 1)) {
                assign(t.get(i + 1).text(), itemStart, i);
                i += 2;
                if (op(i, ",")) i++;
                itemStart = i;
                continue;
            }
            if (op(i, ",")) itemStart = i + 1;
            i++;
        }
        scan(itemStart, b);
    }

    /** Binds {@code target} from the value tokens [a, b) and scans them for reads. */
    private void assign(String target, int a, int b) {
        int line = t.get(a).pos().line();
        Load load = load(a, b);
        if (load != null) {
            List<String> chain = new ArrayList<>();
            int after = chain(load.after, b, load.attr, chain);
            if (after == b) {
                Bind bind = new Bind(Kind.DATA, load.fileRef, List.copyOf(chain), load.attr, line);
                vars.put(target, bind);
                if (!chain.isEmpty()) aliases.add(bind);
                scan(a, load.after); // reads inside the call's arguments, if any
                return;
            }
            vars.remove(target);
            scan(a, b);
            return;
        }
        // an alias of a bound variable: tp = params["train"]
        int[] var = boundVar(a, b);
        if (var != null) {
            Bind src = vars.get(dotted(var[0], var[1]));
            List<String> chain = new ArrayList<>();
            int after = chain(var[1], b, src.attr, chain);
            if (after == b && var[0] == a) {
                src.accessed |= !chain.isEmpty();
                List<String> prefix = new ArrayList<>(src.prefix);
                prefix.addAll(chain);
                Bind bind = new Bind(Kind.DATA, src.fileRef, List.copyOf(prefix), src.attr, line);
                vars.put(target, bind);
                if (!prefix.isEmpty()) aliases.add(bind);
                return;
            }
        }
        String ref = ref(a, b);
        boolean open = false;
        for (int i = a; i < b; i++) if (name(i) && t.get(i).text().equals("open") && op(i + 1, "(")) open = true;
        if (ref != null) {
            vars.put(target, new Bind(open ? Kind.HANDLE : Kind.PATH, ref, List.of(), false, line));
            return;
        }
        vars.remove(target);
        scan(a, b);
    }

    private record Load(String fileRef, int after, boolean attr) {
    }

    /**
     * A load call in [a, b) naming a params file (or {@code params_show}); {@code after} is the index just past the
     * value's outermost call (where a subscript chain may follow).
     */
    private Load load(int a, int b) {
        for (int i = a; i < b; i++) {
            if (!name(i) || !op(i + 1, "(")) continue;
            String n = t.get(i).text();
            boolean show = isShow(i);
            if (!show && !isLoader(n)) continue;
            int c = close(i + 1, b);
            if (c < 0) return null;
            String ref = show ? null : ref(i + 2, c);
            if (!show && ref == null) continue;
            boolean attr = false;
            for (int j = a; j < b; j++) if (t.get(j).type() == T.NAME && ATTR_WRAPPERS.contains(t.get(j).text())) attr = true;
            // the outermost call of the value: the first call at depth 0
            int after = c + 1;
            for (int j = a; j < b; j++) {
                if (op(j, "(")) {
                    int cc = close(j, b);
                    if (cc >= c) after = cc + 1;
                    break;
                }
                if (op(j, "[") || op(j, "{")) break;
            }
            return new Load(ref, after, attr);
        }
        return null;
    }

    /** The params file named in [a, b): a literal, or a variable holding a path or handle of one. */
    private String ref(int a, int b) {
        for (int i = a; i < b; i++) {
            String s = stringAt(i);
            if (s != null && isParamsFile.test(s)) return s;
            if (name(i) && (i == a || !op(i - 1, "."))) {
                int j = i + 1;
                while (op(j, ".") && name(j + 1)) j += 2;
                Bind bd = vars.get(dotted(i, j));
                if (bd != null && bd.kind != Kind.DATA) return bd.fileRef;
            }
        }
        return null;
    }

    /** The longest dotted name at {@code a} bound to data, as [start, end), or null. */
    private int[] boundVar(int a, int b) {
        if (!name(a) || a > 0 && op(a - 1, ".")) return null;
        int j = a + 1;
        int best = -1;
        Bind first = vars.get(t.get(a).text());
        if (first != null && first.kind == Kind.DATA) best = j;
        while (j + 1 < b && op(j, ".") && name(j + 1)) {
            j += 2;
            Bind bd = vars.get(dotted(a, j));
            if (bd != null && bd.kind == Kind.DATA) best = j;
        }
        return best < 0 ? null : new int[] {a, best};
    }

    /** Parses a chain of key accesses from {@code i}; returns the index after it. */
    private int chain(int i, int b, boolean attr, List<String> out) {
        while (i < b) {
            if (op(i, "[") && stringAt(i + 1) != null && op(i + 2, "]")) {
                if (!segment(stringAt(i + 1))) return i;
                out.add(stringAt(i + 1));
                i += 3;
            } else if (op(i, ".") && i + 1 < b && t.get(i + 1).text().equals("get") && op(i + 2, "(")
                    && stringAt(i + 3) != null && (op(i + 4, ")") || op(i + 4, ","))) {
                int c = close(i + 2, b);
                if (c < 0 || !segment(stringAt(i + 3))) return i;
                out.add(stringAt(i + 3));
                i = c + 1;
            } else if (attr && op(i, ".") && name(i + 1) && !op(i + 2, "(")
                    && !WHOLE_METHODS.contains(t.get(i + 1).text())) {
                out.add(t.get(i + 1).text());
                i += 2;
            } else {
                return i;
            }
        }
        return i;
    }

    /** Finds reads in [a, b): bound variables followed by key accesses, and load calls followed by them. */
    private void scan(int a, int b) {
        int i = a;
        while (i < b) {
            int[] v = boundVar(i, b);
            if (v != null) {
                Bind bd = vars.get(dotted(v[0], v[1]));
                List<String> chain = new ArrayList<>();
                int after = chain(v[1], b, bd.attr, chain);
                boolean write = op(after, "=") || after < b && t.get(after).type() == T.OP
                        && t.get(after).text().endsWith("=") && !t.get(after).text().equals("==")
                        && !t.get(after).text().equals("!=") && !t.get(after).text().equals("<=")
                        && !t.get(after).text().equals(">=");
                if (!chain.isEmpty()) {
                    bd.accessed = true;
                    if (!write) {
                        List<String> key = new ArrayList<>(bd.prefix);
                        key.addAll(chain);
                        read(bd.fileRef, key, t.get(v[0]).pos().line());
                    }
                } else if (!bd.prefix.isEmpty() && wholeUse(v[0], v[1], b)) {
                    bd.accessed = true;
                    read(bd.fileRef, bd.prefix, bd.line); // where the part was taken from the params
                }
                i = Math.max(after, v[1]);
                continue;
            }
            if (name(i) && op(i + 1, "(")) {
                String n = t.get(i).text();
                int c = close(i + 1, b);
                boolean show = isShow(i);
                if (c > 0 && (show || isLoader(n))) {
                    String ref = show ? null : ref(i + 2, c);
                    if (ref != null || show) {
                        List<String> chain = new ArrayList<>();
                        boolean attr = false;
                        for (int j = a; j < i; j++) {
                            if (t.get(j).type() == T.NAME && ATTR_WRAPPERS.contains(t.get(j).text())) attr = true;
                        }
                        chain(c + 1, b, attr || n.contains("OmegaConf"), chain);
                        if (!chain.isEmpty()) read(ref, chain, t.get(i).pos().line());
                    }
                }
            }
            i++;
        }
    }

    /** A key part DVC's dotted keys can address. */
    private static boolean segment(String s) {
        return !s.isEmpty() && !s.contains(".");
    }

    /**
     * A call returning all params without naming a file: {@code dvc.api.params_show(...)}, or a project helper
     * {@code load_params()} / {@code read_params()} called without arguments.
     */
    private boolean isShow(int i) {
        String n = t.get(i).text();
        if (n.equals("params_show")) return true;
        return (n.equals("load_params") || n.equals("read_params")) && op(i + 1, "(") && op(i + 2, ")")
                && !op(i - 1, ".");
    }

    private static boolean isLoader(String n) {
        String l = n.toLowerCase();
        if (l.equals("from_yaml") || l.equals("from_json") || l.equals("from_toml") || l.equals("read_yaml")) return true;
        return l.contains("load") && !l.contains("upload") && !l.contains("download");
    }

    /** A variable passed as a whole: a call argument, or iterated with {@code .items()} and the like. */
    private boolean wholeUse(int a, int end, int b) {
        boolean argBefore = op(a - 1, "(") || op(a - 1, ",") || op(a - 1, "**") || op(a - 1, "*")
                || op(a - 1, "=") && name(a - 2);
        boolean argAfter = op(end, ")") || op(end, ",");
        if (argBefore && argAfter) return true;
        return op(end, ".") && end + 1 < b && WHOLE_METHODS.contains(t.get(end + 1).text());
    }

    private void read(String fileRef, List<String> key, int line) {
        String k = String.join(".", key);
        reads.putIfAbsent((fileRef == null ? "" : fileRef) + "\u0000" + k, new Read(fileRef, k, line));
    }
}
