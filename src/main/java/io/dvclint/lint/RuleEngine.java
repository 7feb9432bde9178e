package io.dvclint.lint;

import io.dvclint.analysis.ProjectFacts;
import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.findings.TextEdit;
import io.dvclint.model.MultiMaps;
import io.dvclint.model.Project;
import io.dvclint.rules.Rule;
import io.dvclint.rules.RuleContext;
import io.dvclint.yaml.Pos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;

/**
 * Runs the enabled rules over a loaded project, then applies inline suppressions and the configuration
 * (disabled rules, severities, per-path ignores) to every finding of the run, the loader's included.
 */
public final class RuleEngine {
    public static final String INTERNAL_ERROR = "internal-error";

    private RuleEngine() {
    }

    /**
     * Runs every rule, adding their findings in the order of the rules.
     *
     * @param findings the findings of this project only (loader findings already in it); rewritten in place
     */
    public static void run(ProjectFacts facts, Findings findings, Config config) {
        run(facts, findings, config, RuleRegistry.all());
    }

    public static void run(ProjectFacts facts, Findings findings, Config config, List<Rule> rules) {
        Project project = facts.project();
        for (Rule rule : rules) {
            if (rule instanceof MetaRule || !config.enabled(rule.id())) continue;
            RuleContext ctx = new RuleContext(facts, rule, config.rule(rule.id()), findings);
            long t0 = System.nanoTime();
            try {
                rule.check(ctx);
                Timings.report("rule " + rule.id(), t0);
                findings.addAll(dedupe(ctx.reported(), ctx));
            } catch (RuntimeException | StackOverflowError e) {
                // a rule that fails becomes an internal-error finding and the others go on
                findings.add(internalError(project, rule, e));
            }
        }
        Suppressions.apply(project, findings, config);
        applyConfig(project, findings, config);
    }

    /**
     * Stages generated from one foreach/matrix template point at the same text: a rule's findings at one position
     * about stages of one template are reported once — identical ones silently, differing ones (other generated
     * paths in the message) as the first with a count of the others — with the fixes of all of them. Identical
     * findings are reported once in any case.
     */
    public static List<Finding> dedupe(List<Finding> fs, RuleContext ctx) {
        Map<List<Object>, List<Finding>> byPlace = new LinkedHashMap<>();
        for (Finding f : fs) {
            String group = ctx.generatedFrom(f);
            List<Object> key = group != null ? List.of(f.file(), f.pos(), "group", group)
                    : List.of(f.file(), f.pos(), "message", f.message());
            MultiMaps.listAt(byPlace, key).add(f);
        }
        List<Finding> out = new ArrayList<>();
        for (List<Finding> group : byPlace.values()) {
            Finding first = group.get(0);
            Set<String> others = new LinkedHashSet<>();
            Set<TextEdit> edits = new LinkedHashSet<>(first.fixes());
            for (Finding f : group) {
                if (!f.message().equals(first.message())) others.add(f.message());
                edits.addAll(f.fixes());
            }
            String msg = others.isEmpty() ? first.message()
                    : first.message() + " (and " + others.size() + " more like it from the same template)";
            out.add(new Finding(first.ruleId(), first.severity(), first.file(), first.pos(), msg, first.hint(),
                    List.copyOf(edits)));
        }
        return out;
    }

    public static Finding internalError(Project project, Rule rule, Throwable e) {
        Path file = project.dvcFiles().isEmpty() ? project.root().resolve("dvc.yaml")
                : project.dvcFiles().get(0).path();
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        return new Finding(INTERNAL_ERROR, Severity.ERROR, file, Pos.START,
                "rule '" + rule.id() + "' failed: " + e.getClass().getName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                "this is a bug in dvclint, please report it" + (at == null ? "" : " (at " + at + ")"));
    }

    public static void applyConfig(Project project, Findings findings, Config config) {
        for (ListIterator<Finding> it = findings.all().listIterator(); it.hasNext();) {
            Finding f = it.next();
            boolean keep = f.ruleId().equals(INTERNAL_ERROR) || config.enabled(f.ruleId())
                    && !config.ignored(rel(project, f.file()), f.ruleId());
            if (!keep) {
                it.remove();
                continue;
            }
            Severity s = config.rule(f.ruleId()).severity();
            if (s != null && s != f.severity()) it.set(f.withSeverity(s));
        }
    }

    public static String rel(Project project, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(project.root()) ? project.rel(abs) : abs.toString().replace('\\', '/');
    }
}
