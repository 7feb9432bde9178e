package io.dvclint.cli;

import io.dvclint.config.Config;
import io.dvclint.config.ConfigException;
import io.dvclint.config.ConfigLoader;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.fix.Fixer;
import io.dvclint.format.Formats;
import io.dvclint.format.Formatter;
import io.dvclint.format.Report;
import io.dvclint.format.RuleCatalog;
import io.dvclint.format.RuleInfo;
import io.dvclint.lint.Linter;
import io.dvclint.lint.RuleRegistry;
import io.dvclint.load.ProjectRoot;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dvclint lint [PATH...]}: load each project the paths belong to and report every problem at once. */
public final class LintCommand implements Callable<Integer> {
    String format;
    /** Environment lookup, replaceable in tests. */
    static Function<String, String> env; // null: System.getenv (no lambda here: this class loads at start-up)
    String failOn;
    Path configFile;
    boolean fix;
    boolean diff;
    boolean noColor;
    boolean noCache;
    CommandSpec spec;

    /** The lint command, named {@code name}. */
    static CommandSpec spec(String name) {
        LintCommand c = new LintCommand();
        CommandSpec s = c.spec = Cli.command(c, name,
                "Lint the DVC project(s) holding PATH (default: the current folder).",
                "A PATH may be a folder or any file of the project (dvc.yaml, dvc.lock, params files, *.dvc):",
                "the whole project is linted once, whichever files were named.");
        s.addPositional(Cli.positionals().paramLabel("PATH")
                .description("Folders or files of the project(s) to lint.").build());
        s.addOption(Cli.option(String.class, "-f", "--format").paramLabel("FORMAT")
                .description("Output format: text, gcc, json, sarif, github, checkstyle, junit.",
                        "Default: github when the environment variable GITHUB_ACTIONS is true, else text.").build());
        s.addOption(Cli.option(String.class, "--fail-on").paramLabel("SEVERITY")
                .description("Exit 1 when a finding is at or above this severity: error (default), warning, info."
                        + " Overrides fail-on of the configuration.").build());
        s.addOption(Cli.option(String.class, "--config").paramLabel("FILE")
                .description("Configuration file to use instead of each project's .dvclint.yaml.").build());
        s.addOption(Cli.flag("--fix")
                .description("Apply the automatic fixes to the files, then report what is left.").build());
        s.addOption(Cli.flag("--diff")
                .description("Print the automatic fixes as a unified diff instead of applying them"
                        + " (exit 1 when there is any).").build());
        s.addOption(Cli.flag("--no-color").description("Never colour the text output.").build());
        s.addOption(Cli.flag("--no-cache")
                .description("Validate every file against the schema, even one that passed unchanged before.")
                .build());
        return s;
    }

    @Override
    public Integer call() {
        List<String> given = Cli.positional(spec, 0);
        List<String> pathArgs = given == null ? List.of() : given;
        format = Cli.value(spec, "--format");
        failOn = Cli.value(spec, "--fail-on");
        String config = Cli.value(spec, "--config");
        if (config != null) configFile = Path.of(config);
        fix = Cli.flag(spec, "--fix");
        diff = Cli.flag(spec, "--diff");
        noColor = Cli.flag(spec, "--no-color");
        noCache = Cli.flag(spec, "--no-cache");
        Severity threshold = null;
        if (failOn != null) {
            try {
                threshold = Severity.parse(failOn);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fail-on: " + e.getMessage());
            }
        }
        Formatter formatter;
        try {
            formatter = Formats.byName(formatName());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        Path cwd = cwd();
        List<Path> roots = roots(cwd, pathArgs);
        Map<Path, Config> configs;
        Severity configured;
        Findings findings;
        try {
            configs = configs(cwd, roots, configFile);
            configured = failOn(configs);
            findings = lintAll(configs, !noCache);
            for (Path root : roots) {
                if (!hasPipeline(findings, root)) {
                    System.err.println("dvclint: no dvc.yaml or .dvc file found in " + displayPath(cwd, root));
                }
            }
        } catch (ConfigException e) {
            System.err.println(displayPath(cwd, e.file()) + ":" + e.pos().line() + ":" + e.pos().col() + ": "
                    + e.getMessage());
            System.err.flush();
            return Main.USAGE;
        }
        if (threshold == null) threshold = configured == null ? Severity.ERROR : configured;
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (diff || fix) {
            FixLoop.Result r = FixLoop.run(configs, !noCache, findings, fix);
            if (diff) {
                boolean any = false;
                for (Map.Entry<Path, String> e : r.before().entrySet()) {
                    String d = Fixer.unifiedDiff(displayPath(cwd, e.getKey()), e.getValue(), r.after().get(e.getKey()));
                    any |= !d.isEmpty();
                    out.print(d);
                }
                out.flush();
                return any ? Main.FINDINGS : Main.OK;
            }
            findings = r.findings();
            int n = r.edits();
            if (n > 0) System.err.println("dvclint: applied " + n + " fix edit" + (n == 1 ? "" : "s"));
        }
        List<Finding> sorted = findings.sorted();
        boolean color = !noColor && System.console() != null && System.getenv("NO_COLOR") == null
                && "text".equals(formatName());
        formatter.write(sorted, new Report(cwd, List.copyOf(roots), findings, color, Version.get(), REGISTRY), out);
        out.flush();
        for (Finding f : sorted) if (f.severity().atLeast(threshold)) return Main.FINDINGS;
        return Main.OK;
    }

    /** Every rule (SARIF lists them); only asked for by the formats that need it. */
    private static final RuleCatalog REGISTRY = new RuleCatalog() {
        @Override
        public List<RuleInfo> rules() {
            return RuleRegistry.catalog();
        }
    };

    /** The --format given, else github inside GitHub Actions (as yamllint does), else text. */
    String formatName() {
        if (format != null) return format;
        String actions = env == null ? System.getenv("GITHUB_ACTIONS") : env.apply("GITHUB_ACTIONS");
        return "true".equalsIgnoreCase(actions) ? "github" : "text";
    }

    /** The absolute, normalised working folder. */
    static Path cwd() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    }

    /** The project root of each PATH (the working folder when none is given), in order, without repeats. */
    static List<Path> roots(Path cwd, List<String> pathArgs) {
        Set<Path> roots = new LinkedHashSet<>();
        if (pathArgs.isEmpty()) roots.add(ProjectRoot.find(cwd));
        for (String p : pathArgs) {
            Path abs = cwd.resolve(p).normalize();
            if (!Files.exists(abs)) throw new UsageException("path '" + p + "' does not exist");
            roots.add(ProjectRoot.find(abs));
        }
        return List.copyOf(roots);
    }

    /** Each root's configuration: {@code configFile} for all when given, else each project's own. */
    static Map<Path, Config> configs(Path cwd, List<Path> roots, Path configFile) {
        Map<Path, Config> configs = new LinkedHashMap<>();
        Config given = configFile == null ? null
                : ConfigLoader.load(cwd.resolve(configFile).normalize(), RuleRegistry.ids());
        for (Path root : roots) {
            configs.put(root, given != null ? given : ConfigLoader.forRoot(root, RuleRegistry.ids()));
        }
        return configs;
    }

    /** The lowest failure threshold the configurations set, or null when none sets one. */
    static Severity failOn(Map<Path, Config> configs) {
        Severity t = null;
        for (Config c : configs.values()) {
            if (c.failOn() != null && (t == null || !c.failOn().atLeast(t))) t = c.failOn();
        }
        return t;
    }

    /** Each project linted with its configuration; {@code validationCache} as {@link Linter#load}. */
    static Findings lintAll(Map<Path, Config> configs, boolean validationCache) {
        Findings findings = new Findings();
        for (Map.Entry<Path, Config> e : configs.entrySet()) {
            Linter.check(Linter.load(e.getKey(), validationCache), findings, e.getValue());
        }
        return findings;
    }

    /** Whether the lint of {@code root} met any pipeline file (dvc.yaml or .dvc) of it. */
    private static boolean hasPipeline(Findings findings, Path root) {
        List<Path> files = new ArrayList<>(findings.sources().keySet());
        for (Finding f : findings.all()) files.add(f.file());
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (f.startsWith(root) && (name.equals("dvc.yaml") || name.endsWith(".dvc"))) return true;
        }
        return false;
    }

    static String displayPath(Path cwd, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String shown = (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
        return shown.isEmpty() ? "." : shown;
    }
}
