package io.dvclint.schema;

import io.dvclint.yaml.YNode;
import java.util.List;

/** Placeholder until the schema validator lands. */
public final class SchemaValidator {
    private SchemaValidator() {
    }

    public static List<SchemaProblem> validateDvcYaml(YNode root) {
        return List.of();
    }

    public static List<SchemaProblem> validateLock(YNode root) {
        return List.of();
    }
}
