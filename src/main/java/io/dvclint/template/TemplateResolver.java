package io.dvclint.template;

import io.dvclint.py.PyFormat;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves the templating of one dvc.yaml exactly as DVC 3.x does ({@code dvc/parsing}): the context from
 * {@code params.yaml} and {@code vars}, {@code ${...}} interpolation, {@code foreach} and {@code matrix} expansion.
 * Every error becomes a positioned {@link TemplateProblem} and resolution goes on with the other stages; a stage
 * whose resolution fails is left out of the result.
 *
 * <p>The input is the raw, schema-valid root mapping. Files ({@code params.yaml}, vars files) are read through the
 * injected loader, each at most once per {@link #resolve} call.
 */
public final class TemplateResolver {
    /**
     * The outcome: stages in DVC's generation order, problems (errors, and warnings flagged as such), the resolved
     * items of the top-level {@code params}/{@code metrics}/{@code plots}/{@code datasets} lists, the
     * {@code artifacts} entries with their resolved names, and whether the file-level context ({@code
     * params.yaml} + {@code vars}) could be built. When it could not, DVC loads nothing from this dvc.yaml; the
     * stages that still resolve against the partial context are returned for further checks, but their own errors
     * are not reported (they would mostly be consequences of the broken context).
     */
    public record Result(List<ResolvedStage> stages, List<TemplateProblem> problems, List<YNode> params,
                         List<YNode> metrics, List<YNode> plots, List<YMap.Entry> artifacts, List<YNode> datasets,
                         boolean contextOk) {
        public List<TemplateProblem> errors() {
            List<TemplateProblem> out = new ArrayList<>();
            for (TemplateProblem p : problems) if (!p.warning()) out.add(p);
            return out;
        }

        public ResolvedStage stage(String name) {
            for (ResolvedStage s : stages) if (s.name().equals(name)) return s;
            return null;
        }
    }

    private static final String PARAMS_YAML = "params.yaml";

    private final Path repoRoot;
    private final Function<Path, FileLoad> loader;
    private final String dirLabel;
    private final String relpath;

    /** A resolver for the dvc.yaml in {@code dvcDir}; file names in messages are relative to that folder. */
    public TemplateResolver(Path dvcDir, Function<Path, FileLoad> loader) {
        this(dvcDir, dvcDir, loader);
    }

    /**
     * A resolver for the dvc.yaml in {@code dvcDir} inside the repository at {@code repoRoot}; file names in messages
     * are relative to the repository root as DVC prints them ({@code 'sub/dvc.yaml'}, {@code 'sub/params.yaml'}).
     */
    public TemplateResolver(Path repoRoot, Path dvcDir, Function<Path, FileLoad> loader) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.loader = loader;
        Path dir = dvcDir.toAbsolutePath().normalize();
        String rel;
        try {
            rel = this.repoRoot.relativize(dir).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            rel = dir.toString().replace('\\', '/');
        }
        this.dirLabel = rel.equals(".") ? "" : rel;
        this.relpath = normpath(join(dirLabel, "dvc.yaml"));
    }

    /** Resolves {@code root} (the dvc.yaml's root mapping) with the dvc.yaml in {@code dvcDir}. */
    public static Result resolve(YMap root, Path dvcDir, Function<Path, FileLoad> loader) {
        return new TemplateResolver(dvcDir, loader).resolve(root);
    }

    /** True when {@code s} holds a {@code ${...}} reference as DVC finds them (escaped {@code \${} does not count). */
    public static boolean containsTemplate(String s) {
        return s != null && s.contains("${") && Tmpl.Patterns.KEYCRE.matcher(s).find();
    }

    public Result resolve(YMap root) {
        return new Run().run(root);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String join(String base, String rel) {
        if (rel.startsWith("/") || base.isEmpty()) return rel;
        return base + "/" + rel;
    }

    /** Python's {@code posixpath.normpath}. */
    static String normpath(String p) {
        boolean abs = p.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
                else if (!abs) parts.addLast("..");
            } else {
                parts.addLast(seg);
            }
        }
        String r = (abs ? "/" : "") + String.join("/", parts);
        return r.isEmpty() ? "." : r;
    }

    private static String dirOf(String label) {
        return label.equals(".") ? "" : label;
    }

    static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Double d) return d != 0;
        if (v instanceof Number n) return n.doubleValue() != 0 || !n.toString().matches("-?0+");
        return true;
    }

    /** A foreach/matrix member before it enters the context: a context node, or a plain (literal) value. */
    private record Item(CNode value, boolean node) {
    }

    /** One resolution of one dvc.yaml. */
    private final class Run {
        final List<TemplateProblem> problems = new ArrayList<>();
        final List<ResolvedStage> stages = new ArrayList<>();
        final VarsFiles files = new VarsFiles(repoRoot, loader);
        final Map<String, Tmpl> tmpls = new HashMap<>();
        boolean contextOk = true;

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
                List<Runnable> work = new ArrayList<>();
                for (YMap.Entry e : st.entries()) {
                    if (!(e.value() instanceof YMap def)) continue;
                    String name = e.name();
                    Pos namePos = e.key().pos();
                    if (def.has("matrix")) work.add(matrix(name, namePos, def, global));
                    else if (def.has("foreach")) work.add(foreach(name, namePos, def, global));
                    else work.add(new Runnable() {
                        @Override
                        public void run() {
                            entry(name, namePos, def, global);
                        }
                    });
                }
                for (Runnable w : work) if (w != null) w.run();
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

        void add(Err e) {
            problems.add(e.problem(relpath));
        }

        /** A fresh evaluation of {@code ${...}} against {@code context}. */
        Interpolator interpolator(Context context, boolean rawKeys, Set<UsedVar> used, List<Err> errs, String stage) {
            return new Interpolator(tmpls, context, rawKeys, used, errs, stage);
        }

        void addStageErrs(List<Err> errs) {
            if (!contextOk) return;
            for (Err e : errs) add(e);
        }

        // -------------------------------------------------------------------------------------- definitions

        void entry(String name, Pos namePos, YMap def, Context global) {
            List<Err> errs = new ArrayList<>();
            ResolvedStage st = resolveStage(name, null, namePos, def, global, false, errs, Set.of());
            addStageErrs(errs);
            if (st != null) stages.add(st);
        }

        /** DVC's {@code EntryDefinition.resolve_stage}. */
        ResolvedStage resolveStage(String name, String group, Pos namePos, YMap def, Context scope, boolean generated,
                                   List<Err> errs, Set<UsedVar> groupUsed) {
            Interpolator ev = interpolator(scope, generated, new LinkedHashSet<>(groupUsed), errs, name);
            if (!generated && !ev.checkSyntax(def, name)) return null;

            String wdirLabel = dirLabel;
            YMap.Entry wdirEntry = def.entry("wdir");
            if (wdirEntry != null && wdirEntry.value() instanceof YScalar ws && truthy(ws.value())) {
                ev.where = "'stages." + name + ".wdir'";
                Object r = ws.value() instanceof String s ? ev.resolveString(ws, s, null) : new CNode.Val(ws.value(), null, "");
                if (r == Interpolator.FAIL) return null;
                String wd;
                try {
                    wd = r instanceof CNode c ? Interpolator.toStr(c) : (String) r;
                } catch (Interpolator.NestedIterable e) {
                    ev.err(ws.pos(), e.getMessage());
                    return null;
                }
                wdirLabel = dirOf(normpath(join(dirLabel, wd)));
            }

            YMap.Entry varsEntry = def.entry("vars");
            if (varsEntry != null && varsEntry.value() instanceof YSeq vars) {
                YScalar bad = Interpolator.findInterpolated(vars);
                if (bad != null) {
                    errs.add(new Err(bad.pos(), "'stages." + name + ".vars'", "interpolating is not allowed", name));
                    return null;
                }
                if (vars.size() > 0) {
                    Context cl = scope.cloneForVars();
                    try {
                        cl.loadFromVars(files, vars, wdirLabel, name, false);
                    } catch (ContextError e) {
                        Pos pos = e.pos(vars, vars.pos());
                        if (e.alreadyLoaded) errs.add(new Err(pos, "'stages." + name + ".vars'", e.getMessage(), name));
                        else errs.add(new Err(pos, "stage '" + name + "'", e.getMessage(), name));
                        return null;
                    }
                    ev.context = cl;
                }
            }

            List<YMap.Entry> out = new ArrayList<>(def.size());
            boolean ok = true;
            for (YMap.Entry e : def.entries()) {
                String field = e.name();
                if (field.equals("vars")) continue;
                ev.where = "'stages." + name + "." + field + "'";
                YNode r = ev.resolveNode(e.value(), field);
                if (r == null) ok = false;
                else out.add(new YMap.Entry(e.key(), r));
            }
            if (!ok) return null;
            return new ResolvedStage(name, group, namePos, YMap.like(def, out),
                    Collections.unmodifiableSet(ev.used), ev.retyped);
        }

        /** Resolves literal foreach/matrix data: exact references stay context nodes, the rest plain values. */
        Item literal(YNode n, Interpolator ev, String path) {
            if (n instanceof YScalar sc) {
                if (!(sc.value() instanceof String s)) return new Item(new CNode.Val(sc.value(), null, path), false);
                Object r = ev.resolveString(sc, s, null);
                if (r == Interpolator.FAIL) return null;
                if (r instanceof CNode c) return new Item(c, true);
                return new Item(new CNode.Val(r, null, path), false);
            }
            if (n instanceof YSeq seq) {
                List<CNode> items = new ArrayList<>(seq.size());
                boolean ok = true;
                int i = 0;
                for (YNode x : seq.items()) {
                    Item it = literal(x, ev, CNode.child(path, Integer.toString(i++)));
                    if (it == null) ok = false;
                    else items.add(it.value());
                }
                return ok ? new Item(new CNode.Lst(items, null, path), false) : null;
            }
            LinkedHashMap<String, CNode> map = new LinkedHashMap<>();
            boolean ok = true;
            for (YMap.Entry e : ((YMap) n).entries()) {
                if (!(e.key().value() instanceof String)) continue; // dropped by the context
                String k = literalKey(e.key(), ev);
                Item it = literal(e.value(), ev, CNode.child(path, k == null ? "" : k));
                if (k == null || it == null) ok = false;
                else map.put(k, it.value());
            }
            return ok ? new Item(new CNode.Dict(map, null, path), false) : null;
        }

        /** A mapping key of literal data as DVC's {@code to_str} prints it; null when it failed. */
        String literalKey(YScalar key, Interpolator ev) {
            if (!(key.value() instanceof String s)) return PyFormat.interp(key.value());
            Object r = ev.resolveString(key, s, null);
            if (r == Interpolator.FAIL) return null;
            if (r instanceof CNode c) return c instanceof CNode.Val v ? PyFormat.str(v.value) : PyFormat.str(c.toJava());
            return (String) r;
        }

        /** Key of a scalar foreach/matrix member: {@code to_str} for plain values, {@code str()} for context nodes. */
        String memberKey(Item it) {
            Object v = ((CNode.Val) it.value()).value;
            return it.node() ? PyFormat.str(v) : PyFormat.interp(v);
        }

        static boolean isContainer(CNode c) {
            return c instanceof CNode.Dict || c instanceof CNode.Lst;
        }

        void warnOverwrite(List<String> keys, Context global, String name, Pos pos) {
            List<String> warnFor = new ArrayList<>();
            for (String k : keys) if (global.root.map.containsKey(k)) warnFor.add(k);
            if (warnFor.isEmpty()) return;
            String msg = String.join(" and ", warnFor) + (warnFor.size() == 1 ? " is" : " are")
                    + " already specified, will be overwritten for stages generated from '" + name + "'";
            if (contextOk) add(new Err(pos, "parse", null, msg, name, true));
        }

        /** Resolves the foreach data (DVC does this for every group before any stage); returns the generation. */
        Runnable foreach(String name, Pos namePos, YMap def, Context global) {
            YMap.Entry fe = def.entry("foreach");
            if (!(def.get("do") instanceof YMap template)) return null;
            List<Err> errs = new ArrayList<>();
            Set<UsedVar> groupUsed = new LinkedHashSet<>();
            Interpolator ev = interpolator(global, false, groupUsed, errs, name);
            ev.where = "'stages." + name + ".foreach'";
            YNode data = fe.value();

            LinkedHashMap<String, CNode> members = new LinkedHashMap<>();
            boolean isDict;
            String badType = null;
            if (data instanceof YScalar sc) {
                Object r = sc.value() instanceof String s ? ev.resolveString(sc, s, null) : new CNode.Val(sc.value(), null, "");
                if (r == Interpolator.FAIL) {
                    addStageErrs(errs);
                    return null;
                }
                if (r instanceof CNode.Lst l) {
                    isDict = false;
                    List<Item> items = new ArrayList<>();
                    for (CNode c : l.items) items.add(new Item(c, true));
                    listMembers(items, members);
                } else if (r instanceof CNode.Dict d) {
                    isDict = true;
                    members.putAll(d.map);
                } else {
                    isDict = false;
                    badType = r instanceof String ? "str" : ((CNode) r).typeName();
                }
            } else if (data instanceof YSeq seq) {
                isDict = false;
                List<Item> items = new ArrayList<>(seq.size());
                boolean ok = true;
                for (YNode x : seq.items()) {
                    Item it = literal(x, ev, "item");
                    if (it == null) ok = false;
                    else items.add(it);
                }
                if (!ok) {
                    addStageErrs(errs);
                    return null;
                }
                listMembers(items, members);
            } else {
                isDict = true;
                boolean ok = true;
                for (YMap.Entry e : ((YMap) data).entries()) {
                    String k = literalKey(e.key(), ev);
                    Item it = literal(e.value(), ev, "item");
                    if (k == null || it == null) ok = false;
                    else members.put(k, it.value());
                }
                if (!ok) {
                    addStageErrs(errs);
                    return null;
                }
            }
            if (badType != null) {
                errs.add(new Err(data.pos(), "resolve", "'stages." + name + ".foreach'",
                        "expected list/dictionary, got " + badType, name, false));
                addStageErrs(errs);
                return null;
            }
            warnOverwrite(isDict ? List.of("item", "key") : List.of("item"), global, name, fe.key().pos());
            if (members.isEmpty()) return null;
            return () -> {
                ev.where = null;
                if (!ev.checkSyntax(template, name)) {
                    addStageErrs(errs);
                    return;
                }
                List<String> reserved = isDict ? List.of("item", "key") : List.of("item");
                Dedup dd = new Dedup(name);
                for (Map.Entry<String, CNode> m : members.entrySet()) {
                    Map<String, CNode> temp = new LinkedHashMap<>(4);
                    temp.put("item", m.getValue());
                    if (isDict) temp.put("key", new CNode.Val(m.getKey(), null, "key"));
                    generate(name, m.getKey(), namePos, template, global.withTemp(temp, reserved), groupUsed, dd);
                }
                dd.flush();
            };
        }

        /** DVC's {@code normalized_iterable} for a list. */
        void listMembers(List<Item> items, LinkedHashMap<String, CNode> out) {
            boolean composite = false;
            for (Item it : items) composite |= isContainer(it.value());
            int i = 0;
            for (Item it : items) {
                String key = composite ? Integer.toString(i++) : memberKey(it);
                out.put(key, it.value());
            }
        }

        void generate(String group, String key, Pos namePos, YMap template, Context scope, Set<UsedVar> groupUsed, Dedup dd) {
            List<Err> errs = new ArrayList<>(0);
            ResolvedStage st = resolveStage(group + "@" + key, group, namePos, template, scope, true, errs, groupUsed);
            dd.add(errs);
            if (st != null) stages.add(st);
        }

        /** Reports an error repeated by many generated stages of a group once, with a count. */
        final class Dedup {
            final String group;
            final LinkedHashMap<String, Err> first = new LinkedHashMap<>();
            final Map<String, Integer> count = new HashMap<>();

            Dedup(String group) {
                this.group = group;
            }

            void add(List<Err> errs) {
                for (Err e : errs) {
                    String k = e.pos() + "|" + e.body();
                    first.putIfAbsent(k, e);
                    count.merge(k, 1, Integer::sum);
                }
            }

            void flush() {
                if (!contextOk) return;
                for (Map.Entry<String, Err> e : first.entrySet()) {
                    int n = count.get(e.getKey());
                    Err err = e.getValue();
                    if (n > 1) {
                        err = new Err(err.pos(), err.verb(), err.where(), err.body() + " (and in " + (n - 1)
                                + " more stage" + (n > 2 ? "s" : "") + " generated from '" + group + "')",
                                err.stage(), false);
                    }
                    Run.this.add(err);
                }
            }
        }

        /** Resolves the matrix data; returns the generation of the stages. */
        Runnable matrix(String name, Pos namePos, YMap def, Context global) {
            YMap.Entry me = def.entry("matrix");
            if (!(me.value() instanceof YMap axes)) return null;
            List<YMap.Entry> tpl = new ArrayList<>();
            for (YMap.Entry e : def.entries()) if (e != me) tpl.add(e);
            YMap template = YMap.of(tpl, def.pos(), def.end());

            List<Err> errs = new ArrayList<>();
            Set<UsedVar> groupUsed = new LinkedHashSet<>();
            Interpolator ev = interpolator(global, false, groupUsed, errs, name);
            ev.where = "'stages." + name + ".matrix'";
            List<String> names = new ArrayList<>();
            List<List<Item>> values = new ArrayList<>();
            boolean ok = true;
            for (YMap.Entry e : axes.entries()) {
                String axis = literalKey(e.key(), ev);
                List<Item> items = axisItems(e.value(), ev, name, axis);
                if (axis == null || items == null) {
                    ok = false;
                    continue;
                }
                int at = names.indexOf(axis);
                if (at >= 0) {
                    values.set(at, items);
                } else {
                    names.add(axis);
                    values.add(items);
                }
            }
            if (!ok) {
                addStageErrs(errs);
                return null;
            }
            warnOverwrite(List.of("key", "item"), global, name, me.key().pos());

            LinkedHashMap<String, CNode.Dict> members = new LinkedHashMap<>();
            int axesN = names.size();
            for (List<Item> v : values) if (v.isEmpty()) axesN = -1;
            if (axesN >= 0) {
                int[] idx = new int[axesN];
                while (true) {
                    LinkedHashMap<String, CNode> d = new LinkedHashMap<>();
                    StringBuilder key = new StringBuilder();
                    for (int a = 0; a < axesN; a++) {
                        Item it = values.get(a).get(idx[a]);
                        d.put(names.get(a), it.value());
                        if (a > 0) key.append('-');
                        if (isContainer(it.value())) key.append(names.get(a)).append(idx[a]);
                        else key.append(memberKey(it));
                    }
                    members.put(key.toString(), new CNode.Dict(d, null, "item"));
                    int a = axesN - 1;
                    while (a >= 0 && ++idx[a] == values.get(a).size()) idx[a--] = 0;
                    if (a < 0) break;
                }
            }
            if (members.isEmpty()) return null;
            return () -> {
                if (!ev.checkSyntax(template, name)) {
                    addStageErrs(errs);
                    return;
                }
                List<String> reserved = List.of("key", "item");
                Dedup dd = new Dedup(name);
                for (Map.Entry<String, CNode.Dict> m : members.entrySet()) {
                    Map<String, CNode> temp = new LinkedHashMap<>(4);
                    temp.put("key", new CNode.Val(m.getKey(), null, "key"));
                    temp.put("item", m.getValue());
                    generate(name, m.getKey(), namePos, template, global.withTemp(temp, reserved), groupUsed, dd);
                }
                dd.flush();
            };
        }

        /** The values of one matrix axis, as Python's {@code enumerate} walks the resolved data. */
        List<Item> axisItems(YNode v, Interpolator ev, String name, String axis) {
            List<Item> items = new ArrayList<>();
            if (v instanceof YSeq seq) {
                boolean ok = true;
                for (YNode x : seq.items()) {
                    Item it = literal(x, ev, "item");
                    if (it == null) ok = false;
                    else items.add(it);
                }
                return ok ? items : null;
            }
            Object r;
            if (v instanceof YScalar sc && sc.value() instanceof String s) {
                r = ev.resolveString(sc, s, null);
                if (r == Interpolator.FAIL) return null;
            } else if (v instanceof YMap m) {
                Item it = literal(m, ev, "item");
                if (it == null) return null;
                r = it.value();
            } else {
                r = new CNode.Val(((YScalar) v).value(), null, "");
            }
            if (r instanceof CNode.Lst l) {
                for (CNode c : l.items) items.add(new Item(c, true));
            } else if (r instanceof CNode.Dict d) {
                for (String k : d.map.keySet()) items.add(new Item(new CNode.Val(k, null, "item"), false));
            } else if (r instanceof String s) {
                s.codePoints().forEach(cp -> items.add(new Item(new CNode.Val(new String(Character.toChars(cp)), null,
                        "item"), false)));
            } else {
                ev.errs.add(new Err(v.pos(), "resolve", "'stages." + name + ".matrix'", "expected a list for '" + axis
                        + "', got " + ((CNode) r).typeName(), name, false));
                return null;
            }
            return items;
        }

        /** DVC's {@code ArtifactDefinition}: the name may be templated but must resolve to a string. */
        List<YMap.Entry> artifacts(YMap root, Context global) {
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
                if (contextOk) for (Err x : errs) add(x);
            }
            return out;
        }

        List<YNode> section(YMap root, String where, Context global) {
            List<YNode> out = new ArrayList<>();
            if (!(root.get(where) instanceof YSeq seq)) return out;
            int i = 0;
            for (YNode item : seq.items()) {
                List<Err> errs = new ArrayList<>();
                Interpolator ev = interpolator(global, false, new HashSet<>(), errs, null);
                ev.where = "'" + where + "." + i++ + "'";
                YNode r = ev.checkSyntax(item) ? ev.resolveNode(item, null) : null;
                if (r != null) out.add(r);
                if (contextOk) for (Err e : errs) add(e);
            }
            return out;
        }
    }
}
