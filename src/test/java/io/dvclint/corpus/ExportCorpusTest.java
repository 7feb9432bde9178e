package io.dvclint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dvclint.TestFiles;
import io.dvclint.TestFiles.Run;
import io.dvclint.export.ExportSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code dvclint export} over every real-world project DVC loaded ({@code expected-dvc-dag.txt}) and the examples:
 * the Argo output is valid against Argo's official JSON Schema (draft 2020-12) — as the document it is and as its
 * own kind — with unique Kubernetes task names, and its stage tasks and dependencies are the graph
 * {@code dvclint dag --format json} prints; the Airflow output compiles and, read back with Python's ast, has the
 * same graph.
 */
class ExportCorpusTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    /** The real-world cases DVC loaded, then the bundled examples. */
    static List<Path> cases() throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (Path d : Shared.corpusCases()) if (Files.exists(d.resolve("expected-dvc-dag.txt"))) dirs.add(d);
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            dirs.addAll(s.filter(Files::isDirectory).sorted().toList());
        }
        return dirs;
    }

    /** The official schema, as published and narrowed to one kind (its oneOf replaced by that kind's definition). */
    static Schema schema(String kind) throws IOException {
        Path p = Shared.root().resolve("reference/argo-workflows-schema.json");
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(p));
        if (kind != null) {
            ArrayNode one = JSON.createArrayNode();
            one.addObject().put("$ref", "#/definitions/io.argoproj.workflow.v1alpha1." + kind);
            doc.set("oneOf", one);
        }
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(doc);
    }

    @Test
    void argoOutputIsValidAndHasTheGraphOfDag() throws IOException {
        Shared.require("reference");
        List<Path> cases = cases();
        Schema official = schema(null), workflow = schema("Workflow"), template = schema("WorkflowTemplate");
        List<String> problems = new ArrayList<>();
        int exported = 0, empty = 0;
        for (Path d : cases) {
            String id = d.getFileName().toString();
            ExportSupport.Graph dag = ExportSupport.dagGraph(TestFiles.cli(d, "dag", "--format", "json").out());
            String[][] runs = {{"export", "argo", "--volume", "workspace", "--image", "registry.example/ml:1"},
                    {"export", "argo", "--remote", "storage", "--repo", "https://example.com/ml.git", "--template"}};
            for (String[] args : runs) {
                Run r = TestFiles.cli(d, args);
                if (r.exit() != 0) {
                    problems.add(id + " " + args[2] + ": exit " + r.exit() + ": " + r.err());
                    continue;
                }
                if (dag.stages().isEmpty()) {
                    if (!r.out().isEmpty()) problems.add(id + ": a pipeline without stages exported something");
                    empty++;
                    continue;
                }
                Map<String, Object> wf = ExportSupport.yaml(r.out());
                JsonNode node = JSON.valueToTree(wf);
                List<Error> errors = new ArrayList<>(official.validate(node));
                errors.addAll((args.length > 6 ? template : workflow).validate(node));
                if (!errors.isEmpty()) problems.add(id + " " + args[2] + ": schema: " + errors.subList(0, 1));
                try {
                    ExportSupport.Graph g = ExportSupport.argoGraph(wf);
                    if (!g.equals(dag)) problems.add(id + " " + args[2] + ": graph differs from dag's");
                } catch (AssertionError e) {
                    problems.add(id + " " + args[2] + ": " + e.getMessage());
                }
                exported++;
            }
        }
        assertTrue(cases.size() > 100, "corpus looks incomplete: " + cases.size());
        assertEquals(List.of(), problems, exported + " exports valid with dag's graph; problems:");
        assertTrue(exported > 200, exported + " exported, " + empty + " without stages");
    }

    @Test
    void theSchemaCheckRejectsWhatArgoWouldNot() throws IOException {
        Shared.require("reference");
        Schema workflow = schema("Workflow");
        Run r = TestFiles.cli(Path.of("examples/reproduced"), "export", "argo", "--volume", "ws");
        ObjectNode wf = (ObjectNode) JSON.valueToTree(ExportSupport.yaml(r.out()));
        assertEquals(List.of(), workflow.validate(wf));
        ObjectNode task = (ObjectNode) wf.get("spec").get("templates").get(0).get("dag").get("tasks").get(1);
        task.put("dependencies", "prepare");
        ((ObjectNode) wf.get("spec")).put("activeDeadlineSeconds", "soon");
        ((ObjectNode) wf.get("spec").get("templates").get(1).get("container")).remove("image");
        assertTrue(workflow.validate(wf).size() >= 3, workflow.validate(wf).toString());
    }

    @Test
    void airflowOutputCompilesAndHasTheGraphOfDag() throws IOException {
        List<Path> cases = cases();
        List<Path> files = new ArrayList<>();
        List<ExportSupport.Graph> expected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path d : cases) {
            ExportSupport.Graph dag = ExportSupport.dagGraph(TestFiles.cli(d, "dag", "--format", "json").out());
            if (dag.stages().isEmpty()) continue;
            String id = d.getFileName().toString();
            String[][] runs = {{"--workdir", "/srv/" + id}, {"--image", "registry.example/ml:1", "--remote", "s3"}};
            for (String[] extra : runs) {
                Path f = out.resolve("dag_" + id + "_" + files.size() + ".py");
                List<String> args = new ArrayList<>(List.of("export", "airflow", "-o", f.toString()));
                args.addAll(List.of(extra));
                Run r = TestFiles.cli(d, args.toArray(new String[0]));
                if (r.exit() != 0) {
                    problems.add(id + ": exit " + r.exit() + ": " + r.err());
                    continue;
                }
                files.add(f);
                expected.add(dag);
            }
        }
        List<JsonNode> read = ExportSupport.airflow(out, files);
        for (int i = 0; i < files.size(); i++) {
            try {
                if (!ExportSupport.airflowGraph(read.get(i)).equals(expected.get(i))) {
                    problems.add(files.get(i).getFileName() + ": graph differs from dag's");
                }
            } catch (AssertionError e) {
                problems.add(files.get(i).getFileName() + ": " + e.getMessage());
            }
        }
        assertFalse(files.isEmpty());
        assertEquals(List.of(), problems, files.size() + " DAG files; problems:");
    }
}
