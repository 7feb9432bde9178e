package io.dvclint.rules;

import io.dvclint.analysis.ParamCoverage;
import io.dvclint.findings.Severity;
import io.dvclint.fix.YamlEdits;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import io.dvclint.py.PyFormat;
import io.dvclint.script.ShellLex;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code param-hardcoded}: a command passes {@code --epochs 10} while the params file says {@code train.epochs: 10}. */
public final class ParamHardcodedRule extends Rule {
    public ParamHardcodedRule() {
        super("param-hardcoded", Severity.INFO,
                "A command passes a literal equal to a parameter of the same name (`--epochs 10`) instead of `${...}`");
    }

    /** Compiled on first use: only commands with {@code --option}s need them. */
    private static final class Literals {
        static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]+");
        static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }

    private record Leaf(String key, Object value, Path file, String fileName) {
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> seen = new HashSet<>();
        for (Stage s : ctx.project().stages()) {
            List<YScalar> raw = rawCmd(s);
            if (raw.isEmpty()) continue;
            List<Leaf> leaves = null;
            SourceText src = s.file().text();
            for (YScalar sc : raw) {
                if (!(sc.value() instanceof String text)) continue;
                List<ShellLex.Tok> ws = ShellLex.words(text);
                for (int i = 0; i < ws.size(); i++) {
                    ShellLex.Tok w = ws.get(i);
                    if (w.op() || !w.value().startsWith("--")) continue;
                    String name, value;
                    int end;
                    int eq = w.value().indexOf('=');
                    if (eq > 0) {
                        name = w.value().substring(2, eq);
                        value = w.value().substring(eq + 1);
                        end = w.end();
                    } else {
                        if (i + 1 >= ws.size() || ws.get(i + 1).op()) continue;
                        ShellLex.Tok v = ws.get(i + 1);
                        if (v.value().startsWith("-") && !Literals.NUMBER.matcher(v.value()).matches()) continue;
                        name = w.value().substring(2);
                        value = v.value();
                        end = v.end();
                    }
                    if (!Literals.NAME.matcher(name).matches() || value.isEmpty() || value.contains("${")
                            || value.contains("$")) {
                        continue;
                    }
                    if (leaves == null) leaves = leaves(ctx, s);
                    // the parameters of that name: the ones the stage declares, else the only one there is
                    List<Leaf> named = new ArrayList<>(), declared = new ArrayList<>();
                    for (Leaf l : leaves) {
                        String last = l.key().substring(l.key().lastIndexOf('.') + 1);
                        if (!norm(last).equals(norm(name))) continue;
                        named.add(l);
                        if (ParamCoverage.stageCovers(s, l.file(), l.key())) declared.add(l);
                    }
                    List<Leaf> pick = !declared.isEmpty() ? declared : named;
                    if (pick.size() != 1 || !same(pick.get(0).value(), value)) continue;
                    Leaf hit = pick.get(0);
                    String literal = text.substring(w.start(), end);
                    Pos at = position(src, sc, w.start());
                    String msg = "`" + literal + "` in the command of " + ParamCoverage.label(s) + " repeats " + hit.key() + " ("
                            + PyFormat.str(hit.value()) + ") of " + hit.fileName() + ": when the parameter changes, "
                            + "the command still passes the old value";
                    if (!seen.add(s.file().path() + "|" + at + "|" + hit.file() + "|" + hit.key() + "|" + literal)) continue;
                    boolean ctxFile = hit.file().equals(s.file().dir().resolve(ParamCoverage.DEFAULT).normalize());
                    String opt = eq > 0 ? w.value().substring(0, eq + 1) : w.value() + " ";
                    String hint = "pass `" + opt + "${" + hit.key() + "}`"
                            + (ctxFile ? "" : " (with " + hit.fileName() + " listed under `vars:`)")
                            + ": DVC substitutes the value and reruns the stage when it changes"
                            + (ParamCoverage.stageCovers(s, hit.file(), hit.key()) ? ""
                                    : "; declare it under params: too, so that `dvc params diff` and `dvc exp show` "
                                            + "show it for the stage");
                    ctx.report(s, at, msg, hint, List.of());
                }
            }
        }
    }

    private static String norm(String s) {
        return s.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** Whether the command's literal is the parameter's value as Python prints it (numbers by value). */
    static boolean same(Object v, String lit) {
        if (v == null || v instanceof Map || v instanceof List) return false;
        if (v instanceof String str) return !str.isEmpty() && str.equals(lit);
        if (PyFormat.str(v).equals(lit)) return true;
        if (v instanceof Boolean) return false;
        if (!Literals.NUMBER.matcher(lit).matches()) return false;
        try {
            double d = Double.parseDouble(lit);
            double p = v instanceof Number n ? n.doubleValue() : Double.NaN;
            return d == p;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Leaf> leaves(RuleContext ctx, Stage s) {
        List<Leaf> out = new ArrayList<>();
        for (Map.Entry<Path, String> f : ParamCoverage.readable(s).entrySet()) {
            ParamsFiles.Loaded l = ParamCoverage.loadOk(ctx.facts(), f.getKey());
            if (l == null || !(l.root() instanceof YMap m)) continue;
            collect(m, "", f.getKey(), f.getValue(), out);
        }
        return out;
    }

    private static void collect(YMap m, String prefix, Path file, String name, List<Leaf> out) {
        for (YMap.Entry e : m.entries()) {
            String k = prefix + e.name();
            if (e.value() instanceof YMap sub) collect(sub, k + ".", file, name, out);
            else if (e.value() instanceof YScalar sc) out.add(new Leaf(k, sc.value(), file, name));
        }
    }

    /** The stage's cmd as written in dvc.yaml (before templating): one scalar, or the scalars of a list. */
    private static List<YScalar> rawCmd(Stage s) {
        YMap root = s.file().root();
        if (root == null || !(root.get("stages") instanceof YMap stages)) return List.of();
        YNode def = stages.get(s.group() != null ? s.group() : s.name());
        if (!(def instanceof YMap d)) return List.of();
        if (d.get("do") instanceof YMap body) d = body;
        YNode cmd = d.get("cmd");
        List<YScalar> out = new ArrayList<>();
        if (cmd instanceof YScalar sc) out.add(sc);
        else if (cmd instanceof YSeq seq) for (YNode n : seq.items()) if (n instanceof YScalar sc) out.add(sc);
        return out;
    }

    /** Where a word of a plain one-line scalar is, else where the scalar is. */
    private static Pos position(SourceText src, YScalar sc, int offset) {
        if (src == null || sc.style() != YScalar.Style.PLAIN) return sc.pos();
        String t = YamlEdits.textOf(src, sc);
        if (t == null || !t.equals(sc.value())) return sc.pos();
        return new Pos(sc.pos().line(), sc.pos().col() + t.codePointCount(0, offset));
    }
}
