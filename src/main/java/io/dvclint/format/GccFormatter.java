package io.dvclint.format;

import io.dvclint.findings.Finding;
import java.io.PrintStream;
import java.util.List;

/** {@code path:line:col: severity: message [rule-id]}, one line per finding, for IDE external tools. */
public final class GccFormatter implements Formatter {
    @Override
    public void write(List<Finding> findings, Report report, PrintStream out) {
        for (Finding f : findings) {
            out.println(report.display(f.file()) + ":" + f.line() + ":" + f.col() + ": " + f.severity().label() + ": "
                    + oneLine(f.message()) + " [" + f.ruleId() + "]");
        }
    }

    static String oneLine(String s) {
        return s.replace("\r", "").replace('\n', ' ');
    }
}
