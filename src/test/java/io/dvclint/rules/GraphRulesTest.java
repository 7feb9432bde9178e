package io.dvclint.rules;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.lint.Linter;
import io.dvclint.lint.RuleDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;




class GraphRulesTest {
    @TempDir
    Path dir;

    List<Finding> lint(String rule) {
        Findings f = new Findings();
        Linter.lint(dir, f, Config.DEFAULT);
        return f.sorted().stream().filter(x -> x.ruleId().equals(rule)).toList();
    }

    @Test
    void cycleThroughTwoStagesPrintsThePathAndPointsAtTheClosingDep() {
        write(dir, "dvc.yaml", """
                stages:
                  train:
                    cmd: python train.py
                    deps: [features.csv, metrics.json]
                    outs: [model.pkl]
                  evaluate:
                    cmd: python evaluate.py
                    deps: [model.pkl]
                    metrics:
                      - metrics.json:
                          cache: false
                """);
        List<Finding> fs = lint("cycle");
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().startsWith("cycle: train -> evaluate -> train"), f.message());
        assertTrue(f.message().contains("train needs 'metrics.json' from evaluate"), f.message());
        assertTrue(f.message().contains("evaluate needs 'model.pkl' from train"), f.message());
        assertEquals(8, f.line()); // evaluate's dep on model.pkl closes the cycle started at train
    }

    @Test
    void selfLoopAndDirectoryContainmentCount() {
        write(dir, "dvc.yaml", """
                stages:
                  a:
                    cmd: x
                    deps: [data]
                    outs: [data/out.csv]
                """);
        List<Finding> fs = lint("cycle");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("depends on its own output"), fs.get(0).message());
        assertEquals(4, fs.get(0).line());
    }

    @Test
    void everyCycleIsReported() {
        write(dir, "dvc.yaml", """
                stages:
                  a: {cmd: x, deps: [b.txt], outs: [a.txt]}
                  b: {cmd: x, deps: [a.txt], outs: [b.txt]}
                  c: {cmd: x, deps: [d.txt], outs: [c.txt]}
                  d: {cmd: x, deps: [c.txt], outs: [d.txt]}
                """);
        assertEquals(2, lint("cycle").size());
    }

    @Test
    void chainsAndSiblingPrefixesAreNotCycles() {
        write(dir, "dvc.yaml", """
                stages:
                  a: {cmd: x, deps: [raw], outs: [data]}
                  b: {cmd: x, deps: [data], outs: [database.csv]}
                  c: {cmd: x, deps: [database.csv, data], outs: [model]}
                """);
        assertEquals(List.of(), lint("cycle"));
        assertEquals(List.of(), lint("overlapping-outputs"));
        assertEquals(List.of(), lint("duplicate-output"));
    }

    @Test
    void duplicateOutputsAreAllReportedWithBothStages() {
        write(dir, "dvc.yaml", """
                stages:
                  train:
                    cmd: x
                    metrics:
                      - metrics.json:
                          cache: false
                  evaluate:
                    cmd: y
                    metrics:
                      - metrics.json:
                          cache: false
                  other:
                    cmd: z
                    outs: [a.txt]
                    metrics: [a.txt]
                """);
        List<Finding> fs = lint("duplicate-output");
        assertEquals(2, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("'metrics.json' is already specified in stage 'train'"), fs.get(0).message());
        assertEquals(10, fs.get(0).line());
        assertTrue(fs.get(1).message().contains("more than once in stage 'other'"), fs.get(1).message());
    }

    @Test
    void sameOutputTwiceInOneListIsMergedAsDvcDoes() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n    outs:\n      - o.txt\n      - o.txt:\n          cache: false\n");
        assertEquals(List.of(), lint("duplicate-output"));
    }

    @Test
    void duplicateAcrossPipelineFiles() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n    outs: [sub/o.txt]\n");
        write(dir, "sub/dvc.yaml", "stages:\n  b:\n    cmd: x\n    outs: [o.txt]\n");
        List<Finding> fs = lint("duplicate-output");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).file().endsWith("sub/dvc.yaml"));
    }

    @Test
    void overlappingOutputs() {
        write(dir, "dvc.yaml", """
                stages:
                  prepare: {cmd: x, outs: [data]}
                  split: {cmd: y, outs: [data/train.csv]}
                """);
        List<Finding> fs = lint("overlapping-outputs");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("lies inside output 'data' of stage 'prepare'"), fs.get(0).message());
        assertEquals(3, fs.get(0).line());
    }

    @Test
    void stageInsideAnotherStagesOutput() throws Exception {
        write(dir, "sub/dvc.yaml", "stages:\n  inner:\n    cmd: x\n    outs: [o.txt]\n");
        write(dir, "dvc.yaml", "stages:\n  outer:\n    cmd: x\n    outs: [sub]\n");
        // discovery skips folders that are outputs of stages already found, as DVC does: the inner file is not
        // loaded, which deserves a warning on the output that hides it
        List<Finding> hidden = lint("stage-inside-output");
        assertEquals(1, hidden.size(), hidden.toString());
        assertEquals(Severity.WARNING, hidden.get(0).severity());
        assertTrue(hidden.get(0).message().startsWith("'sub/dvc.yaml' is not loaded: it lies inside output 'sub' of "
                + "stage 'outer'"), hidden.get(0).message());
        assertEquals(4, hidden.get(0).line());
        Files.move(dir.resolve("dvc.yaml"), dir.resolve("z.yaml"));
        // found after sub/dvc.yaml (walk order), so DVC meets the inner file first and refuses it
        write(dir, "z/dvc.yaml", "stages:\n  outer:\n    cmd: x\n    outs: [../sub]\n");
        Files.delete(dir.resolve("z.yaml"));
        List<Finding> fs = lint("stage-inside-output");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("stage 'sub/dvc.yaml:inner' is within output '../sub'"),
                fs.get(0).message());
    }

    @Test
    void outputIgnored() {
        write(dir, ".dvcignore", "# logs are not data\nlogs/\n");
        write(dir, "dvc.yaml", """
                stages:
                  train:
                    cmd: x
                    outs: [logs/train.log, .git/hooks/x, model.pkl]
                    deps: [logs/input.log]
                """);
        List<Finding> fs = lint("output-ignored");
        assertEquals(2, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains(".dvcignore:2:logs/"), fs.get(0).message());
        assertTrue(fs.get(1).message().contains(".git"), fs.get(1).message());
    }

    @Test
    void sarifFullDescriptionIsTheFirstParagraphOfWhatItFlags() {
        String d = RuleDocs.whatItFlags(new CycleRule());
        assertTrue(d.startsWith("Every cycle in the stage graph"), d);
        assertTrue(!d.contains("##") && !d.contains("\n"), d);
    }
}
