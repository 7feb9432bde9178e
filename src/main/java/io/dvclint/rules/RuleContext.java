package io.dvclint.rules;

import io.dvclint.config.RuleConfig;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a rule sees while it runs: the project, its options, and a way to report findings. */
public final class RuleContext {
    private final Project project;
    private final Rule rule;
    private final RuleConfig config;
    private final Findings findings;
    private final List<Finding> reported = new ArrayList<>();

    public RuleContext(Project project, Rule rule, RuleConfig config, Findings findings) {
        this.project = project;
        this.rule = rule;
        this.config = config == null ? RuleConfig.DEFAULT : config;
        this.findings = findings;
    }

    public Project project() {
        return project;
    }

    public Rule rule() {
        return rule;
    }

    /** Rule options from the configuration (plain Java values); empty when none. */
    public Map<String, Object> options() {
        return config.options();
    }

    /** The text of a loaded file (dvc.yaml, dvc.lock, ...), or null. */
    public SourceText source(Path file) {
        return findings.sourceOf(file);
    }

    public void report(Path file, Pos pos, String message) {
        report(null, file, pos, message, null, List.of());
    }

    public void report(Path file, Pos pos, String message, String hint) {
        report(null, file, pos, message, hint, List.of());
    }

    public void report(Path file, Pos pos, String message, String hint, List<TextEdit> fixes) {
        report(null, file, pos, message, hint, fixes);
    }

    /** Reports in the stage's dvc.yaml. */
    public void report(Stage stage, Pos pos, String message, String hint, List<TextEdit> fixes) {
        report(null, stage.file().path(), pos, message, hint, fixes);
    }

    /**
     * Reports with a severity chosen by the rule for this finding ({@code null}: the rule's default). A severity
     * set in the configuration overrides it.
     */
    public void report(Severity severity, Path file, Pos pos, String message, String hint, List<TextEdit> fixes) {
        Severity s = config.severity() != null ? config.severity()
                : severity != null ? severity : rule.defaultSeverity();
        reported.add(new Finding(rule.id(), s, file, pos, message, hint, fixes));
    }

    /** The findings reported so far (the engine adds them to the run once the rule finished). */
    public List<Finding> reported() {
        return reported;
    }
}
