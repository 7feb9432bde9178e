package io.dvclint.rules;

import io.dvclint.discovery.DvcIgnore;
import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.Out;
import io.dvclint.model.Stage;
import java.util.List;
import java.util.Optional;

/** {@code output-ignored}: an output DVC's .dvcignore rules (or its built-in ones) ignore. */
public final class OutputIgnoredRule extends Rule {
    @Override
    public String id() {
        return "output-ignored";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "An output inside .git or .dvc, or matched by .dvcignore (DVC refuses to load the stage)";
    }

    @Override
    public void check(RuleContext ctx) {
        DvcIgnore ignore = ctx.project().ignore();
        for (Stage s : ctx.project().stages()) {
            for (Out o : s.outs()) {
                if (Paths3.isUrl(o.path()) || !o.abs().startsWith(ctx.project().root())) continue;
                boolean dir = o.looksLikeDir() || Inputs.isDirectory(o.abs());
                Optional<DvcIgnore.Match> m = ignore.match(o.abs(), dir);
                if (m.isEmpty()) continue;
                ctx.report(s, o.pos(), o.kind().key() + " '" + o.path() + "' of " + s + " is ignored by "
                                + m.get().source() + ": " + m.get().message(o.abs()),
                        m.get().file() == null ? "outputs cannot live inside .git, .hg or .dvc"
                                : "remove or narrow that .dvcignore pattern, or write the output elsewhere",
                        List.of());
            }
        }
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                An output (`outs`, `metrics`, `plots`) whose path DVC ignores: inside `.git`, `.hg` or `.dvc`
                (DVC's built-in ignore patterns), or matched by a `.dvcignore` file (gitwildmatch patterns, one
                file per folder, applying to that folder and below).

                ## Why it matters

                DVC checks every output path when it loads a stage and raises `OutputIsIgnoredError`
                ("Path '/abs/path' is ignored by .dvcignore:3:data/") — refusing the whole pipeline. Dependencies
                are not checked this way.

                ## Example

                ```
                # .dvcignore
                logs/
                ```

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                    outs: [logs/train.log]
                ```

                Fix: narrow the `.dvcignore` pattern, or write the output outside the ignored folder.
                """;
    }
}
