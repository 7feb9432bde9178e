package io.dvclint.rules;

import io.dvclint.discovery.DvcIgnore;
import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.Out;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import java.util.List;
import java.util.Optional;

/** {@code output-ignored}: an output DVC's .dvcignore rules (or its built-in ones) ignore. */
public final class OutputIgnoredRule extends Rule {
    public OutputIgnoredRule() {
        super("output-ignored", Severity.ERROR,
                "An output inside .git or .dvc, or matched by .dvcignore (DVC refuses to load the stage)");
    }

    @Override
    public void check(RuleContext ctx) {
        DvcIgnore ignore = ctx.project().ignore();
        for (Stage s : ctx.project().stages()) {
            for (Out o : s.outs()) {
                if (PathNames.isUrl(o.path()) || !o.abs().startsWith(ctx.project().root())) continue;
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
}
