package io.dvclint.model;

import io.dvclint.discovery.DvcIgnore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A DVC project: its root folder, every dvc.yaml found in it (in discovery order), its .dvc data sources and its
 * .dvcignore rules.
 */
public final class Project {
    private final Path root;
    private final DvcIgnore ignore;
    private final List<DvcFile> dvcFiles = new ArrayList<>();
    private final List<DataSource> dataSources = new ArrayList<>();
    private final List<SkippedPipeline> skippedPipelines = new ArrayList<>();

    /** A dvc.yaml that is not loaded (by DVC either) because it lies inside an output folder of {@code owner}. */
    public record SkippedPipeline(Path file, Stage owner, Out out) {
    }

    public Project(Path root, DvcIgnore ignore) {
        this.root = root;
        this.ignore = ignore;
    }

    public Path root() {
        return root;
    }

    /** The project's .dvcignore rules. */
    public DvcIgnore ignore() {
        return ignore;
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
