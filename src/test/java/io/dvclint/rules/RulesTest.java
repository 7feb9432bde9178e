package io.dvclint.rules;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.analysis.ProjectFacts;
import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.lint.Linter;
import io.dvclint.lint.RuleEngine;
import io.dvclint.load.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class RulesTest {
    @TempDir
    Path dir;

    List<Finding> lint(String dvcYaml, String rule) {
        write(dir, "dvc.yaml", dvcYaml);
        Findings f = new Findings();
        Linter.lint(dir, f, Config.DEFAULT);
        return f.sorted().stream().filter(x -> x.ruleId().equals(rule)).toList();
    }

    static String stage(String body) {
        return "stages:\n  train:\n    cmd: python train.py\n" + body;
    }

    @Test
    void metricsCachedFlagsBareAndFlagsWithoutCache() {
        List<Finding> fs = lint(stage("    metrics:\n      - m.json\n      - n.json:\n          persist: true\n"),
                "metrics-cached");
        assertEquals(2, fs.size(), fs.toString());
        assertEquals(5, fs.get(0).line());
        assertEquals(Severity.WARNING, fs.get(0).severity());
        assertEquals(1, fs.get(0).fixes().size());
    }

    @Test
    void metricsCachedNearMisses() {
        assertEquals(List.of(), lint(stage("    metrics:\n      - m.json:\n          cache: false\n"
                + "      - n.json:\n          cache: true\n    outs:\n      - model.pkl\n"), "metrics-cached"));
    }

    @Test
    void plotsCachedIsInfo() {
        List<Finding> fs = lint(stage("    plots:\n      - loss.csv:\n          x: step\n"), "plots-cached");
        assertEquals(1, fs.size());
        assertEquals(Severity.INFO, fs.get(0).severity());
        assertEquals(List.of(), lint(stage("    plots:\n      - loss.csv:\n          cache: false\n"), "plots-cached"));
    }

    @Test
    void noOutputs() {
        assertEquals(1, lint(stage(""), "no-outputs").size());
        assertEquals(List.of(), lint(stage("    frozen: true\n"), "no-outputs"));
        assertEquals(List.of(), lint(stage("    always_changed: true\n"), "no-outputs"));
        assertEquals(List.of(), lint(stage("    params:\n      - lr\n"), "no-outputs"));
        assertEquals(List.of(), lint(stage("    deps:\n      - train.py\n"), "no-outputs"));
        assertEquals(List.of(), lint(stage("    metrics:\n      - m.json\n"), "no-outputs"));
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: \"\"\n", "no-outputs"));
    }

    @Test
    void emptyCmd() {
        assertEquals(1, lint("stages:\n  a:\n    cmd: \"\"\n    outs: [x]\n", "empty-cmd").size());
        assertEquals(1, lint("stages:\n  a:\n    cmd: []\n    outs: [x]\n", "empty-cmd").size());
        assertEquals(1, lint("stages:\n  a:\n    cmd: \"  \"\n    outs: [x]\n", "empty-cmd").size());
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: echo\n    outs: [x]\n", "empty-cmd"));
    }

    @Test
    void stageNames() {
        List<Finding> fs = lint("stages:\n  a@b:\n    cmd: x\n  c:d:\n    cmd: x\n  e/f:\n    cmd: x\n"
                + "  g.h:\n    cmd: x\n  ok_name-1:\n    cmd: x\n", "stage-name");
        assertEquals(4, fs.size(), fs.toString());
        assertEquals(Severity.ERROR, fs.get(0).severity());
        assertEquals(Severity.ERROR, fs.get(1).severity());
        assertEquals(Severity.ERROR, fs.get(2).severity());
        assertEquals(Severity.WARNING, fs.get(3).severity());
        assertTrue(fs.get(3).message().contains("Stage name cannot contain punctuation characters."));
    }

    @Test
    void pathOutsideProject() throws Exception {
        assertEquals(List.of(6), lint(stage("    deps:\n      - ../x.csv\n      - /abs/y\n"), "path-outside-project")
                .stream().map(Finding::line).toList(), "without .dvc/ only absolute paths are certain");
        Files.createDirectories(dir.resolve(".dvc"));
        List<Finding> fs = lint(stage("    deps:\n      - ../x.csv\n      - /abs/y\n      - s3://b/k\n"
                + "      - sub/../z\n    outs:\n      - ../../out\n"), "path-outside-project");
        assertEquals(3, fs.size(), fs.toString());
        assertEquals(List.of(5, 6, 10), fs.stream().map(Finding::line).toList());
    }

    @Test
    void aWdirOutsideTheProjectIsReportedOncePerStage() throws Exception {
        Files.createDirectories(dir.resolve(".dvc"));
        String deps = "    deps:\n" + "      - data/a.csv\n" + "      - data/b.csv\n      - src/x.py\n"
                + "    outs:\n      - out/model.bin\n";
        List<Finding> fs = lint(stage("    wdir: ..\n" + deps), "path-outside-project");
        assertEquals(1, fs.size(), fs.toString());
        assertEquals(4, fs.get(0).line());
        assertEquals("wdir '..' of stage 'train' leaves the project root, and so do its 4 deps and outs: other "
                + "clones of the repository will not have them", fs.get(0).message());
        // a wdir inside the project (even one that goes up and back) is fine
        assertEquals(List.of(), lint(stage("    wdir: sub/..\n" + deps), "path-outside-project"));
        assertEquals(List.of(), lint(stage("    wdir: sub\n" + deps), "path-outside-project"));
    }

    @Test
    void dvcFileAsOutput() {
        List<Finding> fs = lint(stage("    deps:\n      - data.csv.dvc\n      - data.csv\n    outs:\n"
                + "      - sub/dvc.yaml\n      - my.dvc.txt\n      - dvc.lock\n"), "dvc-file-as-output");
        assertEquals(2, fs.size(), fs.toString());
        assertEquals("DVC file 'data.csv.dvc' cannot be a dependency.", fs.get(0).message());
        assertEquals("DVC file 'sub/dvc.yaml' cannot be an output.", fs.get(1).message());
    }

    @Test
    void paramAsDependency() throws Exception {
        Files.writeString(dir.resolve("params.yaml"), "train: {lr: 1}\n");
        List<Finding> fs = lint(stage("    deps:\n      - params.yaml:train\n      - params.yaml\n"
                + "      - conf.json:a,b\n      - s3://bucket/x.yaml:1\n"), "param-as-dependency");
        assertEquals(2, fs.size(), fs.toString());
        assertTrue(fs.get(0).hint().contains("params: [train]"), fs.get(0).hint());
        assertTrue(fs.get(1).hint().contains("conf.json: [a, b]"), fs.get(1).hint());
        // a file literally named like that exists: not flagged
        Files.writeString(dir.resolve("odd.yaml:x"), "");
        assertEquals(List.of(), lint(stage("    deps:\n      - odd.yaml:x\n"), "param-as-dependency"));
    }

    @Test
    void wdirMissing() throws Exception {
        assertEquals(1, lint(stage("    wdir: nope\n"), "wdir-missing").size());
        Files.createDirectories(dir.resolve("src"));
        assertEquals(List.of(), lint(stage("    wdir: src\n"), "wdir-missing"));
    }

    @Test
    void aCrashingRuleBecomesOneInternalErrorFinding() {
        write(dir, "dvc.yaml", stage(""));
        Rule boom = new Rule("boom", Severity.ERROR, "x") {
            public void check(RuleContext ctx) {
                throw new IllegalStateException("bad state");
            }
        };
        Findings fs = new Findings();
        ProjectLoader loader = new ProjectLoader(fs);
        ProjectFacts facts = new ProjectFacts(loader.load(dir), loader.params());
        RuleEngine.run(facts, fs, Config.DEFAULT, List.of(boom, new NoOutputsRule()));
        List<Finding> internal = fs.all().stream().filter(x -> x.ruleId().equals("internal-error")).toList();
        assertEquals(1, internal.size());
        assertTrue(internal.get(0).message().contains("'boom' failed: java.lang.IllegalStateException: bad state"));
        assertEquals(1, fs.all().stream().filter(x -> x.ruleId().equals("no-outputs")).count());
    }
}
