package io.dvclint.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates {@code docs/rules/<id>.md} for every rule and the {@code docs/rules/README.md} index from the rule
 * classes. Run at build time ({@code process-classes}); a test checks the committed pages are current.
 */
public final class DocsGenerator {
    private DocsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/rules");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : pages().entrySet()) {
            Path p = dir.resolve(e.getKey());
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), bytes)) Files.write(p, bytes);
        }
    }

    /** File name → content of every generated page. */
    public static Map<String, String> pages() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("README.md", index());
        for (Rule r : RuleRegistry.all()) out.put(r.id() + ".md", page(r));
        return out;
    }

    /** The docs page of a rule (also what {@code dvclint explain} prints). */
    public static String page(Rule r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.id()).append("\n\n");
        sb.append(r.summary()).append(".\n\n");
        sb.append("| default severity | fixable | reported by |\n|---|---|---|\n");
        sb.append("| ").append(r.defaultSeverity().label()).append(" | ").append(r.fixable() ? "yes (`--fix`)" : "no")
                .append(" | ").append(r.reportedBy()).append(" |\n\n");
        sb.append(r.docs().strip()).append("\n\n");
        sb.append("## Configuration and suppression\n\n");
        if (r.id().equals(RuleEngine.INTERNAL_ERROR)) {
            sb.append("Cannot be disabled or suppressed.\n");
            return sb.toString();
        }
        sb.append("In `.dvclint.yaml` at the project root:\n\n```yaml\nrules:\n  ").append(r.id())
                .append(": off        # or error | warning | info\nignore:\n  - path: \"experiments/**\"\n    rules: [")
                .append(r.id()).append("]\n```\n\n");
        sb.append("In the YAML file, at the end of the reported line or alone on the line above it:\n\n```yaml\n")
                .append("# dvclint: disable=").append(r.id()).append("\n```\n\n")
                .append("or for the whole file: `# dvclint: disable-file=").append(r.id()).append("`.\n");
        return sb.toString();
    }

    static String index() {
        StringBuilder sb = new StringBuilder();
        sb.append("# dvclint rules\n\n");
        sb.append("Generated from the rule classes by `io.dvclint.rules.DocsGenerator`; do not edit by hand.\n")
                .append("`dvclint rules` prints this table, `dvclint explain RULE` a page.\n\n");
        sb.append("| id | default severity | fixable | summary |\n|---|---|---|---|\n");
        for (Rule r : RuleRegistry.all()) {
            sb.append("| [").append(r.id()).append("](").append(r.id()).append(".md) | ")
                    .append(r.defaultSeverity().label()).append(" | ").append(r.fixable() ? "yes" : "")
                    .append(" | ").append(r.summary().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }
}
