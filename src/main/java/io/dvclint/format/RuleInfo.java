package io.dvclint.format;

import io.dvclint.findings.Severity;

/**
 * What an output format needs to know about one rule (SARIF's {@code tool.driver.rules}).
 *
 * @param id              stable kebab-case rule id, as in {@link io.dvclint.findings.Finding#ruleId()}
 * @param summary         one line: what the rule checks
 * @param description     a paragraph: why it matters and how to fix it (may equal the summary)
 * @param defaultSeverity the severity its findings have unless configured otherwise
 */
public record RuleInfo(String id, String summary, String description, Severity defaultSeverity) {
    public RuleInfo {
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("rule id missing");
        if (summary == null || summary.isEmpty()) summary = id;
        if (description == null || description.isEmpty()) description = summary;
        if (defaultSeverity == null) defaultSeverity = Severity.ERROR;
    }
}
