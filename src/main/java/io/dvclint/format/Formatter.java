package io.dvclint.format;

import io.dvclint.findings.Finding;
import java.io.PrintStream;
import java.util.List;

/** Writes findings in one output format. Formatters never decide what is a problem; rules do. */
public interface Formatter {
    void write(List<Finding> findings, Report report, PrintStream out);
}
