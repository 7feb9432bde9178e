package io.dvclint.template;

import static io.dvclint.template.TemplateResolver.join;
import static io.dvclint.template.TemplateResolver.normpath;

import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A templating context as DVC's {@code context.py} keeps it: the top-level data, the temporary {@code item}/{@code key}
 * of a generated stage, the reserved keys and the imported files; {@code vars} loading ({@code params.yaml} by
 * default, {@code file}, {@code file:key1,key2}, inline mappings) and merging with DVC's reserved-key, partial-load
 * and redefinition errors. Shared containers are copied before a merge writes into them, so a stage's context costs
 * only what its own {@code vars} add.
 */
final class Context {
    private static final String PARAMS_YAML = "params.yaml";

    final CNode.Dict root;
    private final Map<String, CNode> temp;
    private final List<String> reserved;
    /** Imported file labels with the keys taken from them; null keys: the whole file. */
    private final Map<String, List<String>> imports;
    /** The dictionaries this context may write into (the others are shared). */
    private final Set<CNode.Dict> owned = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean cloned;
    private final Set<String> newSources = new HashSet<>();

    private Context(CNode.Dict root, Map<String, CNode> temp, List<String> reserved, Map<String, List<String>> imports,
                    boolean cloned) {
        this.root = root;
        this.temp = temp;
        this.reserved = reserved;
        this.imports = imports;
        this.cloned = cloned;
    }

    /** An empty file-level context. */
    static Context empty() {
        CNode.Dict top = new CNode.Dict(new LinkedHashMap<>(), null, "");
        Context c = new Context(top, null, List.of(), new LinkedHashMap<>(), false);
        c.owned.add(top);
        return c;
    }

    CNode top(String k) {
        if (temp != null) {
            CNode t = temp.get(k);
            if (t != null) return t;
        }
        return root.map.get(k);
    }

    Collection<String> topKeys() {
        if (temp == null) return root.map.keySet();
        Set<String> all = new LinkedHashSet<>(root.map.keySet());
        all.addAll(temp.keySet());
        return all;
    }

    /** This context with the temporary values {@code t} of a generated stage, whose keys {@code res} reserves. */
    Context withTemp(Map<String, CNode> t, List<String> res) {
        return new Context(root, t, res, imports, false);
    }

    /** A copy to load a stage's own {@code vars} into: the temporary values become data, imports are copied. */
    Context cloneForVars() {
        CNode.Dict r = root.copy();
        if (temp != null) r.map.putAll(temp);
        Map<String, List<String>> imp = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : imports.entrySet()) {
            imp.put(e.getKey(), e.getValue() == null ? null : new ArrayList<>(e.getValue()));
        }
        Context c = new Context(r, null, reserved, imp, true);
        c.owned.add(r);
        return c;
    }

    /**
     * DVC's {@code load_from_vars}: {@code params.yaml} of {@code wdirLabel} first when {@code withDefault} (and it
     * exists), then each item of {@code vars}: a file (with {@code :keys}) or an inline mapping, named
     * {@code vars[i]} (or {@code <stage>.vars[i]}) as a source.
     */
    void loadFromVars(VarsFiles files, YSeq vars, String wdirLabel, String stageName, boolean withDefault)
            throws ContextError {
        if (withDefault) {
            String label = normpath(join(wdirLabel, PARAMS_YAML));
            if (!files.missing(label)) mergeFrom(files, PARAMS_YAML, wdirLabel);
        }
        if (vars == null) return;
        int index = 0;
        for (YNode item : vars.items()) {
            if (item instanceof YScalar sc && sc.value() instanceof String str) {
                try {
                    mergeFrom(files, str, wdirLabel);
                } catch (ContextError e) {
                    throw new ContextError(e.getMessage(), e.alreadyLoaded, "#" + index);
                }
            } else if (item instanceof YMap m) {
                String source = (stageName == null ? "" : stageName + ".") + "vars[" + index + "]";
                CNode.Dict d = (CNode.Dict) CNode.of(m, new CNode.Src(source, null, true), "");
                try {
                    mergeUpdate(d, null, source);
                } catch (ContextError e) {
                    throw new ContextError(e.getMessage(), e.alreadyLoaded,
                            "#" + index + (e.path == null ? "" : ":" + e.path));
                }
            }
            index++;
        }
    }

    private void mergeFrom(VarsFiles files, String item, String wdirLabel) throws ContextError {
        int colon = item.indexOf(':');
        String file = colon < 0 ? item : item.substring(0, colon);
        String keysStr = colon < 0 ? "" : item.substring(colon + 1);
        String label = normpath(join(wdirLabel, file));
        List<String> keys = null;
        if (!keysStr.isEmpty()) {
            keys = new ArrayList<>();
            for (String k : keysStr.split(",", -1)) if (!k.isEmpty()) keys.add(k);
        }
        if (imports.containsKey(label)) {
            List<String> imported = imports.get(label);
            if ((keys == null || keys.isEmpty()) && imported == null) return;
            checkLoaded(item, keys, imported);
        }
        CNode.Dict data = files.load(label);
        if (keys != null && !keys.isEmpty()) {
            LinkedHashMap<String, CNode> sel = new LinkedHashMap<>();
            for (String k : keys) {
                CNode v = data.map.get(k);
                if (v == null) throw new ContextError("could not find '" + k + "' in '" + label + "'");
                sel.put(k, v);
            }
            data = new CNode.Dict(sel, data.src, "");
        }
        mergeUpdate(data, item, label);
        if (!imports.containsKey(label)) imports.put(label, keys == null ? null : new ArrayList<>(keys));
        else if (keys != null && !keys.isEmpty()) imports.get(label).addAll(keys);
    }

    private static void checkLoaded(String item, List<String> keys, List<String> imported) throws ContextError {
        boolean noKeys = keys == null || keys.isEmpty();
        if (noKeys && imported != null) {
            throw new ContextError("cannot load '" + item + "' as it's partially loaded already", true, null);
        }
        if (!noKeys && imported == null) {
            throw new ContextError("cannot partially load '" + item + "' as it's already loaded.", true, null);
        }
        if (imported != null && !noKeys) {
            for (String k : keys) {
                if (imported.contains(k)) {
                    throw new ContextError("cannot load '" + item + "' as it's partially loaded already", true, null);
                }
            }
        }
    }

    private void mergeUpdate(CNode.Dict update, String item, String source) throws ContextError {
        List<String> matches = new ArrayList<>();
        for (String r : reserved) if (update.map.containsKey(r)) matches.add(r);
        if (!matches.isEmpty()) {
            String msg = "attempted to modify reserved key" + (matches.size() > 1 ? "s " : " ") + humanJoin(matches);
            if (item != null) msg += " in '" + item + "'";
            throw new ContextError(msg);
        }
        newSources.add(source);
        merge(root, update);
    }

    private void merge(CNode.Dict into, CNode.Dict update) throws ContextError {
        for (Map.Entry<String, CNode> e : update.map.entrySet()) {
            String k = e.getKey();
            CNode val = e.getValue();
            CNode cur = into.map.get(k);
            if (cur instanceof CNode.Dict cd && val instanceof CNode.Dict vd) {
                CNode.Dict own = cd;
                if (!owned.contains(cd)) {
                    own = cd.copy();
                    owned.add(own);
                    into.map.put(k, own);
                }
                merge(own, vd);
            } else if (cur != null) {
                String old = cur.src == null ? null : cur.src.label();
                if (cloned && !(cur instanceof CNode.Val) && !newSources.contains(old)) old = null;
                throw new ContextError("cannot redefine '" + val.path + "' from '"
                        + (val.src == null ? "None" : val.src.label()) + "' as it already exists in '"
                        + (old == null ? "None" : old) + "'", false, val.path);
            } else {
                into.map.put(k, val);
            }
        }
    }

    /** DVC's {@code humanize.join}: {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String humanJoin(List<String> words) {
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
