package io.dvclint.rules;

import io.dvclint.analysis.ParamCoverage;
import io.dvclint.findings.Severity;
import io.dvclint.findings.Suggest;
import io.dvclint.fs.Inputs;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import io.dvclint.yaml.Pos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code param-missing}: a declared parameter key absent from its params file, or a params file that is missing. */
public final class ParamMissingRule extends Rule {
    public ParamMissingRule() {
        super("param-missing", Severity.WARNING,
                "A declared parameter is not in its params file, or the params file does not exist");
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
                if (ParamCoverage.produced(ctx.facts(), p.abs())) continue;
                if (!certainRoot && !p.abs().startsWith(root) && !Inputs.exists(p.abs())) continue;
                ParamsFiles.Loaded l = ctx.params().load(p.abs());
                if (!l.ok()) {
                    fileProblem(pending, s, p, l.problem(), seen, unreadable);
                    continue;
                }
                if (p.whole()) continue;
                List<String> all = null;
                for (ParamKey k : p.keys()) {
                    if (ParamsFiles.lookup(l.root(), k.key()).isPresent()) continue;
                    if (ParamCoverage.isGlob(k.key()) && ParamCoverage.globMatches(l.root(), k.key()) > 0) continue;
                    if (all == null) all = ParamCoverage.allKeys(l.root());
                    String msg = "parameter '" + k.key() + "' of " + ParamCoverage.label(s) + " is missing from '" + p.file() + "'"
                            + Suggest.didYouMean(k.key(), all);
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
                msg = "params file '" + p.file() + "' of " + ParamCoverage.label(s) + " does not exist";
                List<String> keys = p.keys().stream().map(ParamKey::key).toList();
                hint = p.whole() || keys.isEmpty()
                        ? "`dvc status` shows it as deleted and `dvc repro` fails on it; create it, or remove it "
                                + "from params:"
                        : "`dvc repro` fails only when it reaches the stage: \"Parameters '" + String.join(", ", keys)
                                + "' are missing from '" + p.file() + "'.\"";
            }
            case DIRECTORY -> {
                msg = "params file '" + p.file() + "' of " + ParamCoverage.label(s) + " is a directory";
                hint = "`dvc repro` fails: '" + p.file() + "' is a directory, expected a parameters file";
            }
            default -> {
                // one finding per file, not one per stage or key: the file is the problem
                if (!unreadable.add(p.abs())) return;
                msg = "params file '" + p.file() + "' of " + ParamCoverage.label(s) + " cannot be read: " + problem.message()
                        + (problem.detail() == null ? "" : " (" + problem.detail() + ")");
                hint = "`dvc repro` fails: Unable to read parameters from '" + p.file() + "'";
            }
        }
        if (!seen.add(s.file().path() + "|" + p.pos() + "|" + p.abs())) return;
        pending.add(new Pending(s, p.pos(), msg, hint, problem.kind().name(), "'" + p.file() + "'"));
    }

    /** A finding to report; those of stages generated from one definition at one place are reported together. */
    private record Pending(Stage stage, Pos pos, String message, String hint, String kind,
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
}
