package io.dvclint.format;

import io.dvclint.findings.Findings;
import io.dvclint.model.PathNames;
import java.nio.file.Path;
import java.util.List;

/**
 * What a formatter may know about the run besides the findings: the folder paths are shown relative to, the
 * project roots, the sources for excerpts, whether to colour, and the rules known (for SARIF).
 */
public record Report(Path cwd, List<Path> roots, Findings findings, boolean color, String toolVersion,
                     RuleCatalog rules) {

    public Report {
        if (rules == null) rules = RuleCatalog.seenIn(findings.all());
    }

    /** A report whose rule catalogue is the rules seen in the findings. */
    public Report(Path cwd, List<Path> roots, Findings findings, boolean color, String toolVersion) {
        this(cwd, roots, findings, color, toolVersion, null);
    }

    /** A path as shown to the user: relative to the current folder when inside it, else absolute. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(cwd)) return PathNames.posix(cwd.relativize(abs));
        return PathNames.posix(abs);
    }

    /** A path relative to the project root that holds it (for SARIF and fingerprints). */
    public String rootRelative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path r : roots) if (abs.startsWith(r)) return PathNames.posix(r.relativize(abs));
        return display(file);
    }
}
