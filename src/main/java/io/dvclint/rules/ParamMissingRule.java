package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code param-missing}: a declared parameter key absent from its params file, or a params file that is missing. */
public final class ParamMissingRule extends Rule {
    @Override
    public String id() {
        return "param-missing";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "A declared parameter is not in its params file, or the params file does not exist";
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> seen = new HashSet<>();
        Set<Path> unreadable = new HashSet<>();
        for (Stage s : ctx.project().stages()) {
            if (!Files.isDirectory(s.wdirAbs())) continue; // wdir-missing says so
            for (ParamDep p : s.params()) {
                if (ParamsSupport.produced(ctx.project(), p.abs())) continue;
                ParamsFiles.Loaded l = ctx.project().paramsFiles().load(p.abs());
                if (!l.ok()) {
                    fileProblem(ctx, s, p, l.problem(), seen, unreadable);
                    continue;
                }
                if (p.whole()) continue;
                List<String> all = null;
                for (ParamKey k : p.keys()) {
                    if (ParamsFiles.lookup(l.root(), k.key()).isPresent()) continue;
                    if (ParamsSupport.isGlob(k.key()) && ParamsSupport.globMatches(l.root(), k.key()) > 0) continue;
                    if (all == null) all = ParamsSupport.allKeys(l.root());
                    String msg = "parameter '" + k.key() + "' of " + ParamsSupport.label(s) + " is missing from '" + p.file() + "'"
                            + Similar.didYouMean(k.key(), all);
                    if (!seen.add(s.file().path() + "|" + k.pos() + "|" + p.abs() + "|" + k.key())) continue;
                    ctx.report(s, k.pos(), msg, "`dvc repro` fails before running the stage: \"Parameters '"
                            + k.key() + "' are missing from '" + p.file() + "'.\"", List.of());
                }
            }
        }
    }

    private void fileProblem(RuleContext ctx, Stage s, ParamDep p, ParamsFiles.Problem problem, Set<String> seen,
                             Set<Path> unreadable) {
        String msg;
        String hint;
        switch (problem.kind()) {
            case MISSING -> {
                msg = "params file '" + p.file() + "' of " + ParamsSupport.label(s) + " does not exist";
                List<String> keys = p.keys().stream().map(ParamKey::key).toList();
                hint = p.whole() || keys.isEmpty()
                        ? "`dvc status` shows it as deleted and `dvc repro` fails on it; create it, or remove it "
                                + "from params:"
                        : "`dvc repro` fails only when it reaches the stage: \"Parameters '" + String.join(", ", keys)
                                + "' are missing from '" + p.file() + "'.\"";
            }
            case DIRECTORY -> {
                msg = "params file '" + p.file() + "' of " + ParamsSupport.label(s) + " is a directory";
                hint = "`dvc repro` fails: '" + p.file() + "' is a directory, expected a parameters file";
            }
            default -> {
                // one finding per file, not one per stage or key: the file is the problem
                if (!unreadable.add(p.abs())) return;
                msg = "params file '" + p.file() + "' of " + ParamsSupport.label(s) + " cannot be read: " + problem.message()
                        + (problem.detail() == null ? "" : " (" + problem.detail() + ")");
                hint = "`dvc repro` fails: Unable to read parameters from '" + p.file() + "'";
            }
        }
        if (!seen.add(s.file().path() + "|" + p.pos() + "|" + p.abs())) return;
        ctx.report(s, p.pos(), msg, hint, List.of());
    }

    @Override
    public String docs() {
        return """
                ## What it flags

                - A key listed under a stage's `params:` that its params file does not have. Keys are looked up
                  as DVC does: dot-separated, each part a mapping key (or a list index), so `train.lr` is
                  `lr` inside `train`. A close existing key is suggested.
                - A params file named under `params:` (or the stage's `params.yaml`, which `- key` entries read)
                  that does not exist, is a directory, or cannot be parsed. An unreadable file gives one finding,
                  not one per key.

                A params file that some stage of the project writes as an output is not checked: it exists
                (with its keys) only after that stage ran.

                ## Why it matters

                `dvc.yaml` loads without complaint, and `dvc status` only lists the key as `deleted`; the error
                comes when `dvc repro` reaches the stage — after the upstream stages ran, and after the stage's
                own outputs were deleted:

                ```
                ERROR: failed to reproduce 'train': Parameters 'train.lr' are missing from 'params.yaml'.
                ```

                A missing file gives the same message listing every declared key. A typo in a key is the
                usual cause; a params file that was renamed or moved is the other.

                ## Example

                ```yaml
                # params.yaml
                train:
                  learning_rate: 0.01
                ```

                ```yaml
                stages:
                  train:
                    cmd: python train.py
                    params:
                      - train.lr   # flagged: did you mean 'train.learning_rate'?
                ```

                Fixed: name the key as the file spells it (`- train.learning_rate`), or add it to the file.
                """;
    }
}
