package io.dvclint.format;

import io.dvclint.findings.Finding;
import io.dvclint.findings.Severity;
import io.dvclint.yaml.SourceText;
import java.io.PrintStream;
import java.util.List;

/**
 * The default, human format: {@code path:line:col: message [rule-id]}, then the source line with a caret under
 * the column (as actionlint prints), then the hint. Colour only when writing to a terminal.
 */
public final class TextFormatter implements Formatter {
    private static final String RESET = "\u001b[0m";

    @Override
    public void write(List<Finding> findings, Report report, PrintStream out) {
        boolean c = report.color();
        for (Finding f : findings) {
            String loc = report.display(f.file()) + ":" + f.line() + ":" + f.col() + ":";
            String sev = switch (f.severity()) {
                case ERROR -> "\u001b[1;31m";
                case WARNING -> "\u001b[1;33m";
                case INFO -> "\u001b[1;36m";
            };
            out.println((c ? "\u001b[1m" + loc + RESET : loc) + " "
                    + (c ? sev + GccFormatter.oneLine(f.message()) + RESET : GccFormatter.oneLine(f.message()))
                    + " " + (c ? "\u001b[90m[" + f.ruleId() + "]" + RESET : "[" + f.ruleId() + "]"));
            SourceText src = report.findings().sourceOf(f.file());
            if (src != null && f.line() >= 1 && f.line() <= src.lineCount()) {
                String line = src.line(f.line()).replace('\t', ' ');
                String num = String.valueOf(f.line());
                String pad = " ".repeat(num.length());
                out.println(pad + " |");
                out.println(num + " | " + line);
                int col = Math.max(1, f.col());
                int width = tokenWidth(line, col);
                String caret = " ".repeat(Math.min(col - 1, line.codePointCount(0, line.length())))
                        + "^" + "~".repeat(Math.max(0, width - 1));
                out.println(pad + " | " + (c ? sev + caret + RESET : caret));
            }
            if (f.hint() != null) out.println("  = hint: " + GccFormatter.oneLine(f.hint()));
        }
        if (!findings.isEmpty()) {
            long e = 0;
            long w = 0;
            for (Finding x : findings) {
                if (x.severity() == Severity.ERROR) e++;
                else if (x.severity() == Severity.WARNING) w++;
            }
            long i = findings.size() - e - w;
            out.println();
            out.println(plural(e, "error") + ", " + plural(w, "warning") + ", " + plural(i, "info") + " found");
        }
    }

    private static String plural(long n, String what) {
        return n + " " + what + (n == 1 || what.equals("info") ? "" : "s");
    }

    /** Length of the token starting at the column (to underline a whole key or value). */
    private static int tokenWidth(String line, int col) {
        int start = line.offsetByCodePoints(0, Math.min(col - 1, line.codePointCount(0, line.length())));
        int i = start;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (Character.isWhitespace(ch) || ch == ':' && i + 1 < line.length() && line.charAt(i + 1) == ' ') break;
            if (ch == ':' && i + 1 == line.length()) break;
            i++;
        }
        return Math.max(1, line.codePointCount(start, i));
    }
}
