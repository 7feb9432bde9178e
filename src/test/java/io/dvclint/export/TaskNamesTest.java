package io.dvclint.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskNamesTest {
    @Test
    void addressesReadAsLabels() {
        Map<String, String> n = TaskNames.assign(List.of("train", "sub/dvc.yaml:train", "train@us", "Train_Model",
                "01_prep", "@@", "a/b/dvc.yaml:build@x-1"), Set.of());
        assertEquals(List.of("train", "sub-train", "train-us", "train-model", "stage-01-prep", "stage", "a-b-build-x-1"),
                List.copyOf(n.values()));
    }

    @Test
    void collisionsLengthAndReservedNamesGetAHash() {
        String longName = "x".repeat(100);
        Map<String, String> n = TaskNames.assign(List.of("a_b", "a-b", "A.B", longName, "dvclint-checkout", "ok"),
                Set.of("dvclint-checkout"));
        assertEquals("a-b-" + TaskNames.hash("a_b"), n.get("a_b"));
        assertEquals("a-b-" + TaskNames.hash("a-b"), n.get("a-b"));
        assertEquals("x".repeat(54) + "-" + TaskNames.hash(longName), n.get(longName));
        assertEquals("dvclint-checkout-" + TaskNames.hash("dvclint-checkout"), n.get("dvclint-checkout"));
        assertEquals("ok", n.get("ok"));
        assertEquals(6, new HashSet<>(n.values()).size());
        for (String v : n.values()) assertTrue(TaskNames.isName(v), v);
        // a name that happens to equal another's hashed one is counted on
        String taken = "a-b-" + TaskNames.hash("a_b");
        Map<String, String> m = TaskNames.assign(List.of("a_b", "a-b", taken), Set.of());
        assertEquals(3, new HashSet<>(m.values()).size(), m.toString());
        assertEquals(taken + "-2", m.get(taken));
    }

    @Test
    void anyTextGivesUniqueValidNames() {
        Random r = new Random(7);
        String alphabet = "aAzZ09-_.@:/ üß∑😀\"'{}";
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(90);
            for (int j = 0; j < len; ) {
                int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0,
                        alphabet.length()))));
                sb.appendCodePoint(cp);
                j++;
            }
            if (!addresses.contains(sb.toString())) addresses.add(sb.toString());
        }
        Map<String, String> n = TaskNames.assign(addresses, ExportPlan.RESERVED);
        assertEquals(addresses.size(), new HashSet<>(n.values()).size());
        for (String v : n.values()) {
            assertTrue(TaskNames.isName(v), v);
            assertFalse(ExportPlan.RESERVED.contains(v), v);
        }
        assertEquals(n, TaskNames.assign(addresses, ExportPlan.RESERVED), "the same names every time");
    }

    @Test
    void isNameIsRfc1123StartingWithALetter() {
        for (String ok : List.of("a", "a-1", "x".repeat(63))) assertTrue(TaskNames.isName(ok), ok);
        for (String bad : List.of("", "1a", "-a", "a-", "A", "a_b", "a.b", "x".repeat(64))) {
            assertFalse(TaskNames.isName(bad), bad);
        }
    }
}
