package io.dvclint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Draft7;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The validator's dialect is networknt's draft 7 less its format validators, which our schemas have no use for. */
class DialectTest {
    @Test
    void keywordsIdAndVersionAreNetworkntsDraft7() {
        Dialect ours = SchemaValidator.draft7WithoutFormats();
        Dialect theirs = Draft7.getInstance();
        assertEquals(new TreeSet<>(theirs.getKeywords().keySet()), new TreeSet<>(ours.getKeywords().keySet()));
        for (String k : theirs.getKeywords().keySet()) {
            assertEquals(theirs.getKeywords().get(k).getClass(), ours.getKeywords().get(k).getClass(), k);
        }
        assertEquals(theirs.getId(), ours.getId());
        assertEquals(theirs.getIdKeyword(), ours.getIdKeyword());
        assertEquals(theirs.getSpecificationVersion(), ours.getSpecificationVersion());
        assertEquals(theirs.getVocabularies(), ours.getVocabularies());
    }

    @Test
    void theSchemasUseNoFormat() {
        for (String name : new String[] {SchemaValidator.DVC_YAML_SCHEMA, SchemaValidator.DVC_LOCK_SCHEMA}) {
            assertFalse(SchemaValidator.schemaText(name).contains("\"format\""), name);
        }
    }
}
