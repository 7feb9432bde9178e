package io.dvclint.format;

import io.dvclint.findings.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a run knows about, for formats that describe them (SARIF). The rule registry implements this; until
 * it is plugged in, {@link #seenIn} describes just the rules that produced findings.
 */
@FunctionalInterface
public interface RuleCatalog {
    List<RuleInfo> rules();

    /** A catalogue of the rules that produced the given findings, in order of first appearance (computed on use). */
    static RuleCatalog seenIn(Collection<Finding> findings) {
        return () -> {
            Map<String, RuleInfo> seen = new LinkedHashMap<>();
            for (Finding f : findings) seen.putIfAbsent(f.ruleId(), new RuleInfo(f.ruleId(), null, null, f.severity()));
            return List.copyOf(seen.values());
        };
    }

    /**
     * This catalogue's rules followed by one entry for every rule id among the findings that it does not describe,
     * so that every finding has a rule to point at.
     */
    default List<RuleInfo> covering(Collection<Finding> findings) {
        Map<String, RuleInfo> all = new LinkedHashMap<>();
        for (RuleInfo r : rules()) all.putIfAbsent(r.id(), r);
        for (Finding f : findings) all.putIfAbsent(f.ruleId(), new RuleInfo(f.ruleId(), null, null, f.severity()));
        return new ArrayList<>(all.values());
    }
}
