package io.dvclint.format;

import java.util.List;
import java.util.Locale;

/** The output formats by name. */
public final class Formats {
    public static final List<String> NAMES = List.of("text", "gcc", "json", "sarif", "github", "checkstyle", "junit");

    private Formats() {
    }

    public static Formatter byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextFormatter();
            case "gcc" -> new GccFormatter();
            case "json" -> new JsonFormatter();
            case "sarif" -> new SarifFormatter();
            case "github" -> new GithubFormatter();
            case "checkstyle" -> new CheckstyleFormatter();
            case "junit" -> new JunitFormatter();
            default -> throw new IllegalArgumentException("unknown format '" + name + "'; expected one of: "
                    + String.join(", ", NAMES));
        };
    }
}
