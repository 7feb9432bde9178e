package io.dvclint.rules;

import io.dvclint.findings.Severity;

/**
 * A lint rule: stable metadata (id, default severity, one-line summary, Markdown docs) next to its check. One
 * class per rule; the docs page {@code docs/rules/<id>.md} is generated from {@link #docs()}.
 */
public abstract class Rule {
    /** Stable kebab-case id, used in output, configuration and suppression comments. Never renamed. */
    public abstract String id();

    public abstract Severity defaultSeverity();

    /** One line, no trailing period. */
    public abstract String summary();

    /**
     * Markdown body of the docs page: what it flags, why it matters (the DVC behaviour behind it), a flagged
     * example and its fix. The generator adds the title, the metadata and the suppression section.
     */
    public abstract String docs();

    /** Whether the rule offers certain fixes ({@code --fix}). */
    public boolean fixable() {
        return false;
    }

    /** Who reports it: "rule" for checks run over the model, or the component that reports it. */
    public String reportedBy() {
        return "rule";
    }

    /** Runs the check over the project. Must not throw on odd input; the engine contains it if it does. */
    public abstract void check(RuleContext ctx);

    @Override
    public String toString() {
        return id();
    }
}
