package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.Dep;
import io.dvclint.model.Out;
import io.dvclint.model.Stage;
import java.nio.file.Path;
import java.util.List;

/** {@code path-outside-project}: a dep or out path that is absolute or leaves the project with {@code ..}. */
public final class PathOutsideProjectRule extends Rule {
    @Override
    public String id() {
        return "path-outside-project";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Dependency or output path that is absolute or escapes the project root";
    }

    @Override
    public void check(RuleContext ctx) {
        Path root = ctx.project().root();
        // without .dvc/ the root is only a guess (the files may come from a sub-folder of a larger repository):
        // then only absolute paths are certain to be wrong
        boolean certainRoot = Inputs.isDirectory(root.resolve(".dvc"));
        for (Stage s : ctx.project().stages()) {
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
        if (Paths3.isUrl(written) || Paths3.isTemplated(written)) return null;
        if (Paths3.isAbsolute(written)) {
            return abs.startsWith(root) ? "is an absolute path (it breaks in any other checkout)"
                    : "is an absolute path outside the project";
        }
        if (certainRoot && !abs.startsWith(root)) return "leaves the project root";
        return null;
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                A `deps` entry or an `outs`/`metrics`/`plots` entry whose path is absolute (`/data/x`,
                `C:\\\\data`) or, resolved against the stage's `wdir`, lies outside the project root
                (`../shared/data.csv`). The `..` check needs a `.dvc/` folder at the project root: without one the
                root is only a guess and only absolute paths are flagged. Remote URLs (`s3://`, `gs://`, `https://`, `remote://`, `ds://`, ...)
                are not flagged: DVC handles those as external dependencies on purpose.

                ## Why it matters

                A pipeline is meant to be reproducible from a clone of the repository. An absolute path only
                exists on the machine where it was written, even when it points inside the project today (it
                breaks in any other checkout folder). A path outside the root is not versioned by Git or DVC,
                so other clones cannot reproduce the stage, and its hash in `dvc.lock` changes with every
                machine. For outputs it is worse: since DVC 3.0 saving a cached output outside the repository
                fails ("Saving cached external output ... is not supported since DVC 3.0").

                ## Example

                ```yaml
                stages:
                  prepare:
                    cmd: python prepare.py /mnt/raw/train.csv
                    deps:
                      - /mnt/raw/train.csv
                    outs:
                      - ../prepared
                ```

                Fixed: track the raw data in the project (`dvc import-url /mnt/raw/train.csv data/raw.csv`,
                then depend on `data/raw.csv`) and write outputs inside the project.
                """;
    }
}
