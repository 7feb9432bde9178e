package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.fix.YamlEdits;
import io.dvclint.fs.Inputs;
import io.dvclint.graph.PipelineGraph;
import io.dvclint.model.Dep;
import io.dvclint.model.Out;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import io.dvclint.script.StageScripts;
import io.dvclint.script.StageScripts.Script;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code script-not-in-deps}: the cmd runs a script of the project that the stage does not depend on. */
public final class ScriptNotInDepsRule extends Rule {
    public ScriptNotInDepsRule() {
        super("script-not-in-deps", Severity.WARNING,
                "`cmd` runs a script of the project that is not among the stage's `deps` (editing it reruns"
                        + " nothing)", true);
    }

    @Override
    public void check(RuleContext ctx) {
        PipelineGraph graph = null;
        for (Stage s : ctx.project().stages()) {
            for (Script sc : scripts(s, ctx.project().root())) {
                if (covered(s, sc.file())) continue;
                if (!Inputs.isRegularFile(sc.file())) {
                    if (graph == null) graph = ctx.graph();
                    if (graph.ownerOf(sc.file()) == null && graph.producersOf(sc.file()).isEmpty()) continue;
                }
                String dep = depPath(s, sc.file());
                String what = sc.module() != null ? "module '" + sc.module() + "' (" + dep + ")"
                        : "'" + sc.written() + "'";
                ctx.report(s, s.cmdPos() != null ? s.cmdPos() : s.pos(), "cmd of " + s + " runs " + what
                        + ", which is not among its deps: editing it does not rerun the stage",
                        "add `- " + dep + "` to its deps", fix(ctx, s, dep));
            }
        }
    }

    /** Whether a dep of the stage is the script or a folder containing it, or the stage writes it itself. */
    private static boolean covered(Stage s, Path script) {
        for (Dep d : s.deps()) if (PathNames.isWithin(script, d.abs())) return true;
        for (Out o : s.outs()) if (PathNames.isWithin(script, o.abs())) return true;
        return false;
    }

    /** The project scripts the stage's own commands run (existing or not; the caller checks). */
    static List<Script> scripts(Stage s, Path root) {
        List<Script> out = new ArrayList<>();
        if (s.wdirAbs() == null || s.wdir() != null && s.wdir().contains("${")) return out;
        for (Script sc : StageScripts.of(s.commands(), s.wdirAbs(), root)) {
            if (sc.via() == null) out.add(sc);
        }
        return out;
    }

    private static String depPath(Stage s, Path abs) {
        return PathNames.posix(s.wdirAbs().relativize(abs));
    }

    // ---- fix

    private List<TextEdit> fix(RuleContext ctx, Stage s, String dep) {
        if (s.group() != null || s.def() == null || s.def().isFlow()) return List.of();
        Path path = s.file().path();
        SourceText src = ctx.source(path);
        if (src == null) return List.of();
        String item = yamlItem(dep);
        String nl = YamlEdits.newline(src);
        YMap.Entry depsEntry = YamlEdits.entry(s, "deps");
        if (depsEntry != null) {
            if (!(depsEntry.value() instanceof YSeq deps)) return List.of();
            if (deps.isFlow()) {
                if (deps.size() == 0) {
                    int at = src.offset(deps.pos());
                    if (at >= src.text().length() || src.text().charAt(at) != '[') return List.of();
                    return List.of(YamlEdits.insert(path, at + 1, item));
                }
                YNode last = deps.get(deps.size() - 1);
                if (!(last instanceof YScalar) || last.end() == null) return List.of();
                return List.of(YamlEdits.insert(path, src.offset(last.end()), ", " + item));
            }
            if (deps.size() == 0) return List.of();
            YNode first = deps.get(0), last = deps.get(deps.size() - 1);
            if (!(last instanceof YScalar) || last.end() == null || last.end().line() != last.pos().line()) {
                return List.of();
            }
            String prefix = YamlEdits.before(src, first.pos());
            if (!YamlEdits.isBlockItemStart(prefix) || !YamlEdits.isBlockItemStart(YamlEdits.before(src, last.pos()))) {
                return List.of();
            }
            int at = YamlEdits.nextLineStart(src, last.pos().line());
            return List.of(YamlEdits.insert(path, at, lead(src, at, nl) + prefix + item + nl));
        }
        // no deps: a new block after cmd
        YMap.Entry cmd = YamlEdits.entry(s, "cmd");
        if (cmd == null) return List.of();
        String keyIndent = YamlEdits.before(src, cmd.key().pos());
        if (!keyIndent.isBlank() || keyIndent.contains("\t")) return List.of();
        int at;
        YNode v = cmd.value();
        if (v.end() != null && v.pos().line() == cmd.key().pos().line() && v.end().line() == v.pos().line()
                && !(v instanceof YScalar sc
                        && (sc.style() == YScalar.Style.LITERAL || sc.style() == YScalar.Style.FOLDED))) {
            at = YamlEdits.nextLineStart(src, v.pos().line());
        } else {
            YMap.Entry next = null;
            List<YMap.Entry> es = s.def().entries();
            for (int k = 0; k < es.size() - 1; k++) if (es.get(k) == cmd) next = es.get(k + 1);
            if (next == null || !YamlEdits.before(src, next.key().pos()).equals(keyIndent)) return List.of();
            at = YamlEdits.lineStart(src, next.key().pos().line());
        }
        String itemPrefix = keyIndent + listIndent(s, src) + "- ";
        String block = keyIndent + "deps:" + nl + itemPrefix + item + nl;
        return List.of(YamlEdits.insert(path, at, lead(src, at, nl) + block));
    }

    /** A line break first when inserting at the end of a file that does not end with one. */
    private static String lead(SourceText src, int at, String nl) {
        String t = src.text();
        return at == t.length() && !t.isEmpty() && !t.endsWith("\n") && !t.endsWith("\r") ? nl : "";
    }

    /** How far the stage's other block lists indent their items under their key ("  " or ""). */
    private static String listIndent(Stage s, SourceText src) {
        for (String key : List.of("outs", "metrics", "plots", "params")) {
            YMap.Entry e = YamlEdits.entry(s, key);
            if (e != null && e.value() instanceof YSeq seq && !seq.isFlow() && seq.size() > 0) {
                String k = YamlEdits.before(src, e.key().pos()), item = YamlEdits.before(src, seq.get(0).pos());
                if (!k.isBlank() || !YamlEdits.isBlockItemStart(item)) continue;
                int dash = item.indexOf('-');
                if (dash >= k.length()) return " ".repeat(dash - k.length());
            }
        }
        return "  ";
    }

    private static String yamlItem(String dep) {
        return dep.matches("[A-Za-z0-9_./][A-Za-z0-9_./@+-]*") && !dep.equals(".") ? dep
                : "'" + dep.replace("'", "''") + "'";
    }
}
