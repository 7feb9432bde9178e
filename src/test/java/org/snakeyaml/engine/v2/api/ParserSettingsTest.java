package org.snakeyaml.engine.v2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** {@link ParserSettings} gives the scanner and parser what {@link LoadSettingsBuilder} would. */
class ParserSettingsTest {
    /** The settings ParserSettings fills in as the builder does; the others are null or empty. */
    private static final Set<String> COVERED = Set.of("getLabel", "getBufferSize", "getUseMarks", "getCodePointLimit",
            "getParseComments", "getVersionFunction", "getAllowDuplicateKeys");

    @Test
    void matchesTheBuilderOnWhatTheParserReads() {
        for (boolean dup : new boolean[] {true, false}) {
            for (boolean marks : new boolean[] {true, false}) {
                LoadSettings ours = ParserSettings.create(dup, 12345, marks);
                LoadSettings theirs = LoadSettings.builder().setAllowDuplicateKeys(dup).setCodePointLimit(12345)
                        .setUseMarks(marks).build();
                assertEquals(theirs.getLabel(), ours.getLabel());
                assertEquals(theirs.getBufferSize(), ours.getBufferSize());
                assertEquals(theirs.getUseMarks(), ours.getUseMarks());
                assertEquals(theirs.getCodePointLimit(), ours.getCodePointLimit());
                assertEquals(theirs.getParseComments(), ours.getParseComments());
                assertEquals(theirs.getAllowDuplicateKeys(), ours.getAllowDuplicateKeys());
                assertEquals(theirs.getAllowRecursiveKeys(), ours.getAllowRecursiveKeys());
                assertEquals(theirs.getMaxAliasesForCollections(), ours.getMaxAliasesForCollections());
            }
        }
    }

    @Test
    void yamlVersionCheckIsTheBuilders() {
        var ours = ParserSettings.create(true, 1, true).getVersionFunction();
        var theirs = LoadSettings.builder().build().getVersionFunction();
        for (SpecVersion v : new SpecVersion[] {new SpecVersion(1, 1), new SpecVersion(1, 2), new SpecVersion(1, 3)}) {
            assertEquals(theirs.apply(v), ours.apply(v));
        }
        SpecVersion two = new SpecVersion(2, 0);
        assertThrows(YamlVersionException.class, () -> theirs.apply(two));
        assertThrows(YamlVersionException.class, () -> ours.apply(two));
    }

    /**
     * The scanner, reader and parser ask the settings only for what is covered (a snakeyaml upgrade that makes them
     * read, say, the schema fails here rather than with a null at run time).
     */
    @Test
    void parserReadsOnlyCoveredSettings() throws IOException {
        Set<String> getters = new TreeSet<>();
        for (Method m : LoadSettings.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getName().startsWith("get")) getters.add(m.getName());
        }
        assertTrue(getters.containsAll(COVERED), () -> "getters: " + getters);
        Set<String> read = new TreeSet<>();
        for (Class<?> c : new Class<?>[] {ParserImpl.class, ScannerImpl.class, StreamReader.class}) {
            String bytes = classFile(c);
            for (String g : getters) {
                if (bytes.contains(g)) read.add(g);
            }
        }
        assertTrue(read.contains("getVersionFunction") && read.contains("getCodePointLimit"), () -> "read: " + read);
        read.removeAll(COVERED);
        assertEquals(Set.of(), read);
    }

    private static String classFile(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
