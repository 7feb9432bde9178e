package io.dvclint.model;

import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import java.util.List;
import java.util.Map;

/**
 * One stage entry of dvc.lock.
 *
 * @param params params file → (dotted key → value) as recorded
 * @param node   the entry's mapping in dvc.lock, for positions
 */
public record LockStage(String name, Pos pos, Object cmd, List<LockEntry> deps,
                        Map<String, Map<String, Object>> params, List<LockEntry> outs, YMap node) {
}
