package io.dvclint.rules;

import io.dvclint.analysis.ParamCoverage;
import io.dvclint.analysis.CodeParamReads;
import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.fix.YamlEdits;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code param-undeclared}: a stage's script reads a params key the stage does not declare. */
public final class ParamUndeclaredRule extends Rule {
    public ParamUndeclaredRule() {
        super("param-undeclared", Severity.WARNING,
                "A stage's script reads a params key the stage does not declare: changing it does not rerun the stage",
                true);
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> done = new HashSet<>();
        CodeParamReads code = ctx.facts().codeReads();
        for (Stage s : ctx.project().stages()) {
            if (s.frozen()) continue; // reruns on nothing anyway
            String id = s.group() != null ? s.file().path() + "|" + s.group() : s.file().path() + "|" + s.name();
            Set<Path> readFiles = new HashSet<>();
            for (CodeParamReads.Read r : code.of(s)) {
                readFiles.add(r.file());
                if (ParamCoverage.stageCovers(s, r.file(), r.key())) continue;
                // the file is a dependency, or the value reaches the command through ${...}: a change reruns it
                if (ParamCoverage.fileDep(s, r.file()) || ParamCoverage.templateCovers(s, r.file(), r.key())) continue;
                if (!done.add(id + "\u0000" + r.file() + "\u0000" + r.key())) continue;
                String where = ctx.project().rel(r.script().file()) + ":" + r.line();
                ctx.report(s, paramsPos(s), ParamCoverage.label(s) + " reads '" + r.key() + "' from " + r.name()
                        + " (" + where + ") but does not declare it under params:",
                        "changing it does not rerun the stage; declare it: `params: [" + item(r.name(), r.key())
                                + "]`", fix(ctx, s, r.name(), r.file(), r.key()));
            }
            for (CodeParamReads.Passed p : code.passed(s)) {
                // the command hands the whole file to its script, whose reads of it were not found
                if (readFiles.contains(p.file()) || ParamCoverage.declared(s, p.file()) != null
                        || ParamCoverage.fileDep(s, p.file())) {
                    continue;
                }
                if (!done.add(id + "\u0000" + p.file())) continue;
                ctx.report(s, s.cmdPos() != null ? s.cmdPos() : s.pos(), ParamCoverage.label(s) + " passes "
                        + p.name() + " to its command ('" + p.word() + "') but declares none of its keys under params:",
                        "changing them does not rerun the stage; declare the keys its code reads, or the whole file: "
                                + "`params: [{" + p.name() + ": }]`", List.of());
            }
        }
    }

    private static Pos paramsPos(Stage s) {
        YMap.Entry pe = YamlEdits.entry(s, "params");
        return pe != null ? pe.key().pos() : s.pos();
    }

    private static String item(String name, String key) {
        return name.equals(ParamCoverage.DEFAULT) ? key : "{" + name + ": [" + key + "]}";
    }

    // ------------------------------------------------------------------ fix

    private static List<TextEdit> fix(RuleContext ctx, Stage s, String name, Path abs, String key) {
        if (s.group() != null || s.def() == null) return List.of();
        Path path = s.file().path();
        SourceText src = ctx.source(path);
        if (src == null) src = s.file().text();
        if (src == null) return List.of();
        boolean dflt = name.equals(ParamCoverage.DEFAULT) && abs.equals(s.wdirAbs().resolve(name).normalize());
        String k = quote(key);
        String nl = YamlEdits.newline(src);
        YMap.Entry pe = YamlEdits.entry(s, "params");
        if (pe != null) {
            if (!(pe.value() instanceof YSeq params)) return List.of();
            if (params.isFlow()) {
                int end = src.offset(params.end());
                if (end < 1 || src.text().charAt(end - 1) != ']') return List.of();
                String item = dflt ? k : "{" + quote(name) + ": [" + k + "]}";
                return List.of(YamlEdits.insert(path, end - 1, (params.size() > 0 ? ", " : "") + item));
            }
            if (params.size() == 0) return List.of();
            if (!dflt) {
                for (YNode n : params.items()) {
                    if (!(n instanceof YMap m)) continue;
                    for (YMap.Entry e : m.entries()) {
                        if (!PathNames.resolve(s.wdirAbs(), e.name()).equals(abs) || !(e.value() instanceof YSeq ks)) continue;
                        if (ks.isFlow()) {
                            int end = src.offset(ks.end());
                            if (end < 1 || src.text().charAt(end - 1) != ']' || ks.size() == 0) return List.of();
                            return List.of(YamlEdits.insert(path, end - 1, ", " + k));
                        }
                        return appendAfter(path, src, ks, ks.size() - 1, k, nl);
                    }
                }
                return appendAfter(path, src, params, params.size() - 1, quote(name) + ": [" + k + "]", nl);
            }
            int last = -1;
            for (int i = 0; i < params.size(); i++) if (params.get(i) instanceof YScalar) last = i;
            return appendAfter(path, src, params, last < 0 ? params.size() - 1 : last, k, nl);
        }
        // no params: create it after deps (or cmd)
        YMap.Entry after = YamlEdits.entry(s, "deps") != null ? YamlEdits.entry(s, "deps") : YamlEdits.entry(s, "cmd");
        if (after == null) return List.of();
        String keyIndent = YamlEdits.before(src, after.key().pos());
        if (!keyIndent.isBlank() || keyIndent.contains("\t")) return List.of();
        String itemPrefix = keyIndent + "  - ";
        for (String list : List.of("deps", "outs", "metrics", "plots")) {
            YSeq l = YamlEdits.list(s, list);
            if (l != null && !l.isFlow() && l.size() > 0) {
                String b = YamlEdits.before(src, l.get(0).pos());
                if (YamlEdits.isBlockItemStart(b)) {
                    itemPrefix = b;
                    break;
                }
            }
        }
        int lastLine = lastLine(after.value(), after.key().pos().line());
        if (lastLine < 1 || lastLine > src.lineCount()) return List.of();
        int at = YamlEdits.nextLineStart(src, lastLine);
        StringBuilder sb = new StringBuilder();
        String t = src.text();
        if (at == t.length() && !t.isEmpty() && !t.endsWith("\n") && !t.endsWith("\r")) sb.append(nl);
        sb.append(keyIndent).append("params:").append(nl);
        sb.append(itemPrefix).append(dflt ? k : quote(name) + ": [" + k + "]").append(nl);
        return List.of(YamlEdits.insert(path, at, sb.toString()));
    }

    /** Inserts a new block item after item {@code idx} of a block sequence, written like that item. */
    private static List<TextEdit> appendAfter(Path path, SourceText src, YSeq seq, int idx, String item, String nl) {
        YNode n = seq.get(idx);
        String before = YamlEdits.before(src, n.pos());
        if (!YamlEdits.isBlockItemStart(before)) return List.of();
        int line = lastLine(n, n.pos().line());
        if (line != n.pos().line() && !(n instanceof YMap)) return List.of();
        String rest = YamlEdits.after(src, new Pos(line, src.line(line).length() + 1));
        if (!rest.isEmpty()) return List.of();
        int at = YamlEdits.nextLineStart(src, line);
        String t = src.text();
        String lead = at == t.length() && !t.isEmpty() && !t.endsWith("\n") && !t.endsWith("\r") ? nl : "";
        return List.of(YamlEdits.insert(path, at, lead + before + item + nl));
    }

    /** The last line holding part of a node (a block scalar ending at column 1 ends on the line before). */
    private static int lastLine(YNode n, int min) {
        int max = min;
        if (n instanceof YScalar sc) {
            Pos e = sc.end() == null ? sc.pos() : sc.end();
            int l = e.col() == 1 && e.line() > sc.pos().line() ? e.line() - 1 : e.line();
            return Math.max(max, l);
        }
        if (n instanceof YSeq seq) {
            if (seq.isFlow()) return Math.max(max, seq.end().line());
            for (YNode c : seq.items()) max = Math.max(max, lastLine(c, max));
            return max;
        }
        if (n instanceof YMap m) {
            if (m.isFlow()) return Math.max(max, m.end().line());
            for (YMap.Entry e : m.entries()) max = Math.max(max, lastLine(e.value(), e.key().pos().line()));
        }
        return max;
    }

    /** A key or file name as a YAML scalar, quoted when plain style could misread it. */
    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_][A-Za-z0-9_./-]*") ? s : "'" + s.replace("'", "''") + "'";
    }
}
