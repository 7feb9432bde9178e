package io.dvclint.rules;

import io.dvclint.analysis.CodeParamReads;
import io.dvclint.analysis.ParamCoverage;
import io.dvclint.findings.Severity;
import io.dvclint.model.DvcFile;
import io.dvclint.model.MultiMaps;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import io.dvclint.template.ResolvedStage;
import io.dvclint.template.TemplateResolver;
import io.dvclint.template.UsedVar;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code param-unused}: a key of a params file that no stage tracks and no {@code ${...}} reads. */
public final class ParamUnusedRule extends Rule {
    public ParamUnusedRule() {
        super("param-unused", Severity.WARNING,
                "A params file key that no stage declares and no `${...}` reads: changing it reruns nothing");
    }

    @Override
    public void check(RuleContext ctx) {
        Project project = ctx.project();
        // coverage is only known when every dvc.yaml loaded and its stages resolved without templating errors
        // (a schema error elsewhere in the file, such as a lock field in outs, leaves the declarations known)
        for (DvcFile f : project.dvcFiles()) {
            if (f.root() == null || f.templating() == null) return;
            TemplateResolver.Result t = f.templating();
            if (t != null && (!t.contextOk() || !t.errors().isEmpty())) return;
        }
        Set<Path> files = new LinkedHashSet<>();
        Set<Path> whole = new HashSet<>();
        Map<Path, List<String>> used = new LinkedHashMap<>();
        Set<Path> display = new HashSet<>();
        Set<Path> declared = new HashSet<>();
        Set<Path> passed = new HashSet<>();
        for (DvcFile f : project.dvcFiles()) {
            if (!f.stages().isEmpty()) files.add(f.dir().resolve(ParamCoverage.DEFAULT).normalize());
            for (Stage s : f.stages()) {
                for (ParamDep p : s.params()) {
                    files.add(p.abs());
                    if (p.whole()) whole.add(p.abs());
                    for (ParamKey k : p.keys()) {
                        MultiMaps.listAt(used, p.abs()).add(k.key());
                        declared.add(p.abs());
                    }
                }
            }
            CodeParamReads code = ctx.facts().codeReads();
            for (Stage s : f.stages()) {
                // what a stage's code reads is used, declared or not (param-undeclared reports the latter)
                for (CodeParamReads.Read r : code.of(s)) MultiMaps.listAt(used, r.file()).add(r.key());
                for (CodeParamReads.Passed p : code.passed(s)) passed.add(p.file());
            }
            TemplateResolver.Result t = f.templating();
            if (t == null) continue;
            for (ResolvedStage rs : t.stages()) {
                for (UsedVar u : rs.used()) {
                    if (!u.fromFile()) continue;
                    Path abs = u.file().toAbsolutePath().normalize();
                    MultiMaps.listAt(used, abs).add(u.key());
                }
            }
            for (YNode n : t.params()) {
                if (n instanceof YScalar sc && sc.value() instanceof String p) display.add(PathNames.resolve(f.dir(), p));
            }
        }
        for (Path file : files) {
            // a file no stage declares a key of is not used for parameter tracking (at most as a vars source)
            if (!declared.contains(file)) continue;
            if (whole.contains(file) || ParamCoverage.produced(ctx.facts(), file)) continue;
            // a command hands the file to its script: which keys it reads is not known (param-undeclared says so)
            if (passed.contains(file)) continue;
            // a stage depending on the file as a path reruns on any change of it
            if (anyFileDep(project, file)) continue;
            ParamsFiles.Loaded l = ParamCoverage.loadOk(ctx.facts(), file);
            if (l == null || !(l.root() instanceof YMap root)) continue;
            List<String> keys = used.getOrDefault(file, List.of());
            String name = ParamCoverage.rel(project, file);
            String note = display.contains(file) ? " (the top-level `params:` of dvc.yaml lists the file, but that "
                    + "only shows it in `dvc params show`)" : "";
            List<Object[]> found = new ArrayList<>();
            report(found, name, root, "", keys, note);
            int max = maxPerFile(ctx);
            for (int i = 0; i < found.size(); i++) {
                if (max > 0 && i == max) {
                    ctx.report(file, (Pos) found.get(i)[0], (found.size() - max) + " more keys of "
                            + name + " are not used by any stage (not listed one by one)",
                            "set the option max-per-file of param-unused to 0 to list them all");
                    break;
                }
                ctx.report(file, (Pos) found.get(i)[0], (String) found.get(i)[1],
                        "declare it under the params: of the stages whose code reads it, or remove it");
            }
        }
    }

    /** The {@code max-per-file} option: findings listed per file before one summary (0: no limit). */
    /** Whether a stage depends on {@code file} as a path (and so reruns on any change of it). */
    private static boolean anyFileDep(Project project, Path file) {
        for (Stage st : project.stages()) if (ParamCoverage.fileDep(st, file)) return true;
        return false;
    }

    private static int maxPerFile(RuleContext ctx) {
        Object v = ctx.options().get("max-per-file");
        return v instanceof Number n ? Math.max(0, n.intValue()) : 20;
    }

    /** Reports the highest keys of {@code m} that nothing declares or reads, at any depth. */
    private void report(List<Object[]> found, String name, YMap m, String prefix, List<String> used, String note) {
        for (YMap.Entry e : m.entries()) {
            String key = prefix + e.name();
            boolean tracked = false, inside = false;
            for (String u : used) {
                if (ParamCoverage.covers(u, key)) tracked = true;
                else if (ParamCoverage.inside(u, key)) inside = true;
            }
            if (tracked) continue;
            if (inside) {
                if (e.value() instanceof YMap sub) report(found, name, sub, key + ".", used, note);
                continue;
            }
            boolean section = e.value() instanceof YMap sub && sub.size() > 0;
            String leaves = "";
            if (section) {
                List<String> ls = ParamsFiles.leafKeys(e.value());
                List<String> shown = new ArrayList<>();
                for (String k : ls.subList(0, Math.min(3, ls.size()))) shown.add(key + "." + k);
                if (!shown.isEmpty()) leaves = " (" + String.join(", ", shown) + (ls.size() > 3 ? ", ..." : "") + ")";
            }
            found.add(new Object[] {e.key().pos(), (section ? "section '" : "parameter '") + key + "'" + leaves
                    + " of " + name + " is not used by any stage: no stage declares it under params: and no ${...} "
                    + "reads it, so changing it reruns nothing" + note});
        }
    }
}
