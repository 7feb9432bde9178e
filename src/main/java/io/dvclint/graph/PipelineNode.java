package io.dvclint.graph;

import io.dvclint.model.DataSource;
import io.dvclint.model.Out;
import io.dvclint.model.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the pipeline graph: a dvc.yaml stage or a {@code .dvc} data source.
 *
 * @param label   DVC's addressing ({@code train}, {@code sub/dvc.yaml:train}, {@code data/data.xml.dvc})
 * @param index   position in collection order
 */
public record PipelineNode(String label, int index, Stage stage, DataSource source) {
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
