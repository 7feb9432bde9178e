package io.dvclint.format;

import io.dvclint.findings.Finding;
import io.dvclint.findings.Severity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML, as GitLab ({@code artifacts:reports:junit}) and Jenkins import it: one test suite {@code dvclint},
 * one test case per file linted (named by its path). A file with error findings is a failed test case whose failure
 * lists them; warnings and infos go to the test case's {@code system-out}, so they show without failing it.
 */
public final class JunitFormatter implements Formatter {
    @Override
    public void write(List<Finding> findings, Report report, PrintStream out) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Path p : report.findings().sources().keySet()) byFile.put(report.display(p), new ArrayList<>());
        for (Finding f : findings) byFile.computeIfAbsent(report.display(f.file()), k -> new ArrayList<>()).add(f);
        long failures = byFile.values().stream()
                .filter(fs -> fs.stream().anyMatch(f -> f.severity() == Severity.ERROR)).count();

        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String counts = " tests=\"" + byFile.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\"";
        sb.append("<testsuites name=\"dvclint\"").append(counts).append(">\n");
        sb.append("  <testsuite name=\"dvclint\"").append(counts).append(" time=\"0\">\n");
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            String file = Xml.escape(e.getKey());
            List<Finding> errors = e.getValue().stream().filter(f -> f.severity() == Severity.ERROR).toList();
            List<Finding> others = e.getValue().stream().filter(f -> f.severity() != Severity.ERROR).toList();
            sb.append("    <testcase classname=\"dvclint\" name=\"").append(file).append("\" file=\"").append(file)
                    .append("\" time=\"0\"");
            if (errors.isEmpty() && others.isEmpty()) {
                sb.append("/>\n");
                continue;
            }
            sb.append(">\n");
            if (!errors.isEmpty()) {
                Finding first = errors.get(0);
                String message = errors.size() == 1 ? first.message()
                        : errors.size() + " errors, first: " + first.message();
                sb.append("      <failure type=\"").append(Xml.escape(first.ruleId())).append("\" message=\"")
                        .append(Xml.escape(message)).append("\">").append(lines(errors, report)).append("</failure>\n");
            }
            if (!others.isEmpty()) {
                sb.append("      <system-out>").append(lines(others, report)).append("</system-out>\n");
            }
            sb.append("    </testcase>\n");
        }
        sb.append("  </testsuite>\n");
        sb.append("</testsuites>\n");
        out.print(sb);
    }

    /** The findings as gcc-style lines, escaped for element content (line breaks kept as references). */
    private static String lines(List<Finding> fs, Report report) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : fs) {
            sb.append(Xml.escape(report.display(f.file()) + ":" + f.line() + ":" + f.col() + ": "
                    + f.severity().label() + ": " + GccFormatter.oneLine(f.message()) + " [" + f.ruleId() + "]"));
            if (f.hint() != null) sb.append(Xml.escape("\n  hint: " + GccFormatter.oneLine(f.hint())));
            sb.append('\n');
        }
        return sb.toString();
    }
}
