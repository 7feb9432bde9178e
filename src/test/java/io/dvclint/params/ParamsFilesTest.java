package io.dvclint.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.params.ParamsFiles.Format;
import io.dvclint.params.ParamsFiles.Kind;
import io.dvclint.params.ParamsFiles.Loaded;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParamsFilesTest {
    @TempDir
    Path dir;

    private Loaded load(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return ParamsFiles.read(p);
    }

    private static YNode at(Loaded l, String key) {
        return ParamsFiles.lookup(l.root(), key).orElseThrow(() -> new AssertionError("missing " + key));
    }

    private static Object val(Loaded l, String key) {
        return at(l, key).toJava();
    }

    @ParameterizedTest
    @CsvSource({"params.json, JSON", "P.JSON, JSON", "a.toml, TOML", "cfg.py, PYTHON", "params.yaml, YAML",
        "p.yml, YAML", "p.txt, YAML", "params, YAML", ".json, YAML", "x.json.bak, YAML"})
    void formatBySuffix(String name, Format expected) {
        assertEquals(expected, ParamsFiles.formatOf(Path.of(name)));
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void jsonWithPositions() throws IOException {
        Loaded l = load("p.json", "{\n  \"lr\": 0.01,\n  \"train\": {\"epochs\": 10, \"layers\": [64, 32]},\n"
                + "  \"big\": 123456789012345678901234567890, \"nan\": NaN, \"on\": true, \"none\": null\n}\n");
        assertTrue(l.ok(), () -> String.valueOf(l.problem()));
        assertEquals(0.01, val(l, "lr"));
        assertEquals(10L, val(l, "train.epochs"));
        assertEquals(32L, val(l, "train.layers.1"));
        assertEquals(new BigInteger("123456789012345678901234567890"), val(l, "big"));
        assertTrue(((Double) val(l, "nan")).isNaN());
        assertEquals(Boolean.TRUE, val(l, "on"));
        assertNull(val(l, "none"));
        YMap root = (YMap) l.root();
        assertEquals(new Pos(2, 3), root.entry("lr").key().pos());
        assertEquals(new Pos(2, 9), root.entry("lr").value().pos());
        assertEquals(new Pos(3, 12), at(l, "train").pos());
        assertEquals(new Pos(3, 13), ((YMap) at(l, "train")).entry("epochs").key().pos());
        assertEquals(new Pos(3, 38), at(l, "train.layers.0").pos());
    }

    @Test
    void jsonDuplicateKeysKeepLastValueAtFirstPlace() throws IOException {
        Loaded l = load("p.json", "{\"a\": 1, \"b\": 2, \"a\": 3}");
        assertEquals(List.of("a", "b"), ParamsFiles.topLevelKeys(l.root()));
        assertEquals(3L, val(l, "a"));
    }

    @Test
    void jsonFalsyDocumentsAreEmptyMappingsButBlankIsAnError() throws IOException {
        for (String doc : List.of("null", "false", "0", "\"\"", "[]", "{}")) {
            Loaded l = load("p.json", doc);
            assertTrue(l.ok(), doc);
            assertEquals(Map.of(), l.root().toJava(), doc);
        }
        assertEquals(List.of(1L), load("p.json", "[1]").root().toJava());
        Loaded blank = load("p.json", "  \n");
        assertFalse(blank.ok());
        assertEquals(Kind.SYNTAX, blank.problem().kind());
        assertEquals("JSON file structure is corrupted", blank.problem().message());
        assertEquals("unable to read: 'p.json', JSON file structure is corrupted",
                blank.problem().dvcMessage("p.json"));
    }

    @Test
    void jsonSyntaxErrorsHavePositions() throws IOException {
        Loaded l = load("p.json", "{\n  \"a\": 1,\n}\n");
        assertEquals(Kind.SYNTAX, l.problem().kind());
        assertEquals(3, l.problem().pos().line());
        Loaded extra = load("p.json", "{\"a\": 1}\n{\"b\": 2}");
        assertEquals(Kind.SYNTAX, extra.problem().kind());
        assertEquals(new Pos(2, 1), extra.problem().pos());
        assertEquals("Extra data", extra.problem().detail());
        Loaded bom = load("p.json", "\uFEFF{}");
        assertEquals(Kind.SYNTAX, bom.problem().kind());
    }

    // ---------------------------------------------------------------- TOML

    @Test
    void tomlTablesArraysAndPositions() throws IOException {
        Loaded l = load("p.toml", "title = \"x\"\n\n[train]\nlr = 0.1\nlayers = [1, 2]\n"
                + "when = 1979-05-27T07:32:00Z\n\n[train.opt]\nname = \"adam\"\n\n[[runs]]\nid = 1\n[[runs]]\nid = 2\n"
                + "dotted.key = true\n");
        assertTrue(l.ok(), () -> String.valueOf(l.problem()));
        assertEquals("x", val(l, "title"));
        assertEquals(0.1, val(l, "train.lr"));
        assertEquals(2L, val(l, "train.layers.1"));
        assertEquals("1979-05-27T07:32:00Z", val(l, "train.when"));
        assertEquals("adam", val(l, "train.opt.name"));
        assertEquals(2L, val(l, "runs.1.id"));
        assertEquals(Boolean.TRUE, val(l, "runs.1.dotted.key"));
        YMap train = (YMap) at(l, "train");
        assertEquals(new Pos(4, 1), train.entry("lr").key().pos());
        assertEquals(new Pos(4, 6), train.entry("lr").value().pos());
        assertEquals(new Pos(9, 1), ((YMap) at(l, "train.opt")).entry("name").key().pos());
        assertEquals(new Pos(14, 6), at(l, "runs.1.id").pos());
    }

    @Test
    void tomlErrors() throws IOException {
        Loaded dup = load("p.toml", "a = 1\na = 2\n");
        assertEquals(Kind.SYNTAX, dup.problem().kind());
        assertEquals("TOML file structure is corrupted", dup.problem().message());
        Loaded bad = load("p.toml", "a = \n");
        assertEquals(Kind.SYNTAX, bad.problem().kind());
        assertEquals(1, bad.problem().pos().line());
        assertTrue(load("p.toml", "").ok());
    }

    // ---------------------------------------------------------------- YAML and file problems

    @Test
    void yamlForEverythingElse() throws IOException {
        Loaded l = load("params.txt", "train:\n  lr: 0.1\n  layers: [1, 2]\n");
        assertEquals(Format.YAML, l.format());
        assertEquals(0.1, val(l, "train.lr"));
        assertEquals(new Pos(2, 7), at(l, "train.lr").pos());
        assertEquals(Map.of(), load("params.yaml", "").root().toJava());
        assertEquals(Map.of(), load("params.yaml", "0\n").root().toJava());
        Loaded bad = load("params.yaml", "a: [1\n");
        assertEquals(Kind.SYNTAX, bad.problem().kind());
        assertEquals("YAML file structure is corrupted", bad.problem().message());
    }

    @Test
    void missingDirectoryAndUndecodable() throws IOException {
        Loaded missing = ParamsFiles.read(dir.resolve("nope.yaml"));
        assertEquals(Kind.MISSING, missing.problem().kind());
        assertEquals("'nope.yaml' does not exist", missing.problem().dvcMessage("nope.yaml"));
        Files.createDirectory(dir.resolve("d.json"));
        assertEquals(Kind.DIRECTORY, ParamsFiles.read(dir.resolve("d.json")).problem().kind());
        Path bin = dir.resolve("b.py");
        Files.write(bin, new byte[] {'a', '=', (byte) 0xC3, '\n'});
        Loaded l = ParamsFiles.read(bin);
        assertEquals(Kind.ENCODING, l.problem().kind());
        assertEquals("unable to read: 'b.py', is not valid utf-8", l.problem().dvcMessage("b.py"));
        assertEquals(1, l.problem().pos().line());
    }

    @Test
    void cacheReadsEachFileOnce() throws IOException {
        Path p = dir.resolve("params.yaml");
        Files.writeString(p, "a: 1\n");
        ParamsFiles files = new ParamsFiles();
        Loaded first = files.load(p);
        Files.writeString(p, "a: 2\n");
        assertSame(first, files.load(dir.resolve("./params.yaml")));
        assertEquals(1L, val(files.load(p), "a"));
        files.clear();
        assertEquals(2L, val(files.load(p), "a"));
    }

    // ---------------------------------------------------------------- lookup

    @Test
    void lookupFollowsDpathSegments() throws IOException {
        Loaded l = load("params.yaml", "a:\n  b:\n    - x\n    - c: 5\n  1: int-key\nd.e: dotted\n");
        assertEquals("x", val(l, "a.b.0"));
        assertEquals(5L, val(l, "a.b.1.c"));
        assertTrue(ParamsFiles.lookup(l.root(), "a.b.2").isEmpty());
        assertTrue(ParamsFiles.lookup(l.root(), "a.b.-1").isEmpty());
        assertTrue(ParamsFiles.lookup(l.root(), "a.b.x").isEmpty());
        assertTrue(ParamsFiles.lookup(l.root(), "a.1").isEmpty(), "only string keys are addressable");
        assertTrue(ParamsFiles.lookup(l.root(), "d.e").isEmpty(), "keys with dots cannot be addressed");
        assertTrue(ParamsFiles.lookup(l.root(), "a.b.0.z").isEmpty());
        assertEquals(List.of("a", "d.e"), ParamsFiles.topLevelKeys(l.root()));
        assertEquals(List.of("a.b", "a.1", "d.e"), ParamsFiles.leafKeys(l.root()));
    }

    @Test
    void scalarsKeepTheirTypes() throws IOException {
        Loaded l = load("p.json", "{\"i\": 1, \"f\": 1.0, \"e\": 1e400}");
        assertEquals("int", at(l, "i").typeName());
        assertEquals("float", at(l, "f").typeName());
        assertEquals(Double.POSITIVE_INFINITY, ((YScalar) at(l, "e")).value());
    }
}
