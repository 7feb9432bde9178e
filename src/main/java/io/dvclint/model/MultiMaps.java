package io.dvclint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The list a map holds for a key, created when missing: {@code computeIfAbsent(key, k -> new ArrayList<>())}
 * without the lambda, for code every lint runs (see README, Speed).
 */
public final class MultiMaps {
    private MultiMaps() {
    }

    public static <K, V> List<V> listAt(Map<K, List<V>> map, K key) {
        List<V> list = map.get(key);
        if (list == null) {
            list = new ArrayList<>();
            map.put(key, list);
        }
        return list;
    }
}
