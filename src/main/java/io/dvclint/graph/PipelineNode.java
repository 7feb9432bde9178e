package io.dvclint.graph;

import io.dvclint.model.DataSource;
import io.dvclint.model.Out;
import io.dvclint.model.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the pipeline graph: a dvc.yaml stage or a {@code .dvc} data source. A node is one object of the graph,
 * equal only to itself.
 */
public final class PipelineNode {
    private final String label;
    private final int index;
    private final Stage stage;
    private final DataSource source;

    /**
     * @param label DVC's addressing ({@code train}, {@code sub/dvc.yaml:train}, {@code data/data.xml.dvc})
     * @param index position in collection order
     * @param stage the stage, or null for a data source
     */
    public PipelineNode(String label, int index, Stage stage, DataSource source) {
        this.label = label;
        this.index = index;
        this.stage = stage;
        this.source = source;
    }

    public String label() {
        return label;
    }

    public int index() {
        return index;
    }

    public Stage stage() {
        return stage;
    }

    public DataSource source() {
        return source;
    }

    /** Output paths (absolute) of the node. */
    public List<Path> outPaths() {
        if (stage == null) return source.outs();
        List<Path> paths = new ArrayList<>(stage.outs().size());
        for (Out o : stage.outs()) paths.add(o.abs());
        return Collections.unmodifiableList(paths);
    }

    /** Output paths as written. */
    public List<String> outNames() {
        if (stage == null) return source.outPaths();
        List<String> names = new ArrayList<>(stage.outs().size());
        for (Out o : stage.outs()) names.add(o.path());
        return Collections.unmodifiableList(names);
    }

    @Override
    public String toString() {
        return label;
    }
}
