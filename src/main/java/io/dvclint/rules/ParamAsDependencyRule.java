package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.fix.YamlEdits;
import io.dvclint.fs.Inputs;
import io.dvclint.model.Dep;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code param-as-dependency}: {@code deps: [params.yaml:train]}, a params key written as a file dependency. */
public final class ParamAsDependencyRule extends Rule {
    public ParamAsDependencyRule() {
        super("param-as-dependency", Severity.WARNING,
                "`params.yaml:key` written under `deps:` (a file path that does not exist) instead of `params:`", true);
    }

    /** Compiled on first use: only a dependency with a ':' can have the form. */
    private static final class Form {
        static final Pattern FORM = Pattern.compile(
                "(?<file>[^:]+\\.(?:yaml|yml|json|toml|py)):(?<keys>[^/\\\\:]+)", Pattern.CASE_INSENSITIVE);
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.project().stages()) {
            for (Dep d : s.deps()) {
                if (d.path().indexOf(':') < 0) continue;
                Matcher m = Form.FORM.matcher(d.path());
                if (!m.matches() || PathNames.isUrl(d.path()) || Inputs.exists(d.abs())) continue;
                String file = PathNames.posix(s.wdirAbs().relativize(PathNames.resolve(s.wdirAbs(), m.group("file"))));
                List<String> keys = new ArrayList<>();
                for (String k : m.group("keys").split(",")) if (!k.isBlank()) keys.add(k.strip());
                if (keys.isEmpty()) continue;
                boolean dflt = file.equals("params.yaml");
                String suggestion = dflt ? "params: [" + String.join(", ", keys) + "]"
                        : "params: [{" + file + ": [" + String.join(", ", keys) + "]}]";
                ctx.report(s, d.pos(), "dependency '" + d.path() + "' of " + s + " is read as a file path, not as "
                        + "parameters, and no such file exists: `dvc repro` fails on the missing dependency",
                        "list the parameters instead: `" + suggestion + "`", fix(ctx, s, d, file, keys));
            }
        }
    }

    private List<TextEdit> fix(RuleContext ctx, Stage s, Dep d, String file, List<String> keys) {
        Path path = s.file().path();
        SourceText src = ctx.source(path);
        YMap.Entry depsEntry = YamlEdits.entry(s, "deps");
        if (src == null || depsEntry == null || !(depsEntry.value() instanceof YSeq deps) || deps.isFlow()) {
            return List.of();
        }
        YScalar item = null;
        for (YNode n : deps.items()) if (n instanceof YScalar sc && sc.pos().equals(d.pos())) item = sc;
        if (item == null || !YamlEdits.scalarMatches(src, item)) return List.of();
        String itemBefore = YamlEdits.before(src, item.pos());
        if (!YamlEdits.isBlockItemStart(itemBefore) || !YamlEdits.after(src, item.end()).isBlank()) return List.of();
        String keyIndent = YamlEdits.before(src, depsEntry.key().pos());
        if (!keyIndent.isBlank() || keyIndent.contains("\t")) return List.of();
        String nl = YamlEdits.newline(src);
        int line = item.pos().line();

        // which keys are new for the stage
        boolean dflt = file.equals("params.yaml");
        List<String> add = new ArrayList<>();
        for (String k : keys) {
            boolean have = false;
            for (ParamDep p : s.params()) {
                if (p.file().equals(file) && (p.whole() || p.keys().stream().map(ParamKey::key).anyMatch(k::equals))) {
                    have = true;
                }
            }
            if (!have && !add.contains(k)) add.add(k);
        }
        String itemIndent = itemBefore.substring(0, itemBefore.indexOf('-'));
        List<String> newItems = new ArrayList<>();
        if (dflt) newItems.addAll(add);
        else if (!add.isEmpty()) newItems.add(flowKey(file) + ": [" + String.join(", ", add) + "]");

        List<TextEdit> edits = new ArrayList<>();
        YMap.Entry paramsEntry = YamlEdits.entry(s, "params");
        boolean onlyDep = deps.size() == 1;
        if (onlyDep) {
            // remove the `deps:` line and its single item line
            int keyLine = depsEntry.key().pos().line();
            if (line != keyLine + 1 || !YamlEdits.after(src, depsEntry.key().end()).strip().equals(":")) {
                return List.of();
            }
            int a = YamlEdits.lineStart(src, keyLine), b = YamlEdits.nextLineStart(src, line);
            if (paramsEntry == null && !newItems.isEmpty()) {
                edits.add(new TextEdit(path, a, b, paramsBlock(keyIndent, itemIndent, newItems, nl, src, b)));
                return edits;
            }
            edits.add(new TextEdit(path, a, b, ""));
        } else {
            edits.add(new TextEdit(path, YamlEdits.lineStart(src, line), YamlEdits.nextLineStart(src, line), ""));
        }
        if (newItems.isEmpty()) return edits;
        if (paramsEntry == null) {
            YNode last = deps.get(deps.size() - 1);
            if (last.end() == null || last.end().line() != last.pos().line()) return List.of();
            int at = YamlEdits.nextLineStart(src, last.pos().line());
            edits.add(YamlEdits.insert(path, at, paramsBlock(keyIndent, itemIndent, newItems, nl, src, at)));
            return edits;
        }
        if (!(paramsEntry.value() instanceof YSeq params)) return List.of();
        if (params.isFlow()) {
            int at = src.offset(params.pos());
            if (at >= src.text().length() || src.text().charAt(at) != '[') return List.of();
            List<String> flow = new ArrayList<>();
            for (String it : newItems) flow.add(it.contains(": [") ? "{" + it + "}" : it);
            edits.add(YamlEdits.insert(path, at + 1, String.join(", ", flow) + (params.size() == 0 ? "" : ", ")));
            return edits;
        }
        if (params.size() == 0) return List.of();
        YNode first = params.get(0);
        String firstBefore = YamlEdits.before(src, first.pos());
        if (!YamlEdits.isBlockItemStart(firstBefore)) return List.of();
        StringBuilder sb = new StringBuilder();
        for (String it : newItems) sb.append(firstBefore).append(it).append(nl);
        edits.add(YamlEdits.insert(path, YamlEdits.lineStart(src, first.pos().line()), sb.toString()));
        return edits;
    }

    private static String paramsBlock(String keyIndent, String itemIndent, List<String> items, String nl,
                                      SourceText src, int at) {
        StringBuilder sb = new StringBuilder();
        String t = src.text();
        if (at == t.length() && !t.isEmpty() && !t.endsWith("\n") && !t.endsWith("\r")) sb.append(nl);
        sb.append(keyIndent).append("params:").append(nl);
        for (String it : items) sb.append(itemIndent).append("- ").append(it).append(nl);
        return sb.toString();
    }

    /** A file name as a YAML key, quoted when plain style could misread it. */
    private static String flowKey(String file) {
        return file.matches("[A-Za-z0-9_./-]+") ? file : "'" + file.replace("'", "''") + "'";
    }
}
