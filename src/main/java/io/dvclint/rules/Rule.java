package io.dvclint.rules;

import io.dvclint.findings.Severity;

/**
 * A lint rule: its metadata, declared once in the subclass's constructor, next to its check. The long documentation
 * of rule {@code id} is {@code docs/rules/<id>.md} (read by {@code dvclint explain}, SARIF and the docs index).
 */
public abstract class Rule {
    private final String id;
    private final Severity severity;
    private final String summary;
    private final boolean fixable;

    /**
     * @param id       stable kebab-case id, used in output, configuration and suppression comments; never renamed
     * @param severity the severity of its findings unless configured otherwise
     * @param summary  one line, no trailing period
     * @param fixable  whether it offers certain fixes ({@code --fix})
     */
    protected Rule(String id, Severity severity, String summary, boolean fixable) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
        this.fixable = fixable;
    }

    protected Rule(String id, Severity severity, String summary) {
        this(id, severity, summary, false);
    }

    public final String id() {
        return id;
    }

    public final Severity defaultSeverity() {
        return severity;
    }

    public final String summary() {
        return summary;
    }

    public final boolean fixable() {
        return fixable;
    }

    /** Who reports it: "rule" for checks run over the model, or the component that reports it. */
    public String reportedBy() {
        return "rule";
    }

    /** Runs the check over the project. Must not throw on odd input; the engine contains it if it does. */
    public abstract void check(RuleContext ctx);

    @Override
    public String toString() {
        return id;
    }
}
