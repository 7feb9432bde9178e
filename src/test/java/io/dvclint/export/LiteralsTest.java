package io.dvclint.export;

import static io.dvclint.export.KubeYaml.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Python string literals and Kubernetes YAML scalars, read back by Python. */
class LiteralsTest {
    static final List<String> TEXTS = List.of("", "plain", "a\"b", "'", "\"\"\"", "x\"", "back\\slash\\", "tab\t",
            "cr\rlf\n", "nul\0", "ü", "∑", "😀", "\ud800", "{{ params.x }}", "line one\nline \"two\"\n\"",
            "#!/bin/sh\nset -eu\necho \"$X\" \\\n  && exit 0\n");

    @TempDir
    Path dir;

    @Test
    void pythonLiteralsReadBackExactly() throws IOException {
        Path f = dir.resolve("lits.py");
        StringBuilder py = new StringBuilder("import json\nvalues = [\n");
        for (String s : TEXTS) py.append("    ").append(PyLiteral.str(s)).append(",\n");
        for (String s : TEXTS) py.append("    ").append(PyLiteral.block(s)).append(",\n");
        py.append("    ").append(PyLiteral.list(List.of("a", "b\"c"))).append(",\n");
        py.append("    ").append(PyLiteral.dict(Map.of("k\\", "v\n"))).append(",\n");
        py.append("]\nprint(json.dumps(values))\n");
        Files.writeString(f, py, StandardCharsets.US_ASCII);
        JsonNode got = ExportSupport.JSON.readTree(ExportSupport.python(dir, List.of(f.toString())));
        List<Object> expected = new ArrayList<>(TEXTS);
        expected.addAll(TEXTS);
        expected.add(List.of("a", "b\"c"));
        expected.add(Map.of("k\\", "v\n"));
        assertEquals(ExportSupport.JSON.valueToTree(expected), got);
    }

    @Test
    void yamlScalarsKubernetesWouldMisreadAreQuoted() {
        for (String s : List.of("yes", "No", "on", "OFF", "y", "~", "null", "true", "", "0755", "1:30", "2024-01-01",
                "-5", ".5", "+1", "1e3", ".inf", "500m", "8Gi", "<<")) {
            assertTrue(KubeYaml.needsQuotes(s), s);
            assertEquals("k: \"" + s + "\"\n", KubeYaml.dump(map("k", s)), s);
        }
        for (String s : List.of("-s", "prepare", "train@us", "nvidia.com/gpu", "sub/dvc.yaml:train")) {
            assertFalse(KubeYaml.needsQuotes(s), s);
        }
        assertEquals("k:\n  - a\n  - b\nm: {}\ns: |\n  one\n  two\n", KubeYaml.dump(map("k", List.of("a", "b"), "m",
                map(), "s", "one\ntwo\n")));
    }

    /** The YAML reads the same under YAML 1.1 (PyYAML, like Kubernetes' reader) as under YAML 1.2. */
    @Test
    void yaml11AndYaml12ReadTheSame() throws IOException {
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        List<String> values = new ArrayList<>(TEXTS.subList(0, 13));
        values.addAll(List.of("yes", "No", "on", "0755", "1:30", "2024-01-01", "-5", ".5", "1e3", "500m", "-s", "=",
                "script\n  indented\n\ttab", "trailing space \nx"));
        tree.put("values", values);
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, KubeYaml.dump(tree), StandardCharsets.UTF_8);
        Path py = dir.resolve("read.py");
        Files.writeString(py, "import json, sys\ntry:\n    import yaml\nexcept ImportError:\n    print('null')\n"
                + "    sys.exit(0)\nprint(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))\n");
        JsonNode got = ExportSupport.JSON.readTree(ExportSupport.python(dir, List.of(py.toString(), f.toString())));
        org.junit.jupiter.api.Assumptions.assumeFalse(got.isNull(), "PyYAML is not installed");
        assertEquals(ExportSupport.JSON.valueToTree(tree), got);
        assertEquals(tree, ExportSupport.yaml(Files.readString(f)));
    }
}
