package io.dvclint.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YamlLoaderTemplateScalarTest {
    @Test
    void plainDollarBraceScalarsAreStrings() {
        YamlLoader.Result r = YamlLoader.load(new SourceText("a: ${models}\nb: ${ENV:-dev}\nc: ${x}/y\n"));
        assertTrue(r.ok(), () -> String.valueOf(r.problem()));
        YMap m = (YMap) r.root();
        assertEquals("${models}", ((YScalar) m.get("a")).value());
        assertEquals("${ENV:-dev}", ((YScalar) m.get("b")).value());
        assertEquals("${x}/y", ((YScalar) m.get("c")).value());
    }
}
