package io.dvclint.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A DVC project: its root folder, every dvc.yaml found in it (in discovery order) and its .dvc data sources. */
public final class Project {
    private final Path root;
    private final List<DvcFile> dvcFiles = new ArrayList<>();
    private final List<DataSource> dataSources = new ArrayList<>();
    private final List<SkippedPipeline> skippedPipelines = new ArrayList<>();

    /** A dvc.yaml that is not loaded (by DVC either) because it lies inside an output folder of {@code owner}. */
    public record SkippedPipeline(Path file, Stage owner, Out out) {
    }
    private final io.dvclint.params.ParamsFiles paramsFiles = new io.dvclint.params.ParamsFiles();
    private io.dvclint.discovery.DvcIgnore ignore;

    private final java.util.Map<Class<?>, Object> derived = new java.util.HashMap<>();

    public Project(Path root) {
        this.root = root;
    }

    /**
     * Data derived from the project once and shared by everything that needs it (e.g. the pipeline graph), keyed
     * by its type. Rules may run on two threads: the first to ask computes it, the other waits for it.
     */
    public synchronized <T> T derived(Class<T> type, java.util.function.Supplier<T> make) {
        Object v = derived.get(type);
        if (v == null) {
            v = make.get();
            derived.put(type, v);
        }
        return type.cast(v);
    }

    /** Params and vars files of the project, each read once. */
    public io.dvclint.params.ParamsFiles paramsFiles() {
        return paramsFiles;
    }

    /** The project's .dvcignore rules. */
    public synchronized io.dvclint.discovery.DvcIgnore ignore() {
        if (ignore == null) ignore = io.dvclint.discovery.DvcIgnore.forRoot(root);
        return ignore;
    }

    public synchronized void setIgnore(io.dvclint.discovery.DvcIgnore ignore) {
        this.ignore = ignore;
    }

    public Path root() {
        return root;
    }

    public List<DvcFile> dvcFiles() {
        return dvcFiles;
    }

    public List<DataSource> dataSources() {
        return dataSources;
    }

    /** Pipeline files inside output folders of stages found before them: neither DVC nor dvclint loads them. */
    public List<SkippedPipeline> skippedPipelines() {
        return skippedPipelines;
    }

    /** Every resolved stage, in collection order (files in discovery order, stages in file order). */
    public List<Stage> stages() {
        List<Stage> all = new ArrayList<>();
        for (DvcFile f : dvcFiles) all.addAll(f.stages());
        return all;
    }

    /** POSIX path of {@code p} relative to the root. */
    public String rel(Path p) {
        return PathNames.posix(root.relativize(p));
    }
}
