package io.dvclint.cli;

import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.format.Formats;
import io.dvclint.format.Formatter;
import io.dvclint.format.Report;
import io.dvclint.lint.Linter;
import io.dvclint.load.ProjectRoot;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dvclint lint [PATH...]}: load each project the paths belong to and report every problem at once. */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lint the DVC project(s) holding PATH (default: the current folder).",
            "A PATH may be a folder or any file of the project (dvc.yaml, dvc.lock, params files, *.dvc):",
            "the whole project is linted once, whichever files were named."})
public final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Folders or files of the project(s) to lint.")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = {"Output format: text, gcc, json, sarif, github, checkstyle, junit.",
                "Default: github when the environment variable GITHUB_ACTIONS is true, else text."})
    String format;

    /** Environment lookup, replaceable in tests. */
    static Function<String, String> env = System::getenv;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "Exit 1 when a finding is at or above this severity: error (default), warning, info.")
    String failOn;

    @Option(names = "--no-color", description = "Never colour the text output.")
    boolean noColor;

    @Override
    public Integer call() {
        Severity threshold;
        try {
            threshold = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fail-on: " + e.getMessage());
        }
        Formatter formatter;
        try {
            formatter = Formats.byName(formatName());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        if (paths.isEmpty()) paths.add(cwd);
        Set<Path> roots = new LinkedHashSet<>();
        for (Path p : paths) {
            Path abs = cwd.resolve(p).normalize();
            if (!Files.exists(abs)) throw new UsageException("path '" + p + "' does not exist");
            roots.add(ProjectRoot.find(abs));
        }
        Findings findings = new Findings();
        for (Path root : roots) Linter.lint(root, findings);
        List<Finding> sorted = findings.sorted();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        boolean color = !noColor && System.console() != null && System.getenv("NO_COLOR") == null
                && "text".equals(formatName());
        formatter.write(sorted, new Report(cwd, List.copyOf(roots), findings, color, Version.get()), out);
        out.flush();
        boolean fail = sorted.stream().anyMatch(f -> f.severity().atLeast(threshold));
        return fail ? Main.FINDINGS : Main.OK;
    }

    /** The --format given, else github inside GitHub Actions (as yamllint does), else text. */
    String formatName() {
        if (format != null) return format;
        return "true".equalsIgnoreCase(env.apply("GITHUB_ACTIONS")) ? "github" : "text";
    }
}
