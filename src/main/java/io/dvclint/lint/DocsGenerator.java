package io.dvclint.lint;

import io.dvclint.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the index of the rule pages, {@code docs/rules/README.md}, from the rule classes' metadata. Run at build
 * time ({@code process-classes}); a test checks the committed index is current.
 */
public final class DocsGenerator {
    private DocsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path p = Path.of(args.length > 0 ? args[0] : "docs/rules").resolve("README.md");
        byte[] bytes = index().getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(p) || !Arrays.equals(Files.readAllBytes(p), bytes)) Files.write(p, bytes);
    }

    /** The index: one row per rule. */
    public static String index() {
        StringBuilder sb = new StringBuilder();
        sb.append("# dvclint rules\n\n");
        sb.append("One page per rule, written by hand; this index is generated from the rule classes by\n")
                .append("`io.dvclint.lint.DocsGenerator` (do not edit it). `dvclint rules` prints this table,\n")
                .append("`dvclint explain RULE` a page with its metadata and configuration.\n\n");
        sb.append("| id | default severity | fixable | summary |\n|---|---|---|---|\n");
        for (Rule r : RuleRegistry.all()) {
            sb.append("| [").append(r.id()).append("](").append(r.id()).append(".md) | ")
                    .append(r.defaultSeverity().label()).append(" | ").append(r.fixable() ? "yes" : "")
                    .append(" | ").append(r.summary().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }
}
