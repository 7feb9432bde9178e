package io.dvclint.rules;

import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code param-missing}: a declared parameter key absent from its params file, or a params file that is missing. */
public final class ParamMissingRule extends Rule {
    @Override
    public String id() {
        return "param-missing";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "A declared parameter is not in its params file, or the params file does not exist";
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> seen = new HashSet<>();
        Set<Path> unreadable = new HashSet<>();
        List<Pending> pending = new ArrayList<>();
        Path root = ctx.project().root().toAbsolutePath().normalize();
        // without .dvc/ the root is a guess: files above it may exist in the real repository
        boolean certainRoot = Inputs.isDirectory(root.resolve(".dvc"));
        for (Stage s : ctx.project().stages()) {
            if (!Inputs.isDirectory(s.wdirAbs())) continue; // wdir-missing says so
            for (ParamDep p : s.params()) {
                if (ParamsSupport.produced(ctx.project(), p.abs())) continue;
                if (!certainRoot && !p.abs().startsWith(root) && !Inputs.exists(p.abs())) continue;
                ParamsFiles.Loaded l = ctx.project().paramsFiles().load(p.abs());
                if (!l.ok()) {
                    fileProblem(pending, s, p, l.problem(), seen, unreadable);
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
                    pending.add(new Pending(s, k.pos(), msg, "`dvc repro` fails before running the stage: \"Parameters '"
                            + k.key() + "' are missing from '" + p.file() + "'.\"", "key", "'" + k.key() + "' in '"
                            + p.file() + "'"));
                }
            }
        }
        flush(ctx, pending);
    }

    private void fileProblem(List<Pending> pending, Stage s, ParamDep p, ParamsFiles.Problem problem,
                             Set<String> seen, Set<Path> unreadable) {
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
        pending.add(new Pending(s, p.pos(), msg, hint, problem.kind().name(), "'" + p.file() + "'"));
    }

    /** A finding to report; those of stages generated from one definition at one place are reported together. */
    private record Pending(Stage stage, io.dvclint.yaml.Pos pos, String message, String hint, String kind,
                           String what) {
    }

    private static void flush(RuleContext ctx, List<Pending> pending) {
        Map<String, List<Pending>> groups = new LinkedHashMap<>();
        for (Pending p : pending) {
            Stage s = p.stage();
            String key = s.group() == null ? "\u0000" + groups.size()
                    : s.file().path() + "|" + s.group() + "|" + p.pos() + "|" + p.kind();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        for (List<Pending> g : groups.values()) {
            Pending first = g.get(0);
            String msg = first.message();
            if (g.size() > 1) {
                List<String> more = new ArrayList<>();
                for (Pending p : g.subList(1, Math.min(4, g.size()))) more.add(p.what());
                msg += "; the same for " + (g.size() - 1) + " more stage" + (g.size() > 2 ? "s" : "")
                        + " generated from '" + first.stage().group() + "' (" + String.join(", ", more)
                        + (g.size() > 4 ? ", ..." : "") + ")";
            }
            ctx.report(first.stage(), first.pos(), msg, first.hint(), List.of());
        }
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

                Stages generated by one `foreach`/`matrix` that miss a file or key at the same place give one
                finding, which counts the others.

                A missing file outside the project folder is reported only when the folder is certainly the
                repository root (it holds `.dvc/`). A params file that some stage of the project writes as an output is not checked: it exists
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

                It is a warning, not an error: DVC itself accepts the pipeline (`dvc dag` and `dvc status` work),
                and a params file may legitimately be absent from a checkout (generated, or kept out of git).
                Teams that want commits to fail on it raise it in `.dvclint.yaml`
                (`rules: {param-missing: {severity: error}}`) or run `dvclint lint --fail-on warning`.

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
