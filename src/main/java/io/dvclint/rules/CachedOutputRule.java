package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.fix.YamlEdits;
import io.dvclint.model.Out;
import io.dvclint.model.OutKind;
import io.dvclint.model.Stage;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.List;

/** Shared check of {@code metrics-cached} and {@code plots-cached}: an output of that kind without {@code cache:}. */
abstract class CachedOutputRule extends Rule {
    private final OutKind kind;

    CachedOutputRule(String id, Severity severity, String summary, OutKind kind) {
        super(id, severity, summary, true);
        this.kind = kind;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage stage : ctx.project().stages()) {
            for (Out o : stage.outs()) {
                if (o.kind() != kind || o.cacheExplicit() || !o.cache()) continue;
                ctx.report(stage, o.pos(), message(stage, o), hint(), fix(ctx, stage, o));
            }
        }
    }

    private String message(Stage stage, Out o) {
        String what = kind == OutKind.METRICS ? "metrics" : "plots";
        return what + " output '" + o.path() + "' of " + stage + " is cached by DVC (stage " + what
                + " default to cache: true)";
    }

    private String hint() {
        return "add `cache: false` under it to keep the file in Git instead of the DVC cache";
    }

    /** The edits adding {@code cache: false}, or none when the layout is unusual. */
    List<TextEdit> fix(RuleContext ctx, Stage stage, Out o) {
        Path file = stage.file().path();
        SourceText src = ctx.source(file);
        YSeq seq = YamlEdits.list(stage, kind.key());
        if (src == null || seq == null) return List.of();
        for (YNode item : seq.items()) {
            if (item instanceof YScalar s && s.pos().equals(o.pos())) {
                String raw = YamlEdits.textOf(src, s);
                if (raw == null || !(YamlEdits.scalarMatches(src, s) || raw.contains("${"))) return List.of();
                if (s.style() != YScalar.Style.PLAIN && s.style() != YScalar.Style.SINGLE_QUOTED
                        && s.style() != YScalar.Style.DOUBLE_QUOTED) return List.of();
                int a = src.offset(s.pos()), b = src.offset(s.end());
                if (seq.isFlow()) {
                    return List.of(new TextEdit(file, a, b, "{" + raw + ": {cache: false}}"));
                }
                String before = YamlEdits.before(src, s.pos());
                if (!YamlEdits.isBlockItemStart(before)) return List.of();
                String indent = " ".repeat(before.length() + 2);
                return List.of(new TextEdit(file, a, b, raw + ":" + YamlEdits.newline(src) + indent + "cache: false"));
            }
            if (item instanceof YMap m) {
                for (YMap.Entry e : m.entries()) {
                    if (!e.key().pos().equals(o.pos())) continue;
                    if (!(e.value() instanceof YMap flags)) return List.of();
                    int at = src.offset(flags.pos());
                    if (flags.isFlow()) {
                        if (at >= src.text().length() || src.text().charAt(at) != '{') return List.of();
                        return List.of(YamlEdits.insert(file, at + 1, flags.size() == 0 ? "cache: false"
                                : "cache: false, "));
                    }
                    String before = YamlEdits.before(src, flags.pos());
                    if (flags.size() == 0 || !before.isBlank() || before.contains("\t")) return List.of();
                    return List.of(YamlEdits.insert(file, at, "cache: false" + YamlEdits.newline(src) + before));
                }
            }
        }
        return List.of();
    }
}
