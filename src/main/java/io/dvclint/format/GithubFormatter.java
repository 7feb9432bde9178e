package io.dvclint.format;

import io.dvclint.findings.Finding;
import java.io.PrintStream;
import java.util.List;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull request:
 * {@code ::error file=dvc.yaml,line=4,col=3,title=yaml-syntax::message}, with {@code ::warning} and
 * {@code ::notice} for the lesser severities. Paths are relative to the current folder (the workspace in CI).
 */
public final class GithubFormatter implements Formatter {
    @Override
    public void write(List<Finding> findings, Report report, PrintStream out) {
        for (Finding f : findings) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            String message = f.hint() == null ? f.message() : f.message() + "\nhint: " + f.hint();
            out.println("::" + command + " file=" + escapeProperty(report.display(f.file()))
                    + ",line=" + f.line() + ",col=" + f.col()
                    + ",title=" + escapeProperty(f.ruleId())
                    + "::" + escapeData(message));
        }
    }

    /** Escapes a command's message as the Actions runner expects: {@code %}, CR and LF. */
    public static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command property value: as {@link #escapeData} plus {@code :} and {@code ,}. */
    public static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
