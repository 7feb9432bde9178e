package io.dvclint.cli;

import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.format.GccFormatter;
import io.dvclint.format.Report;
import io.dvclint.graph.DagFormat;
import io.dvclint.graph.DagJson;
import io.dvclint.graph.DagView;
import io.dvclint.graph.GraphProblem;
import io.dvclint.graph.PipelineGraph;
import io.dvclint.graph.PipelineNode;
import io.dvclint.load.Discovery;
import io.dvclint.load.ProjectLoader;
import io.dvclint.load.ProjectRoot;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dvclint dag [TARGET]}: the stage graph, in DVC's formats. */
public final class DagCommand implements Callable<Integer> {
    String target;
    String format = "ascii";
    boolean mermaid;
    boolean md;
    boolean dot;
    boolean outs;
    boolean full;
    CommandSpec spec;

    static CommandSpec spec() {
        DagCommand c = new DagCommand();
        CommandSpec s = c.spec = Cli.command(c, "dag",
                "Show the pipeline graph of the project in the current folder, as 'dvc dag' does.",
                "TARGET (a stage name, 'file:stage', a foreach/matrix group, or a dvc.yaml path) limits it to that",
                "stage and its upstream.");
        s.addPositional(Cli.positional(String.class).arity("0..1").paramLabel("TARGET")
                .description("Stage or pipeline file to show.").build());
        s.addOption(Cli.option(String.class, "--format").paramLabel("FORMAT")
                .description("ascii (default), mermaid, md, dot, json.").build());
        s.addOption(Cli.flag("--mermaid").description("Same as --format mermaid.").build());
        s.addOption(Cli.flag("--md").description("Same as --format md.").build());
        s.addOption(Cli.flag("--dot").description("Same as --format dot.").build());
        s.addOption(Cli.flag("-o", "--outs")
                .description("Show the outputs graph instead of the stages graph.").build());
        s.addOption(Cli.flag("--full")
                .description("Show the whole connected pipeline of TARGET, not only its upstream.").build());
        return s;
    }

    @Override
    public Integer call() {
        target = Cli.positional(spec, 0);
        String given = Cli.value(spec, "--format");
        if (given != null) format = given;
        mermaid = Cli.flag(spec, "--mermaid");
        md = Cli.flag(spec, "--md");
        dot = Cli.flag(spec, "--dot");
        outs = Cli.flag(spec, "--outs");
        full = Cli.flag(spec, "--full");
        String fmt = mermaid ? "mermaid" : md ? "md" : dot ? "dot" : format;
        if (!List.of("ascii", "mermaid", "md", "dot", "json").contains(fmt)) {
            throw new UsageException("--format: unknown format '" + fmt + "'; expected one of: ascii, mermaid, md, dot, json");
        }
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        Path root = ProjectRoot.find(cwd);
        Findings findings = new Findings();
        Project project = new ProjectLoader(findings).load(root);
        PipelineGraph graph = PipelineGraph.build(project);
        List<Finding> errors = loadErrors(findings, graph);
        if (!errors.isEmpty()) {
            Report report = new Report(cwd, List.of(root), findings, false, Version.get());
            PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            new GccFormatter().write(errors, report, err);
            err.println("dvclint: the pipeline cannot be loaded (DVC would refuse it too)");
            return Main.FINDINGS;
        }
        DagView view = outs
                ? DagView.ofOutputs(graph, p -> PathNames.posix(cwd.relativize(p)))
                : DagView.ofStages(graph);
        if (target != null) view = view.filter(targets(project, graph, cwd), full);
        String text = switch (fmt) {
            case "mermaid" -> DagFormat.mermaid(view) + "\n";
            case "md" -> DagFormat.markdown(view) + "\n";
            case "dot" -> DagFormat.dot(view);
            case "json" -> DagJson.render(view, project, cwd);
            default -> DagFormat.ascii(view);
        };
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
        return Main.OK;
    }

    /** What makes DVC refuse the project: the loader's errors and the graph's problems, as findings. */
    static List<Finding> loadErrors(Findings findings, PipelineGraph graph) {
        List<Finding> errors = new ArrayList<>();
        for (Finding f : findings.all()) if (f.severity() == Severity.ERROR) errors.add(f);
        for (GraphProblem p : graph.problems()) {
            errors.add(new Finding(ruleOf(p.kind()), Severity.ERROR, p.file(), p.pos(), p.message(), p.hint()));
        }
        return errors;
    }

    static String ruleOf(GraphProblem.Kind k) {
        return switch (k) {
            case CYCLE -> "cycle";
            case DUPLICATE_OUTPUT -> "duplicate-output";
            case OVERLAPPING_OUTPUTS -> "overlapping-outputs";
            case STAGE_INSIDE_OUTPUT -> "stage-inside-output";
        };
    }

    private List<String> targets(Project project, PipelineGraph graph, Path cwd) {
        List<PipelineNode> matched = new ArrayList<>();
        String file = null, name = target;
        int colon = target.lastIndexOf(':');
        if (colon >= 0) {
            file = target.substring(0, colon);
            name = target.substring(colon + 1);
        } else if (target.endsWith("dvc.yaml") || target.endsWith(".dvc")) {
            file = target;
            name = null;
        }
        Path filePath = file == null || file.isEmpty() ? project.root().resolve("dvc.yaml") : cwd.resolve(file).normalize();
        for (PipelineNode n : graph.nodes()) {
            if (n.stage() != null) {
                if (!n.stage().file().path().equals(filePath)) continue;
                if (name == null || n.stage().name().equals(name) || name.equals(n.stage().group())) matched.add(n);
            } else if (n.source().path().equals(filePath)) {
                matched.add(n);
            }
        }
        if (matched.isEmpty()) {
            String refused = file == null ? null : Discovery.gitIgnoredTarget(project.root(), cwd, filePath);
            if (refused != null) throw new UsageException(refused);
            throw new UsageException("'" + target + "' does not exist as a stage name in '"
                    + PathNames.posix(cwd.relativize(filePath)) + "'");
        }
        if (!outs) return matched.stream().map(PipelineNode::label).toList();
        List<String> t = new ArrayList<>();
        for (PipelineNode n : matched) for (Path p : n.outPaths()) t.add(PathNames.posix(cwd.relativize(p)));
        return t;
    }
}
