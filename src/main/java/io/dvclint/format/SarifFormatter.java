package io.dvclint.format;

import io.dvclint.findings.Finding;
import io.dvclint.findings.Severity;
import io.dvclint.model.PathNames;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * SARIF 2.1.0, one run, as GitHub code scanning ({@code github/codeql-action/upload-sarif}) and other SARIF viewers
 * accept it. File locations are relative to {@code %SRCROOT%}: the current folder when every project linted lies
 * inside it (the usual CI case: run at the checkout root), else the first project root.
 */
public final class SarifFormatter implements Formatter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFORMATION_URI = "https://github.com/dvclint/dvclint";
    public static final String SRCROOT = "%SRCROOT%";

    @Override
    public void write(List<Finding> findings, Report report, PrintStream out) {
        List<RuleInfo> rules = report.rules().covering(findings);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) index.put(rules.get(i).id(), i);
        List<String> fingerprints = Fingerprints.of(findings, report);
        Path base = baseDir(report);

        JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("$schema", SCHEMA);
            g.writeStringProperty("version", "2.1.0");
            g.writeArrayPropertyStart("runs");
            g.writeStartObject();

            g.writeObjectPropertyStart("tool");
            g.writeObjectPropertyStart("driver");
            g.writeStringProperty("name", "dvclint");
            g.writeStringProperty("version", report.toolVersion());
            g.writeStringProperty("informationUri", INFORMATION_URI);
            g.writeArrayPropertyStart("rules");
            for (RuleInfo r : rules) {
                g.writeStartObject();
                g.writeStringProperty("id", r.id());
                g.writeStringProperty("name", pascalCase(r.id()));
                text(g, "shortDescription", r.summary());
                text(g, "fullDescription", r.description());
                g.writeStringProperty("helpUri", RuleLinks.url(r.id()));
                g.writeObjectPropertyStart("defaultConfiguration");
                g.writeStringProperty("level", level(r.defaultSeverity()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();

            g.writeObjectPropertyStart("originalUriBaseIds");
            g.writeObjectPropertyStart(SRCROOT);
            g.writeStringProperty("uri", dirUri(base));
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringProperty("columnKind", "unicodeCodePoints");

            g.writeArrayPropertyStart("results");
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                g.writeStartObject();
                g.writeStringProperty("ruleId", f.ruleId());
                g.writeNumberProperty("ruleIndex", index.get(f.ruleId()));
                g.writeStringProperty("level", level(f.severity()));
                text(g, "message", f.hint() == null ? f.message() : f.message() + "\nhint: " + f.hint());
                g.writeArrayPropertyStart("locations");
                g.writeStartObject();
                g.writeObjectPropertyStart("physicalLocation");
                g.writeObjectPropertyStart("artifactLocation");
                Path abs = f.file().toAbsolutePath().normalize();
                if (abs.startsWith(base)) {
                    g.writeStringProperty("uri", relativeUri(PathNames.posix(base.relativize(abs))));
                    g.writeStringProperty("uriBaseId", SRCROOT);
                } else {
                    g.writeStringProperty("uri", abs.toUri().toString());
                }
                g.writeEndObject();
                g.writeObjectPropertyStart("region");
                g.writeNumberProperty("startLine", Math.max(1, f.line()));
                g.writeNumberProperty("startColumn", Math.max(1, f.col()));
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeObjectPropertyStart("partialFingerprints");
                g.writeStringProperty(Fingerprints.SARIF_KEY, fingerprints.get(i));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    /** SARIF's level for a severity: error, warning or note. */
    public static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    static Path baseDir(Report report) {
        Path cwd = report.cwd().toAbsolutePath().normalize();
        if (report.roots().isEmpty() || report.roots().stream().allMatch(r -> r.toAbsolutePath().normalize()
                .startsWith(cwd))) {
            return cwd;
        }
        return report.roots().get(0).toAbsolutePath().normalize();
    }

    /** {@code yaml-syntax} to {@code YamlSyntax}: SARIF's rule name is an identifier-like, human-readable name. */
    static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.length() == 0 ? id : sb.toString();
    }

    private static void text(JsonGenerator g, String name, String text) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("text", text);
        g.writeEndObject();
    }

    private static String dirUri(Path dir) {
        String u = dir.toUri().toString();
        return u.endsWith("/") ? u : u + "/";
    }

    /** A relative path as a URI reference: percent-encodes spaces, '%', '#', '?' and non-ASCII characters. */
    static String relativeUri(String posixPath) {
        try {
            String s = new URI(null, null, posixPath, null).toASCIIString();
            // a first segment holding ':' would read as a scheme; "./" keeps it a relative reference
            int colon = s.indexOf(':'), slash = s.indexOf('/');
            return colon >= 0 && (slash < 0 || colon < slash) ? "./" + s : s;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
