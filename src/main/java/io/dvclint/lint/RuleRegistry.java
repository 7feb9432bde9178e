package io.dvclint.lint;

import io.dvclint.findings.Severity;
import io.dvclint.format.RuleInfo;
import io.dvclint.rules.CmdLineContinuationRule;
import io.dvclint.rules.CmdLineStateRule;
import io.dvclint.rules.CycleRule;
import io.dvclint.rules.DirHashRule;
import io.dvclint.rules.DuplicateOutputRule;
import io.dvclint.rules.DvcFileAsOutputRule;
import io.dvclint.rules.EmptyCmdRule;
import io.dvclint.rules.LockStaleRule;
import io.dvclint.rules.MetaDvclintRule;
import io.dvclint.rules.MetricsBinaryRule;
import io.dvclint.rules.MetricsCachedRule;
import io.dvclint.rules.MissingDependencyRule;
import io.dvclint.rules.NoOutputsRule;
import io.dvclint.rules.OutputIgnoredRule;
import io.dvclint.rules.OverlappingOutputsRule;
import io.dvclint.rules.ParamAsDependencyRule;
import io.dvclint.rules.ParamHardcodedRule;
import io.dvclint.rules.ParamMissingRule;
import io.dvclint.rules.ParamUndeclaredRule;
import io.dvclint.rules.ParamUnusedRule;
import io.dvclint.rules.PathOutsideProjectRule;
import io.dvclint.rules.PlotsCachedRule;
import io.dvclint.rules.ScriptNotInDepsRule;
import io.dvclint.rules.StageInsideOutputRule;
import io.dvclint.rules.StageNameRule;
import io.dvclint.rules.WdirMissingRule;
import io.dvclint.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every rule, in a fixed order (an explicit list: no classpath scanning at start-up). */
public final class RuleRegistry {
    private static List<Rule> all;
    private static Map<String, Rule> byId;

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        if (all == null) init();
        return all;
    }

    public static Rule byId(String id) {
        all();
        return byId.get(id);
    }

    public static List<String> ids() {
        all();
        return List.copyOf(byId.keySet());
    }

    /** The catalogue formatters (SARIF) describe rules with. */
    public static List<RuleInfo> catalog() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule r : all()) {
            out.add(new RuleInfo(r.id(), r.summary(), RuleDocs.whatItFlags(r), r.defaultSeverity()));
        }
        return out;
    }

    private static void init() {
        List<Rule> list = new ArrayList<>();
        list.add(new MetaRule("yaml-syntax", Severity.ERROR, "File is not valid UTF-8 YAML (DVC cannot parse it)", "loader"));
        list.add(new MetaRule("schema", Severity.ERROR, "dvc.yaml does not match DVC's schema", "loader"));
        list.add(new MetaRule("lock-schema", Severity.ERROR, "dvc.lock does not match DVC's lock file schema", "loader"));
        list.add(new MetaRule("dvcfile-git-ignored", Severity.WARNING, "Git ignores a dvc.yaml or .dvc file, so "
                + "DVC silently leaves it out of the project", "loader"));
        list.add(new MetaRule("lock-git-ignored", Severity.ERROR, "Git ignores a pipeline's dvc.lock, so DVC refuses "
                + "to load its stages", "loader"));
        list.add(new MetaRule("template", Severity.ERROR, "`${...}` templating or foreach/matrix that DVC cannot "
                + "resolve", "templating"));
        list.add(new MetaRule("template-type", Severity.WARNING, "A templated value resolves to a type the field "
                + "does not accept", "templating"));
        list.add(new MetaRule("dvcignore", Severity.ERROR, "A .dvcignore pattern DVC cannot compile", "loader"));
        list.add(new CycleRule());
        list.add(new DuplicateOutputRule());
        list.add(new OverlappingOutputsRule());
        list.add(new StageInsideOutputRule());
        list.add(new OutputIgnoredRule());
        list.add(new MetricsCachedRule());
        list.add(new PlotsCachedRule());
        list.add(new NoOutputsRule());
        list.add(new EmptyCmdRule());
        list.add(new StageNameRule());
        list.add(new PathOutsideProjectRule());
        list.add(new DvcFileAsOutputRule());
        list.add(new ParamAsDependencyRule());
        list.add(new WdirMissingRule());
        list.add(new ParamMissingRule());
        list.add(new ParamUndeclaredRule());
        list.add(new ParamUnusedRule());
        list.add(new ParamHardcodedRule());
        list.add(new ScriptNotInDepsRule());
        list.add(new MissingDependencyRule());
        list.add(new CmdLineContinuationRule());
        list.add(new CmdLineStateRule());
        list.add(new LockStaleRule());
        list.add(new DirHashRule());
        list.add(new MetricsBinaryRule());
        list.add(new MetaDvclintRule());
        list.add(new MetaRule(Suppressions.UNKNOWN, Severity.WARNING, "Suppression comment names an unknown rule", "suppressions"));
        list.add(new MetaRule(Suppressions.UNUSED, Severity.INFO, "Suppression comment that suppressed nothing", "suppressions"));
        list.add(new MetaRule(RuleEngine.INTERNAL_ERROR, Severity.ERROR, "A rule crashed (a bug in dvclint)", "engine"));
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Rule r : list) {
            if (m.put(r.id(), r) != null) throw new IllegalStateException("duplicate rule id " + r.id());
        }
        byId = m;
        all = List.copyOf(list);
    }
}
