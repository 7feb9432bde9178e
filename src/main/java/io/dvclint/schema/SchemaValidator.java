package io.dvclint.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Validates dvc.yaml and dvc.lock against dvclint's JSON Schemas ({@code schema/*.schema.json}, which mirror DVC's
 * own validator in {@code dvc/schema.py}) and turns each violation into a positioned, plain-words
 * {@link SchemaProblem}: one problem per real mistake, with the place named and the valid alternatives given.
 *
 * <p>Schemas are loaded lazily, once per JVM, on first use of each file kind.
 */
public final class SchemaValidator {
    /** Classpath folder of the schema files. */
    public static final String RESOURCE_DIR = "/io/dvclint/schema/";
    public static final String DVC_YAML_SCHEMA = "dvc.yaml.schema.json";
    public static final String DVC_LOCK_SCHEMA = "dvc.lock.schema.json";

    private SchemaValidator() {
    }

    /** Validates the root of a dvc.yaml (null for an empty file). */
    public static List<SchemaProblem> validateDvcYaml(YNode root) {
        return validate(Kind.YAML, root);
    }

    /** Validates the root of a dvc.lock (null for an empty file). */
    public static List<SchemaProblem> validateLock(YNode root) {
        return validate(Kind.LOCK, root);
    }

    /**
     * The text of a bundled schema file ({@link #DVC_YAML_SCHEMA} or {@link #DVC_LOCK_SCHEMA}): a constant generated
     * at build time ({@code SchemaTexts}), which unlike the jar resource needs no opening of the jar.
     */
    public static String schemaText(String fileName) {
        String text = SchemaTexts.of(fileName);
        if (text != null) return text;
        try (InputStream in = SchemaValidator.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) throw new IllegalArgumentException("no bundled schema " + fileName);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // lazy schema loading

    enum Kind {
        YAML("dvc.yaml", DVC_YAML_SCHEMA), LOCK("dvc.lock", DVC_LOCK_SCHEMA);

        final String file;
        final String schemaFile;

        Kind(String file, String schemaFile) {
            this.file = file;
            this.schemaFile = schemaFile;
        }
    }

    /** A compiled schema with its raw JSON (to read allowed keys and types when wording messages). */
    private record Loaded(JsonNode raw, Schema schema) {
    }

    private static final class Registry {
        static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(draft7WithoutFormats(),
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(false)
                        .preloadSchema(false)
                        .cacheRefs(true)
                        .build()));
    }

    /**
     * JSON Schema draft 7 as networknt's {@code Draft7} defines it, less its format validators: that class registers
     * every format (regular expressions, date-time parsers, an e-mail validator), about a third of the validator's
     * cold start, and our schemas use no {@code format}. {@code DialectTest} checks the keywords are {@code Draft7}'s
     * and that the schemas stay free of {@code format}.
     */
    static Dialect draft7WithoutFormats() {
        return Dialect.builder(DRAFT_7_ID)
                .specificationVersion(SpecificationVersion.DRAFT_7)
                .idKeyword("$id")
                .keywords(KeywordType.getKeywords(SpecificationVersion.DRAFT_7))
                .keywords(List.of(new NonValidationKeyword("$schema"), new NonValidationKeyword("$id"),
                        new AnnotationKeyword("title"), new AnnotationKeyword("description"),
                        new AnnotationKeyword("default"), new NonValidationKeyword("definitions"),
                        new NonValidationKeyword("$comment"), new AnnotationKeyword("examples"),
                        new NonValidationKeyword("then"), new NonValidationKeyword("else"),
                        new NonValidationKeyword("additionalItems")))
                .build();
    }

    static final String DRAFT_7_ID = "http://json-schema.org/draft-07/schema#";

    private static final class YamlHolder {
        static final Loaded LOADED = load(Kind.YAML);
    }

    private static final class LockHolder {
        static final Loaded LOADED = load(Kind.LOCK);
    }

    private static Loaded loaded(Kind kind) {
        return kind == Kind.YAML ? YamlHolder.LOADED : LockHolder.LOADED;
    }

    private static Loaded load(Kind kind) {
        // a small direct reader: no ObjectMapper start-up, no YAML scanner over the 20 KB of descriptions
        JsonNode raw = MiniJson.parse(schemaText(kind.schemaFile));
        Schema schema = Registry.INSTANCE.getSchema(SchemaLocation.of("classpath:" + RESOURCE_DIR + kind.schemaFile), raw);
        return new Loaded(raw, schema);
    }

    // ------------------------------------------------------------------------------------------------------------
    // validation

    private static List<SchemaProblem> validate(Kind kind, YNode root) {
        root = YMap.orEmpty(root);
        if (!(root instanceof YMap rootMap)) {
            return List.of(new SchemaProblem(root.pos(), kind.file + " must be a mapping of keys: expected a dictionary, got "
                    + ProblemReporter.got(root), kind == Kind.YAML ? "a dvc.yaml starts with top-level keys such as 'stages:'"
                    : "a dvc.lock starts with \"schema: '2.0'\" followed by 'stages:'"));
        }
        if (kind == Kind.LOCK) {
            SchemaProblem old = oldLockFormat(rootMap);
            if (old != null) return List.of(old);
        }
        Loaded l = loaded(kind);
        List<Error> errors = l.schema().validate(JsonTree.convert(root));
        if (errors.isEmpty()) return List.of();
        List<ProblemReporter.Raw> raws = new ArrayList<>();
        for (Error e : errors) {
            raws.add(new ProblemReporter.Raw(e.getKeyword(), elements(e.getInstanceLocation()), e.getProperty(),
                    e.getSchemaLocation().getFragment(), e.getSchemaNode()));
        }
        return new ProblemReporter(kind, root, l.raw()).report(raws);
    }

    private static List<Object> elements(NodePath p) {
        List<Object> out = new ArrayList<>(p.getNameCount());
        for (int i = 0; i < p.getNameCount(); i++) out.add(p.getElement(i));
        return out;
    }

    /** A DVC 1.x lock: no 'schema' key, stage entries (mappings with 'cmd') at the top level. */
    private static SchemaProblem oldLockFormat(YMap root) {
        if (root.has("schema")) return null;
        for (YMap.Entry e : root.entries()) {
            if (e.value() instanceof YMap m && m.has("cmd")) {
                return new SchemaProblem(root.pos(),
                        "dvc.lock is in the DVC 1.x format (stages at the top level, no \"schema: '2.0'\"), which DVC 3 cannot read",
                        "regenerate it: delete dvc.lock and run 'dvc repro' (or 'dvc commit' if the outputs are up to date)");
            }
        }
        return null;
    }
}
