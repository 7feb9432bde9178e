package io.dvclint.graph;

import io.dvclint.model.DataSource;
import io.dvclint.model.Stage;
import java.nio.file.Path;
import java.util.List;

/**
 * A node of the pipeline graph: a dvc.yaml stage or a {@code .dvc} data source.
 *
 * @param label   DVC's addressing ({@code train}, {@code sub/dvc.yaml:train}, {@code data/data.xml.dvc})
 * @param index   position in collection order
 */
public record PipelineNode(String label, int index, Stage stage, DataSource source) {

    // Identity semantics (each is one object of the model), and no record-generated equals/hashCode: those would
    // hash the whole model recursively and bootstrap method handles at start-up.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
    /** Output paths (absolute) of the node. */
    public List<Path> outPaths() {
        return stage != null ? stage.outs().stream().map(o -> o.abs()).toList() : source.outs();
    }

    /** Output paths as written. */
    public List<String> outNames() {
        return stage != null ? stage.outs().stream().map(o -> o.path()).toList() : source.outPaths();
    }

    @Override
    public String toString() {
        return label;
    }
}
