package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.lock.LockEntryBuilder;
import io.dvclint.exec.lock.LockEntryBuilder.PathEntry;
import io.dvclint.exec.lock.LockEntryBuilder.StageParts;
import io.dvclint.exec.lock.LockFileWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dvc.lock text for folding and quoting edge cases. The expected texts are what ruamel.yaml 0.18.16 (DVC's
 * dumper, {@code YAML()} with {@code default_flow_style = False}) writes for the same data, checked when these
 * tests were written; the first three are also the fact sheet's observed examples (§3.2).
 */
class LockWriterTest {
    @TempDir
    Path tmp;

    // longCmd
    static final String LONGCMD = "schema: '2.0'\n"
            + "stages:\n"
            + "  prep:\n"
            + "    cmd: mkdir -p features && cut -d, -f1 ingested.csv > features/left.csv && \n"
            + "      cut -d, -f2 ingested.csv > features/right.csv\n";

    // listCmd
    static final String LISTCMD = "schema: '2.0'\n"
            + "stages:\n"
            + "  train:\n"
            + "    cmd:\n"
            + "    - sh tool.sh --lr 0.1 --epochs 3 --verbose --name 'my model' --layers 8 4 \n"
            + "      --seed 8 --threshold 0.5 > results/summary.txt\n"
            + "    - echo done\n";

    // multiLine
    static final String MULTILINE = "schema: '2.0'\n"
            + "stages:\n"
            + "  lines:\n"
            + "    cmd: \"X=set-in-line-1\\nprintf 'X=%s\\\\n' \\\"$X\\\" > lines.txt\\ncat parts/one.txt\n"
            + "      >> lines.txt\\n\"\n"
            + "  notify:\n"
            + "    cmd: \"echo notify one\\necho notify two\"\n";

    // doubleBlankFold
    static final String DOUBLEBLANKFOLD = "schema: '2.0'\n"
            + "stages:\n"
            + "  s:\n"
            + "    cmd: python -m deckard.layers.find_best --config_folder conf --config_subdir\n"
            + "      model --params_file best_linear --study_name=linear_100_10000  \n"
            + "      --default_config default.yaml\n";

    // scalars
    static final String SCALARS = "schema: '2.0'\n"
            + "stages:\n"
            + "  p:\n"
            + "    cmd: run\n"
            + "    params:\n"
            + "      params.yaml:\n"
            + "        label: on\n"
            + "        seven: '7'\n"
            + "        two: '2.0'\n"
            + "        t: 'true'\n"
            + "        n: 'null'\n"
            + "        tilde: '~'\n"
            + "        empty: ''\n"
            + "        under: '1_000'\n"
            + "        date: '2024-01-01'\n"
            + "        merge: '<<'\n"
            + "        eq: '='\n"
            + "        yes: yes\n"
            + "        colon: 'a: b'\n"
            + "        hash: 'a #b'\n"
            + "        dash: '- x'\n"
            + "        bracket: '[x]'\n"
            + "        lead: ' x'\n"
            + "        trail: 'x '\n"
            + "        quote: it's\n"
            + "        i: 7\n"
            + "        big: 123456789012345678901234567890\n"
            + "        f1: 1e-05\n"
            + "        f2: 1e+20\n"
            + "        f3: 1.0\n"
            + "        f4: 0.1\n"
            + "        inf: .inf\n"
            + "        ninf: -.inf\n"
            + "        nan: .nan\n"
            + "        b: true\n"
            + "        none:\n"
            + "        uni: é 😀 中\n"
            + "        bell: \"a\\ab\"\n"
            + "        tab: \"a\\tb\"\n"
            + "        lst:\n"
            + "        - 1\n"
            + "        - a\n"
            + "        - []\n"
            + "        dct:\n"
            + "          x: {}\n"
            + "          y:\n"
            + "          - z:\n"
            + "        emptylist: []\n"
            + "        emptydict: {}\n";

    // longKey
    static final String LONGKEY = "schema: '2.0'\n"
            + "stages:\n"
            + "  s:\n"
            + "    cmd: x\n"
            + "    params:\n"
            + "      params.yaml:\n"
            + "        ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n"
            + "        : 1\n";


    /** An old lock with a literal command, flow lists and values ruamel keeps or normalises on a round trip. */
    static final String RT_SOURCE = "schema: '2.0'\n"
            + "stages:\n"
            + "  s:\n"
            + "    cmd: |\n"
            + "      echo a\n"
            + "      echo b\n"
            + "    params:\n"
            + "      params.yaml:\n"
            + "        cols: []\n"
            + "        pair: [a, b]\n"
            + "        quoted: \"x\"\n"
            + "        f: 1.50\n"
            + "        i: 0o17\n"
            + "        t: True\n"
            + "        n: ~\n";

    static final String RT_EXPECTED = "schema: '2.0'\n"
            + "stages:\n"
            + "  s:\n"
            + "    cmd: |\n"
            + "      echo a\n"
            + "      echo b\n"
            + "    params:\n"
            + "      params.yaml:\n"
            + "        cols: []\n"
            + "        pair: [a, b]\n"
            + "        quoted: x\n"
            + "        f: 1.50\n"
            + "        i: 0o17\n"
            + "        t: true\n"
            + "        n:\n";

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static String lockOf(String stage, Map<String, Object> entry) throws IOException {
        return LockFileWriter.update(null, Map.of(stage, entry));
    }

    @Test
    void longPlainCommandFoldsWithATrailingBlank() throws IOException {
        assertEquals(LONGCMD, lockOf("prep", map("cmd",
                "mkdir -p features && cut -d, -f1 ingested.csv > features/left.csv && cut -d, -f2 ingested.csv > "
                    + "features/right.csv")));
        assertEquals(DOUBLEBLANKFOLD, lockOf("s", map("cmd", "python -m deckard.layers.find_best --config_folder conf "
            + "--config_subdir model --params_file best_linear --study_name=linear_100_10000  --default_config "
            + "default.yaml")));
    }

    @Test
    void listCommandItemsFoldAtTheirOwnIndent() throws IOException {
        assertEquals(LISTCMD, lockOf("train", map("cmd", List.of("sh tool.sh --lr 0.1 --epochs 3 --verbose --name "
            + "'my model' --layers 8 4 --seed 8 --threshold 0.5 > results/summary.txt", "echo done"))));
    }

    @Test
    void multiLineCommandsAreDoubleQuoted() throws IOException {
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        entries.put("lines", map("cmd", "X=set-in-line-1\nprintf 'X=%s\\n' \"$X\" > lines.txt\ncat parts/one.txt >> "
            + "lines.txt\n"));
        entries.put("notify", map("cmd", "echo notify one\necho notify two"));
        assertEquals(MULTILINE, LockFileWriter.update(null, entries));
    }

    @Test
    void scalarsQuotedExactlyWhenTheirPlainFormWouldReadBackAsSomethingElse() throws IOException {
        Map<String, Object> v = new LinkedHashMap<>();
        Object[] kv = {"label", "on", "seven", "7", "two", "2.0", "t", "true", "n", "null", "tilde", "~", "empty", "",
            "under", "1_000", "date", "2024-01-01", "merge", "<<", "eq", "=", "yes", "yes", "colon", "a: b", "hash",
            "a #b", "dash", "- x", "bracket", "[x]", "lead", " x", "trail", "x ", "quote", "it's", "i", 7L, "big",
            new BigInteger("123456789012345678901234567890"), "f1", 1e-05, "f2", 1e20, "f3", 1.0, "f4", 0.1, "inf",
            Double.POSITIVE_INFINITY, "ninf", Double.NEGATIVE_INFINITY, "nan", Double.NaN, "b", true, "none", null,
            "uni", "é 😀 中", "bell", "a\u0007b", "tab", "a\tb", "lst", Arrays.asList(1L, "a", List.of()), "dct",
            map("x", Map.of(), "y", List.of(map("z", null))), "emptylist", List.of(), "emptydict", Map.of()};
        for (int i = 0; i < kv.length; i += 2) v.put((String) kv[i], kv[i + 1]);
        // the entry is given in this order (not through the builder, which would sort the keys)
        assertEquals(SCALARS, lockOf("p", map("cmd", "run", "params", map("params.yaml", v))));
    }

    @Test
    void keysOfMoreThan122CharactersBecomeComplexKeys() throws IOException {
        assertEquals(LONGKEY, lockOf("s", map("cmd", "x", "params", map("params.yaml", map("k".repeat(130), 1L)))));
    }

    @Test
    void oldEntriesKeepWhatRuamelsRoundTripKeeps() throws IOException {
        assertEquals(RT_EXPECTED, LockFileWriter.reEmit(RT_SOURCE));
    }

    @Test
    void oldIntsComeBackAsRuamelsScalarIntWritesThem() throws IOException {
        // checked against ruamel.yaml 0.18.16: round-trip load of "k: <text>", then dump
        String[][] cases = {{"+5", "5"}, {"-0", "0"}, {"+007", "007"}, {"-007", "-07"}, {"-00", "00"},
            {"1_000", "1_000"}, {"-1_000", "-1_000"}, {"0o17", "0o17"}, {"+0o17", "0o17"}, {"0x1F", "0x1F"},
            {"007", "007"}, {"1E3", "1E3"}, {"+1.5", "+1.5"}, {"1.", "1."}, {"-.5", "-.5"}};
        for (String[] c : cases) {
            String head = "schema: '2.0'\nstages:\n  s:\n    k: ";
            assertEquals(head + c[1] + "\n", LockFileWriter.reEmit(head + c[0] + "\n"), c[0]);
        }
    }

    @Test
    void updateReplacesInPlaceAppendsNewAndStartsAFileWithTheSchema() throws IOException {
        String one = lockOf("a", map("cmd", "one"));
        assertEquals("schema: '2.0'\nstages:\n  a:\n    cmd: one\n", one);
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        entries.put("b", map("cmd", "two"));
        entries.put("a", map("cmd", List.of("uno", "dos")));
        assertEquals("schema: '2.0'\nstages:\n  a:\n    cmd:\n    - uno\n    - dos\n  b:\n    cmd: two\n",
                LockFileWriter.update(one, entries));
        // an empty file starts over; a file without stages gets them at the end
        assertEquals(one, LockFileWriter.update("", Map.of("a", map("cmd", "one"))));
        assertEquals("x: 1\nstages:\n  a:\n    cmd: one\n", LockFileWriter.update("x: 1\n", Map.of("a", map("cmd", "one"))));
        // a loaded flow mapping stays flow, as ruamel keeps it
        assertEquals("schema: '2.0'\n"
            + "stages: {}\n", LockFileWriter.reEmit("schema: '2.0'\nstages: {}\n"));
        assertEquals("schema: '2.0'\nstages: {a: {cmd: one}}\n",
                LockFileWriter.update("schema: '2.0'\nstages: {}\n", Map.of("a", map("cmd", "one"))));
        assertThrows(LockFileWriter.LockFormatException.class, () -> LockFileWriter.update("[1, 2]\n", Map.of()));
        assertThrows(LockFileWriter.LockFormatException.class, () -> LockFileWriter.update("a: [\n", Map.of()));
    }

    @Test
    void writeIsAtomicAndKeepsTheFileMode() throws IOException {
        Path lock = tmp.resolve("dvc.lock");
        LockFileWriter.write(lock, Map.of("a", map("cmd", "one")));
        assertEquals("schema: '2.0'\nstages:\n  a:\n    cmd: one\n", Files.readString(lock));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-rw-r--"));
        LockFileWriter.write(lock, Map.of("b", map("cmd", "two")));
        assertEquals("schema: '2.0'\nstages:\n  a:\n    cmd: one\n  b:\n    cmd: two\n", Files.readString(lock));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(lock), files.toList());
        }
    }

    @Test
    void builderOrdersAsDvcDoes() throws IOException {
        HashInfo file = HashInfo.file("acbd18db4cc2f85cedef654fccc4a4d8", 3, false);
        HashInfo exec = HashInfo.file("37b51d194a7513e45b56f6524f2d51f2", 3, true);
        HashInfo dir = new HashInfo("1aca2c799df82929bbdd976557975546.dir", 18, 4, false, true, List.of());
        List<PathEntry> deps = List.of(PathEntry.of("😀", file), PathEntry.of("～", file), PathEntry.of("a0", file),
                PathEntry.of("a/b", file), PathEntry.of("a-b", exec), new PathEntry("B", file, true));
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        params.put("z.yaml", map("b", 1L, "a", 2L));
        params.put("params.yaml", map("train.lr", 0.1, "prepare.seed", 20170428L));
        params.put("conf/a.json", map());
        List<PathEntry> outs = List.of(PathEntry.of("model.pkl", file), PathEntry.of("data/prepared", dir));
        Map<String, Object> entry = LockEntryBuilder.build(new StageParts("python train.py", deps, params, outs));
        assertEquals(List.of("cmd", "deps", "params", "outs"), new ArrayList<>(entry.keySet()));
        String expected = "schema: '2.0'\n"
            + "stages:\n"
            + "  train:\n"
            + "    cmd: python train.py\n"
            + "    deps:\n"
            + "    - path: B\n"
            + "      md5: acbd18db4cc2f85cedef654fccc4a4d8\n"
            + "      size: 3\n"
            + "    - path: a-b\n"
            + "      hash: md5\n"
            + "      md5: 37b51d194a7513e45b56f6524f2d51f2\n"
            + "      size: 3\n"
            + "      isexec: true\n"
            + "    - path: a/b\n"
            + "      hash: md5\n"
            + "      md5: acbd18db4cc2f85cedef654fccc4a4d8\n"
            + "      size: 3\n"
            + "    - path: a0\n"
            + "      hash: md5\n"
            + "      md5: acbd18db4cc2f85cedef654fccc4a4d8\n"
            + "      size: 3\n"
            + "    - path: ～\n"
            + "      hash: md5\n"
            + "      md5: acbd18db4cc2f85cedef654fccc4a4d8\n"
            + "      size: 3\n"
            + "    - path: 😀\n"
            + "      hash: md5\n"
            + "      md5: acbd18db4cc2f85cedef654fccc4a4d8\n"
            + "      size: 3\n"
            + "    params:\n"
            + "      params.yaml:\n"
            + "        prepare.seed: 20170428\n"
            + "        train.lr: 0.1\n"
            + "      conf/a.json: {}\n"
            + "      z.yaml:\n"
            + "        a: 2\n"
            + "        b: 1\n"
            + "    outs:\n"
            + "    - path: data/prepared\n"
            + "      hash: md5\n"
            + "      md5: 1aca2c799df82929bbdd976557975546.dir\n"
            + "      size: 18\n"
            + "      nfiles: 4\n"
            + "    - path: model.pkl\n"
            + "      hash: md5\n"
            + "      md5: acbd18db4cc2f85cedef654fccc4a4d8\n"
            + "      size: 3\n";
        assertEquals(expected, lockOf("train", entry));
        // no deps, params or outs: only cmd
        assertEquals(List.of("cmd"), new ArrayList<>(LockEntryBuilder.build(
                new StageParts("echo", List.of(), Map.of(), List.of())).keySet()));
        assertThrows(IllegalArgumentException.class,
                () -> LockEntryBuilder.build(new StageParts(null, List.of(), Map.of(), List.of())));
    }
}
