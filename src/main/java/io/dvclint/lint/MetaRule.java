package io.dvclint.lint;

import io.dvclint.findings.Severity;
import io.dvclint.rules.Rule;
import io.dvclint.rules.RuleContext;

/**
 * A rule whose findings come from outside the rule engine (the loader, the templating, the engine itself), declared
 * so that {@code dvclint rules}, {@code explain}, the configuration and the docs cover them. {@link #check} does
 * nothing.
 */
public final class MetaRule extends Rule {
    private final String reportedBy;

    public MetaRule(String id, Severity severity, String summary, String reportedBy) {
        super(id, severity, summary);
        this.reportedBy = reportedBy;
    }

    @Override
    public String reportedBy() {
        return reportedBy;
    }

    @Override
    public void check(RuleContext ctx) {
    }
}
