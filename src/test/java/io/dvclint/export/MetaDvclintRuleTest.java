package io.dvclint.export;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.lint.Linter;
import io.dvclint.load.ProjectLoader;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meta.dvclint} read into settings, and the {@code meta-dvclint} rule over what cannot be used. */
class MetaDvclintRuleTest {
    @TempDir
    Path dir;

    private List<Finding> lint(String dvcYaml) {
        write(dir, "dvc.yaml", dvcYaml);
        Findings f = new Findings();
        Linter.lint(dir, f, Config.DEFAULT);
        return f.sorted().stream().filter(x -> x.ruleId().equals("meta-dvclint")).toList();
    }

    private StageSettings settings(String dvcYaml, String stage) {
        write(dir, "dvc.yaml", dvcYaml);
        Project p = new ProjectLoader(new Findings()).load(dir);
        for (Stage s : p.stages()) {
            if (s.address().equals(stage)) {
                StageSettingsParser.Result r = StageSettingsParser.parse(s);
                assertEquals(List.of(), r.problems());
                return r.settings();
            }
        }
        throw new AssertionError("no stage " + stage);
    }

    @Test
    void everySettingIsReadInKubernetesForm() {
        StageSettings s = settings("""
                stages:
                  train:
                    cmd: python train.py
                    meta:
                      owner: ml-team
                      dvclint:
                        resources: {cpu: 0.5, memory: 16Gi, gpu: 2, gpuResource: amd.com/gpu}
                        nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4, zone: 1, spot: true}
                        tolerations:
                          - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
                          - {key: dedicated, value: ml, effect: NoExecute, tolerationSeconds: 60}
                        retries: 3
                        timeout: 1h30m
                """, "train");
        assertEquals("0.5", s.cpu());
        assertEquals("16Gi", s.memory());
        assertEquals(2, s.gpus());
        assertEquals("amd.com/gpu", s.gpuResource());
        assertEquals(Map.of("cloud.google.com/gke-accelerator", "nvidia-l4", "zone", "1", "spot", "true"),
                s.nodeSelector());
        assertEquals(List.of(new StageSettings.Toleration("nvidia.com/gpu", "Exists", null, "NoSchedule", null),
                new StageSettings.Toleration("dedicated", null, "ml", "NoExecute", 60L)), s.tolerations());
        assertEquals(3, s.retries());
        assertEquals(5400L, s.timeout());
        assertEquals("500m", settings("stages:\n  a:\n    cmd: x\n    meta: {dvclint: {resources: {cpu: 500m}, "
                + "timeout: 90}}\n", "a").cpu());
        assertEquals(90L, settings("stages:\n  a:\n    cmd: x\n    meta: {dvclint: {timeout: 90}}\n", "a").timeout());
    }

    @Test
    void stagesWithoutDvclintMetaHaveNoSettings() {
        assertTrue(settings("stages:\n  a:\n    cmd: x\n", "a").isDefault());
        assertTrue(settings("stages:\n  a:\n    cmd: x\n    meta: {owner: me, dvc: {x: 1}}\n", "a").isDefault());
        assertTrue(settings("stages:\n  a:\n    cmd: x\n    meta: free text\n", "a").isDefault());
        assertTrue(settings("stages:\n  a:\n    cmd: x\n    meta:\n      dvclint:\n", "a").isDefault());
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: x\n    meta: [1, 2]\n    outs: [o]\n"));
    }

    @Test
    void wrongKeysAndValuesArePositionedErrors() {
        List<Finding> fs = lint("""
                stages:
                  train:
                    cmd: python train.py
                    outs: [model.pkl]
                    meta:
                      dvclint:
                        resources: {cpu: 0, memory: 16GB, gpus: 1}
                        tolerations: [{key: nvidia.com/gpu, operator: exists}, {operator: Equal}, {operator: Exists, value: x}]
                        timeout: 2 hours
                        retries: -1
                        nodeSelector: {"bad key!": x, zone: "us east"}
                        memroy: 1
                """);
        List<String> got = fs.stream().map(f -> f.line() + ":" + f.col() + " " + f.message()
                .replaceAll(";.*|, not.*|\\(.*", "").trim()).toList();
        assertEquals(List.of(
                "7:26 stage 'train': cpu must be a number of cores",
                "7:37 stage 'train': memory must be a Kubernetes quantity more than 0",
                "7:43 stage 'train': unknown key 'gpus' in meta.dvclint.resources",
                "8:55 stage 'train': a toleration's operator must be one of Equal, Exists",
                "8:64 stage 'train': a toleration without a key must have operator Exists",
                "8:83 stage 'train': a toleration with operator Exists matches any value",
                "9:18 stage 'train': timeout must be a number of seconds more than 0",
                "10:18 stage 'train': retries must be a whole number of retries",
                "11:24 stage 'train': 'bad key!' is not a Kubernetes label key",
                "11:45 stage 'train': the value of node label 'zone' must be a label value",
                "12:9 stage 'train': unknown key 'memroy' in meta.dvclint"), got);
        assertTrue(fs.stream().allMatch(f -> f.severity() == Severity.ERROR));
        assertEquals("write '16G'", fs.get(1).hint());
        assertTrue(fs.get(2).message().endsWith("did you mean 'gpu'?"), fs.get(2).message());
        assertTrue(fs.get(3).hint().contains("'Exists'"), fs.get(3).hint());
        assertTrue(fs.get(10).message().endsWith("did you mean 'memory', under resources?"), fs.get(10).message());
    }

    @Test
    void milliBytesAndTheWrongShapesAreNamed() {
        List<Finding> fs = lint("""
                stages:
                  a:
                    cmd: x
                    outs: [a]
                    meta: {dvclint: [resources]}
                  b:
                    cmd: x
                    outs: [b]
                    meta: {dvclint: {resources: {memory: 512m}, tolerations: {key: x}, nodeSelector: [x]}}
                  c:
                    cmd: x
                    outs: [c]
                    meta: {dvclint: {resources: 2, retries: true, timeout: 0}}
                """);
        assertEquals(7, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("meta.dvclint must be a mapping"), fs.get(0).message());
        assertTrue(fs.get(1).message().contains("'512m' is 512 thousandths of a byte"), fs.get(1).message());
        assertEquals("write '512Mi' for mebibytes", fs.get(1).hint());
        assertTrue(fs.get(2).message().contains("tolerations must be a list"), fs.get(2).message());
        assertTrue(fs.get(3).message().contains("nodeSelector must be a mapping"), fs.get(3).message());
        assertTrue(fs.get(4).message().contains("resources must be a mapping"), fs.get(4).message());
        assertTrue(fs.get(5).message().contains("retries must be a whole number"), fs.get(5).message());
        assertTrue(fs.get(6).message().contains("timeout must be"), fs.get(6).message());
        assertTrue(fs.get(6).message().endsWith("found 0"), fs.get(6).message());
        assertNull(fs.get(6).hint(), fs.get(6).toString());
    }

    @Test
    void aForeachDefinitionIsReportedOnceAndSuppressionsWork() {
        List<Finding> fs = lint("""
                stages:
                  build:
                    foreach: [a, b, c]
                    do:
                      cmd: echo ${item} > ${item}.txt
                      outs: ["${item}.txt"]
                      meta:
                        dvclint:
                          retries: many
                          timeout: ${item}
                """);
        // one finding per position, however many stages the definition generates
        assertEquals(2, fs.size(), fs.toString());
        assertEquals(9, fs.get(0).line());
        assertTrue(fs.get(1).message().contains("found 'a' (and 2 more like it"), fs.get(1).message());
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n    outs: [a]\n    meta: {dvclint: {retries: x}}"
                + "  # dvclint: disable=meta-dvclint\n");
        Findings f = new Findings();
        Linter.lint(dir, f, Config.DEFAULT);
        assertTrue(f.sorted().stream().noneMatch(x -> x.ruleId().equals("meta-dvclint")), f.sorted().toString());
    }
}
