package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.lock.DvcFileWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DvcFileWriter} against what DVC's {@code to_single_stage_file} and ruamel.yaml 0.18.16 write for the same
 * file and stage contents (the cases under {@code resources/io/dvclint/exec/dvcfile}, see its README): keys kept in
 * their order or added at the end, dropped keys gone with their comments, comments at their columns.
 */
class DvcFileWriterTest {
    static final Path CASES = Path.of("src/test/resources/io/dvclint/exec/dvcfile");

    static Stream<String> cases() throws Exception {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".input"))
                    .map(n -> n.substring(0, n.length() - ".input".length())).sorted().toList().stream();
        }
    }

    @Test
    void thereAreCases() throws Exception {
        assertTrue(cases().count() >= 30);
    }

    @ParameterizedTest
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void writesWhatRuamelWrites(String name) throws Exception {
        String input = Files.readString(CASES.resolve(name + ".input"), StandardCharsets.UTF_8);
        Map<String, Object> state = (Map<String, Object>) plain(new JsonMapper().readTree(
                Files.readString(CASES.resolve(name + ".state.json"))));
        String expected = Files.readString(CASES.resolve(name + ".expected"), StandardCharsets.UTF_8);
        assertEquals(expected, DvcFileWriter.update(input, state), name);
    }

    @Test
    void aFileWrittenByDvcComesBackAsItWas() throws Exception {
        String text = "outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  size: 14445097\n  hash: md5\n"
                + "  path: data.xml\n";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("md5", "22a1a2931c8370d3aeedd7183606fd7f");
        out.put("size", 14445097L);
        out.put("hash", "md5");
        out.put("path", "data.xml");
        assertEquals(text, DvcFileWriter.update(text, Map.of("outs", List.of(out))));
    }

    private static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) m.put(e.getKey(), plain(e.getValue()));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonNode x : n) l.add(plain(x));
            return l;
        }
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.longValue();
        if (n.isNumber()) return n.doubleValue();
        if (n.isNull()) return null;
        return n.stringValue();
    }
}
