package io.dvclint.cli;

import io.dvclint.config.Config;
import io.dvclint.config.ConfigException;
import io.dvclint.config.ConfigLoader;
import io.dvclint.exec.ExecProject;
import io.dvclint.exec.plan.Planner;
import io.dvclint.exec.plan.TargetException;
import io.dvclint.exec.plan.Targets;
import io.dvclint.exec.report.GithubActions;
import io.dvclint.exec.report.JunitReport;
import io.dvclint.exec.run.DryPlan;
import io.dvclint.exec.run.Interruption;
import io.dvclint.exec.run.Progress;
import io.dvclint.exec.run.RepoLock;
import io.dvclint.exec.run.ReproLog;
import io.dvclint.exec.run.ReproOptions;
import io.dvclint.exec.run.Reproducer;
import io.dvclint.exec.run.Shell;
import io.dvclint.exec.scm.ScmContext;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.graph.PipelineNode;
import io.dvclint.lint.Linter;
import io.dvclint.lint.RuleRegistry;
import io.dvclint.load.ProjectRoot;
import io.dvclint.py.PyJson;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dvclint repro [TARGETS]}: reproduces the pipeline as {@code dvc repro} does (the same decisions, dvc.lock,
 * cache and run-cache), after a lint that refuses to start a pipeline that would fail.
 */
public final class ReproCommand implements Callable<Integer> {
    CommandSpec spec;

    static CommandSpec spec() {
        ReproCommand c = new ReproCommand();
        CommandSpec s = c.spec = Cli.command(c, "repro",
                "Reproduce the pipeline as 'dvc repro' does: the same decisions, dvc.lock, cache and run-cache.",
                "The project is linted first: errors, and problems that would make a planned stage fail, stop it",
                "before anything is deleted or run.");
        s.addPositional(Cli.positionals().paramLabel("TARGET")
                .description("Stages or pipeline files (default: the stages of ./dvc.yaml).").build());
        s.addOption(Cli.flag("-f", "--force").description("Reproduce even unchanged stages (and their upstream).")
                .build());
        s.addOption(Cli.flag("-s", "--single-item").description("Only the targets, not their upstream.").build());
        s.addOption(Cli.flag("-p", "--pipeline").description("The whole pipelines of the targets.").build());
        s.addOption(Cli.flag("-P", "--all-pipelines").description("Every stage of the project.").build());
        s.addOption(Cli.flag("-R", "--recursive")
                .description("A folder TARGET stands for every stage defined under it.").build());
        s.addOption(Cli.flag("--downstream").description("The targets and what depends on them.").build());
        s.addOption(Cli.flag("--force-downstream")
                .description("Once a stage ran, reproduce everything downstream of it.").build());
        s.addOption(Cli.flag("--glob").description("Target names are shell patterns ('train-*').").build());
        s.addOption(Cli.flag("--dry").description("Say what would run; change nothing.").build());
        s.addOption(Cli.flag("-k", "--keep-going")
                .description("On a failure, skip what depends on the failed stage and go on.").build());
        s.addOption(Cli.flag("--ignore-errors").description("On a failure, go on with everything.").build());
        s.addOption(Cli.flag("--allow-missing")
                .description("Missing data is no reason to reproduce a stage.").build());
        s.addOption(Cli.flag("--no-commit").description("Do not put outputs into the cache.").build());
        s.addOption(Cli.flag("--no-run-cache").description("Do not restore outputs from the run-cache.").build());
        s.addOption(Cli.flag("-i", "--interactive").description("Ask before reproducing each stage.").build());
        s.addOption(Cli.flag("--no-lint").description("Do not lint the project first.").build());
        s.addOption(Cli.option(String.class, "-j", "--jobs").paramLabel("N")
                .description("Run up to N independent stages at once (0: one per core; default 1, as DVC).").build());
        s.addOption(Cli.option(String.class, "--output").paramLabel("MODE")
                .description("With -j: 'prefixed' (default: each line of a stage's output starts with [stage]) or "
                        + "'grouped' (a stage's output printed whole when it ends).").build());
        s.addOption(Cli.flag("--json").description("With --dry: print the plan as JSON (each stage: would it run,"
                + " why, commands, deps, outs, upstream stages); run nothing.").build());
        s.addOption(Cli.option(String.class, "--junit").paramLabel("FILE")
                .description("Write a JUnit report: one test case per planned stage (GitLab, Jenkins).").build());
        return s;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> targets = Cli.positional(spec, 0);
        boolean single = Cli.flag(spec, "--single-item");
        boolean pipeline = Cli.flag(spec, "--pipeline");
        boolean all = Cli.flag(spec, "--all-pipelines");
        boolean downstream = Cli.flag(spec, "--downstream");
        if (all || pipeline) {
            single = false;
            downstream = false;
        }
        ReproOptions options = new ReproOptions(Cli.flag(spec, "--force"), Cli.flag(spec, "--force-downstream"),
                Cli.flag(spec, "--dry"), Cli.flag(spec, "--keep-going"), Cli.flag(spec, "--ignore-errors"),
                Cli.flag(spec, "--allow-missing"), Cli.flag(spec, "--no-commit"), Cli.flag(spec, "--no-run-cache"),
                Cli.flag(spec, "--interactive"), ReproCommand::ask);
        if (Cli.flag(spec, "--json") && !options.dry()) {
            throw new UsageException("--json prints the plan and needs --dry (without it the stages would run)");
        }
        Path cwd = LintCommand.cwd();
        Path root = ProjectRoot.find(cwd);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);

        try (RepoLock lock = new RepoLock(root, err)) {
            try {
                lock.acquire();
            } catch (RepoLock.UnavailableException e) {
                err.println("dvclint: " + e.getMessage());
                return Main.USAGE;
            } catch (RepoLock.LockedException e) {
                err.println("dvclint: " + e.getMessage());
                return refused(cwd, root, e.getMessage(), "");
            }
            return reproduce(targets, single, pipeline, all, downstream, options, cwd, root, out, err, lock);
        }
    }

    private int reproduce(List<String> targets, boolean single, boolean pipeline, boolean all, boolean downstream,
            ReproOptions options, Path cwd, Path root, PrintStream out, PrintStream err, RepoLock lock)
            throws IOException, InterruptedException {
        Linter.Loaded loaded = Linter.load(root, true);
        ReproGate gate = null;
        if (!Cli.flag(spec, "--no-lint")) {
            Config config;
            try {
                config = ConfigLoader.forRoot(root, RuleRegistry.ids());
            } catch (ConfigException e) {
                err.println(LintCommand.displayPath(cwd, e.file()) + ":" + e.pos().line() + ":" + e.pos().col() + ": "
                        + e.getMessage());
                return Main.USAGE;
            }
            Findings findings = new Findings();
            Linter.check(loaded, findings, config);
            gate = new ReproGate(cwd, root, findings);
        }
        ExecProject project = ExecProject.of(loaded.project(), loaded.findings(), cwd);
        Targets t = new Targets(project.project(), project.graph(), cwd);
        List<PipelineNode> steps;
        try {
            List<PipelineNode> chosen = all ? List.of()
                    : t.resolve(targets == null || targets.isEmpty() ? List.of(Targets.PROJECT_FILE) : targets,
                            Cli.flag(spec, "--recursive"), Cli.flag(spec, "--glob"));
            Planner.Scope scope = all ? Planner.Scope.ALL : single ? Planner.Scope.SINGLE
                    : pipeline ? Planner.Scope.PIPELINE : downstream ? Planner.Scope.DOWNSTREAM : Planner.Scope.UPSTREAM;
            if (gate == null) { // without the lint, what DVC refuses, as DVC reports it: the first problem
                List<Finding> refusals = DagCommand.loadErrors(loaded.findings(), project.graph());
                if (!refusals.isEmpty()) {
                    err.println("ERROR: " + refusals.get(0).message());
                    return refused(cwd, root, refusals.get(0).message(), "");
                }
            }
            steps = new Planner(project.graph()).plan(chosen, scope);
        } catch (TargetException e) {
            throw new UsageException(e.getMessage());
        }
        if (gate != null) {
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            boolean allowed = gate.allows(steps, options, new PrintStream(said, true, StandardCharsets.UTF_8));
            String text = said.toString(StandardCharsets.UTF_8);
            err.print(text);
            err.flush();
            if (!allowed) return refused(cwd, root, "not reproducing: the lint found problems that would make it fail",
                    text);
        }

        if (options.dry() && Cli.flag(spec, "--json")) {
            out.println(PyJson.dumps(new DryPlan(project, cwd).describe(steps, options.force()), false));
            return Main.OK;
        }
        int jobs = jobs();
        String mode = Cli.value(spec, "--output");
        if (mode != null && !mode.equals("prefixed") && !mode.equals("grouped")) {
            throw new UsageException("--output: unknown mode '" + mode + "'; expected prefixed or grouped");
        }
        ReproLog log = new ReproLog(out, err, jobs == 1 ? ReproLog.OutputMode.INHERIT
                : "grouped".equals(mode) ? ReproLog.OutputMode.GROUPED : ReproLog.OutputMode.PREFIXED);
        log.setProgress(Progress.forTerminal(err, steps.size()));
        if ("true".equalsIgnoreCase(System.getenv("GITHUB_ACTIONS"))) log.add(new GithubActions(project, out));
        String junit = Cli.value(spec, "--junit");
        if (junit != null) log.add(new JunitReport(cwd.resolve(junit), project.root().getFileName().toString()));
        Map<String, String> env = System.getenv();
        Shell shell = new Shell(env);
        Interruption interruption = new Interruption();
        Reproducer r = new Reproducer(project, cwd, options, log, shell, env, lock, interruption, jobs);
        List<String> unsafe = r.unsafeOutputs(steps);
        if (!unsafe.isEmpty()) {
            for (String u : unsafe) err.println("dvclint: " + u);
            err.println("dvclint: not reproducing: nothing was deleted or run");
            return refused(cwd, root, "not reproducing: unsafe outputs", String.join("\n", unsafe) + "\n");
        }
        interruption.install(shell, err);
        Reproducer.Outcome outcome;
        try {
            outcome = r.run(steps, !single);
        } finally {
            interruption.uninstall();
        }
        try {
            r.scm().finish(!outcome.failed().isEmpty(), log::info);
        } catch (ScmContext.ScmException e) {
            log.error(e.getMessage());
            return Main.FINDINGS;
        }
        if (!outcome.failed().isEmpty()) return Main.FINDINGS;
        log.info(outcome.reproduced() == 0 ? "Data and pipelines are up to date."
                : "Use `dvc push` to send your updates to remote storage.");
        return Main.OK;
    }

    /** A run refused before any stage started: exit 1, and with {@code --junit} a report saying why. */
    private int refused(Path cwd, Path root, String reason, String details) {
        String junit = Cli.value(spec, "--junit");
        if (junit != null) new JunitReport(cwd.resolve(junit), root.getFileName().toString()).refused(reason, details);
        return Main.FINDINGS;
    }

    /** {@code -j N}: at least 1; 0 means one per core. */
    private int jobs() {
        String j = Cli.value(spec, "--jobs");
        if (j == null) return 1;
        try {
            int n = Integer.parseInt(j.trim());
            if (n < 0) throw new NumberFormatException();
            return n == 0 ? Runtime.getRuntime().availableProcessors() : n;
        } catch (NumberFormatException e) {
            throw new UsageException("--jobs: expected a number of stages (0: one per core), got '" + j + "'");
        }
    }

    /** The {@code -i} question, answered on the terminal. */
    private static boolean ask(String question) {
        System.out.print(question + " [y/n] ");
        System.out.flush();
        Console c = System.console();
        String answer = c == null ? null : c.readLine();
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }
}
