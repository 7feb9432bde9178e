package io.dvclint.export;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code dvclint export airflow}: every form compiles with {@code python3 -m py_compile}, and its tasks and edges,
 * read back with Python's ast (and by running it against stand-ins for Airflow), are the stage graph.
 */
class AirflowDagTest {
    @TempDir
    Path dir;
    @TempDir
    Path out;

    private Path export(String file, String... args) {
        List<String> all = new ArrayList<>(List.of("export", "airflow", "-o", out.resolve(file).toString()));
        all.addAll(List.of(args));
        Run r = cli(dir, all.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return out.resolve(file);
    }

    @Test
    void everyFormCompilesAndHasTheGraphOfDag() throws IOException {
        Fixtures.pipeline(dir);
        List<Path> files = List.of(
                export("bash.py", "--workdir", "/srv/ml"),
                export("bash_remote.py", "--remote", "storage", "--repo", "https://example.com/ml.git"),
                export("pods_volume.py", "--image", "ghcr.io/acme/ml:1", "--volume", "ws", "--repo", "r"),
                export("pods_remote.py", "--image", "ghcr.io/acme/ml:1", "--remote", "storage", "--secret", "creds"));
        List<JsonNode> read = ExportSupport.airflow(out, files);
        ExportSupport.Graph dag = ExportSupport.dagGraph(cli(dir, "dag", "--format", "json").out());
        for (JsonNode r : read) assertEquals(dag, ExportSupport.airflowGraph(r), r.get("file").asString());

        JsonNode bash = read.get(0);
        assertEquals(TaskScripts.stageInWorkdir(), bash.get("constants").get("STAGE_SCRIPT").asString());
        assertEquals("BashOperator", bash.get("tasks").get("train-large-model").get("operator").asString());
        assertEquals("train@Large_Model", bash.get("tasks").get("train-large-model").get("stage").asString());
        String text = Files.readString(files.get(0));
        assertTrue(text.contains("\"workdir\": Param(\"/srv/ml\""), text);
        assertTrue(text.contains("dag_id=\"" + dir.getFileName() + "\""), text);
        assertTrue(text.contains("retries=2,\n        execution_timeout=datetime.timedelta(seconds=7200),"), text);
        assertFalse(text.contains("container_resources"), text);

        JsonNode bashRemote = read.get(1);
        assertEquals(TaskScripts.stageWithRemote("-"), bashRemote.get("constants").get("STAGE_SCRIPT").asString());
        assertEquals(TaskScripts.mergeLocks(true), bashRemote.get("constants").get("MERGE_SCRIPT").asString());
        assertEquals("data/prepared", bashRemote.get("tasks").get("train-small").get("pull").asString());
        assertTrue(bashRemote.get("tasks").has("dvclint-lock-merge"));

        JsonNode volume = read.get(2);
        assertEquals(TaskScripts.stageInWorkspace(), volume.get("constants").get("STAGE_SCRIPT").asString());
        assertEquals(TaskScripts.checkout(), volume.get("constants").get("CHECKOUT_SCRIPT").asString());
        String edges = volume.get("edges").toString();
        for (String e : List.of("[\"dvclint-checkout\",\"dvclint-lock-begin\"]", "[\"dvclint-lock-begin\",\"prepare\"]",
                "[\"on\",\"dvclint-lock-finish\"]", "[\"report\",\"dvclint-lock-finish\"]")) {
            assertTrue(edges.contains(e), e + " in " + edges);
        }
        assertEquals(TaskScripts.lockBeginInWorkspace(), volume.get("constants").get("LOCK_BEGIN_SCRIPT").asString());
        assertEquals(TaskScripts.lockFinishInWorkspace(), volume.get("constants").get("LOCK_FINISH_SCRIPT").asString());
        assertEquals(TaskScripts.lockBeginInWorkdir(), bash.get("constants").get("LOCK_BEGIN_SCRIPT").asString());
        assertEquals(TaskScripts.lockFinishInWorkdir(), bash.get("constants").get("LOCK_FINISH_SCRIPT").asString());
        assertTrue(bash.get("edges").toString().contains("[\"dvclint-lock-begin\",\"stage-with-dots\"]"));
        assertEquals("prepare\ntrain@small\ntrain@Large_Model\nevaluate@small\nevaluate@Large_Model\nreport\n"
                + "Stage_With.Dots\non\nsub/dvc.yaml:train",
                bash.get("tasks").get("dvclint-lock-finish").get("stages").asString());
        assertFalse(bashRemote.get("tasks").has("dvclint-lock-begin"), "each task has a checkout of its own");
        String pods = Files.readString(files.get(2));
        assertTrue(pods.contains("        container_resources=k8s.V1ResourceRequirements(requests={\"cpu\": \"4\", "
                + "\"memory\": \"16Gi\", \"nvidia.com/gpu\": \"1\"}, limits={\"memory\": \"16Gi\", \"nvidia.com/gpu\": "
                + "\"1\"}),\n        node_selector={\"cloud.google.com/gke-accelerator\": \"nvidia-l4\"},\n"
                + "        tolerations=[k8s.V1Toleration(key=\"nvidia.com/gpu\", operator=\"Exists\", "
                + "effect=\"NoSchedule\")],\n"), pods);
        assertTrue(pods.contains("persistent_volume_claim=k8s.V1PersistentVolumeClaimVolumeSource(claim_name=\"ws\")"));

        String remote = Files.readString(files.get(3));
        assertTrue(remote.contains("\"DVCLINT_LOCK_ENTRY_COUNT\": \"9\""), remote);
        // the pod's XCom file holds the line as a JSON string: rendered as it is, never written again by tojson
        assertTrue(remote.contains("\"DVCLINT_LOCK_ENTRY_0\": \"{{ ti.xcom_pull(task_ids='prepare') }}\""), remote);
        assertFalse(remote.contains("tojson"), remote);
        assertTrue(read.get(3).get("constants").get("STAGE_SCRIPT").asString()
                .contains("dvclint lock entry \"$DVC_STAGE\" --quoted -o /airflow/xcom/return.json\n"));
        assertTrue(remote.contains("env_from=[k8s.V1EnvFromSource(secret_ref=k8s.V1SecretEnvSource(name=\"creds\"))]"));
        assertEquals(TaskScripts.stageWithRemote(AirflowDag.POD_XCOM, true),
                read.get(3).get("constants").get("STAGE_SCRIPT").asString());
        for (Path f : files) {
            for (String jinja : List.of("{%", "{#")) assertFalse(Files.readString(f).contains(jinja), f + ": " + jinja);
        }
    }

    @Test
    void newLockEntriesTakeTheOrderOfASerialRepro() throws IOException {
        write(dir, "dvc.yaml", """
                stages:
                  report:
                    cmd: cat b.txt a.txt > r.txt
                    deps: [b.txt, a.txt]
                    outs: [r.txt]
                  a:
                    cmd: echo a > a.txt
                    outs: [a.txt]
                  b:
                    cmd: echo b > b.txt
                    outs: [b.txt]
                """);
        Path bash = export("order.py", "--workdir", "/srv/ml");
        Path remote = export("order_remote.py", "--image", "img", "--remote", "storage");
        List<JsonNode> read = ExportSupport.airflow(out, List.of(bash, remote));
        assertEquals("b\na\nreport", read.get(0).get("tasks").get("dvclint-lock-finish").get("stages").asString());
        String text = Files.readString(remote);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "\"DVCLINT_LOCK_ENTRY_" + i + "\": \"{{ ti.xcom_pull(task_ids='";
            int at = text.indexOf(key);
            assertTrue(at >= 0, text);
            order.add(text.substring(at + key.length(), text.indexOf('\'', at + key.length())));
        }
        assertEquals(List.of("b", "a", "report"), order);
    }

    @Test
    void stageAddressesAreSafePythonLiteralsAndNeverTemplates() throws IOException {
        write(dir, "dvc.yaml", """
                stages:
                  s:
                    foreach: {'a"b': 1, 'c\\d': 2, "e'f": 3, "ü-∑-😀": 4, "{{ x }}": 5, "n.sh": 6, "tab\\tx": 7}
                    do:
                      cmd: echo > out-${item}.txt
                      outs: ["out-${item}.txt"]
                """);
        Path f = export("odd.py");
        JsonNode read = ExportSupport.airflow(out, List.of(f)).get(0);
        List<String> stages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> t : read.get("tasks").properties()) {
            if (!t.getValue().get("stage").isNull()) stages.add(t.getValue().get("stage").asString());
        }
        assertEquals(new TreeSet<>(List.of("s@a\"b", "s@c\\d", "s@e'f", "s@ü-∑-😀", "s@{{ x }}", "s@n.sh", "s@tab\tx")),
                new TreeSet<>(stages));
        ExportSupport.Graph dag = ExportSupport.dagGraph(cli(dir, "dag", "--format", "json").out());
        assertEquals(dag, ExportSupport.airflowGraph(read));
        String text = Files.readString(f);
        assertTrue(text.chars().allMatch(c -> c < 0x80), "non-ASCII written as escapes");
        assertTrue(text.contains("env={\"DVC_STAGE\": \"{{ params.stage }}\""), text);
    }

    @Test
    void usageAndWarnings() {
        Fixtures.pipeline(dir);
        Run r = cli(dir, "export", "airflow", "--workdir", "/srv/ml");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: stage 'train@small' asks for resources, node labels or tolerations"),
                r.err());
        assertTrue(r.out().startsWith("\"\"\"Airflow DAG for a DVC pipeline"), r.out());
        assertTrue(r.out().contains("from airflow.operators.bash import BashOperator"), r.out());
        Run dflt = cli(dir, "export", "airflow");
        assertTrue(dflt.out().contains("\"workdir\": Param(" + PyLiteral.str(dir.toAbsolutePath().toString())),
                "the project's own folder by default");
        for (String[] bad : List.of(new String[] {"--volume", "ws"}, new String[] {"--image", "x"},
                new String[] {"--secret", "s"}, new String[] {"--repo", "r"}, new String[] {"--name", "a b"})) {
            List<String> args = new ArrayList<>(List.of("export", "airflow"));
            args.addAll(List.of(bad));
            Run u = cli(dir, args.toArray(new String[0]));
            assertEquals(2, u.exit(), String.join(" ", bad) + ": " + u.err());
        }
        Run named = cli(dir, "export", "airflow", "--name", "ml.nightly_v2");
        assertTrue(named.out().contains("dag_id=\"ml.nightly_v2\""), named.out());
    }
}
