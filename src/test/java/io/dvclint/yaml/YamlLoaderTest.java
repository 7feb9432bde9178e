package io.dvclint.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
    static YamlLoader.Result load(String s) {
        return YamlLoader.load(new SourceText(s));
    }

    static YMap map(String s) {
        YamlLoader.Result r = load(s);
        assertNull(r.problem(), () -> "unexpected problem: " + r.problem());
        return (YMap) r.root();
    }

    @Test
    void keysValuesAndItemsKeepOneBasedPositions() {
        YMap m = map("stages:\n  train:\n    cmd: python t.py\n    deps:\n      - a.csv\n      - b.csv\n");
        YMap.Entry stages = m.entry("stages");
        assertEquals(new Pos(1, 1), stages.key().pos());
        YMap train = (YMap) ((YMap) stages.value()).get("train");
        assertEquals(new Pos(2, 3), ((YMap) stages.value()).entry("train").key().pos());
        assertEquals(new Pos(3, 5), train.entry("cmd").key().pos());
        assertEquals(new Pos(3, 10), train.get("cmd").pos());
        YSeq deps = (YSeq) train.get("deps");
        assertEquals(new Pos(5, 9), deps.get(0).pos());
        assertEquals(new Pos(6, 9), deps.get(1).pos());
    }

    @Test
    void coreSchemaScalarsAsDvcReadsThem() {
        YMap m = map("a: yes\nb: on\nc: True\nd: 017\ne: 0o17\nf: 1e-5\ng: ~\nh: '7'\ni: 0x1F\nj: .inf\nk: 1.5\nl: null\n");
        assertEquals("yes", ((YScalar) m.get("a")).value());
        assertEquals("on", ((YScalar) m.get("b")).value());
        assertEquals(Boolean.TRUE, ((YScalar) m.get("c")).value());
        assertEquals(17L, ((YScalar) m.get("d")).value());
        assertEquals(15L, ((YScalar) m.get("e")).value());
        assertEquals(1e-5, ((YScalar) m.get("f")).value());
        assertNull(((YScalar) m.get("g")).value());
        assertEquals("7", ((YScalar) m.get("h")).value());
        assertEquals(31L, ((YScalar) m.get("i")).value());
        assertEquals(Double.POSITIVE_INFINITY, ((YScalar) m.get("j")).value());
        assertEquals(1.5, ((YScalar) m.get("k")).value());
        assertNull(((YScalar) m.get("l")).value());
    }

    @Test
    void emptyDocumentHasNoRoot() {
        YamlLoader.Result r = load("");
        assertTrue(r.ok());
        assertNull(r.root());
        assertTrue(load("# only a comment\n").ok());
    }

    @Test
    void duplicateKeysArePositionedAtTheSecondKey() {
        YamlLoader.Result r = load("stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n");
        assertNotNull(r.problem());
        assertEquals(new Pos(4, 3), r.problem().pos());
        assertTrue(r.problem().message().contains("duplicate key 'a'"), r.problem().message());
        assertTrue(r.problem().message().contains("line 2"), r.problem().message());
    }

    @Test
    void syntaxErrorsArePositioned() {
        YamlLoader.Result r = load("stages:\n  train:\n    cmd: [a, b\n");
        assertNotNull(r.problem());
        assertTrue(r.problem().pos().line() >= 3, r.problem().toString());
    }

    @Test
    void tabsInIndentationAreAnError() {
        YamlLoader.Result r = load("stages:\n\ttrain:\n\t\tcmd: x\n");
        assertNotNull(r.problem());
        assertEquals(2, r.problem().pos().line());
    }

    @Test
    void deepNestingIsAProblemNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        YamlLoader.Result r = load(deep);
        assertNotNull(r.problem());
        assertTrue(r.problem().message().contains("nesting deeper"), r.problem().message());
        assertEquals(1, r.problem().pos().line());
    }

    @Test
    void aliasBombIsRejected() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            sb.append("]\n");
        }
        YamlLoader.Result r = load(sb.toString());
        assertNotNull(r.problem());
        assertTrue(r.problem().message().contains("alias"), r.problem().message());
    }

    @Test
    void smallAliasesAndMergeKeysWork() {
        YMap m = map("base: &b\n  cmd: x\n  deps: [a]\nstage:\n  <<: *b\n  cmd: y\n");
        YMap stage = (YMap) m.get("stage");
        assertEquals("y", ((YScalar) stage.get("cmd")).value());
        assertEquals(List.of("a"), stage.get("deps").toJava());
    }

    @Test
    void crlfAndBomAreReadNormally() {
        byte[] bom = "\uFEFFstages:\r\n  a:\r\n    cmd: x\r\n".getBytes(StandardCharsets.UTF_8);
        Object decoded = SourceText.decode(bom);
        SourceText text = assertInstanceOf(SourceText.class, decoded);
        YamlLoader.Result r = YamlLoader.load(text);
        assertTrue(r.ok());
        YMap a = (YMap) ((YMap) ((YMap) r.root()).get("stages")).get("a");
        assertEquals("x", ((YScalar) a.get("cmd")).value());
        assertEquals(new Pos(3, 5), a.entry("cmd").key().pos());
        assertEquals("    cmd: x", text.line(3));
    }

    @Test
    void utf16AndBinaryAndInvalidUtf8AreDecodeErrors() {
        byte[] utf16 = "stages: {}\n".getBytes(StandardCharsets.UTF_16);
        assertTrue(((SourceText.DecodeError) SourceText.decode(utf16)).message().contains("UTF-16"));
        byte[] utf16le = "stages: {}\n".getBytes(StandardCharsets.UTF_16LE);
        assertTrue(((SourceText.DecodeError) SourceText.decode(utf16le)).message().contains("UTF-16"));
        byte[] bin = {'a', ':', ' ', 0, 1, 2, (byte) 0xff};
        assertTrue(((SourceText.DecodeError) SourceText.decode(bin)).message().contains("binary"));
        byte[] bad = "a: ok\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        SourceText.DecodeError e = (SourceText.DecodeError) SourceText.decode(bad);
        assertEquals(new Pos(2, 7), e.pos());
    }

    @Test
    void multipleDocumentsAreRejectedAsDvcDoes() {
        assertNotNull(load("a: 1\n---\nb: 2\n").problem());
    }

    @Test
    void unknownTagsAreRejected() {
        assertNotNull(load("a: !!python/object:os.system x\n").problem());
        assertEquals(Map.of("a", "5"), map("a: !!str 5\n").toJava());
        YamlLoader.Problem env = load("a: !ENV_VARIABLE x\n").problem();
        assertEquals("could not determine a constructor for the tag '!ENV_VARIABLE'", env.message());
        assertEquals(new Pos(1, 4), env.pos());
        YamlLoader.Problem bad = load("a: !!int abc\n").problem();
        assertEquals("invalid tag:yaml.org,2002:int value 'abc'", bad.message());
    }

    @Test
    void yamlDirectiveOfAnotherMajorVersionIsRejected() {
        assertEquals(Map.of("a", 1L), map("%YAML 1.1\n---\na: 1\n").toJava());
        YamlLoader.Problem p = load("%YAML 2.0\n---\na: 1\n").problem();
        assertNotNull(p);
        assertEquals(1, p.pos().line());
    }

    @Test
    void explicitCoreTagsTypeTheScalar() {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("i", 7L);
        m.put("f", 1.0);
        m.put("b", true);
        m.put("n", null);
        m.put("s", "017");
        m.put("m", "x");
        assertEquals(m, map("i: !!int '7'\nf: !!float 1\nb: !!bool 'True'\nn: !!null x\ns: !!str 017\nm: !!merge x\n")
                .toJava());
    }

    @Test
    void offsetsAndPositionsRoundTrip() {
        SourceText t = new SourceText("ab\ncd\u00e9f\n\ng");
        assertEquals(new Pos(2, 4), t.posOf(t.offset(new Pos(2, 4))));
        assertEquals('f', t.text().charAt(t.offset(new Pos(2, 4))));
        assertEquals("g", t.line(4));
        assertEquals(4, t.lineCount());
    }

    @Test
    void templateReferencesStayPlainStrings() {
        YMap m = map("foreach: ${config}\ncmd: python ${ script }\n");
        assertEquals("${config}", ((YScalar) m.get("foreach")).value());
        assertEquals("python ${ script }", ((YScalar) m.get("cmd")).value());
    }
}
