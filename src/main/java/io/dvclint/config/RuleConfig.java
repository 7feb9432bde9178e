package io.dvclint.config;

import io.dvclint.findings.Severity;
import java.util.Map;

/**
 * How one rule is configured.
 *
 * @param enabled  false for {@code off}
 * @param severity the severity every finding of the rule gets, or null to keep the rule's own
 * @param options  rule options (plain Java values), never null
 */
public record RuleConfig(boolean enabled, Severity severity, Map<String, Object> options) {
    public static final RuleConfig DEFAULT = new RuleConfig(true, null, Map.of());
}
