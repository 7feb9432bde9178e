package io.dvclint.export;

import io.dvclint.graph.PipelineGraph;
import io.dvclint.model.Project;
import java.util.Set;

/**
 * What {@code --changed-only} exports: the stages a dry run of {@code dvclint repro} over the whole project would
 * run ({@code dvclint repro --dry --json}). {@link StageSelection} adds every stage downstream of them. The
 * executor provides the implementation.
 */
@FunctionalInterface
public interface ChangedStages {
    /** Addresses ({@link io.dvclint.model.Stage#address()}) of the stages that would run. */
    Set<String> wouldRun(Project project, PipelineGraph graph);
}
