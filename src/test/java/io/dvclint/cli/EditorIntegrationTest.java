package io.dvclint.cli;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The VS Code task we ship parses what {@code --format gcc} prints. */
class EditorIntegrationTest {
    static final Path CHECKOUT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));

    @TempDir
    Path dir;

    @Test
    void vscodeProblemMatcherMatchesGccOutput() throws Exception {
        JsonNode task = JsonMapper.builder().build()
                .readTree(Files.readString(CHECKOUT.resolve("editors/vscode/tasks.json"))).get("tasks").get(0);
        assertEquals("dvclint", task.get("command").asString());
        assertEquals(List.of("lint", "--format", "gcc"), task.get("args").valueStream().limit(3)
                .map(JsonNode::asString).toList());
        JsonNode pattern = task.get("problemMatcher").get("pattern");
        Pattern re = Pattern.compile(pattern.get("regexp").asString());

        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n");
        write(dir, "sub dir/dvc.yaml", "x: [\n");
        List<String> lines = cli(dir, "lint", "--format", "gcc", dir.toString()).out().lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) assertTrue(re.matcher(line).matches(), line);

        Matcher m = re.matcher(lines.get(0));
        assertTrue(m.matches());
        assertEquals("dvc.yaml", m.group(pattern.get("file").asInt()));
        assertEquals("4", m.group(pattern.get("line").asInt()));
        assertEquals("3", m.group(pattern.get("column").asInt()));
        assertEquals("error", m.group(pattern.get("severity").asInt()));
        assertEquals("invalid YAML: found duplicate key 'a' (first defined at line 2, column 3)",
                m.group(pattern.get("message").asInt()));
        assertEquals("yaml-syntax", m.group(pattern.get("code").asInt()));
        Matcher second = re.matcher(lines.get(1));
        assertTrue(second.matches());
        assertEquals("sub dir/dvc.yaml", second.group(pattern.get("file").asInt()));
    }
}
