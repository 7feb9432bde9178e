package io.dvclint.format;

import io.dvclint.findings.Finding;
import io.dvclint.findings.Severity;
import java.io.PrintStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Machine-readable output, documented in docs/json-format.md:
 * {@code {"version": 1, "tool": ..., "findings": [{rule, severity, file, line, column, message, hint, url}],
 * "summary": {"error": n, "warning": n, "info": n}}}. Field names and meanings are stable.
 */
public final class JsonFormatter implements Formatter {
    public static final int VERSION = 1;

    @Override
    public void write(List<Finding> findings, Report report, PrintStream out) {
        JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeNumberProperty("version", VERSION);
            g.writeStringProperty("tool", "dvclint " + report.toolVersion());
            g.writeArrayPropertyStart("findings");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringProperty("rule", f.ruleId());
                g.writeStringProperty("severity", f.severity().label());
                g.writeStringProperty("file", report.display(f.file()));
                g.writeNumberProperty("line", f.line());
                g.writeNumberProperty("column", f.col());
                g.writeStringProperty("message", f.message());
                if (f.hint() != null) g.writeStringProperty("hint", f.hint());
                g.writeStringProperty("url", RuleLinks.url(f.ruleId()));
                g.writeBooleanProperty("fixable", !f.fixes().isEmpty());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectPropertyStart("summary");
            for (Severity s : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.INFO}) {
                g.writeNumberProperty(s.label(), findings.stream().filter(x -> x.severity() == s).count());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        out.println();
    }
}
