package io.dvclint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import io.dvclint.TestFiles.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dvclint against what real DVC 3.64 said about 200 real projects ({@code ../shared/corpus/real-world}): never a
 * crash, never an error where DVC accepted the project, an error in the right file where DVC refused it, and
 * {@code dag --mermaid} byte-identical to DVC's.
 */
class CorpusTest {
    /** DVC's verdict on one case. */
    record Verdict(Path dir, String expectedDag, String expectedError) {
        boolean accepted() {
            return expectedDag != null;
        }

        String id() {
            return dir.getFileName().toString();
        }
    }

    static List<Verdict> cases() {
        List<Verdict> out = new ArrayList<>();
        for (Path d : Shared.corpusCases()) {
            Path dag = d.resolve("expected-dvc-dag.txt"), err = d.resolve("expected-dvc-error.txt");
            out.add(new Verdict(d, Files.exists(dag) ? Shared.read(dag) : null,
                    Files.exists(err) ? Shared.read(err) : null));
        }
        return out;
    }

    @Test
    void neverCrashesAndAgreesWithDvcsVerdict() {
        List<String> problems = new ArrayList<>();
        int accepted = 0, refused = 0;
        for (Verdict v : cases()) {
            long t0 = System.nanoTime();
            Run r = TestFiles.cli(v.dir(), "lint", "--format", "gcc", "--fail-on", "error");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r.exit() >= 2 || r.err().contains("Exception") || r.out().contains("[internal-error]")) {
                problems.add(v.id() + ": crashed (exit " + r.exit() + "): " + r.err() + r.out());
                continue;
            }
            if (ms > 5000) problems.add(v.id() + ": took " + ms + " ms");
            List<String> errors = r.out().lines().filter(l -> l.contains(": error: ")).toList();
            if (v.accepted()) {
                accepted++;
                if (!errors.isEmpty()) problems.add(v.id() + ": DVC accepted it, dvclint says " + errors);
            } else if (v.expectedError() != null) {
                refused++;
                String first = v.expectedError().lines().findFirst().orElse("");
                String file = first.contains("'./dvc.lock'") ? "dvc.lock" : "dvc.yaml";
                boolean inFile = errors.stream().anyMatch(l -> l.startsWith(file + ":"));
                if (!inFile) problems.add(v.id() + ": DVC refused it (" + first + "), dvclint reports no error in " + file);
            }
        }
        assertTrue(accepted > 100, "corpus looks incomplete: " + accepted);
        assertTrue(refused > 10, "corpus looks incomplete: " + refused);
        assertTrue(problems.isEmpty(), problems.size() + " disagreements:\n" + String.join("\n", problems));
    }

    @Test
    void dagMermaidIsByteIdenticalToDvcs() {
        List<String> diffs = new ArrayList<>();
        int same = 0;
        for (Verdict v : cases()) {
            if (!v.accepted()) continue;
            Run r = TestFiles.cli(v.dir(), "dag", "--mermaid");
            if (r.exit() == 0 && r.out().equals(v.expectedDag())) same++;
            else diffs.add(v.id() + " (exit " + r.exit() + ")" + (r.err().isEmpty() ? "" : ": " + r.err().lines().findFirst().orElse("")));
        }
        assertEquals(List.of(), diffs, same + " identical; differing:");
        assertFalse(same == 0);
    }
}
