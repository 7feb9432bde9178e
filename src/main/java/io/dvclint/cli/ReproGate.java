package io.dvclint.cli;

import io.dvclint.exec.run.ReproOptions;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.format.Report;
import io.dvclint.format.TextFormatter;
import io.dvclint.graph.PipelineNode;
import io.dvclint.model.Stage;
import io.dvclint.yaml.Pos;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lint {@code repro} runs before it touches anything. It refuses to start when the project has an error (what
 * DVC refuses to load, or refuses when it builds the graph), or a finding that makes a planned stage certainly fail
 * later in the same run: a declared parameter its params file lacks ({@code param-missing}), a dependency that does
 * not exist and that no stage produces ({@code missing-dependency}). DVC meets those only when it reaches the stage,
 * after running and deleting the outputs of the stages before; here they are all reported at once, with positions.
 * Other findings are summed up in one line, errors of rules about what other commands read among them.
 */
final class ReproGate {
    /** Errors about what other commands read (export's settings, {@code dvc metrics show}), not what repro runs. */
    private static final Set<String> NOT_FOR_REPRO = Set.of("meta-dvclint", "metrics-binary");

    private final Path cwd;
    private final Path root;
    private final Findings findings;

    ReproGate(Path cwd, Path root, Findings findings) {
        this.cwd = cwd;
        this.root = root;
        this.findings = findings;
    }

    /** Whether the planned stages may run; prints what stops them (or the summary of other warnings). */
    boolean allows(List<PipelineNode> steps, ReproOptions options, PrintStream err) {
        List<Finding> stopping = new ArrayList<>();
        int others = 0;
        for (Finding f : findings.sorted()) {
            if (f.severity() == Severity.ERROR && !NOT_FOR_REPRO.contains(f.ruleId())
                    || !options.dry() && certainFailure(f, steps, options)) {
                stopping.add(f);
            } else if (f.severity() != Severity.INFO) {
                others++;
            }
        }
        if (!stopping.isEmpty()) {
            new TextFormatter().write(stopping, new Report(cwd, List.of(root), findings, false, Version.get()), err);
            err.println("dvclint: not reproducing: " + stopping.size() + (stopping.size() == 1 ? " problem" :
                    " problems") + " would make it fail (nothing was deleted or run; --no-lint runs anyway)");
            return false;
        }
        if (others > 0) {
            err.println("dvclint: lint found " + others + (others == 1 ? " problem" : " problems")
                    + " that do not stop the run (run 'dvclint lint' to see them)");
        }
        return true;
    }

    /** A finding that makes one of the planned stages fail when it runs. */
    private static boolean certainFailure(Finding f, List<PipelineNode> steps, ReproOptions options) {
        boolean missingDep = f.ruleId().equals("missing-dependency") && !options.allowMissing();
        if (!missingDep && !f.ruleId().equals("param-missing")) return false;
        for (PipelineNode n : steps) {
            Stage s = n.stage();
            if (s != null && s.def() != null && s.file().path().equals(f.file()) && within(f.pos(), s)) return true;
        }
        return false;
    }

    private static boolean within(Pos p, Stage s) {
        return s.pos().compareTo(p) <= 0 && (s.def().end() == null || p.compareTo(s.def().end()) <= 0);
    }
}
