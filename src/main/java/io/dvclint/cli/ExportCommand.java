package io.dvclint.cli;

import io.dvclint.exec.ExecProject;
import io.dvclint.exec.plan.Planner;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.exec.status.StatusChecker;
import io.dvclint.export.AirflowDag;
import io.dvclint.export.ArgoWorkflow;
import io.dvclint.export.ChangedStages;
import io.dvclint.export.ExportOptions;
import io.dvclint.export.ExportPlan;
import io.dvclint.export.StageSelection;
import io.dvclint.export.TaskNames;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.format.GccFormatter;
import io.dvclint.format.Report;
import io.dvclint.graph.PipelineGraph;
import io.dvclint.graph.PipelineNode;
import io.dvclint.load.ProjectLoader;
import io.dvclint.load.ProjectRoot;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dvclint export argo|airflow [TARGET...]}: the pipeline as a workflow of a distributed engine, one task per
 * stage, each running {@code dvclint repro -s STAGE}.
 */
public final class ExportCommand implements Callable<Integer> {
    /** Kubernetes object names (DNS subdomains): claims and secrets. */
    private static final Pattern KUBE_NAME = Pattern.compile("[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern DAG_ID = Pattern.compile("[A-Za-z0-9_.-]{1,250}");

    private final String engine;
    private CommandSpec spec;

    private ExportCommand(String engine) {
        this.engine = engine;
    }

    static CommandSpec spec() {
        Runnable parent = () -> {
            throw new UsageException("export needs an engine: 'dvclint export argo' or 'dvclint export airflow'");
        };
        CommandSpec s = Cli.command(parent, "export",
                "Write the pipeline as an Argo or Airflow workflow, one task per stage.",
                "Each task runs 'dvclint repro -s STAGE'; tasks depend on each other as the stages do.");
        s.addSubcommand("argo", Cli.commandLine(engine("argo",
                "Write an Argo Workflow (or WorkflowTemplate): a DAG with one task per stage.")));
        s.addSubcommand("airflow", Cli.commandLine(engine("airflow",
                "Write an Airflow DAG file (Python, Airflow 2.4+): one task per stage.")));
        return s;
    }

    private static CommandSpec engine(String name, String description) {
        ExportCommand c = new ExportCommand(name);
        CommandSpec s = c.spec = Cli.command(c, name, description,
                "TARGETs (stage names, 'file:stage', foreach/matrix groups, dvc.yaml paths)",
                "limit it to those stages and their upstream.");
        boolean argo = name.equals("argo");
        s.addPositional(Cli.positionals().paramLabel("TARGET").description("Stages to export (default: all).").build());
        s.addOption(Cli.option(String.class, "--volume").paramLabel("CLAIM").description(
                "Run every task in one workspace on this ReadWriteMany PersistentVolumeClaim.").build());
        s.addOption(Cli.option(String.class, "--remote").paramLabel("NAME").description(
                "Move data through this DVC remote: each task checks out, pulls, runs, pushes.").build());
        s.addOption(Cli.option(String.class, "--image").paramLabel("IMAGE").description(argo
                ? "Container image with dvclint and git (and DVC for --remote); default: set it at submit."
                : "Run KubernetesPodOperator tasks in this image (default: BashOperator tasks).").build());
        s.addOption(Cli.option(String.class, "--repo").paramLabel("URL")
                .description("Git repository to check out (a parameter of the workflow).").build());
        s.addOption(Cli.option(String.class, "--revision").paramLabel("REV")
                .description("Git revision to check out (a parameter; a commit makes runs reproducible).").build());
        s.addOption(Cli.option(List.class, "--secret").auxiliaryTypes(String.class).paramLabel("SECRET")
                .description("Kubernetes secret whose keys become every task's environment (remote and git "
                        + "credentials); repeatable.").build());
        if (argo) {
            s.addOption(Cli.flag("--template").description("Write a WorkflowTemplate instead of a Workflow.").build());
        } else {
            s.addOption(Cli.option(String.class, "--workdir").paramLabel("DIR").description(
                    "BashOperator tasks: the project folder as the workers see it (default: this project's).").build());
        }
        s.addOption(Cli.option(String.class, "--name").paramLabel("NAME").description(argo
                ? "Name of the workflow (default: the project folder's)." : "DAG id (default: the project folder's).")
                .build());
        s.addOption(Cli.flag("--changed-only").description(
                "Only the stages 'dvclint repro --dry' would run, and the stages downstream of them.").build());
        s.addOption(Cli.option(String.class, "-o", "--output").paramLabel("FILE")
                .description("Write to FILE instead of standard output.").build());
        return s;
    }

    /**
     * Where {@code --changed-only} learns which stages would run: the executor's dry run
     * ({@code dvclint repro --dry --json}) implements {@link ChangedStages}.
     */
    /** The stages a dry {@code repro} of the whole project would run: those whose status is not clean. */
    static ChangedStages changedStages() {
        return new ChangedStages() {
            @Override
            public Set<String> wouldRun(Project project, PipelineGraph graph) {
                Set<String> out = new LinkedHashSet<>();
                try {
                    ExecProject p = ExecProject.of(project, new Findings(), project.root());
                    StatusChecker checker = new StatusChecker(project.root(), p.hashes(), p.cache());
                    for (TrackedStage s : p.stages()) if (checker.changed(s, false, null)) out.add(s.address());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return out;
            }
        };
    }

    @Override
    public Integer call() {
        boolean argo = engine.equals("argo");
        List<String> targets = Cli.positional(spec, 0);
        String volume = Cli.value(spec, "--volume"), remote = Cli.value(spec, "--remote");
        String image = Cli.value(spec, "--image"), repo = Cli.value(spec, "--repo");
        String revision = Cli.value(spec, "--revision"), name = Cli.value(spec, "--name");
        String output = Cli.value(spec, "--output");
        List<String> secrets = Cli.value(spec, "--secret");
        if (secrets == null) secrets = List.of();
        ExportOptions.Data data = checkModes(argo, volume, remote, image, repo, revision, secrets);
        checkName(argo, name, argo && Cli.flag(spec, "--template"));

        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        Path root = ProjectRoot.find(cwd);
        Findings findings = new Findings();
        Project project = new ProjectLoader(findings).load(root);
        PipelineGraph graph = PipelineGraph.build(project);
        List<Finding> errors = DagCommand.loadErrors(findings, graph);
        if (!errors.isEmpty()) return refuse(cwd, root, findings, errors, "the pipeline cannot be loaded (DVC would "
                + "refuse it too)");

        List<Stage> named = new ArrayList<>();
        for (String t : targets == null ? List.<String>of() : targets) {
            try {
                named.addAll(StageSelection.matching(project, cwd, t));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Set<String> wouldRun = Cli.flag(spec, "--changed-only") ? changedStages().wouldRun(project, graph) : null;
        ExportPlan plan = ExportPlan.build(project, graph, StageSelection.select(graph, named, wouldRun),
                runOrder(graph, named));
        for (ExportPlan.SettingsProblem p : plan.problems()) {
            errors.add(new Finding("meta-dvclint", Severity.ERROR, p.stage().file().path(), p.problem().pos(),
                    p.stage() + ": " + p.problem().message(), p.problem().hint()));
        }
        if (!errors.isEmpty()) return refuse(cwd, root, findings, errors, "the stages' meta.dvclint settings cannot "
                + "be exported");
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (plan.tasks().isEmpty()) {
            err.println("dvclint: no stage to export" + (wouldRun != null ? " (none would run)" : ""));
            return Main.OK;
        }
        ExportOptions options = new ExportOptions(data, volume, remote, image, repo, revision, projectDir(root),
                secrets, name, argo && Cli.flag(spec, "--template"),
                argo ? null : workdir(root, Cli.value(spec, "--workdir")));
        List<String> warnings = new ArrayList<>();
        String text = render(argo, plan, options, warnings);
        for (String w : warnings) err.println("dvclint: warning: " + w);
        write(output == null ? null : cwd.resolve(output), text);
        return Main.OK;
    }

    /**
     * The addresses of the stages in the order a serial {@code dvclint repro} of the same targets runs them, from
     * the executor's own planner ({@code -P}, every stage, without targets): the order in which it appends new
     * dvc.lock entries, which the workflows give the lock too.
     */
    static List<String> runOrder(PipelineGraph graph, List<Stage> targets) {
        Planner planner = new Planner(graph);
        List<PipelineNode> nodes = new ArrayList<>();
        for (Stage s : targets) nodes.add(graph.node(s));
        List<String> out = new ArrayList<>();
        for (PipelineNode n : targets.isEmpty() ? planner.plan(List.of(), Planner.Scope.ALL)
                : planner.plan(nodes, Planner.Scope.UPSTREAM)) {
            if (n.stage() != null) out.add(n.stage().address());
        }
        return out;
    }

    /** The export's text; what it cannot do for some stages is added to {@code warnings}. */
    private static String render(boolean argo, ExportPlan plan, ExportOptions options, List<String> warnings) {
        if (options.data() == ExportOptions.Data.REMOTE) warnings.addAll(plan.remoteWarnings());
        if (!argo) {
            warnings.addAll(AirflowDag.warnings(plan, options));
            return AirflowDag.render(plan, options);
        }
        for (ExportPlan.Task t : plan.tasks()) {
            if (t.address().contains("{{")) {
                throw new UsageException("stage '" + t.address() + "': Argo would read '{{' in its name as a "
                        + "template expression");
            }
        }
        Map<String, Object> tree = ArgoWorkflow.tree(plan, options);
        warnings.addAll(ArgoWorkflow.warnings(tree));
        return ArgoWorkflow.render(plan, options, tree);
    }

    private static ExportOptions.Data checkModes(boolean argo, String volume, String remote, String image,
                                                 String repo, String revision, List<String> secrets) {
        if (volume != null && remote != null) {
            throw new UsageException("--volume and --remote are two ways to move data between tasks; choose one");
        }
        if (volume != null && !KUBE_NAME.matcher(volume).matches()) {
            throw new UsageException("--volume: '" + volume + "' is not a PersistentVolumeClaim name");
        }
        for (String s : secrets) {
            if (!KUBE_NAME.matcher(s).matches()) throw new UsageException("--secret: '" + s + "' is not a secret name");
        }
        boolean pods = argo || image != null;
        if (pods && volume == null && remote == null) {
            throw new UsageException("choose how data moves between tasks: --volume CLAIM (one ReadWriteMany volume "
                    + "holding the workspace) or --remote NAME (a DVC remote)");
        }
        if (!pods && volume != null) {
            throw new UsageException("--volume needs --image: BashOperator tasks run on the workers, in --workdir");
        }
        if (!pods && !secrets.isEmpty()) throw new UsageException("--secret needs --image (pods)");
        if (volume == null && remote == null && (repo != null || revision != null)) {
            throw new UsageException("--repo and --revision are for --volume and --remote; BashOperator tasks run in "
                    + "--workdir as it is");
        }
        if (volume != null && repo == null && revision != null) {
            throw new UsageException("--revision needs --repo: without it the volume's workspace is used as it is");
        }
        return remote != null ? ExportOptions.Data.REMOTE : volume != null ? ExportOptions.Data.VOLUME
                : ExportOptions.Data.WORKSPACE;
    }

    private static void checkName(boolean argo, String name, boolean template) {
        if (name == null) return;
        if (argo && !(TaskNames.isName(name) && name.length() <= (template ? TaskNames.MAX : 52))) {
            throw new UsageException("--name: '" + name + "' is not a Kubernetes name (lower-case letters, digits "
                    + "and '-', starting with a letter, at most " + (template ? TaskNames.MAX : 52) + " characters)");
        }
        if (!argo && !DAG_ID.matcher(name).matches()) {
            throw new UsageException("--name: '" + name + "' is not an Airflow DAG id (letters, digits, '_', '-', '.')");
        }
    }

    /** The project's folder relative to the top of its git repository ({@code .} at the top or outside git). */
    private static String projectDir(Path root) {
        for (Path p = root; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p.equals(root) ? "." : PathNames.posix(p.relativize(root));
        }
        return ".";
    }

    /** BashOperator tasks: the project folder the workers use, by default this project's own. */
    private static String workdir(Path root, String given) {
        return given != null ? given : root.toString();
    }

    private int refuse(Path cwd, Path root, Findings findings, List<Finding> errors, String why) {
        Report report = new Report(cwd, List.of(root), findings, false, Version.get());
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        new GccFormatter().write(errors, report, err);
        err.println("dvclint: " + why);
        return Main.FINDINGS;
    }

    private static void write(Path file, String text) {
        if (file == null) {
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.print(text);
            out.flush();
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
