package io.dvclint.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the validator over the shared real-world corpus: every dvc.yaml / dvc.lock DVC 3.64 rejected at validation
 * (or YAML parsing) must give at least one problem, and every project DVC accepted must give none.
 */
class CorpusSchemaTest {
    private static Path corpus() {
        return Path.of(System.getProperty("dvclint.shared", "../shared"), "corpus", "real-world");
    }

    /** Problems of one file: a YAML or encoding error counts as one. Null if the file is absent. */
    private static List<String> problems(Path file, boolean lock) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        Object decoded = SourceText.decode(Files.readAllBytes(file));
        if (decoded instanceof SourceText.DecodeError e) return List.of("decode: " + e.message());
        YamlLoader.Result r = YamlLoader.load((SourceText) decoded);
        if (!r.ok()) return List.of("yaml: " + r.problem());
        List<String> out = new ArrayList<>();
        for (SchemaProblem p : lock ? SchemaValidator.validateLock(r.root()) : SchemaValidator.validateDvcYaml(r.root())) {
            out.add(p.toString());
        }
        return out;
    }

    @Test
    void realWorldCases() throws IOException {
        Path root = corpus();
        assumeTrue(Files.isDirectory(root), "shared corpus not present at " + root.toAbsolutePath());
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        int yamlBad = 0, lockBad = 0, accepted = 0;
        List<String> failures = new ArrayList<>();
        for (Path c : cases) {
            Path err = c.resolve("expected-dvc-error.txt");
            if (Files.isRegularFile(err)) {
                String first = Files.readAllLines(err).stream().findFirst().orElse("");
                if (first.contains("'./dvc.yaml' validation failed") || first.contains("'./dvc.yaml' is invalid")) {
                    yamlBad++;
                    List<String> ps = problems(c.resolve("dvc.yaml"), false);
                    if (ps == null || ps.isEmpty()) failures.add(c.getFileName() + ": dvc.yaml rejected by DVC, no problem found");
                } else if (first.contains("'./dvc.lock' validation failed")) {
                    lockBad++;
                    List<String> ps = problems(c.resolve("dvc.lock"), true);
                    if (ps == null || ps.isEmpty()) failures.add(c.getFileName() + ": dvc.lock rejected by DVC, no problem found");
                }
            }
            if (Files.isRegularFile(c.resolve("expected-dvc-dag.txt"))) {
                accepted++;
                List<String> y = problems(c.resolve("dvc.yaml"), false);
                List<String> l = problems(c.resolve("dvc.lock"), true);
                if (y != null && !y.isEmpty()) failures.add(c.getFileName() + ": dvc.yaml accepted by DVC but " + y);
                if (l != null && !l.isEmpty()) failures.add(c.getFileName() + ": dvc.lock accepted by DVC but " + l);
            }
        }
        System.out.printf("corpus: %d dvc.yaml rejections, %d dvc.lock rejections, %d accepted projects checked%n",
                yamlBad, lockBad, accepted);
        assertTrue(yamlBad + lockBad + accepted > 0, "corpus has no usable case");
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }
}
