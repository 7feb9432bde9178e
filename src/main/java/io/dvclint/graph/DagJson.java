package io.dvclint.graph;

import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The graph as JSON for tools (documented in docs/json-format.md): {@code {"nodes": [{"id", "kind", "file", "line",
 * "column", "definition"}], "edges": [{"from", "to", "paths": [{"dep", "out"}]}]}} where an edge goes from the
 * upstream stage to the downstream one (data flow) and each path pair says which dependency of the downstream stage
 * uses which output of the upstream one.
 */
public final class DagJson {
    private DagJson() {
    }

    public static String render(DagView v, Project project, Path cwd) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), w)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("nodes");
            for (String n : v.nodes()) {
                PipelineNode info = v.nodeInfo.get(n);
                g.writeStartObject();
                g.writeStringProperty("id", n);
                if (info != null && info.stage() != null) {
                    g.writeStringProperty("kind", "stage");
                    g.writeStringProperty("file", PathNames.posix(cwd.relativize(info.stage().file().path())));
                    g.writeNumberProperty("line", info.stage().pos().line());
                    g.writeNumberProperty("column", info.stage().pos().col());
                    g.writeName("definition");
                    write(g, info.stage().def());
                } else if (info != null) {
                    g.writeStringProperty("kind", "data-source");
                    g.writeStringProperty("file", PathNames.posix(cwd.relativize(info.source().path())));
                } else {
                    g.writeStringProperty("kind", "output");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("edges");
            for (List<String> e : v.edges()) {
                g.writeStartObject();
                g.writeStringProperty("from", e.get(1));
                g.writeStringProperty("to", e.get(0));
                List<PipelineGraph.EdgeReason> rs = v.reasons.get(e);
                if (rs != null) {
                    g.writeArrayPropertyStart("paths");
                    for (PipelineGraph.EdgeReason r : rs) {
                        g.writeStartObject();
                        g.writeStringProperty("dep", r.depPath());
                        g.writeStringProperty("out", r.outPath());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w + "\n";
    }

    static void write(JsonGenerator g, YNode n) {
        if (n instanceof YMap m) {
            g.writeStartObject();
            for (YMap.Entry e : m.entries()) {
                g.writeName(e.name());
                write(g, e.value());
            }
            g.writeEndObject();
        } else if (n instanceof YSeq s) {
            g.writeStartArray();
            for (YNode x : s.items()) write(g, x);
            g.writeEndArray();
        } else {
            Object v = ((YScalar) n).value();
            if (v == null) g.writeNull();
            else if (v instanceof String str) g.writeString(str);
            else if (v instanceof Boolean b) g.writeBoolean(b);
            else if (v instanceof Long l) g.writeNumber(l);
            else if (v instanceof BigInteger b) g.writeNumber(b);
            else if (v instanceof Double d && !d.isInfinite() && !d.isNaN()) g.writeNumber(d);
            else g.writeString(String.valueOf(v));
        }
    }
}
