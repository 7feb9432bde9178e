package io.dvclint.findings;

import io.dvclint.yaml.Pos;
import java.nio.file.Path;
import java.util.List;

/**
 * One problem found in a project: which rule, how severe, where (file, 1-based line and column) and what.
 *
 * @param ruleId   stable kebab-case id of the rule that produced it
 * @param file     absolute path of the file the finding points into
 * @param pos      where in that file; {@link Pos#START} when the file as a whole is meant
 * @param message  one line, naming the offending thing and, where there is one, the valid alternative
 * @param hint     optional second line: how to fix it
 * @param fixes    text edits that fix it for certain (applied by {@code --fix}); empty when none
 */
public record Finding(String ruleId, Severity severity, Path file, Pos pos, String message, String hint,
                      List<TextEdit> fixes) {

    public Finding {
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
        if (pos == null) pos = Pos.START;
    }

    public Finding(String ruleId, Severity severity, Path file, Pos pos, String message) {
        this(ruleId, severity, file, pos, message, null, List.of());
    }

    public Finding(String ruleId, Severity severity, Path file, Pos pos, String message, String hint) {
        this(ruleId, severity, file, pos, message, hint, List.of());
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, file, pos, message, hint, fixes);
    }

    public Finding withFixes(List<TextEdit> edits) {
        return new Finding(ruleId, severity, file, pos, message, hint, edits);
    }

    public int line() {
        return pos.line();
    }

    public int col() {
        return pos.col();
    }
}
