package io.dvclint.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the resolver over the shared real-world corpus: templating errors DVC reported must be reported with DVC's
 * first message, and accepted single-dvc.yaml cases must generate exactly the stage names of DVC's dag.
 */
class TemplateCorpusTest {
    private static final Pattern NODE = Pattern.compile("^\\tnode\\d+\\[\"(.*)\"\\]$");

    private static Path corpus() {
        return Paths.get(System.getProperty("dvclint.shared", "../shared"), "corpus", "real-world");
    }

    private static YMap parse(Path dvcYaml) throws IOException {
        Object dec = SourceText.decode(Files.readAllBytes(dvcYaml));
        if (!(dec instanceof SourceText src)) return null;
        YamlLoader.Result r = YamlLoader.load(src);
        if (r.ok() && r.root() == null) return YMap.empty(io.dvclint.yaml.Pos.START); // comments only: no stages
        return r.ok() && r.root() instanceof YMap m ? m : null;
    }

    private static TemplateResolver.Result resolve(Path dir) throws IOException {
        YMap root = parse(dir.resolve("dvc.yaml"));
        return root == null ? null : new TemplateResolver(dir, Fixture::yamlLoad).resolve(root);
    }

    @Test
    void templatingErrorsMatchDvc() throws IOException {
        Path c = corpus();
        assumeTrue(Files.isDirectory(c), "shared corpus not available");
        int checked = 0;
        List<String> failures = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(c)) {
            for (Path dir : dirs.sorted().toList()) {
                Path err = dir.resolve("expected-dvc-error.txt");
                if (!Files.exists(err)) continue;
                String first = Files.readAllLines(err).get(0).replaceFirst("^ERROR: ", "");
                if (!first.startsWith("failed to parse") && !first.startsWith("failed to resolve")) continue;
                checked++;
                TemplateResolver.Result r = resolve(dir);
                if (r == null || r.errors().isEmpty()) {
                    failures.add(dir.getFileName() + ": no error, expected " + first);
                } else if (!r.errors().get(0).message().startsWith(first)) {
                    failures.add(dir.getFileName() + ": " + r.errors().get(0).message() + " <> " + first);
                }
            }
        }
        System.out.println("templating error cases checked: " + checked);
        assertEquals(List.of(), failures);
        assertTrue(checked >= 5, "expected the corpus's templating error cases, found " + checked);
    }

    @Test
    void generatedStageNamesMatchDvcDag() throws IOException {
        Path c = corpus();
        assumeTrue(Files.isDirectory(c), "shared corpus not available");
        int compared = 0;
        int templated = 0;
        List<String> failures = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(c)) {
            for (Path dir : dirs.sorted().toList()) {
                Path dag = dir.resolve("expected-dvc-dag.txt");
                if (!Files.exists(dag) || hasDvcFiles(dir)) continue;
                Set<String> expected = new TreeSet<>();
                for (String line : Files.readAllLines(dag)) {
                    Matcher m = NODE.matcher(line);
                    if (m.matches()) expected.add(m.group(1));
                }
                TemplateResolver.Result r = resolve(dir);
                if (r == null) {
                    failures.add(dir.getFileName() + ": dvc.yaml did not parse");
                    continue;
                }
                compared++;
                Set<String> got = new TreeSet<>(Fixture.names(r));
                if (got.stream().anyMatch(n -> n.contains("@"))) templated++;
                if (!r.errors().isEmpty()) failures.add(dir.getFileName() + ": unexpected " + r.errors());
                else if (!got.equals(expected)) failures.add(dir.getFileName() + ": " + got + " <> " + expected);
            }
        }
        System.out.println("dag cases compared: " + compared + " (with foreach/matrix: " + templated + ")");
        assertEquals(List.of(), failures);
        assertFalse(compared == 0);
    }

    private static boolean hasDvcFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".dvc"));
        }
    }
}
