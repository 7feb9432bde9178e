package io.dvclint.load;

import io.dvclint.model.Dep;
import io.dvclint.model.DvcFile;
import io.dvclint.model.MultiMaps;
import io.dvclint.model.Out;
import io.dvclint.model.OutKind;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.PathNames;
import io.dvclint.model.Stage;
import io.dvclint.py.PyFormat;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a resolved stage definition into the model, as {@code dvc/stage/loader.py} does: outputs with their flag
 * defaults, params grouped per file, paths relative to the stage's wdir. The definition is assumed to have passed
 * the schema; values of unexpected types (possible after templating) are skipped here and reported by the
 * template type check.
 */
public final class StageBuilder {
    public static final String DEFAULT_PARAMS = "params.yaml";

    private StageBuilder() {
    }

    public static Stage build(DvcFile file, String name, String group, Pos namePos, YMap def) {
        String wdir = ".";
        if (def.get("wdir") instanceof YScalar w && w.value() instanceof String s) wdir = s;
        Path wdirAbs = PathNames.resolve(file.dir(), wdir);

        Object cmd = null;
        Pos cmdPos = namePos;
        YNode cmdNode = def.get("cmd");
        if (cmdNode != null) {
            cmd = cmdNode.toJava();
            cmdPos = cmdNode.pos();
        }

        List<Dep> deps = new ArrayList<>();
        if (def.get("deps") instanceof YSeq seq) {
            for (YNode n : seq.items()) {
                if (n instanceof YScalar s && s.value() != null && !(s.value() instanceof Map)) {
                    String p = PyStr.of(s.value());
                    deps.add(new Dep(p, PathNames.resolve(wdirAbs, p), s.pos()));
                }
            }
        }

        List<Out> outs = new ArrayList<>();
        for (OutKind kind : OutKind.values()) {
            if (def.get(kind.key()) instanceof YSeq seq) {
                for (YNode n : seq.items()) addOuts(outs, n, kind, wdirAbs);
            }
        }

        List<ParamDep> params = params(def.get("params"), wdirAbs);
        boolean frozen = def.get("frozen") instanceof YScalar f && Boolean.TRUE.equals(f.value());
        boolean always = def.get("always_changed") instanceof YScalar a && Boolean.TRUE.equals(a.value());
        String desc = def.get("desc") instanceof YScalar d && d.value() instanceof String s ? s : null;
        return new Stage(file, name, group, namePos, def, wdir, wdirAbs, cmd, cmdPos, List.copyOf(deps),
                List.copyOf(outs), params, frozen, always, desc);
    }

    private static void addOuts(List<Out> outs, YNode n, OutKind kind, Path wdirAbs) {
        if (n instanceof YScalar s && s.value() != null) {
            String p = PyStr.of(s.value());
            mergeOrAdd(outs, new Out(p, PathNames.resolve(wdirAbs, p), s.pos(), kind, true, false, false, true,
                    null, null, null));
        } else if (n instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                String p = e.name();
                YMap flags = e.value() instanceof YMap fm ? fm : null;
                if (e.value() instanceof YSeq list && !list.items().isEmpty() && list.get(0) instanceof YMap first) {
                    flags = first; // plot props given as a list: DVC fails later at load; keep the first
                }
                boolean cacheExplicit = flags != null && flags.get("cache") instanceof YScalar;
                boolean cache = flag(flags, "cache", true);
                boolean persist = flag(flags, "persist", false);
                boolean push = flag(flags, "push", true);
                String remote = str(flags, "remote");
                String desc = str(flags, "desc");
                mergeOrAdd(outs, new Out(p, PathNames.resolve(wdirAbs, p), e.key().pos(), kind, cache, cacheExplicit,
                        persist, push, remote, desc, flags));
            }
        }
    }

    /** Identical paths inside the same list are merged (flags updated), as DVC's {@code _merge_data} does. */
    private static void mergeOrAdd(List<Out> outs, Out o) {
        for (int i = 0; i < outs.size(); i++) {
            Out x = outs.get(i);
            if (x.kind() == o.kind() && x.path().equals(o.path())) {
                if (o.flags() != null) outs.set(i, new Out(x.path(), x.abs(), x.pos(), x.kind(), o.cache(),
                        o.cacheExplicit(), o.persist(), o.push(), o.remote(), o.desc(), o.flags()));
                return;
            }
        }
        outs.add(o);
    }

    private static boolean flag(YMap flags, String key, boolean dflt) {
        if (flags != null && flags.get(key) instanceof YScalar s && s.value() instanceof Boolean b) return b;
        return dflt;
    }

    private static String str(YMap flags, String key) {
        if (flags != null && flags.get(key) instanceof YScalar s && s.value() instanceof String v) return v;
        return null;
    }

    /** Groups params entries per file as {@code dvc/dependency/__init__.py:_merge_params} does. */
    static List<ParamDep> params(YNode node, Path wdirAbs) {
        if (!(node instanceof YSeq seq)) return List.of();
        Map<String, List<ParamKey>> keys = new LinkedHashMap<>();
        Map<String, Boolean> whole = new LinkedHashMap<>();
        Map<String, Pos> pos = new LinkedHashMap<>();
        for (YNode item : seq.items()) {
            if (item instanceof YScalar s && s.value() != null) {
                String k = PyStr.of(s.value());
                MultiMaps.listAt(keys, DEFAULT_PARAMS).add(new ParamKey(k, s.pos()));
                pos.putIfAbsent(DEFAULT_PARAMS, s.pos());
            } else if (item instanceof YMap m) {
                for (YMap.Entry e : m.entries()) {
                    String f = e.name();
                    pos.putIfAbsent(f, e.key().pos());
                    List<ParamKey> list = MultiMaps.listAt(keys, f);
                    if (e.value() instanceof YSeq ks) {
                        if (ks.size() == 0) whole.put(f, true);
                        for (YNode k : ks.items()) {
                            if (k instanceof YScalar ksc && ksc.value() != null) {
                                list.add(new ParamKey(PyStr.of(ksc.value()), ksc.pos()));
                            }
                        }
                    } else if (e.value() instanceof YScalar v && v.value() == null) {
                        whole.put(f, true);
                    }
                }
            }
        }
        List<ParamDep> out = new ArrayList<>();
        for (Map.Entry<String, List<ParamKey>> e : keys.entrySet()) {
            String f = e.getKey();
            Path abs = PathNames.resolve(wdirAbs, f);
            String norm = PathNames.posix(wdirAbs.relativize(abs));
            boolean w = whole.getOrDefault(f, false);
            // merge a file named twice (e.g. "params.yaml" and "./params.yaml")
            ParamDep prev = null;
            for (ParamDep d : out) if (d.file().equals(norm)) prev = d;
            if (prev != null) {
                List<ParamKey> merged = new ArrayList<>(prev.keys());
                merged.addAll(e.getValue());
                out.set(out.indexOf(prev), new ParamDep(norm, abs, List.copyOf(merged), prev.whole() || w, prev.pos()));
            } else {
                out.add(new ParamDep(norm, abs, w ? List.of() : List.copyOf(e.getValue()), w, pos.get(f)));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            ParamDep d = out.get(i);
            if (d.whole()) out.set(i, new ParamDep(d.file(), d.abs(), List.of(), true, d.pos()));
        }
        return List.copyOf(out);
    }

    /** Python str() of a scalar used as a path or key. */
    static final class PyStr {
        static String of(Object v) {
            return PyFormat.str(v);
        }
    }
}
