package io.dvclint.cli;

import io.dvclint.exec.ExecProject;
import io.dvclint.exec.plan.TargetException;
import io.dvclint.exec.plan.Targets;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.exec.status.Change;
import io.dvclint.exec.status.StatusChecker;
import io.dvclint.exec.status.StatusReport;
import io.dvclint.exec.status.Why;
import io.dvclint.findings.Finding;
import io.dvclint.format.GccFormatter;
import io.dvclint.format.Report;
import io.dvclint.graph.PipelineNode;
import io.dvclint.load.ProjectRoot;
import io.dvclint.py.PyJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dvclint status [TARGETS]}: which stages are not up to date and why, with DVC's decisions and text
 * ({@code --json} equal to {@code dvc status --json}); {@code --why} explains each change with positions and values.
 */
public final class StatusCommand implements Callable<Integer> {
    CommandSpec spec;

    static CommandSpec spec() {
        StatusCommand c = new StatusCommand();
        CommandSpec s = c.spec = Cli.command(c, "status",
                "Show the stages that are not up to date, as 'dvc status' does (exit 0; with -q, 1 when any).");
        s.addPositional(Cli.positionals().paramLabel("TARGET")
                .description("Stages or pipeline files (default: every stage of the project).").build());
        s.addOption(Cli.flag("--json").description("Print the status as JSON ('dvc status --json').").build());
        s.addOption(Cli.flag("-q", "--quiet").description("Print nothing; exit 1 when a stage changed.").build());
        s.addOption(Cli.flag("--why").description("Explain each change: where, what it was, what it is.").build());
        s.addOption(Cli.flag("-R", "--recursive")
                .description("A folder TARGET stands for every stage defined under it.").build());
        return s;
    }

    @Override
    public Integer call() throws IOException {
        List<String> targets = Cli.positional(spec, 0);
        boolean json = Cli.flag(spec, "--json");
        boolean quiet = Cli.flag(spec, "--quiet");
        boolean why = Cli.flag(spec, "--why");
        Path cwd = LintCommand.cwd();
        Path root = ProjectRoot.find(cwd);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ExecProject project = ExecProject.load(root, cwd);
        List<Finding> errors = project.loadErrors();
        if (!errors.isEmpty()) {
            new GccFormatter().write(errors, new Report(cwd, List.of(root), project.findings(), false,
                    Version.get()), err);
            err.println("dvclint: the pipeline cannot be loaded (DVC would refuse it too)");
            return Main.FINDINGS;
        }
        Targets t = new Targets(project.project(), project.graph(), cwd);
        List<PipelineNode> nodes;
        try {
            nodes = targets == null || targets.isEmpty() ? t.all()
                    : t.resolve(targets, Cli.flag(spec, "--recursive"), false);
        } catch (TargetException e) {
            throw new UsageException(e.getMessage());
        }
        StatusChecker checker = new StatusChecker(cwd, project.hashes(), project.cache());
        StatusReport report = new StatusReport();
        for (PipelineNode n : nodes) {
            TrackedStage s = project.tracked(n);
            if (s == null) continue;
            if (s.frozen()) {
                err.println("WARNING: stage: '" + s.address() + "' is frozen. Its dependencies are not going to be "
                        + "shown in the status output.");
            }
            try {
                report.add(s, checker.status(s));
            } catch (IOException e) {
                err.println("ERROR: " + Main.describe(e));
                return Main.FINDINGS;
            }
        }
        if (quiet) return report.isEmpty() ? Main.OK : Main.FINDINGS;
        if (why) {
            Map<String, List<Why.Reason>> reasons = reasons(project, cwd, nodes, report);
            if (json) {
                Map<String, Object> j = new LinkedHashMap<>();
                for (Map.Entry<String, List<Why.Reason>> e : reasons.entrySet()) {
                    List<Object> l = new ArrayList<>();
                    for (Why.Reason r : e.getValue()) l.add(r.json());
                    j.put(e.getKey(), l);
                }
                out.println(PyJson.dumps(j, false));
            } else if (reasons.isEmpty()) {
                out.println(upToDateMessage(project));
            } else {
                for (Map.Entry<String, List<Why.Reason>> e : reasons.entrySet()) {
                    for (Why.Reason r : e.getValue()) out.println(e.getKey() + ": " + r.text());
                }
            }
        } else if (json) {
            out.println(PyJson.dumps(report.toDvc(), false));
        } else if (report.isEmpty()) {
            out.println(upToDateMessage(project));
        } else {
            out.print(report.toText());
        }
        out.flush();
        return Main.OK;
    }

    private static String upToDateMessage(ExecProject project) {
        return project.stages().isEmpty() && project.project().dataSources().isEmpty()
                ? "There are no data or pipelines tracked in this project yet.\nSee <https://dvc.org/doc/start> to get started!"
                : "Data and pipelines are up to date.";
    }

    /** The reasons of each stage, and for an unchanged stage the upstream stages that will run before it. */
    private static Map<String, List<Why.Reason>> reasons(ExecProject project, Path cwd, List<PipelineNode> nodes,
            StatusReport report) {
        Why why = new Why(cwd, project.hashes(), project.cache());
        Set<PipelineNode> stale = new HashSet<>();
        for (TrackedStage s : report.changes().keySet()) stale.add(s.node());
        Map<String, List<Why.Reason>> out = new LinkedHashMap<>();
        for (PipelineNode n : nodes) {
            TrackedStage s = project.tracked(n);
            if (s == null) continue;
            List<Why.Reason> rs = new ArrayList<>();
            List<Change> cs = report.changes().get(s);
            if (cs != null) for (Change c : cs) rs.add(why.explain(s, c));
            List<String> up = new ArrayList<>();
            for (PipelineNode u : upstreamStale(project, n, stale)) up.add(project.address(u));
            if (!up.isEmpty() && !s.frozen()) rs.add(why.upstream(up));
            if (!rs.isEmpty()) out.put(s.address(), rs);
        }
        return out;
    }

    /** The nearest stale stages upstream of a node (through up-to-date ones), in graph order. */
    private static List<PipelineNode> upstreamStale(ExecProject project, PipelineNode n, Set<PipelineNode> stale) {
        List<PipelineNode> found = new ArrayList<>();
        Set<PipelineNode> seen = new HashSet<>();
        List<PipelineNode> todo = new ArrayList<>(project.graph().upstream(n));
        while (!todo.isEmpty()) {
            PipelineNode u = todo.remove(0);
            if (!seen.add(u)) continue;
            if (stale.contains(u)) {
                found.add(u);
            } else if (u.stage() == null || !u.stage().frozen()) {
                todo.addAll(project.graph().upstream(u));
            }
        }
        return found;
    }
}
