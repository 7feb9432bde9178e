package io.dvclint.py;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link PyJson} writes what Python's {@code json.dumps(obj, sort_keys=True)} writes. */
class PyJsonTest {
    @Test
    void scalarsAsPythonWritesThem() {
        assertEquals("null", PyJson.dumps(null));
        assertEquals("true", PyJson.dumps(true));
        assertEquals("false", PyJson.dumps(false));
        assertEquals("7", PyJson.dumps(7L));
        assertEquals("123456789012345678901234567890", PyJson.dumps(new BigInteger("123456789012345678901234567890")));
        assertEquals("1e-05", PyJson.dumps(1e-5));
        assertEquals("1.0", PyJson.dumps(1.0));
        assertEquals("1e+16", PyJson.dumps(1e16));
        assertEquals("Infinity", PyJson.dumps(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", PyJson.dumps(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", PyJson.dumps(Double.NaN));
        assertEquals("[]", PyJson.dumps(List.of()));
        assertEquals("{}", PyJson.dumps(Map.of()));
    }

    @Test
    void stringsAreAsciiWithLowerCaseEscapes() {
        assertEquals("\"\\u00e9.txt\"", PyJson.dumps("é.txt"));
        assertEquals("\"\\ud83d\\ude00\"", PyJson.dumps("😀"));
        assertEquals("\"\\uff5e\"", PyJson.dumps("～"));
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\"", PyJson.dumps("a\"b\\c\n\r\t\b\f\u0000\u001f\u007f"));
        assertEquals("\"/ ~\"", PyJson.dumps("/ ~"));
    }

    @Test
    void keysSortedByCodePointWithPythonSeparators() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("😀", 1L);
        m.put("～", 2L);
        m.put("b", List.of(1L, "x"));
        m.put("B", Map.of());
        assertEquals("{\"B\": {}, \"b\": [1, \"x\"], \"\\uff5e\": 2, \"\\ud83d\\ude00\": 1}", PyJson.dumps(m));
    }

    @Test
    void numberKeysSortNumericallyAndMixedKeysFailAsInPython() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(10L, "a");
        m.put(9L, "b");
        m.put(true, "c");
        assertEquals("{\"true\": \"c\", \"9\": \"b\", \"10\": \"a\"}", PyJson.dumps(m));
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put("a", 1L);
        mixed.put(1L, 2L);
        assertThrows(IllegalArgumentException.class, () -> PyJson.dumps(mixed));
    }

    @Test
    void theFactSheetManifestVector() {
        List<Object> manifest = new ArrayList<>();
        manifest.add(entry("37b51d194a7513e45b56f6524f2d51f2", "bar"));
        manifest.add(entry("acbd18db4cc2f85cedef654fccc4a4d8", "foo"));
        assertEquals("[{\"md5\": \"37b51d194a7513e45b56f6524f2d51f2\", \"relpath\": \"bar\"}, "
                + "{\"md5\": \"acbd18db4cc2f85cedef654fccc4a4d8\", \"relpath\": \"foo\"}]", PyJson.dumps(manifest));
    }

    private static Map<String, Object> entry(String md5, String relpath) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("relpath", relpath);
        m.put("md5", md5);
        return m;
    }

    /** Values whose JSON text Python itself is asked for. */
    private static List<Object> crossCheckValues() {
        List<Object> values = new ArrayList<>();
        for (double d : new double[] {0.1, 0.5, 1e-5, 1.5e-7, 1e15, 1e16, 1e22, 123456789.123, -0.0, 5e-324,
                1.7976931348623157e308, 2.5, 100.0, 3.14159, Double.POSITIVE_INFINITY, Double.NaN}) {
            values.add(d);
        }
        values.add(Long.MIN_VALUE);
        values.add(new BigInteger("-98765432109876543210"));
        values.add("plain");
        values.add("é ü 中文 \u2028 \ufeff 😀 ～ \u007f \u0001 \"q\" \\ /");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", List.of(1L, 2.0, "x", true, Arrays.asList(null, false)));
        m.put("a b", Map.of("k", "v"));
        m.put("a-b", "1");
        m.put("a/b", "2");
        m.put("a0", "3");
        m.put("～.txt", "4");
        m.put("😀.txt", "5");
        m.put("", "empty");
        values.add(m);
        return values;
    }

    @Test
    void agreesWithPython() throws Exception {
        Assumptions.assumeTrue(canRun("python3", "-c", "pass"), "python3 not available");
        List<Object> values = crossCheckValues();
        StringBuilder input = new StringBuilder();
        for (Object v : values) input.append(pyLiteral(v)).append('\n');
        String script = "import sys, json\n"
                + "for line in sys.stdin.read().splitlines():\n"
                + "    sys.stdout.write(json.dumps(eval(line, {'__builtins__': {}, 'float': float}), sort_keys=True) + '\\n')\n";
        String out = run(input.toString(), "python3", "-c", script);
        String[] lines = out.split("\n", -1);
        assertEquals(values.size() + 1, lines.length, out);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(lines[i], PyJson.dumps(values.get(i)), "value " + i);
        }
    }

    /** A Python literal for a value, every string character written as a {@code \\U} escape. */
    private static String pyLiteral(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Double d) {
            if (d.isNaN()) return "float('nan')";
            if (d.isInfinite()) return d > 0 ? "float('inf')" : "float('-inf')";
            return PyFormat.floatRepr(d);
        }
        if (v instanceof Number) return v.toString();
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder("'");
            s.codePoints().forEach(cp -> sb.append(String.format("\\U%08x", cp)));
            return sb.append("'").toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) sb.append(pyLiteral(o)).append(", ");
            return sb.append("]").toString();
        }
        Map<?, ?> m = (Map<?, ?>) v;
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append(pyLiteral(e.getKey())).append(": ").append(pyLiteral(e.getValue())).append(", ");
        }
        return sb.append("}").toString();
    }

    static boolean canRun(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(String stdin, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        try (OutputStream os = p.getOutputStream()) {
            os.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream is = p.getInputStream()) {
            is.transferTo(out);
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor() == 0, err);
        return out.toString(StandardCharsets.UTF_8);
    }
}
