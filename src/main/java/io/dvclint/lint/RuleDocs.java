package io.dvclint.lint;

import io.dvclint.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The documentation of each rule: its page {@code docs/rules/<id>.md} (packaged in the jar), written by hand, with
 * the metadata the rule class declares and the configuration section added when it is shown.
 */
public final class RuleDocs {
    /** Where the pages are in the jar (the build copies {@code docs/rules/} there). */
    public static final String RESOURCES = "/io/dvclint/docs/rules/";

    private RuleDocs() {
    }

    /** The page as written: a title line, then the sections (What it flags, Why it matters, Example, ...). */
    public static String source(String id) {
        try (InputStream in = RuleDocs.class.getResourceAsStream(RESOURCES + id + ".md")) {
            if (in == null) throw new IllegalStateException("no documentation page for rule '" + id + "'");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of the page: everything after its title line. */
    public static String body(Rule r) {
        String src = source(r.id());
        int nl = src.indexOf('\n');
        return (src.startsWith("# ") && nl >= 0 ? src.substring(nl + 1) : src).strip();
    }

    /** The whole page, as {@code dvclint explain} prints it. */
    public static String page(Rule r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.id()).append("\n\n");
        sb.append(r.summary()).append(".\n\n");
        sb.append("| default severity | fixable | reported by |\n|---|---|---|\n");
        sb.append("| ").append(r.defaultSeverity().label()).append(" | ").append(r.fixable() ? "yes (`--fix`)" : "no")
                .append(" | ").append(r.reportedBy()).append(" |\n\n");
        sb.append(body(r)).append("\n\n");
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

    /** The first paragraph of the page's "What it flags" section (SARIF's fullDescription), else the summary. */
    public static String whatItFlags(Rule r) {
        String docs = body(r);
        int at = docs.indexOf("## What it flags");
        if (at < 0) return r.summary();
        String rest = docs.substring(at + "## What it flags".length()).strip();
        int end = rest.indexOf("\n\n");
        String para = (end < 0 ? rest : rest.substring(0, end)).replaceAll("\\s+", " ").strip();
        return para.isEmpty() ? r.summary() : para;
    }
}
