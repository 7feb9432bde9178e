package io.dvclint.config;

import io.dvclint.findings.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The contents of a {@code .dvclint.yaml}.
 *
 * @param file    where it was read from, or null for the defaults
 * @param rules   per-rule settings by rule id (rules not named keep their defaults)
 * @param ignores per-path ignores, in file order
 * @param failOn  the {@code fail-on} threshold, or null when not set (the command line wins anyway)
 */
public record Config(Path file, Map<String, RuleConfig> rules, List<IgnoreEntry> ignores, Severity failOn) {
    public static final String FILE_NAME = ".dvclint.yaml";
    public static final Config DEFAULT = new Config(null, Map.of(), List.of(), null);

    public RuleConfig rule(String id) {
        return rules.getOrDefault(id, RuleConfig.DEFAULT);
    }

    public boolean enabled(String id) {
        return rule(id).enabled();
    }

    /** Whether findings of {@code ruleId} in the file at {@code relPath} are ignored by an {@code ignore:} entry. */
    public boolean ignored(String relPath, String ruleId) {
        for (IgnoreEntry e : ignores) if (e.matches(relPath, ruleId)) return true;
        return false;
    }
}
