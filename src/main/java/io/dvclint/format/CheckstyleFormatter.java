package io.dvclint.format;

import io.dvclint.findings.Finding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle XML, as Jenkins Warnings NG, reviewdog and SonarQube import it:
 * {@code <checkstyle version="4.3"><file name="dvc.yaml"><error line column severity message
 * source="dvclint.rule-id"/></file></checkstyle>}. Severities are error, warning and info.
 */
public final class CheckstyleFormatter implements Formatter {
    @Override
    public void write(List<Finding> findings, Report report, PrintStream out) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) byFile.computeIfAbsent(report.display(f.file()), k -> new ArrayList<>()).add(f);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<checkstyle version=\"4.3\">\n");
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            sb.append("  <file name=\"").append(Xml.escape(e.getKey())).append("\">\n");
            for (Finding f : e.getValue()) {
                String message = f.hint() == null ? f.message() : f.message() + " (hint: " + f.hint() + ")";
                sb.append("    <error line=\"").append(f.line()).append("\" column=\"").append(f.col())
                        .append("\" severity=\"").append(f.severity().label())
                        .append("\" message=\"").append(Xml.escape(message))
                        .append("\" source=\"dvclint.").append(Xml.escape(f.ruleId())).append("\"/>\n");
            }
            sb.append("  </file>\n");
        }
        sb.append("</checkstyle>\n");
        out.print(sb);
    }
}
