package io.dvclint.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import io.dvclint.TestFiles.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled example projects lint as their READMEs and comments say (they also train the launcher's archive). */
class ExamplesTest {
    private static List<String> lines(Run r, String marker) {
        List<String> out = new ArrayList<>();
        for (String l : r.out().split("\n")) if (l.contains(marker)) out.add(l);
        return out;
    }

    @Test
    void everyExampleLintsWithoutErrors() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(examples.size() >= 2, examples.toString());
        for (Path e : examples) {
            Run r = TestFiles.cli(null, "lint", "--format", "gcc", "--no-cache", e.toString());
            assertEquals(0, r.exit(), e + ":\n" + r.out() + r.err());
            assertEquals(List.of(), lines(r, ": error: "), e.toString());
        }
    }

    @Test
    void getStartedHasOnlyNeverBeenReproduced() {
        Run r = TestFiles.cli(null, "lint", "--format", "gcc", "--no-cache", "examples/get-started");
        assertEquals(List.of("lock-stale"), rules(r), r.out());
    }

    /**
     * The reproduced pipeline: its dvc.lock matches dvc.yaml; what is left is the train section its script reads
     * undeclared (and so not unused).
     */
    @Test
    void reproducedHasAConsistentLockAndTheEpochsFindings() {
        Run r = TestFiles.cli(null, "lint", "--format", "gcc", "--no-cache", "examples/reproduced");
        assertEquals(List.of("param-undeclared"), rules(r), r.out());
        Run dag = TestFiles.cli(Path.of("examples/reproduced"), "dag", "--mermaid");
        assertEquals(0, dag.exit(), dag.err());
        for (String stage : List.of("prepare", "train@small", "train@large", "evaluate@small", "evaluate@large")) {
            assertTrue(dag.out().contains(stage), stage + " in\n" + dag.out());
        }
    }

    private static List<String> rules(Run r) {
        List<String> ids = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            int i = l.lastIndexOf(" [");
            if (i > 0 && l.endsWith("]")) ids.add(l.substring(i + 2, l.length() - 1));
        }
        ids.sort(null);
        return ids;
    }
}
