package io.dvclint.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reading exports back: Argo YAML as a tree, Airflow files through Python's ast, graphs to compare. */
public final class ExportSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    private ExportSupport() {
    }

    /** A task graph in DVC addresses: the stages, and the edges as {@code [upstream, downstream]}. */
    public record Graph(Set<String> stages, Set<List<String>> edges) {
    }

    /** The stages and the edges between stages of {@code dvclint dag --format json} (data sources are not tasks). */
    public static Graph dagGraph(String dagJson) {
        JsonNode d = JSON.readTree(dagJson);
        Set<String> stages = new TreeSet<>();
        for (JsonNode n : d.get("nodes")) if (n.get("kind").asString().equals("stage")) stages.add(n.get("id").asString());
        Set<List<String>> edges = new HashSet<>();
        for (JsonNode e : d.get("edges")) {
            String from = e.get("from").asString(), to = e.get("to").asString();
            if (stages.contains(from) && stages.contains(to)) edges.add(List.of(from, to));
        }
        return new Graph(stages, edges);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Load(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build())
                .loadFromString(text);
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object tree, Object... path) {
        Object x = tree;
        for (Object p : path) {
            if (x == null) return null;
            x = p instanceof Integer i ? ((List<Object>) x).get(i) : ((Map<String, Object>) x).get(p);
        }
        return (T) x;
    }

    /** The templates of a workflow by name. */
    public static Map<String, Map<String, Object>> templates(Map<String, Object> wf) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        List<Map<String, Object>> ts = at(wf, "spec", "templates");
        for (Map<String, Object> t : ts) m.put((String) t.get("name"), t);
        return m;
    }

    /** The entrypoint's DAG tasks. */
    public static List<Map<String, Object>> tasks(Map<String, Object> wf) {
        Map<String, Object> entry = templates(wf).get((String) at(wf, "spec", "entrypoint"));
        return at(entry, "dag", "tasks");
    }

    /** The DVC address a task passes as its {@code stage} parameter, or null for a setup task. */
    public static String stageOf(Map<String, Object> task) {
        List<Map<String, Object>> params = at(task, "arguments", "parameters");
        if (params == null) return null;
        for (Map<String, Object> p : params) if ("stage".equals(p.get("name"))) return (String) p.get("value");
        return null;
    }

    /**
     * The stage tasks and their dependencies on stage tasks, after checking every task name is a unique Kubernetes
     * label starting with a letter and every dependency names a task.
     */
    public static Graph argoGraph(Map<String, Object> wf) {
        Map<String, String> byName = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Map<String, Object> t : tasks(wf)) {
            String name = (String) t.get("name");
            assertTrue(TaskNames.isName(name), "not a Kubernetes name: " + name);
            assertTrue(names.add(name), "task name twice: " + name);
            String stage = stageOf(t);
            if (stage != null) byName.put(name, stage);
        }
        Set<List<String>> edges = new HashSet<>();
        for (Map<String, Object> t : tasks(wf)) {
            List<String> deps = t.get("dependencies") == null ? List.of() : at(t, "dependencies");
            for (String d : deps) {
                assertTrue(names.contains(d), "dependency on no task: " + d);
                String stage = byName.get((String) t.get("name"));
                if (stage != null && byName.containsKey(d)) edges.add(List.of(byName.get(d), stage));
            }
        }
        assertEquals(byName.size(), new HashSet<>(byName.values()).size(), "a stage exported twice");
        return new Graph(new TreeSet<>(byName.values()), edges);
    }

    /** Whether {@code python3} runs here (CI has it; a machine without it skips the Airflow checks). */
    public static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs python3 with the arguments; returns standard output, failing on a non-zero exit. */
    public static String python(Path cwd, List<String> args) {
        Assumptions.assumeTrue(python(), "python3 is not available");
        List<String> cmd = new ArrayList<>();
        cmd.add("python3");
        cmd.addAll(args);
        try {
            Path err = Files.createTempFile("python", ".err");
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python3 did not finish");
            String stderr = Files.readString(err);
            Files.delete(err);
            assertEquals(0, p.exitValue(), cmd + "\n" + stderr + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles the files ({@code py_compile}) and reads them back with {@code airflow_graph.py}: one JSON object a
     * file (tasks, edges, string constants, top-level statements, and the graph an execution against stand-ins for
     * Airflow built).
     */
    public static List<JsonNode> airflow(Path workDir, List<Path> files) {
        Path script = workDir.resolve("airflow_graph.py");
        try (InputStream in = ExportSupport.class.getResourceAsStream("airflow_graph.py")) {
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("-m", "py_compile"));
        for (Path f : files) args.add(f.toString());
        python(workDir, args);
        args = new ArrayList<>(List.of(script.toString()));
        for (Path f : files) args.add(f.toString());
        List<JsonNode> out = new ArrayList<>();
        for (String line : python(workDir, args).split("\n")) if (!line.isBlank()) out.add(JSON.readTree(line));
        assertEquals(files.size(), out.size());
        return out;
    }

    /** The stage tasks and edges between them of a read-back Airflow file, checking the executed graph agrees. */
    public static Graph airflowGraph(JsonNode read) {
        assertTrue(read.get("run").get("error") == null, "running the DAG file failed: " + read.get("run"));
        assertEquals(read.get("edges"), read.get("run").get("edges"), "ast and execution disagree");
        Map<String, String> byTask = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> t : read.get("tasks").properties()) {
            JsonNode stage = t.getValue().get("stage");
            if (stage != null && !stage.isNull()) byTask.put(t.getKey(), stage.asString());
        }
        Set<List<String>> edges = new HashSet<>();
        for (JsonNode e : read.get("edges")) {
            String up = byTask.get(e.get(0).asString()), down = byTask.get(e.get(1).asString());
            if (up != null && down != null) edges.add(List.of(up, down));
        }
        Set<String> allowed = Set.of("Expr", "Import", "ImportFrom", "Assign", "With");
        for (JsonNode k : read.get("top_level")) assertTrue(allowed.contains(k.asString()), "top level: " + k);
        return new Graph(new TreeSet<>(byTask.values()), edges);
    }
}
