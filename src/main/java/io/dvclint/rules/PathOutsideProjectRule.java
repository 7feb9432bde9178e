package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.Dep;
import io.dvclint.model.Out;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import io.dvclint.yaml.YNode;
import java.nio.file.Path;
import java.util.List;

/** {@code path-outside-project}: a dep or out path that is absolute or leaves the project with {@code ..}. */
public final class PathOutsideProjectRule extends Rule {
    public PathOutsideProjectRule() {
        super("path-outside-project", Severity.WARNING,
                "Dependency or output path that is absolute or escapes the project root");
    }

    @Override
    public void check(RuleContext ctx) {
        Path root = ctx.project().root();
        // without .dvc/ the root is only a guess (the files may come from a sub-folder of a larger repository):
        // then only absolute paths are certain to be wrong
        boolean certainRoot = Inputs.isDirectory(root.resolve(".dvc"));
        for (Stage s : ctx.project().stages()) {
            if (certainRoot && !PathNames.isTemplated(s.wdir()) && !s.wdirAbs().startsWith(root)) {
                // every relative path of the stage lies outside too: said once, at the wdir
                YNode wdir = s.def() == null ? null : s.def().get("wdir");
                ctx.report(s, wdir != null ? wdir.pos() : s.pos(), "wdir '" + s.wdir() + "' of " + s
                        + " leaves the project root, and so do its " + (s.deps().size() + s.outs().size())
                        + " deps and outs: other clones of the repository will not have them",
                        "keep the stage's working directory inside the project", List.of());
                continue;
            }
            for (Dep d : s.deps()) {
                String why = outside(d.path(), d.abs(), root, certainRoot);
                if (why != null) {
                    ctx.report(s, d.pos(), "dependency '" + d.path() + "' of " + s + " " + why
                            + ": other clones of the repository will not have it",
                            "move the data into the project (e.g. `dvc import-url` it) or use a path inside it",
                            List.of());
                }
            }
            for (Out o : s.outs()) {
                String why = outside(o.path(), o.abs(), root, certainRoot);
                if (why != null) {
                    ctx.report(s, o.pos(), "output '" + o.path() + "' of " + s + " " + why + (o.cache()
                            ? ": DVC 3 cannot save cached outputs outside the repository"
                            : ": other clones of the repository will not have it"),
                            "write outputs inside the project", List.of());
                }
            }
        }
    }

    private static String outside(String written, Path abs, Path root, boolean certainRoot) {
        if (PathNames.isUrl(written) || PathNames.isTemplated(written)) return null;
        if (PathNames.isAbsolute(written)) {
            return abs.startsWith(root) ? "is an absolute path (it breaks in any other checkout)"
                    : "is an absolute path outside the project";
        }
        if (certainRoot && !abs.startsWith(root)) return "leaves the project root";
        return null;
    }
}
