package io.dvclint.template;

import io.dvclint.template.TemplateResolver.Result;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resolution of one dvc.yaml, as DVC's {@code DataResolver} does it: the file-level context from
 * {@code params.yaml} and {@code vars}, then the definitions under {@code stages} in DVC's order, then the top-level
 * {@code metrics}, {@code plots}, {@code params}, {@code artifacts} and {@code datasets}. Problems are kept in the
 * order they arise; a stage's errors are dropped when the file-level context could not be built.
 */
final class DataResolver {
    /** A definition under {@code stages}, resolved once every foreach/matrix definition has resolved its data. */
    interface Definition {
        void resolve();
    }

    /** The dvc.yaml's folder relative to the repository root ({@code ""} at the root). */
    final String dirLabel;
    /** The dvc.yaml as DVC names it in messages. */
    private final String relpath;
    final VarsFiles files;
    private final Map<String, Tmpl> tmpls = new HashMap<>();
    private final List<TemplateProblem> problems = new ArrayList<>();
    final List<ResolvedStage> stages = new ArrayList<>();
    boolean contextOk = true;

    DataResolver(String dirLabel, String relpath, VarsFiles files) {
        this.dirLabel = dirLabel;
        this.relpath = relpath;
        this.files = files;
    }

    Result run(YMap root) {
        Context global = Context.empty();

        YSeq vars = root.get("vars") instanceof YSeq s ? s : null;
        YScalar interp = vars == null ? null : Interpolator.findInterpolated(vars);
        if (interp != null) {
            contextOk = false;
            add(new Err(interp.pos(), "'vars'", "interpolating is not allowed", null));
        } else {
            try {
                global.loadFromVars(files, vars, dirLabel, null, true);
            } catch (ContextError e) {
                contextOk = false;
                add(new Err(e.pos(vars, null), "'vars'", e.getMessage(), null));
            }
        }

        if (root.get("stages") instanceof YMap st) {
            // DVC lists every stage name (resolving all foreach/matrix data) before it resolves any stage
            List<Definition> work = new ArrayList<>();
            for (YMap.Entry e : st.entries()) {
                if (!(e.value() instanceof YMap def)) continue;
                String name = e.name();
                Pos namePos = e.key().pos();
                Definition d;
                if (def.has("matrix")) d = MatrixDefinition.of(this, name, namePos, def, global);
                else if (def.has("foreach")) d = ForeachDefinition.of(this, name, namePos, def, global);
                else d = new EntryDefinition(this, name, null, namePos, def, global);
                if (d != null) work.add(d);
            }
            for (Definition d : work) d.resolve();
        }

        // DVC's Index.from_file reads these right after the stages, in this order
        List<YNode> metrics = section(root, "metrics", global);
        List<YNode> plots = section(root, "plots", global);
        List<YNode> params = section(root, "params", global);
        List<YMap.Entry> artifacts = artifacts(root, global);
        List<YNode> datasets = section(root, "datasets", global);
        return new Result(List.copyOf(stages), List.copyOf(problems), params, metrics, plots, artifacts, datasets,
                contextOk);
    }

    /** A fresh evaluation of {@code ${...}} against {@code context}. */
    Interpolator interpolator(Context context, boolean rawKeys, Set<UsedVar> used, List<Err> errs, String stage) {
        return new Interpolator(tmpls, context, rawKeys, used, errs, stage);
    }

    void add(Err e) {
        problems.add(e.problem(relpath));
    }

    /** Reports the errors of a stage or group, unless the file-level context is broken. */
    void addStageErrs(List<Err> errs) {
        if (!contextOk) return;
        for (Err e : errs) add(e);
    }

    /** DVC's {@code ArtifactDefinition}: the name may be templated but must resolve to a string. */
    private List<YMap.Entry> artifacts(YMap root, Context global) {
        List<YMap.Entry> out = new ArrayList<>();
        if (!(root.get("artifacts") instanceof YMap arts)) return out;
        for (YMap.Entry e : arts.entries()) {
            List<Err> errs = new ArrayList<>();
            Interpolator ev = interpolator(global, false, new HashSet<>(), errs, null);
            ev.where = "'artifacts." + e.name() + "'";
            YNode name = ev.checkSyntax(e.key()) ? ev.resolveNode(e.key(), null) : null;
            if (name != null && !(name instanceof YScalar ns && ns.value() instanceof String)) {
                String typ = name instanceof YScalar ns ? new CNode.Val(ns.value(), null, "").typeName() : name.typeName();
                errs.add(new Err(e.key().pos(), "resolve", ev.where, "expected str, got " + typ, null, false));
                name = null;
            }
            YNode def = name != null && ev.checkSyntax(e.value()) ? ev.resolveNode(e.value(), null) : null;
            if (name != null && def != null) out.add(new YMap.Entry((YScalar) name, def));
            addStageErrs(errs);
        }
        return out;
    }

    /** The items of a top-level list ({@code metrics}, {@code plots}, {@code params}, {@code datasets}), resolved. */
    private List<YNode> section(YMap root, String where, Context global) {
        List<YNode> out = new ArrayList<>();
        if (!(root.get(where) instanceof YSeq seq)) return out;
        int i = 0;
        for (YNode item : seq.items()) {
            List<Err> errs = new ArrayList<>();
            Interpolator ev = interpolator(global, false, new HashSet<>(), errs, null);
            ev.where = "'" + where + "." + i++ + "'";
            YNode r = ev.checkSyntax(item) ? ev.resolveNode(item, null) : null;
            if (r != null) out.add(r);
            addStageErrs(errs);
        }
        return out;
    }
}
