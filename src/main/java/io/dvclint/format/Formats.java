package io.dvclint.format;

import java.util.List;
import java.util.Locale;

/** The output formats by name. */
public final class Formats {
    public static final List<String> NAMES = List.of("text", "gcc", "json");

    private Formats() {
    }

    public static Formatter byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextFormatter();
            case "gcc" -> new GccFormatter();
            case "json" -> new JsonFormatter();
            default -> throw new IllegalArgumentException("unknown format '" + name + "'; expected one of: "
                    + String.join(", ", NAMES));
        };
    }
}
