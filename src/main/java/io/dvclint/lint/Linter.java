package io.dvclint.lint;

import io.dvclint.analysis.ProjectFacts;
import io.dvclint.config.Config;
import io.dvclint.config.ConfigLoader;
import io.dvclint.findings.Findings;
import io.dvclint.load.ProjectLoader;
import io.dvclint.model.Project;
import io.dvclint.params.ParamsFiles;
import io.dvclint.yaml.SourceText;
import java.nio.file.Path;
import java.util.Map;

/** Loads a project and runs every enabled rule over it. */
public final class Linter {
    private Linter() {
    }

    /** Lints with the project's own {@code .dvclint.yaml} (if any); a broken one throws ConfigException. */
    public static Project lint(Path root, Findings findings) {
        return lint(root, findings, ConfigLoader.forRoot(root, RuleRegistry.ids()));
    }

    public static Project lint(Path root, Findings findings, Config config) {
        return check(load(root, true), findings, config);
    }

    /** A project read from disk with the loader's findings, before any rule ran. */
    public record Loaded(Project project, Findings findings, ParamsFiles params) {
    }

    /**
     * Reads the project at {@code root} (discovery, YAML, templating, params): all that needs no configuration;
     * {@code validationCache} as {@link ProjectLoader#ProjectLoader(Findings, boolean)}.
     */
    public static Loaded load(Path root, boolean validationCache) {
        Findings run = new Findings();
        long t0 = System.nanoTime();
        ProjectLoader loader = new ProjectLoader(run, validationCache);
        Project project = loader.load(root);
        Timings.report("load", t0);
        return new Loaded(project, run, loader.params());
    }

    /** Runs the rules {@code config} enables over a project {@link #load loaded} once; adds every finding. */
    public static Project check(Loaded loaded, Findings findings, Config config) {
        Project project = loaded.project();
        Findings run = loaded.findings();
        RuleEngine.run(new ProjectFacts(project, loaded.params()), run, config);
        for (ParamsFiles.Loaded l : loaded.params().loaded()) run.source(l.file(), l.text());
        for (Map.Entry<Path, SourceText> e : run.sources().entrySet()) {
            findings.source(e.getKey(), e.getValue());
        }
        findings.addAll(run.all());
        return project;
    }
}
