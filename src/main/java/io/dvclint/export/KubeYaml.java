package io.dvclint.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.RepresentToNode;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Writes a tree of maps, lists, strings, numbers and booleans as YAML for Kubernetes, with snakeyaml-engine's
 * emitter: block style, sequences indented under their key, multi-line strings as literal blocks, no line folding.
 * Kubernetes reads YAML with YAML 1.1's implicit types, where {@code yes}, {@code off}, {@code 0755} or
 * {@code 1:30} are not strings, so every string that YAML 1.1 (or 1.2) would read as something else is quoted.
 */
public final class KubeYaml {
    /** Holder for the YAML 1.1 words and number shapes. */
    private static final class Yaml11 {
        static final Set<String> WORDS = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true",
                "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
                "~", "", "<<", "=", ".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN");
    }

    private KubeYaml() {
    }

    /** An ordered map from key/value pairs, for building trees. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The YAML text of a tree. */
    public static String dump(Object tree) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(Integer.MAX_VALUE).setSplitLines(false)
                .build();
        return new Dump(settings, new Representer(settings)).dumpToString(tree);
    }

    /** Whether YAML 1.1 could read the plain text as something other than a string. */
    static boolean needsQuotes(String s) {
        if (Yaml11.WORDS.contains(s)) return true;
        char c = s.charAt(0);
        if (c >= '0' && c <= '9') return true;
        return (c == '-' || c == '+' || c == '.') && s.length() > 1
                && (s.charAt(1) >= '0' && s.charAt(1) <= '9' || s.charAt(1) == '.');
    }

    private static final class Representer extends StandardRepresenter {
        Representer(DumpSettings settings) {
            super(settings);
            representers.put(String.class, new Strings());
        }

        private final class Strings implements RepresentToNode {
            @Override
            public Node representData(Object data) {
                String s = (String) data;
                ScalarStyle style = s.indexOf('\n') >= 0 ? ScalarStyle.LITERAL
                        : needsQuotes(s) ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN;
                return representScalar(Tag.STR, s, style);
            }
        }
    }
}
