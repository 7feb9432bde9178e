package io.dvclint.findings;

import java.util.Locale;

/** How serious a finding is. Ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "note" -> INFO;
            default -> throw new IllegalArgumentException(
                    "unknown severity '" + s + "'; expected one of: error, warning, info");
        };
    }
}
