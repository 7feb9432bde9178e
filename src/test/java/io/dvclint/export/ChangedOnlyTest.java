package io.dvclint.export;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static io.dvclint.export.ExportSupport.at;
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
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --changed-only} asks the executor which stages a {@code dvclint repro} would run: after a run of a
 * three-stage pipeline, a changed parameter of the middle stage exports the middle and the last stage only.
 */
class ChangedOnlyTest {
    @TempDir
    Path dir;

    private Run ok(String... args) {
        Run r = cli(dir, args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err() + r.out());
        return r;
    }

    private static List<String> stages(Map<String, Object> wf) {
        return ExportSupport.tasks(wf).stream().map(ExportSupport::stageOf).filter(Objects::nonNull).toList();
    }

    @Test
    void aChangedParameterOfTheMiddleStageExportsItAndWhatFollows() throws IOException {
        write(dir, ".dvc/config", "[core]\n    no_scm = True\n");
        write(dir, "params.yaml", "prepare:\n  rows: 3\ntrain:\n  lr: 0.1\nevaluate:\n  k: 2\n");
        write(dir, "data.txt", "a\nb\nc\nd\n");
        write(dir, "dvc.yaml", """
                stages:
                  prepare:
                    cmd: head -n ${prepare.rows} data.txt > prepared.txt
                    deps: [data.txt]
                    params: [prepare.rows]
                    outs: [prepared.txt]
                  train:
                    cmd: echo ${train.lr} | cat prepared.txt - > model.txt
                    deps: [prepared.txt]
                    params: [train.lr]
                    outs: [model.txt]
                  evaluate:
                    cmd: wc -l model.txt > score.txt
                    deps: [model.txt]
                    params: [evaluate.k]
                    metrics: [{score.txt: {cache: false}}]
                """);
        assertEquals(List.of("prepare", "train", "evaluate"),
                stages(ExportSupport.yaml(ok("export", "argo", "--volume", "ws", "--changed-only").out())),
                "nothing has run yet");
        ok("repro");
        Run none = ok("export", "argo", "--volume", "ws", "--changed-only");
        assertEquals("", none.out());
        assertTrue(none.err().contains("no stage to export (none would run)"), none.err());

        Files.writeString(dir.resolve("params.yaml"), "prepare:\n  rows: 3\ntrain:\n  lr: 0.2\nevaluate:\n  k: 2\n");
        Map<String, Object> volume = ExportSupport.yaml(ok("export", "argo", "--volume", "ws", "--changed-only").out());
        assertEquals(List.of("train", "evaluate"), stages(volume));
        Map<String, Object> train = ExportSupport.tasks(volume).get(1);
        assertEquals(List.of("dvclint-lock-begin"), at(train, "dependencies"), "prepare is not waited for");
        assertEquals("train\nevaluate",
                at(ExportSupport.templates(volume).get("lock-finish"), "container", "env", 0, "value"));

        Map<String, Object> remote = ExportSupport.yaml(ok("export", "argo", "--remote", "s", "--changed-only").out());
        assertEquals(List.of("train", "evaluate"), stages(remote));
        List<String> pulls = new ArrayList<>();
        for (Map<String, Object> t : ExportSupport.tasks(remote)) {
            List<Map<String, Object>> params = at(t, "arguments", "parameters");
            if (params != null) pulls.add((String) params.get(1).get("value"));
        }
        assertEquals(List.of("prepared.txt", "model.txt"), pulls, "train pulls what the unchanged prepare wrote");

        String airflow = ok("export", "airflow", "--changed-only").out();
        for (String s : List.of("train", "evaluate")) assertTrue(airflow.contains("params={\"stage\": \"" + s + "\"}"));
        assertFalse(airflow.contains("\"prepare\""), airflow);
        assertTrue(airflow.contains("params={\"stages\": \"train\\nevaluate\"}"), airflow);
    }
}
