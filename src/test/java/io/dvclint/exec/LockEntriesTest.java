package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.lock.LockEntries;
import io.dvclint.exec.lock.LockFileWriter;
import io.dvclint.exec.lock.LockOrder;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lock entry lines ({@code dvclint lock entry}, {@code lock merge}) and the serial order of new entries
 * ({@code lock begin}, {@code lock finish}), on dvc.lock texts in DVC's bytes.
 */
class LockEntriesTest {
    private static final String THREE = "schema: '2.0'\n"
            + "stages:\n"
            + "  a:\n"
            + "    cmd: echo a > a.txt\n"
            + "    outs:\n"
            + "    - path: a.txt\n"
            + "      hash: md5\n"
            + "      md5: 60b725f10c9c85c70d97880dfe8191b3\n"
            + "      size: 2\n"
            + "  b:\n"
            + "    cmd: echo b > b.txt\n"
            + "  c:\n"
            + "    cmd: echo c\n";

    /** Every entry of a lock through a line of JSON and back, merged into no lock: the same bytes. */
    private static String throughLines(String lock) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Object> e : LockEntries.entries(lock).entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) e.getValue();
            lines.append(LockEntries.format(e.getKey(), entry)).append('\n');
        }
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        for (LockEntries.Line l : LockEntries.parse(lines.toString())) merged.put(l.stage(), l.entry());
        return LockEntries.merge(null, merged);
    }

    @Test
    void entriesKeepTheirBytesThroughALineOfJson() throws IOException {
        for (String lock : List.of(THREE, LockWriterTest.LONGCMD, LockWriterTest.LISTCMD, LockWriterTest.MULTILINE,
                LockWriterTest.SCALARS)) {
            assertEquals(lock, throughLines(lock));
        }
    }

    @Test
    void aLineIsPythonsJsonWithTheValuesTypes() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("cmd", "echo \"é\"\n");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("z", 1L);
        values.put("a", new BigInteger("123456789012345678901234567890"));
        values.put("f", 1e-05);
        values.put("one", 1.0);
        values.put("inf", Double.POSITIVE_INFINITY);
        values.put("nan", Double.NaN);
        values.put("none", null);
        values.put("list", List.of(true, "x"));
        entry.put("params", Map.of("params.yaml", values));
        String line = LockEntries.format("sub/dvc.yaml:train@us", entry);
        assertEquals("{\"stage\": \"sub/dvc.yaml:train@us\", \"entry\": {\"cmd\": \"echo \\\"\\u00e9\\\"\\n\", "
                + "\"params\": {\"params.yaml\": {\"z\": 1, \"a\": 123456789012345678901234567890, \"f\": 1e-05, "
                + "\"one\": 1.0, \"inf\": Infinity, \"nan\": NaN, \"none\": null, \"list\": [true, \"x\"]}}}}", line);
        List<LockEntries.Line> back = LockEntries.parse("\n" + line + "\r\n\n");
        assertEquals(1, back.size());
        assertEquals("sub/dvc.yaml:train@us", back.get(0).stage());
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) ((Map<String, Object>) back.get(0).entry().get("params"))
                .get("params.yaml");
        assertEquals(List.of("z", "a", "f", "one", "inf", "nan", "none", "list"), new ArrayList<>(read.keySet()));
        assertEquals(1L, read.get("z"));
        assertEquals(new BigInteger("123456789012345678901234567890"), read.get("a"));
        assertEquals(1.0, read.get("one"));
        assertTrue(Double.isNaN((Double) read.get("nan")));
        assertEquals(Double.POSITIVE_INFINITY, read.get("inf"));
        assertEquals("echo \"é\"\n", back.get(0).entry().get("cmd"));
        assertEquals(null, LockEntries.parse("{\"stage\": \"a\", \"entry\": null}").get(0).entry());
    }

    @Test
    void linesThatAreNoEntriesAreNamed() {
        for (String[] bad : List.of(new String[] {"None", "line 2: not JSON"},
                new String[] {"{\"stage\": \"a\"}", "line 2: not a lock entry"},
                new String[] {"{\"stage\": 1, \"entry\": null}", "line 2: not a lock entry"},
                new String[] {"{\"stage\": \"a\", \"entry\": []}", "line 2: not a lock entry"},
                new String[] {"{\"stage\": \"a\", \"entry\": null} {}", "line 2: not JSON"})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LockEntries.parse("{\"stage\": \"x\", \"entry\": null}\n" + bad[0]));
            assertTrue(e.getMessage().startsWith(bad[1]), e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(String lock, String name) throws IOException {
        return (Map<String, Object>) LockEntries.entries(lock).get(name);
    }

    @Test
    void mergeUpdatesInPlaceAppendsInOrderAndLeavesEqualEntries() throws IOException {
        String ab = LockFileWriter.update(null, Map.of("a", entry(THREE, "a")));
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        entries.put("c", entry(THREE, "c"));
        entries.put("b", entry(THREE, "b"));
        entries.put("a", entry(THREE, "a"));
        String merged = LockEntries.merge(ab, entries);
        assertEquals(List.of("a", "c", "b"), LockFileWriter.stageNames(merged));

        // an entry equal by Python's rules (1 == 1.0) leaves the text as it is, as DVC does not rewrite it
        String withInt = LockFileWriter.update(null, Map.of("p", Map.of("cmd", "x", "params",
                Map.of("params.yaml", Map.of("lr", 1L)))));
        Map<String, Map<String, Object>> same = Map.of("p", Map.of("cmd", "x", "params",
                Map.of("params.yaml", Map.of("lr", 1.0))));
        assertSame(withInt, LockEntries.merge(withInt, same));
        Map<String, Map<String, Object>> changed = Map.of("p", Map.of("cmd", "y"));
        assertEquals("schema: '2.0'\nstages:\n  p:\n    cmd: y\n", LockEntries.merge(withInt, changed));

        // null entries (no lock entry where the stage ran) change nothing, and make no file
        Map<String, Map<String, Object>> none = new LinkedHashMap<>();
        none.put("a", null);
        assertEquals(null, LockEntries.merge(null, none));
        assertSame(THREE, LockEntries.merge(THREE, none));
    }

    @Test
    void reorderMovesEntriesAndKeepsTheirBytes() throws IOException {
        String reordered = LockFileWriter.reorder(THREE, List.of("c", "a"));
        assertEquals(List.of("c", "a", "b"), LockFileWriter.stageNames(reordered));
        assertEquals(THREE, LockFileWriter.reorder(reordered, List.of("a", "b", "c")));
        String none = "schema: '2.0'\n";
        assertSame(none, LockFileWriter.reorder(none, List.of("a")));
        assertEquals(List.of(), LockFileWriter.stageNames(null));
        assertEquals(List.of(), LockFileWriter.stageNames("schema: '2.0'\nstages:\n"));
        assertThrows(LockFileWriter.LockFormatException.class, () -> LockFileWriter.stageNames("stages: [a]\n"));
    }

    @Test
    void newEntriesFollowTheRecordedOnesInTheRunsOrder() {
        // recorded: x, a; the run appended c, then d, b (as the processes finished); it runs b, c, d in that order
        assertEquals(List.of("x", "a", "b", "c", "d"),
                LockOrder.order(List.of("x", "a", "c", "d", "b"), List.of("x", "a"), List.of("a", "b", "c", "d")));
        // a new entry of a stage the run does not name (written by hand meanwhile) comes last, as it stands
        assertEquals(List.of("a", "b", "z"), LockOrder.order(List.of("z", "b", "a"), List.of(), List.of("a", "b")));
        // an entry recorded but gone (dvc.lock edited) is no entry
        assertEquals(List.of("b"), LockOrder.order(List.of("b"), List.of("gone"), List.of("b")));

        Map<String, List<String>> record = new LinkedHashMap<>();
        record.put("dvc.lock", List.of("x", "a"));
        record.put("sub/dvc.lock", List.of());
        String text = LockOrder.record(record);
        assertEquals("{\"dvc.lock\": [\"x\", \"a\"], \"sub/dvc.lock\": []}\n", text);
        assertEquals(record, LockOrder.readRecord(text));
        assertThrows(IllegalArgumentException.class, () -> LockOrder.readRecord("[]"));
        assertThrows(IllegalArgumentException.class, () -> LockOrder.readRecord("{\"dvc.lock\": [1]}"));
    }
}
