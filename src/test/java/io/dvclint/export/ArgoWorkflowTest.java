package io.dvclint.export;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static io.dvclint.export.ExportSupport.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dvclint export argo} on small projects: the structure Argo needs, checked field by field. */
class ArgoWorkflowTest {
    @TempDir
    Path dir;

    private Map<String, Object> export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "argo"));
        all.addAll(List.of(args));
        Run r = cli(dir, all.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().startsWith("# Argo Workflow"), r.out());
        return ExportSupport.yaml(r.out());
    }

    private static Map<String, Object> task(Map<String, Object> wf, String name) {
        for (Map<String, Object> t : ExportSupport.tasks(wf)) if (t.get("name").equals(name)) return t;
        throw new AssertionError("no task " + name);
    }

    @Test
    void sharedVolumeOneTaskPerStageWithTheGraphOfDag() {
        Fixtures.pipeline(dir);
        Map<String, Object> wf = export("--volume", "ml-workspace", "--image", "ghcr.io/acme/ml:1.0");
        assertEquals("argoproj.io/v1alpha1", wf.get("apiVersion"));
        assertEquals("Workflow", wf.get("kind"));
        assertTrue(((String) at(wf, "metadata", "generateName")).endsWith("-"));
        assertEquals("pipeline", at(wf, "spec", "entrypoint"));
        assertEquals(List.of(Map.of("name", "image", "value", "ghcr.io/acme/ml:1.0", "description",
                "container image with dvclint")), at(wf, "spec", "arguments", "parameters"));
        assertEquals(List.of(Map.of("name", "workspace", "persistentVolumeClaim", Map.of("claimName", "ml-workspace"))),
                at(wf, "spec", "volumes"));
        assertEquals(List.of(Map.of("name", "dvclint-workspace-ml-workspace")),
                at(wf, "spec", "synchronization", "mutexes"));

        ExportSupport.Graph dag = ExportSupport.dagGraph(cli(dir, "dag", "--format", "json").out());
        assertEquals(dag, ExportSupport.argoGraph(wf));
        assertEquals(9, dag.stages().size(), dag.toString());

        List<String> names = new ArrayList<>();
        for (Map<String, Object> t : ExportSupport.tasks(wf)) names.add((String) t.get("name"));
        assertEquals(List.of("dvclint-lock-begin", "prepare", "train-small", "train-large-model", "evaluate-small",
                "evaluate-large-model", "report", "stage-with-dots", "on", "sub-train", "dvclint-lock-finish"), names);
        assertEquals("sub/dvc.yaml:train", ExportSupport.stageOf(task(wf, "sub-train")));
        assertEquals(List.of("prepare"), at(task(wf, "sub-train"), "dependencies"));
        assertEquals(List.of("dvclint-lock-begin"), at(task(wf, "prepare"), "dependencies"),
                "the .dvc data source is no task");

        Map<String, Map<String, Object>> templates = ExportSupport.templates(wf);
        for (Map<String, Object> t : ExportSupport.tasks(wf)) {
            Map<String, Object> tmpl = templates.get((String) t.get("template"));
            assertTrue(tmpl != null, "no template " + t.get("template"));
            if (ExportSupport.stageOf(t) != null) {
                assertEquals(List.of(Map.of("name", "stage")), at(tmpl, "inputs", "parameters"));
            }
        }
        Map<String, Object> stage = templates.get("stage");
        assertEquals(List.of("dvclint", "repro", "-s", "{{inputs.parameters.stage}}"), at(stage, "container", "command"));
        assertEquals("{{workflow.parameters.image}}", at(stage, "container", "image"));
        assertEquals("/workspace", at(stage, "container", "workingDir"));
        assertEquals(List.of(Map.of("name", "workspace", "mountPath", "/workspace")),
                at(stage, "container", "volumeMounts"));
        assertNull(at(stage, "container", "resources"));

        // both train stages share the template carrying their settings
        assertEquals("stage-train-small", task(wf, "train-small").get("template"));
        assertEquals("stage-train-small", task(wf, "train-large-model").get("template"));
        Map<String, Object> gpu = templates.get("stage-train-small");
        assertEquals(Map.of("requests", Map.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "1"),
                "limits", Map.of("memory", "16Gi", "nvidia.com/gpu", "1")), at(gpu, "container", "resources"));
        assertEquals(Map.of("cloud.google.com/gke-accelerator", "nvidia-l4"), gpu.get("nodeSelector"));
        assertEquals(List.of(Map.of("key", "nvidia.com/gpu", "operator", "Exists", "effect", "NoSchedule")),
                gpu.get("tolerations"));
        assertEquals(Map.of("limit", "2", "retryPolicy", "Always"), gpu.get("retryStrategy"));
        assertEquals("7200", gpu.get("activeDeadlineSeconds"));
        assertEquals(Map.of("requests", Map.of("memory", "1Gi"), "limits", Map.of("memory", "1Gi")),
                at(templates.get("stage-report"), "container", "resources"));
        assertEquals(List.of("pipeline", "stage", "stage-train-small", "stage-report", "lock-begin", "lock-finish"),
                List.copyOf(templates.keySet()));
    }

    @Test
    void theSharedVolumesLockIsRecordedFirstAndPutInTheSerialOrderLast() {
        Fixtures.pipeline(dir);
        Map<String, Object> wf = export("--volume", "ws", "--secret", "creds");
        Map<String, Map<String, Object>> templates = ExportSupport.templates(wf);
        Map<String, Object> begin = templates.get("lock-begin");
        assertEquals(List.of("dvclint", "lock", "begin"), at(begin, "container", "command"));
        assertEquals("/workspace", at(begin, "container", "workingDir"));
        assertEquals(List.of(Map.of("name", "workspace", "mountPath", "/workspace")),
                at(begin, "container", "volumeMounts"));
        assertEquals(List.of(Map.of("secretRef", Map.of("name", "creds"))), at(begin, "container", "envFrom"));
        assertNull(task(wf, "dvclint-lock-begin").get("dependencies"));

        Map<String, Object> finish = task(wf, "dvclint-lock-finish");
        assertEquals(List.of("report", "on", "sub-train"), at(finish, "dependencies"), "after every stage");
        Map<String, Object> tmpl = templates.get("lock-finish");
        assertEquals(List.of("sh", "-c"), at(tmpl, "container", "command"));
        assertEquals(TaskScripts.lockFinish(), at(tmpl, "container", "args", 0));
        assertEquals("/workspace", at(tmpl, "container", "workingDir"));
        assertEquals(List.of(Map.of("name", "DVCLINT_STAGES", "value", String.join("\n", "prepare", "train@small",
                "train@Large_Model", "evaluate@small", "evaluate@Large_Model", "report", "Stage_With.Dots", "on",
                "sub/dvc.yaml:train"))), at(tmpl, "container", "env"));
    }

    @Test
    void newLockEntriesTakeTheOrderOfASerialReproInBothModes() {
        write(dir, ".dvc/config", "");
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
                  c:
                    cmd: echo c > c.txt
                    outs: [c.txt]
                """);
        List<String> serial = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Running stage '([^']+)'")
                .matcher(cli(dir, "repro", "-P").out());
        while (m.find()) serial.add(m.group(1));
        assertEquals(List.of("b", "a", "report", "c"), serial);

        Map<String, Object> volume = export("--volume", "ws");
        assertEquals(List.of("report", "a", "b", "c"), ExportSupport.tasks(volume).stream()
                .map(ExportSupport::stageOf).filter(java.util.Objects::nonNull).toList(), "tasks in file order");
        assertEquals(String.join("\n", serial),
                at(ExportSupport.templates(volume).get("lock-finish"), "container", "env", 0, "value"));

        Map<String, Object> remote = export("--remote", "storage");
        String data = at(task(remote, "dvclint-lock-merge"), "arguments", "artifacts", 0, "raw", "data");
        StringBuilder expected = new StringBuilder();
        for (String s : serial) expected.append("{{tasks.").append(s).append(".outputs.parameters.lock-entry}}\n");
        assertEquals(expected.toString(), data);

        // with targets, the order of a serial `dvclint repro TARGET`
        Map<String, Object> targeted = export("--volume", "ws", "c", "report");
        assertEquals("b\na\nreport\nc",
                at(ExportSupport.templates(targeted).get("lock-finish"), "container", "env", 0, "value"));
    }

    @Test
    void aRepositoryIsCheckedOutIntoTheVolumeFirst() {
        Fixtures.pipeline(dir);
        Map<String, Object> wf = export("--volume", "ws", "--repo", "https://example.com/ml.git");
        List<Map<String, Object>> params = at(wf, "spec", "arguments", "parameters");
        assertEquals(List.of("image", "repo", "revision"), params.stream().map(p -> p.get("name")).toList());
        assertFalse(params.get(0).containsKey("value"), "no image: Argo asks for it at submit");
        assertEquals("https://example.com/ml.git", params.get(1).get("value"));
        assertFalse(params.get(2).containsKey("value"));
        Map<String, Object> checkout = task(wf, "dvclint-checkout");
        assertEquals("checkout", checkout.get("template"));
        for (Map<String, Object> t : ExportSupport.tasks(wf)) {
            List<String> deps = t.get("dependencies") == null ? List.of() : at(t, "dependencies");
            if (t != checkout) assertFalse(deps.isEmpty(), t.get("name") + " runs before the checkout");
        }
        assertEquals(List.of("dvclint-checkout"), at(task(wf, "dvclint-lock-begin"), "dependencies"));
        assertEquals(List.of("dvclint-lock-begin"), at(task(wf, "prepare"), "dependencies"));
        Map<String, Object> tmpl = ExportSupport.templates(wf).get("checkout");
        assertEquals(TaskScripts.checkout(), at(tmpl, "container", "args", 0));
        assertEquals(ExportSupport.dagGraph(cli(dir, "dag", "--format", "json").out()), ExportSupport.argoGraph(wf));
    }

    @Test
    void remoteModePullsRunsPushesAndMergesTheLockEntries() {
        Fixtures.pipeline(dir);
        List<String> args = List.of("export", "argo", "--remote", "storage", "--repo", "git@example.com:ml.git",
                "--revision", "0123abcd", "--secret", "dvc-remote", "--secret", "git-ssh", "--image", "img:1");
        Run r = cli(dir, args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: stage 'report' reads 'metrics/small.json', which stage 'evaluate@small'"
                + " writes with cache: false"), r.err());
        Map<String, Object> wf = ExportSupport.yaml(r.out());
        List<Map<String, Object>> params = at(wf, "spec", "arguments", "parameters");
        assertEquals(List.of("image", "repo", "revision", "remote", "lock-branch"),
                params.stream().map(p -> p.get("name")).toList());
        assertEquals("0123abcd", params.get(2).get("value"));
        assertEquals("storage", params.get(3).get("value"));
        assertEquals("", params.get(4).get("value"));
        assertNull(at(wf, "spec", "volumes"));
        assertEquals(ExportSupport.dagGraph(cli(dir, "dag", "--format", "json").out()), ExportSupport.argoGraph(wf));

        assertEquals("data/raw.csv", pull(task(wf, "prepare")));
        assertEquals("data/prepared", pull(task(wf, "train-small")));
        assertEquals("models/small.pkl", pull(task(wf, "evaluate-small")));
        assertEquals("", pull(task(wf, "report")), "what DVC does not cache cannot be pulled");
        assertEquals("hi.txt", pull(task(wf, "on")));

        Map<String, Object> merge = task(wf, "dvclint-lock-merge");
        assertEquals(List.of("report", "on", "sub-train"), at(merge, "dependencies"));
        String data = at(merge, "arguments", "artifacts", 0, "raw", "data");
        StringBuilder expected = new StringBuilder();
        for (Map<String, Object> t : ExportSupport.tasks(wf)) {
            if (ExportSupport.stageOf(t) != null) {
                expected.append("{{tasks.").append(t.get("name")).append(".outputs.parameters.lock-entry}}\n");
            }
        }
        assertEquals(expected.toString(), data);

        Map<String, Map<String, Object>> templates = ExportSupport.templates(wf);
        for (String name : List.of("stage", "stage-train-small", "stage-report")) {
            Map<String, Object> t = templates.get(name);
            assertEquals(List.of(Map.of("name", "stage"), Map.of("name", "pull")), at(t, "inputs", "parameters"));
            assertEquals(List.of(Map.of("name", "lock-entry", "valueFrom", Map.of("path", TaskScripts.LOCK_ENTRY))),
                    at(t, "outputs", "parameters"));
            assertEquals(List.of("sh", "-c"), at(t, "container", "command"));
            assertEquals(TaskScripts.stageWithRemote(TaskScripts.LOCK_ENTRY), at(t, "container", "args", 0));
            assertEquals(List.of(Map.of("secretRef", Map.of("name", "dvc-remote")),
                    Map.of("secretRef", Map.of("name", "git-ssh"))), at(t, "container", "envFrom"));
            List<Map<String, Object>> env = at(t, "container", "env");
            assertEquals(List.of("DVC_STAGE", "DVCLINT_PULL", "DVCLINT_REMOTE", "DVCLINT_REPO", "DVCLINT_REVISION",
                    "DVCLINT_PROJECT_DIR", "TMPDIR"), env.stream().map(e -> e.get("name")).toList());
            assertEquals(List.of(Map.of("name", "scratch", "emptyDir", Map.of())), t.get("volumes"));
        }
        Map<String, Object> lockMerge = templates.get("lock-merge");
        assertEquals(List.of(Map.of("name", "lock-entries", "path", TaskScripts.LOCK_ENTRIES)),
                at(lockMerge, "inputs", "artifacts"));
        assertEquals(TaskScripts.mergeLocks(false), at(lockMerge, "container", "args", 0));
        assertEquals("dvc-lock-patch", at(lockMerge, "outputs", "parameters", 0, "name"));
    }

    private static String pull(Map<String, Object> task) {
        List<Map<String, Object>> params = at(task, "arguments", "parameters");
        return (String) params.get(1).get("value");
    }

    @Test
    void workflowTemplateNamesTargetsAndAProjectInsideARepository() throws IOException {
        Path project = dir.resolve("repo/ml/pipeline");
        Fixtures.pipeline(project);
        Files.createDirectories(dir.resolve("repo/.git"));
        Run r = cli(project, "export", "argo", "--template", "--name", "nightly", "--volume", "ws", "evaluate");
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> wf = ExportSupport.yaml(r.out());
        assertEquals("WorkflowTemplate", wf.get("kind"));
        assertEquals("nightly", at(wf, "metadata", "name"));
        // a matrix group: its stages and their upstream only
        ExportSupport.Graph g = ExportSupport.argoGraph(wf);
        assertEquals(List.of("evaluate@Large_Model", "evaluate@small", "prepare", "train@Large_Model", "train@small"),
                List.copyOf(g.stages()));
        assertEquals("/workspace/ml/pipeline", at(ExportSupport.templates(wf).get("stage"), "container", "workingDir"));

        Run remote = cli(project, "export", "argo", "--remote", "r", "sub/dvc.yaml:train");
        Map<String, Object> rw = ExportSupport.yaml(remote.out());
        assertEquals(List.of("prepare", "sub/dvc.yaml:train"), List.copyOf(ExportSupport.argoGraph(rw).stages()));
        List<Map<String, Object>> env = at(ExportSupport.templates(rw).get("stage"), "container", "env");
        assertTrue(env.contains(Map.of("name", "DVCLINT_PROJECT_DIR", "value", "ml/pipeline")), env.toString());
    }

    @Test
    void outputIsDeterministicAndWrittenWithDashO() throws IOException {
        Fixtures.pipeline(dir);
        Run a = cli(dir, "export", "argo", "--remote", "storage");
        Run b = cli(dir, "export", "argo", "--remote", "storage");
        assertEquals(a.out(), b.out());
        Run c = cli(dir, "export", "argo", "--remote", "storage", "-o", "wf.yaml");
        assertEquals(0, c.exit(), c.err());
        assertEquals("", c.out());
        assertEquals(a.out(), Files.readString(dir.resolve("wf.yaml")));
    }

    @Test
    void usageErrors() {
        Fixtures.pipeline(dir);
        assertUsage(cli(dir, "export", "argo"), "choose how data moves between tasks");
        assertUsage(cli(dir, "export", "argo", "--volume", "a", "--remote", "b"), "choose one");
        assertUsage(cli(dir, "export", "argo", "--volume", "Not_A_Claim"), "not a PersistentVolumeClaim name");
        assertUsage(cli(dir, "export", "argo", "--volume", "ws", "--revision", "main"), "--revision needs --repo");
        assertUsage(cli(dir, "export", "argo", "--volume", "ws", "--name", "Bad Name"), "not a Kubernetes name");
        assertUsage(cli(dir, "export", "argo", "--volume", "ws", "nope"), "'nope' does not exist");
        assertUsage(cli(dir, "export"), "export needs an engine");
        assertUsage(cli(dir, "export", "argo", "--volume", "ws", "-o", "missing/dir/wf.yaml"), "cannot write");
        Run help = cli(dir, "export", "argo", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--changed-only"), help.out());
    }

    private static void assertUsage(Run r, String text) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(text), r.err());
    }

    @Test
    void aPipelineDvcRefusesOrWrongSettingsAreNotExported() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n    outs: [o]\n  b:\n    cmd: y\n    outs: [o]\n");
        Run dup = cli(dir, "export", "argo", "--volume", "ws");
        assertEquals(1, dup.exit());
        assertTrue(dup.err().contains("[duplicate-output]"), dup.err());
        assertEquals("", dup.out());
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n    outs: [o]\n    meta: {dvclint: {retries: often}}\n");
        Run meta = cli(dir, "export", "argo", "--volume", "ws");
        assertEquals(1, meta.exit());
        assertTrue(meta.err().contains("dvc.yaml:5:31: error: stage 'a': retries must be a whole number"), meta.err());
        assertTrue(meta.err().contains("[meta-dvclint]"), meta.err());
        write(dir, "dvc.yaml", "stages: {}\n");
        Run none = cli(dir, "export", "argo", "--volume", "ws");
        assertEquals(0, none.exit());
        assertTrue(none.err().contains("no stage to export"), none.err());
    }

    @Test
    void valuesKubernetesWouldReadAsOtherTypesAreQuoted() {
        Fixtures.pipeline(dir);
        Run r = cli(dir, "export", "argo", "--volume", "ws");
        assertTrue(r.out().contains("value: \"on\"\n"), r.out());
        assertTrue(r.out().contains("cpu: \"4\"\n"), r.out());
        assertTrue(r.out().contains("activeDeadlineSeconds: \"7200\"\n"), r.out());
        write(dir, "dvc.yaml", "stages:\n  \"{{x}}\":\n    cmd: x\n    outs: [o]\n");
        assertUsage(cli(dir, "export", "argo", "--volume", "ws"), "Argo would read '{{'");
    }

    @Test
    void aWorkflowLargerThanKubernetesStoresIsAWarning() {
        assertEquals(List.of(), ArgoWorkflow.warnings(Map.of("spec", "x".repeat(1000))));
        List<String> w = ArgoWorkflow.warnings(Map.of("spec", "x".repeat(2_000_000)));
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("the workflow is 2.0 MB as JSON"), w.get(0));
    }
}
