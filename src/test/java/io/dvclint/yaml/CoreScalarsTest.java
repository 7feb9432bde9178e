package io.dvclint.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** {@link CoreScalars} types plain scalars exactly as snakeyaml-engine's core-schema resolver does. */
class CoreScalarsTest {
    private static final ScalarResolver SNAKEYAML = new CoreSchema().getScalarResolver();

    /** snakeyaml's answer, with its environment-variable and merge tags read as strings (as the loader does). */
    private static String expected(String s) {
        Tag t = SNAKEYAML.resolve(s, true);
        return (t.equals(Tag.ENV_TAG) || t.equals(Tag.MERGE) ? Tag.STR : t).getValue();
    }

    @Test
    void typesCarrySnakeyamlsTagsAndExplicitTagsMapBack() {
        assertEquals(Tag.STR.getValue(), CoreScalars.Type.STR.tag);
        assertEquals(Tag.NULL.getValue(), CoreScalars.Type.NULL.tag);
        assertEquals(Tag.BOOL.getValue(), CoreScalars.Type.BOOL.tag);
        assertEquals(Tag.INT.getValue(), CoreScalars.Type.INT.tag);
        assertEquals(Tag.FLOAT.getValue(), CoreScalars.Type.FLOAT.tag);
        for (CoreScalars.Type t : CoreScalars.Type.values()) assertEquals(t, CoreScalars.Type.ofTag(t.tag));
        assertEquals(CoreScalars.Type.STR, CoreScalars.Type.ofTag(Tag.MERGE.getValue()));
        assertEquals(null, CoreScalars.Type.ofTag("!ENV_VARIABLE"));
        assertEquals(null, CoreScalars.Type.ofTag("tag:yaml.org,2002:timestamp"));
    }

    @Test
    void agreesWithSnakeyamlOnEdgeCases() {
        for (String s : List.of("", "~", "null", "Null", "NULL", "nul", "nulls", " ", "true", "True", "TRUE", "tRue",
                "false", "False", "FALSE", "yes", "no", "on", "off", "0", "-0", "+1", "017", "0o17", "0o", "0o8",
                "0x1F", "0xg", "0x", "1_000", "1e5", "1e-5", "1E+5", "1.", ".5", "-.5", "+.5e3", ".", "-", "+", "1e",
                "1.5e", ".inf", "-.inf", "+.Inf", ".INF", ".nan", ".NaN", ".NAN", "-.nan", ".Nan", "1.2.3", "12abc",
                "${x}", "${ env }", "<<", "<", "1\n", "1 ", " 1", "\u0000", "n", "t", "f")) {
            assertEquals(expected(s), CoreScalars.resolve(s).tag, () -> "'" + s + "'");
        }
    }

    @Test
    void agreesWithSnakeyamlOnRandomScalars() {
        Random r = new Random(7);
        String alphabet = "0123456789+-._eExXoabfFnNtTulrsiIA ~<${}\n";
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(8);
            for (int k = 0; k < len; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            samples.add(sb.toString());
        }
        int typed = 0;
        for (String s : samples) {
            String want = expected(s);
            assertEquals(want, CoreScalars.resolve(s).tag, () -> "'" + s.replace("\n", "\\n") + "'");
            if (!want.equals(Tag.STR.getValue())) typed++;
        }
        assertEquals(true, typed > 1000, "the samples exercise the typed branches: " + typed);
    }
}
