package io.dvclint.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YamlLoader;
import java.util.List;

final class SchemaTestSupport {
    private SchemaTestSupport() {
    }

    static List<SchemaProblem> yaml(String text) {
        YamlLoader.Result r = YamlLoader.load(new SourceText(text));
        if (!r.ok()) fail("test YAML does not load: " + r.problem());
        return SchemaValidator.validateDvcYaml(r.root());
    }

    static List<SchemaProblem> lock(String text) {
        YamlLoader.Result r = YamlLoader.load(new SourceText(text));
        if (!r.ok()) fail("test YAML does not load: " + r.problem());
        return SchemaValidator.validateLock(r.root());
    }

    static void assertValid(List<SchemaProblem> ps) {
        assertTrue(ps.isEmpty(), () -> "expected no problem, got " + ps);
    }

    /** The only problem, asserting there is exactly one. */
    static SchemaProblem one(List<SchemaProblem> ps) {
        if (ps.size() != 1) fail("expected exactly one problem, got " + ps.size() + ": " + ps);
        return ps.get(0);
    }
}
