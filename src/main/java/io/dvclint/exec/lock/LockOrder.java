package io.dvclint.exec.lock;

import io.dvclint.py.PyJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of the entries in a dvc.lock after a run of separate {@code dvclint repro -s} processes, made the order a
 * serial {@code dvclint repro} leaves. A serial run updates the entries a lock already holds where they stand and
 * appends an entry the first time its stage succeeds, so new entries follow the old ones in the run's order (DVC's
 * plan: a depth-first post-order of the stage graph). Processes finishing in another order append in the order they
 * finish; the old entries keep their places all the same. So the lock is put right with two facts: which entries
 * each dvc.lock held when the run began ({@code dvclint lock begin} records them, see {@link #record}), and the
 * run's order of the stages ({@code dvclint lock finish STAGE...}): {@link #order}.
 */
public final class LockOrder {
    /** Where {@code dvclint lock begin} records the entries, relative to the project root. */
    public static final String RECORD = ".dvc/tmp/dvclint/lock-begin.json";

    private LockOrder() {
    }

    /**
     * The record of the entries each dvc.lock holds at the start of a run: a JSON object from the lock file's path
     * (relative to the project root) to the names of its entries, in file order ({@code []} for a lock that does
     * not exist yet), ending with a line break.
     */
    public static String record(Map<String, List<String>> names) {
        return PyJson.dumps(names, false) + "\n";
    }

    /**
     * A record read back.
     *
     * @throws IllegalArgumentException when the text is not such a record
     */
    public static Map<String, List<String>> readRecord(String text) {
        Object v = LockEntries.json(text.strip());
        if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException("not a JSON object");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof List<?> l)) throw new IllegalArgumentException(e.getKey() + ": not a list");
            List<String> names = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof String s)) throw new IllegalArgumentException(e.getKey() + ": not a list of names");
                names.add(s);
            }
            out.put((String) e.getKey(), names);
        }
        return out;
    }

    /**
     * The order of a lock's entries after a serial run: the entries recorded at the start, where they stand now (an
     * update leaves an entry in its place); then the entries new in this run in the run's order; then any other
     * entry as it stands.
     *
     * @param current  the lock's entries now, in file order
     * @param recorded its entries when the run began
     * @param runOrder the names of its stages in the order the run visits them
     */
    public static List<String> order(List<String> current, List<String> recorded, List<String> runOrder) {
        Set<String> old = new HashSet<>(recorded);
        Set<String> now = new HashSet<>(current);
        List<String> out = new ArrayList<>();
        for (String n : current) if (old.contains(n)) out.add(n);
        Set<String> placed = new HashSet<>(out);
        for (String n : runOrder) if (now.contains(n) && placed.add(n)) out.add(n);
        for (String n : current) if (placed.add(n)) out.add(n);
        return out;
    }
}
