package io.dvclint.rules;

import io.dvclint.findings.Severity;

/**
 * Metadata for findings produced outside the rule engine (by the loader, the templating, the engine itself), so
 * that {@code dvclint rules}, {@code explain}, the configuration and the docs cover them. {@link #check} does
 * nothing.
 */
public final class MetaRule extends Rule {
    private final String id;
    private final Severity severity;
    private final String summary;
    private final String docs;
    private final String reportedBy;

    public MetaRule(String id, Severity severity, String summary, String reportedBy, String docs) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
        this.reportedBy = reportedBy;
        this.docs = docs;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity defaultSeverity() {
        return severity;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String docs() {
        return docs;
    }

    @Override
    public String reportedBy() {
        return reportedBy;
    }

    @Override
    public void check(RuleContext ctx) {
    }
}
