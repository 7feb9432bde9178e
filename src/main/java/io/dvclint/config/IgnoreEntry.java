package io.dvclint.config;

import java.util.Set;

/**
 * One {@code ignore:} entry: findings in files matching {@code glob} (relative to the project root) are dropped
 * for the given rules, or for every rule when {@code rules} is empty.
 */
public record IgnoreEntry(String glob, Glob matcher, Set<String> rules) {
    public boolean matches(String relPath, String ruleId) {
        return (rules.isEmpty() || rules.contains(ruleId)) && matcher.matches(relPath);
    }
}
