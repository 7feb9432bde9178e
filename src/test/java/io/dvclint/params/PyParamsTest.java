package io.dvclint.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values were checked against CPython 3.11 running DVC's {@code _ast_tree_to_dict}. */
class PyParamsTest {
    private static YMap ok(String src) {
        PyParams.Result r = PyParams.parse(new SourceText(src));
        assertNull(r.error(), () -> "unexpected error " + r.error());
        return r.root();
    }

    private static PyParams.Error err(String src) {
        PyParams.Result r = PyParams.parse(new SourceText(src));
        assertNotNull(r.error(), () -> "expected an error, got " + r.root().toJava());
        return r.error();
    }

    private static final String CONFIG = String.join("\n",
            "\"\"\"Training configuration.\"\"\"",
            "import os",
            "from dataclasses import dataclass",
            "",
            "SEED: int = 42",
            "LR = 1e-3",
            "EPOCHS = 1_000",
            "HEX = 0xFF",
            "NEG = -5",
            "NAME = \"resnet\" '50'",
            "RAW = r\"C:\\path\\n\"",
            "TRIPLE = \"\"\"multi",
            "line\"\"\"",
            "ESC = \"tab\\there\\x41\\u00e9\"",
            "FLAGS = [True, False, None]",
            "SHAPE = (224, 224, 3)",
            "NESTED = {\"a\": {\"b\": [1, 2, {\"c\": 3}]}, 1: \"one\"}",
            "DUP = {\"x\": 1, \"y\": 2, \"x\": 3}",
            "NUMKEY = {1: \"a\", True: \"b\", 1.0: \"c\"}",
            "S = set()",
            "DATA_DIR = os.path.join(\"data\", \"raw\")",
            "COMPUTED = LR * 2",
            "FSTR = f\"{NAME}-x\"",
            "a = b = 3",
            "x, y = 1, 2",
            "LIST_BAD = [1, LR]",
            "SPLAT = {**NESTED}",
            "CPLX = 1 + 2j",
            "BYT = b\"abc\"",
            "if True:",
            "    HIDDEN = 1",
            "try:",
            "    import torch",
            "except ImportError:",
            "    torch = None",
            "",
            "@dataclass",
            "class Train:",
            "    batch_size: int = 32",
            "    optimizer = \"adam\"  # comment",
            "    layers = [64,",
            "              64]",
            "    ignored: int",
            "",
            "    def __init__(self):",
            "        self.dropout = 0.5",
            "        local = 3",
            "        self.computed = local",
            "        other.x = 1",
            "        if True:",
            "            self.hidden = 1",
            "",
            "    def method(self):",
            "        self.never = 1",
            "",
            "class Outer:",
            "    class Inner:",
            "        depth = 2",
            "    top = 1",
            "",
            "async def __init__(self):",
            "    self.async_init = 1",
            "",
            "self.at_top = 9",
            "SEED = 7",
            "");

    @Test
    void realisticConfigModule() {
        YMap root = ok(CONFIG);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("SEED", 7L);
        expected.put("LR", 0.001);
        expected.put("EPOCHS", 1000L);
        expected.put("HEX", 255L);
        expected.put("NEG", -5L);
        expected.put("NAME", "resnet50");
        expected.put("RAW", "C:\\path\\n");
        expected.put("TRIPLE", "multi\nline");
        expected.put("ESC", "tab\thereA\u00e9");
        expected.put("FLAGS", java.util.Arrays.asList(true, false, null));
        expected.put("SHAPE", List.of(224L, 224L, 3L));
        expected.put("NESTED", Map.of("a", Map.of("b", List.of(1L, 2L, Map.of("c", 3L))), "1", "one"));
        expected.put("DUP", Map.of("x", 3L, "y", 2L));
        expected.put("NUMKEY", Map.of("1", "c"));
        expected.put("S", List.of());
        expected.put("CPLX", "(1+2j)");
        expected.put("BYT", "b'abc'");
        expected.put("Train", Map.of("batch_size", 32L, "optimizer", "adam", "layers", List.of(64L, 64L),
                "dropout", 0.5));
        expected.put("Outer", Map.of("Inner", Map.of("depth", 2L), "top", 1L));
        expected.put("at_top", 9L);
        assertEquals(expected, root.toJava());
        assertEquals(List.copyOf(expected.keySet()), ParamsFiles.topLevelKeys(root));
        assertEquals(List.of("batch_size", "optimizer", "layers", "dropout"),
                ParamsFiles.topLevelKeys(root.get("Train")));
    }

    @Test
    void positionsOfNamesAndValues() {
        YMap root = ok(CONFIG);
        YMap.Entry seed = root.entry("SEED");
        // a re-assigned name keeps its first place but points at the last assignment
        assertEquals(new Pos(65, 1), seed.key().pos());
        assertEquals(new Pos(65, 8), seed.value().pos());
        assertEquals(new Pos(6, 6), root.get("LR").pos());
        YMap train = (YMap) root.get("Train");
        assertEquals(new Pos(38, 7), train.pos());
        assertEquals(new Pos(39, 5), train.entry("batch_size").key().pos());
        assertEquals(new Pos(39, 23), train.get("batch_size").pos());
        assertEquals(new Pos(46, 14), train.entry("dropout").key().pos());
        YNode layer = ParamsFiles.lookup(root, "Train.layers.1").orElseThrow();
        assertEquals(new Pos(42, 15), layer.pos());
        assertEquals(new Pos(17, 10), ParamsFiles.lookup(root, "NESTED").orElseThrow().pos());
        assertEquals(new Pos(12, 10), root.get("TRIPLE").pos());
        assertEquals(new Pos(13, 8), root.get("TRIPLE").end());
    }

    @Test
    void onlyModuleLevelInitCountsAndNotAsync() {
        YMap root = ok("def __init__(self):\n    self.a = 1\n    b = 2\n");
        assertEquals(Map.of("a", 1L), root.toJava());
        assertEquals(Map.of(), ok("async def __init__(self):\n    self.a = 1\n").toJava());
        assertEquals(Map.of(), ok("def setup(self):\n    self.a = 1\n").toJava());
    }

    @Test
    void classReplacesEarlierValueInPlace() {
        YMap root = ok("A = 1\nclass A:\n    x = 1\nB = 2\nA = 3\n");
        assertEquals(List.of("A", "B"), ParamsFiles.topLevelKeys(root));
        assertEquals(3L, root.get("A").toJava());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a = -(1)                 | -1",
        "a = -(-1)                | <skipped>",
        "a = --1                  | <skipped>",
        "a = -True                | <skipped>",
        "a = 1 + 2                | <skipped>",
        "a = 1.5 - 2j             | (1.5-2j)",
        "a = 1j + 2j              | <skipped>",
        "a = ~1                   | <skipped>",
        "a = not True             | <skipped>",
        "a = 1 if x else 2        | <skipped>",
        "a = (1,)                 | [1]",
        "a = 1, 2                 | [1, 2]",
        "a = ()                   | []",
        "a = {1, 1.0, True}       | [1]",
        "a = {}                   | {}",
        "a = [*b]                 | <skipped>",
        "a = ...                  | Ellipsis",
        "a = 'x' f'{y}'           | <skipped>",
        "a = 0o17                 | 15",
        "a = 0b_1010              | 10",
        "a = 00                   | 0",
        "a = 1e400                | Infinity",
        "a = .5                   | 0.5",
        "a = 1.                   | 1.0",
        "a = 10_000.000_1         | 10000.0001",
        "a = 123456789012345678901234567890 | 123456789012345678901234567890",
        "a = '\\101\\7x'          | A\u0007x",
        "a = 'it\\'s'             | it's",
        "a = rb'\\d'              | b'\\\\d'",
        "a = u'uni'               | uni",
        "a = '\\N{BULLET}'        | \u2022",
        "a = '\\q'                | \\q",
        "a: int                   | <skipped>",
        "a: 'T' = 'q'             | q",
        "self.a = 1               | 1",
        "a.b = 1                  | <skipped>",
        "a[0] = 1                 | <skipped>",
        "a = b = 1                | <skipped>",
        "a += 1                   | <skipped>",
        "a = lambda v=(1, 2): v   | <skipped>",
        "a = yield 1              | <skipped>",
        "a = (yield)              | <skipped>",
        "a = [x for x in y]       | <skipped>",
        "a = b[1:2, ::3]          | <skipped>",
        "a = sum(x for x in y)    | <skipped>",
        "a = set([1])             | <skipped>",
        "a = (b := 5)             | <skipped>",
        "a = {(1, 2): 'x'}        | {(1, 2)=x}",
    })
    void literalEvalRules(String src, String expected) {
        YMap root = ok(src + "\n");
        Object got = root.has("a") ? str(root.get("a").toJava()) : "<skipped>";
        assertEquals(expected, got);
    }

    private static String str(Object o) {
        if (o instanceof Double d && d.isInfinite()) return "Infinity";
        if (o instanceof BigInteger b) return b.toString();
        return String.valueOf(o);
    }

    @Test
    void statementsThatParse() {
        String src = String.join("\n",
                "import a.b as c, d",
                "from . import x",
                "from ..m import (y as z, w,)",
                "from q import *",
                "a = 1; b = 2; c = [1,",
                " 2]  # comment",
                "d = \\",
                "  4",
                "match = 5",
                "match d:",
                "    case 1:",
                "        pass",
                "    case _:",
                "        e = 2",
                "with open('f') as f, open('g') as g:",
                "    pass",
                "async def g():",
                "    async with a as b:",
                "        await c",
                "    async for x in y:",
                "        pass",
                "    x = yield 1",
                "    y = yield from z",
                "def f(a, /, b=2, *args, c: int = 3, **kw) -> None:",
                "    global q",
                "    del a[0], b",
                "    assert a, 'm'",
                "    raise ValueError('x') from None",
                "if (n := 10) > 5:",
                "    pass",
                "elif x is not None and y not in z:",
                "    pass",
                "else:",
                "    pass",
                "while x:",
                "    break",
                "else:",
                "    pass",
                "for i, (j, k) in x:",
                "    continue",
                "try:",
                "    pass",
                "except (A, B) as e:",
                "    pass",
                "except:",
                "    pass",
                "else:",
                "    pass",
                "finally:",
                "    pass",
                "class E: pass",
                "class F: x = 1; y = 2",
                "class G(B, metaclass=M):",
                "\tv = {k: v for k, v in d.items() if k}",
                "\tw = 'ok'",
                "café = 1",
                "last = 'end'");
        YMap root = ok(src);
        assertEquals(List.of("a", "b", "c", "d", "match", "E", "F", "G", "café", "last"),
                ParamsFiles.topLevelKeys(root));
        assertEquals(Map.of("x", 1L, "y", 2L), root.get("F").toJava());
        assertEquals(Map.of("w", "ok"), root.get("G").toJava());
        assertEquals(Map.of(), ok("").toJava());
        assertEquals(Map.of(), ok("# only a comment\n\n   # indented\n").toJava());
        assertEquals(Map.of("a", 1L, "B", Map.of("c", "x")), ok("a = 1\r\nclass B:\r\n    c = 'x'\r\n").toJava());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a = 'abc\\nb = 1                  | 1 | unterminated string literal (detected at line 1)",
        "a = '''abc\\nb = 1\\n             | 1 | unterminated triple-quoted string literal (detected at line 2)",
        "a = (1, 2\\nb = 3\\n              | 1 | '(' was never closed",
        "a = 1)\\n                         | 1 | unmatched ')'",
        "a = [1, 2)\\n                     | 1 | closing parenthesis ')' does not match opening parenthesis '['",
        "a = 1\\n    b = 2\\n              | 2 | unexpected indent",
        "class A:\\n        x = 1\\n    y = 2\\n | 3 | unindent does not match any outer indentation level",
        "class A:\\nx = 1\\n               | 2 | expected an indented block after class definition on line 1",
        "a = 0777\\n                       | 1 | leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        "a = = 1\\n                        | 1 | invalid syntax",
        "1 = a\\n                          | 1 | cannot assign to literal here. Maybe you meant '==' instead of '='?",
        "f() = 1\\n                        | 1 | cannot assign to function call here. Maybe you meant '==' instead of '='?",
        "None = 1\\n                       | 1 | cannot assign to None",
        "a = b'x' 'y'\\n                   | 1 | cannot mix bytes and nonbytes literals",
        "a = 1 $ 2\\n                      | 1 | invalid syntax",
        "a = [1,, 2]\\n                    | 1 | invalid syntax",
        "if x\\n    pass\\n                | 1 | expected ':'",
        "a = 1 \\\\ 2\\n                   | 1 | unexpected character after line continuation character",
        "if x:\\n        a = 1\\n\\tb = 2\\n | 3 | inconsistent use of tabs and spaces in indentation",
        "a = 1abc\\n                       | 1 | invalid decimal literal",
        "else:\\n    pass\\n               | 1 | invalid syntax",
        "a = {\\n                          | 1 | '{' was never closed",
        "try:\\n    pass\\nx = 1\\n        | 3 | expected 'except' or 'finally' block",
        "a, b: int = 1, 2\\n               | 1 | only single target (not tuple) can be annotated",
        "a = b'\u00e9'\\n                  | 1 | bytes can only contain ASCII literal characters",
        "a = 1 €\\n                        | 1 | invalid character '€' (U+20AC)",
    })
    void syntaxErrors(String src, int line, String message) {
        PyParams.Error e = err(src.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\"));
        assertEquals(line, e.pos().line());
        assertEquals(message, e.message());
    }

    @Test
    void unhashableKeysStopDvcToo() {
        PyParams.Error e = err("ok = 1\nx = {[1]: 2}\n");
        assertEquals(new Pos(2, 6), e.pos());
        assertTrue(e.message().contains("unhashable type: 'list'"));
        assertTrue(err("x = {1, {}}\n").message().contains("'dict'"));
    }

    @Test
    void absurdNestingIsAnErrorNotACrash() {
        assertFalse(PyParams.parse(new SourceText("a = " + "(".repeat(300) + "1" + ")".repeat(300) + "\n"))
                .error() == null);
        assertFalse(PyParams.parse(new SourceText("a = " + "-".repeat(5000) + "1\n")).error() == null);
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 150; i++) deep.append(" ".repeat(i)).append("if x:\n");
        deep.append(" ".repeat(150)).append("pass\n");
        assertFalse(PyParams.parse(new SourceText(deep.toString())).error() == null);
    }
}
