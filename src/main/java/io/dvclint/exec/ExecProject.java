package io.dvclint.exec;

import io.dvclint.exec.cache.ObjectCache;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.exec.state.PathHashes;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.graph.PipelineGraph;
import io.dvclint.graph.PipelineNode;
import io.dvclint.load.DvcConfig;
import io.dvclint.load.ProjectLoader;
import io.dvclint.model.DataSource;
import io.dvclint.model.DvcFile;
import io.dvclint.model.LockStage;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.yaml.YSeq;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project loaded to be checked or run: the model and graph the linter builds, each stage joined with its
 * dvc.lock entry, the project's cache and configuration, and one memory of path hashes for the whole command.
 */
public final class ExecProject {
    private final Project project;
    private final Findings findings;
    private final PipelineGraph graph;
    private final DvcConfig config;
    private final ObjectCache cache;
    private final PathHashes hashes;
    private final Map<PipelineNode, TrackedStage> tracked = new LinkedHashMap<>();
    private final Map<PipelineNode, TrackedStage> sources = new LinkedHashMap<>();

    private final Path cwd;

    private ExecProject(Project project, Findings findings, DvcConfig config, ObjectCache cache, Path cwd) {
        this.project = project;
        this.cwd = cwd;
        this.findings = findings;
        this.graph = PipelineGraph.build(project);
        this.config = config;
        this.cache = cache;
        this.hashes = PathHashes.forProject(project.root(), project.ignore(), cache);
        for (PipelineNode n : graph.nodes()) {
            if (n.stage() == null) {
                if (isAdded(n.source())) sources.put(n, new TrackedStage(n, address(n)));
                continue;
            }
            DvcFile f = n.stage().file();
            LockStage lock = f.lock() == null ? null : f.lock().stages().get(n.stage().name());
            tracked.put(n, new TrackedStage(n, address(n), lock));
        }
    }

    /**
     * Loads the project at {@code root} (findings of the load are kept, see {@link #loadErrors}); stages are
     * addressed from {@code cwd}, as DVC addresses them from the current folder.
     */
    public static ExecProject load(Path root, Path cwd) throws IOException {
        Findings findings = new Findings();
        return of(new ProjectLoader(findings).load(root), findings, cwd);
    }

    /** A project already loaded (by the lint that runs before {@code repro}), with the findings of its load. */
    public static ExecProject of(Project project, Findings findings, Path cwd) throws IOException {
        DvcConfig config = DvcConfig.load(project.root());
        return new ExecProject(project, findings, config, ObjectCache.of(config), cwd);
    }

    /**
     * DVC's addressing of a node from the current folder ({@code PipelineStage.addressing}): the bare name for a
     * stage of the {@code dvc.yaml} there, {@code path/dvc.yaml:name} for others, a {@code .dvc} file's path.
     */
    public String address(PipelineNode n) {
        Path file = n.stage() != null ? n.stage().file().path() : n.source().path();
        String rel;
        try {
            rel = PathNames.posix(cwd.relativize(file));
        } catch (IllegalArgumentException e) {
            rel = file.toString();
        }
        if (n.stage() == null) return rel;
        return rel.equals("dvc.yaml") ? n.stage().name() : rel + ":" + n.stage().name();
    }

    public Project project() {
        return project;
    }

    public Path root() {
        return project.root();
    }

    /** Everything the load reported (schema, templating, YAML errors and warnings). */
    public Findings findings() {
        return findings;
    }

    /** The errors that stop DVC from loading the project: broken YAML, schema or templating, a corrupt lock. */
    public List<Finding> loadErrors() {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings.sorted()) if (f.severity() == Severity.ERROR) out.add(f);
        return out;
    }

    public PipelineGraph graph() {
        return graph;
    }

    public DvcConfig config() {
        return config;
    }

    public ObjectCache cache() {
        return cache;
    }

    public PathHashes hashes() {
        return hashes;
    }

    /** Every stage of the project, in collection order. */
    public List<TrackedStage> stages() {
        return new ArrayList<>(tracked.values());
    }

    /** The tracked stage of a graph node, or null for a {@code .dvc} data source. */
    public TrackedStage stage(PipelineNode n) {
        return tracked.get(n);
    }

    /**
     * The tracked stage of a graph node, a dvc.yaml stage or a {@code .dvc} data source of {@code dvc add}; null for
     * an import ({@code dvc import}, {@code dvc import-url}: a {@code .dvc} file with dependencies), which is only
     * checked.
     */
    public TrackedStage tracked(PipelineNode n) {
        TrackedStage s = tracked.get(n);
        return s != null ? s : sources.get(n);
    }

    /** A {@code .dvc} file of {@code dvc add}: loaded, and without dependencies (those of imports). */
    private static boolean isAdded(DataSource d) {
        if (d.root() == null) return false;
        return !(d.root().get("deps") instanceof YSeq deps) || deps.size() == 0;
    }
}
