package io.dvclint.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dvclint.findings.Findings;
import io.dvclint.graph.PipelineGraph;
import io.dvclint.load.ProjectLoader;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which stages an export runs: targets with their upstream, and (--changed-only) what would run downstream. */
class StageSelectionTest {
    @TempDir
    Path dir;

    private List<String> select(List<String> targets, Set<String> wouldRun) {
        Fixtures.pipeline(dir);
        Project p = new ProjectLoader(new Findings()).load(dir);
        PipelineGraph g = PipelineGraph.build(p);
        List<Stage> named = new ArrayList<>();
        for (String t : targets) named.addAll(StageSelection.matching(p, dir, t));
        List<String> out = new ArrayList<>();
        for (Stage s : StageSelection.select(g, named, wouldRun)) out.add(s.address());
        return out;
    }

    @Test
    void targetsBringTheirUpstream() {
        assertEquals(List.of("prepare", "train@small", "train@Large_Model", "evaluate@small", "evaluate@Large_Model",
                "report", "Stage_With.Dots", "on", "sub/dvc.yaml:train"), select(List.of(), null));
        assertEquals(List.of("prepare", "train@small"), select(List.of("train@small"), null));
        assertEquals(List.of("prepare", "train@small", "train@Large_Model"), select(List.of("train"), null));
        assertEquals(List.of("prepare", "sub/dvc.yaml:train"), select(List.of("sub/dvc.yaml"), null));
        assertThrows(IllegalArgumentException.class, () -> select(List.of("nope"), null));
    }

    @Test
    void aFrozenStagesUpstreamIsNotTakenThroughIt() {
        io.dvclint.TestFiles.write(dir, "dvc.yaml", """
                stages:
                  a: {cmd: echo a > a.txt, outs: [a.txt]}
                  b: {cmd: cat a.txt > b.txt, deps: [a.txt], outs: [b.txt], frozen: true}
                  c: {cmd: cat b.txt > c.txt, deps: [b.txt], outs: [c.txt]}
                """);
        Project p = new ProjectLoader(new Findings()).load(dir);
        PipelineGraph g = PipelineGraph.build(p);
        List<String> out = new ArrayList<>();
        for (Stage s : StageSelection.select(g, StageSelection.matching(p, dir, "c"), null)) out.add(s.address());
        assertEquals(List.of("b", "c"), out, "dvc repro c runs b and c");
        assertEquals(3, StageSelection.select(g, List.of(), null).size());
    }

    @Test
    void changedOnlyKeepsWhatWouldRunAndItsDownstream() {
        assertEquals(List.of("train@small", "evaluate@small", "report"), select(List.of(), Set.of("train@small")));
        assertEquals(List.of("train@small", "evaluate@small"), select(List.of("evaluate@small"), Set.of("train@small")));
        assertEquals(List.of(), select(List.of("sub/dvc.yaml:train"), Set.of("train@small")));
        assertEquals(List.of(), select(List.of(), Set.of()));
    }

    @Test
    void theDependenciesOfASelectionAreTheGraphsEdgesBetweenItsStages() {
        Fixtures.pipeline(dir);
        Project p = new ProjectLoader(new Findings()).load(dir);
        PipelineGraph g = PipelineGraph.build(p);
        ExportPlan plan = ExportPlan.build(p, g, StageSelection.select(g, List.of(), Set.of("train@small")));
        assertEquals(List.of(List.of(), List.of("train-small"), List.of("evaluate-small")),
                plan.tasks().stream().map(ExportPlan.Task::upstream).toList());
    }
}
