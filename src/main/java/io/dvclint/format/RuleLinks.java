package io.dvclint.format;

/** Where each rule's documentation page lives. */
public final class RuleLinks {
    public static final String DOCS_BASE = "https://github.com/dvclint/dvclint/blob/main/docs/rules/";

    private RuleLinks() {
    }

    public static String url(String ruleId) {
        return DOCS_BASE + ruleId + ".md";
    }
}
