package io.dvclint.analysis;

import io.dvclint.graph.PipelineGraph;
import io.dvclint.model.Project;
import io.dvclint.params.ParamsFiles;

/**
 * What the rules of one lint share about a loaded project: its params and vars files (each read once, by the loader
 * and the rules alike), its pipeline graph and the params its stages' code reads (each worked out on first use).
 */
public final class ProjectFacts {
    private final Project project;
    private final ParamsFiles params;
    private PipelineGraph graph;
    private CodeParamReads codeReads;

    public ProjectFacts(Project project, ParamsFiles params) {
        this.project = project;
        this.params = params;
    }

    public Project project() {
        return project;
    }

    public ParamsFiles params() {
        return params;
    }

    public PipelineGraph graph() {
        if (graph == null) graph = PipelineGraph.build(project);
        return graph;
    }

    /** The params keys the stages' code reads (each script read once). */
    public CodeParamReads codeReads() {
        if (codeReads == null) codeReads = new CodeParamReads(this);
        return codeReads;
    }
}
