package io.dvclint.rules;

import io.dvclint.analysis.ParamCoverage;
import io.dvclint.analysis.ProjectFacts;
import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.fix.YamlEdits;
import io.dvclint.model.MultiMaps;
import io.dvclint.model.ParamDep;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import io.dvclint.script.PyParamReads;
import io.dvclint.script.RParamReads;
import io.dvclint.script.StageScripts;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code param-undeclared}: a stage's script reads a params key the stage does not declare. */
public final class ParamUndeclaredRule extends Rule {
    public ParamUndeclaredRule() {
        super("param-undeclared", Severity.WARNING,
                "A stage's script reads a params key the stage does not declare: changing it does not rerun the stage",
                true);
    }

    @Override
    public void check(RuleContext ctx) {
        Project project = ctx.project();
        Path root = project.root().toAbsolutePath().normalize();
        Map<Path, List<PyParamReads.Read>> cache = new HashMap<>();
        Set<String> done = new HashSet<>();
        Set<Path> declaredAnywhere = new LinkedHashSet<>();
        for (Stage s : project.stages()) for (ParamDep p : s.params()) declaredAnywhere.add(p.abs());
        for (Stage s : project.stages()) {
            if (s.frozen()) continue; // reruns on nothing anyway
            // the params files this stage can read that exist, by absolute path
            Map<Path, String> files = new LinkedHashMap<>();
            for (Map.Entry<Path, String> e : ParamCoverage.readable(s).entrySet()) {
                if (ParamCoverage.loadOk(ctx.facts(), e.getKey()) != null) files.put(e.getKey(), e.getValue());
            }
            // params files other stages declare, named relative to this stage's wdir
            for (Path p : declaredAnywhere) {
                if (files.containsKey(p) || ParamCoverage.loadOk(ctx.facts(), p) == null) continue;
                try {
                    files.put(p, PathNames.posix(s.wdirAbs().relativize(p)));
                } catch (IllegalArgumentException e) {
                    // another root
                }
            }
            if (files.isEmpty()) continue;
            for (StageScripts.Script sc : StageScripts.of(s.commands(), s.wdirAbs(), root)) {
                List<PyParamReads.Read> reads = cache.get(sc.file());
                if (reads == null) {
                    reads = reads(ctx.facts(), sc, files);
                    cache.put(sc.file(), reads);
                }
                for (PyParamReads.Read r : reads) {
                    Path file = resolve(ctx.facts(), r, sc, files);
                    if (file == null || ParamCoverage.stageCovers(s, file, r.key())) continue;
                    // the file is a dependency, or the value reaches the command through ${...}: a change reruns it
                    if (ParamCoverage.fileDep(s, file) || ParamCoverage.templateCovers(s, file, r.key())) continue;
                    String id = s.group() != null ? s.file().path() + "|" + s.group() : s.file().path() + "|" + s.name();
                    if (!done.add(id + "\u0000" + file + "\u0000" + r.key())) continue;
                    String name = files.get(file);
                    String where = ParamCoverage.rel(project, sc.file()) + ":" + r.line();
                    YMap.Entry pe = YamlEdits.entry(s, "params");
                    Pos at = pe != null ? pe.key().pos() : s.pos();
                    ctx.report(s, at, ParamCoverage.label(s) + " reads '" + r.key() + "' from " + name + " ("
                            + where + ") but does not declare it under params:",
                            "changing it does not rerun the stage; declare it: `params: ["
                                    + (name.equals(ParamCoverage.DEFAULT) ? r.key() : "{" + name + ": [" + r.key() + "]}")
                                    + "]`", fix(ctx, s, name, file, r.key()));
                }
            }
        }
    }

    /** Compiled on first use: only shell scripts need them. */
    private static final class Shell {
        static final Pattern FILE_REF =
                Pattern.compile("[\\w./-]*[\\w-]\\.(?:ya?ml|json|toml)\\b");
        static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    }

    /**
     * Reads in a shell script (the classic gotcha: {@code grep -E '^  (lr|epochs):' params.yaml}): on a line
     * that names one of the stage's params files, each word that is the last segment of exactly one key of that
     * file. Precision first: the file must be named on the same line and the key's name must be unambiguous.
     */
    private static List<PyParamReads.Read> shellReads(ProjectFacts facts, String text, StageScripts.Script sc,
                                                      Map<Path, String> files) {
        List<PyParamReads.Read> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            if (hash == 0 || hash > 0 && Character.isWhitespace(line.charAt(hash - 1))) line = line.substring(0, hash);
            Matcher m = Shell.FILE_REF.matcher(line);
            while (m.find()) {
                String ref = m.group();
                Path file = sc.cwd().resolve(ref).normalize();
                if (!files.containsKey(file)) continue;
                ParamsFiles.Loaded l = ParamCoverage.loadOk(facts, file);
                if (l == null) continue;
                Map<String, List<String>> byLast = new HashMap<>();
                for (String k : ParamsFiles.leafKeys(l.root())) {
                    MultiMaps.listAt(byLast, k.substring(k.lastIndexOf('.') + 1)).add(k);
                }
                String rest = line.substring(0, m.start()) + " " + line.substring(m.end());
                Matcher w = Shell.WORD.matcher(rest);
                while (w.find()) {
                    List<String> keys = byLast.get(w.group());
                    if (keys != null && keys.size() == 1) out.add(new PyParamReads.Read(ref, keys.get(0), n + 1));
                }
            }
        }
        return out;
    }

    /** The params reads of a script (read once per file: stages share scripts). */
    private static List<PyParamReads.Read> reads(ProjectFacts facts, StageScripts.Script sc, Map<Path, String> files) {
        String text = StageScripts.read(sc.file());
        if (text == null) return List.of();
        if (sc.lang() == StageScripts.Lang.SHELL) return shellReads(facts, text, sc, files);
        return sc.lang() == StageScripts.Lang.R ? RParamReads.find(text, PARAMS_FILE)
                : PyParamReads.find(new SourceText(text), PARAMS_FILE);
    }

    private static final Predicate<String> PARAMS_FILE = new Predicate<>() {
        @Override
        public boolean test(String s) {
            return looksLikeParamsFile(s);
        }
    };

    private static boolean looksLikeParamsFile(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return !s.contains("\n") && s.length() < 300
                && (l.endsWith(".yaml") || l.endsWith(".yml") || l.endsWith(".json") || l.endsWith(".toml"));
    }

    /** The params file a read refers to (one of the stage's), when the key exists in it. */
    private static Path resolve(ProjectFacts facts, PyParamReads.Read r, StageScripts.Script sc, Map<Path, String> files) {
        List<Path> candidates = new ArrayList<>();
        if (r.fileRef() == null) {
            candidates.addAll(files.keySet()); // dvc.api.params_show(): every params file of the stage
        } else {
            Path direct = null;
            try {
                direct = sc.cwd().resolve(r.fileRef()).normalize();
            } catch (RuntimeException e) {
                // not a path
            }
            if (direct != null && files.containsKey(direct)) {
                candidates.add(direct);
            } else {
                String base = r.fileRef().substring(r.fileRef().lastIndexOf('/') + 1);
                for (Path p : files.keySet()) if (p.getFileName().toString().equals(base)) candidates.add(p);
                if (candidates.size() != 1) return null;
            }
        }
        for (Path p : candidates) {
            ParamsFiles.Loaded l = ParamCoverage.loadOk(facts, p);
            if (l != null && ParamsFiles.lookup(l.root(), r.key()).isPresent()) return p;
        }
        return null;
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
