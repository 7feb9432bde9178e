package io.dvclint.schema;

import com.networknt.schema.path.NodePath;
import io.dvclint.findings.Suggest;
import io.dvclint.py.PyFormat;
import io.dvclint.schema.SchemaValidator.Kind;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON Schema validator's errors on one file into {@link SchemaProblem}s in DVC's and plain words: one
 * problem per real mistake (duplicates and the errors a wrong type causes below it dropped, a mistake the validator
 * reports as several errors told once), positioned on the key or value at fault, with the valid alternatives named
 * (the allowed keys, the nearest one to a misspelt key, the types expected).
 */
final class ProblemReporter {
    /** One validator error, with its instance path as a list of keys (String) and indexes (Integer). */
    record Raw(String keyword, List<Object> path, String property, NodePath schemaPath, JsonNode schemaNode) {
    }

    private static final Set<String> LOCK_FIELDS = Set.of("hash", "md5", "etag", "checksum", "size", "nfiles",
            "isexec", "version_id", "files", "cloud", "path");
    private static final Set<String> OUT_LISTS = Set.of("outs", "metrics", "plots");

    /** Common wrong names for stage keys. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("command", "cmd"), Map.entry("commands", "cmd"), Map.entry("comand", "cmd"),
            Map.entry("cmds", "cmd"), Map.entry("run", "cmd"), Map.entry("script", "cmd"),
            Map.entry("dependencies", "deps"), Map.entry("depends", "deps"), Map.entry("inputs", "deps"),
            Map.entry("input", "deps"), Map.entry("outputs", "outs"), Map.entry("output", "outs"),
            Map.entry("parameters", "params"), Map.entry("working_dir", "wdir"), Map.entry("workdir", "wdir"),
            Map.entry("cwd", "wdir"), Map.entry("description", "desc"), Map.entry("always_change", "always_changed"),
            Map.entry("alwayschanged", "always_changed"), Map.entry("for_each", "foreach"));

    private final Kind kind;
    private final YNode root;
    private final JsonNode rawSchema;
    private final List<SchemaProblem> out = new ArrayList<>();

    ProblemReporter(Kind kind, YNode root, JsonNode rawSchema) {
        this.kind = kind;
        this.root = root;
        this.rawSchema = rawSchema;
    }

    List<SchemaProblem> report(List<Raw> raws) {
        // 1. one error per (place, keyword, key): if/else branches can report the same thing twice
        Set<String> seen = new HashSet<>();
        List<Raw> uniq = new ArrayList<>();
        for (Raw r : raws) {
            if (seen.add(r.path() + "|" + r.keyword() + "|" + r.property())) uniq.add(r);
        }
        // 2. below a non-string key: the key itself is the mistake (reported at its mapping)
        uniq.removeIf(r -> r.path().stream().anyMatch(JsonTree::isMarked));
        // 3. a wrong type at a place hides the other complaints about that place
        Set<List<Object>> typed = new HashSet<>();
        for (Raw r : uniq) if (r.keyword().equals("type")) typed.add(r.path());
        uniq.removeIf(r -> !r.keyword().equals("type") && typed.contains(r.path()));
        // 4. whole mistakes that the validator reports as several errors
        Set<List<Object>> handled = new LinkedHashSet<>();
        if (kind == Kind.YAML) {
            for (Raw r : uniq) lockStyleItem(r, handled);
            for (Raw r : uniq) foreachWithoutDo(r, uniq, handled);
        }
        for (Raw r : uniq) {
            if (handled.stream().anyMatch(h -> startsWith(r.path(), h))) continue;
            SchemaProblem p = describe(r);
            if (p != null) out.add(p);
        }
        List<SchemaProblem> res = new ArrayList<>(new LinkedHashSet<>(out));
        res.sort(Comparator.comparing(SchemaProblem::pos));
        return res;
    }

    // ---- special whole-mistake cases -------------------------------------------------------------------------

    /** An outs/metrics/plots/deps item written like a dvc.lock entry ({@code - path: x} + hash fields). */
    private void lockStyleItem(Raw r, Set<List<Object>> handled) {
        List<Object> p = r.path();
        int at = stageFieldIndex(p);
        if (at < 0 || p.size() < at + 2 || !(p.get(at + 1) instanceof Integer)) return;
        String field = (String) p.get(at);
        if (!OUT_LISTS.contains(field) && !field.equals("deps")) return;
        List<Object> item = p.subList(0, at + 2);
        if (handled.contains(item)) return;
        if (!(JsonTree.at(root, item) instanceof YMap m) || !(m.get("path") instanceof YScalar ps)) return;
        List<String> extra = new ArrayList<>();
        for (YMap.Entry e : m.entries()) if (!e.name().equals("path")) extra.add(e.name());
        boolean lockish = m.size() == 1 || extra.stream().anyMatch(LOCK_FIELDS::contains);
        if (!lockish) return;
        handled.add(new ArrayList<>(item));
        String path = PyFormat.str(ps.value());
        out.add(new SchemaProblem(m.pos(), noun(item) + " is written like a dvc.lock entry ('path: " + path
                + (extra.isEmpty() ? "" : "' with " + quoteAll(extra)) + (extra.isEmpty() ? "')" : ")"),
                "in dvc.yaml list the path itself ('- " + path + "'" + (field.equals("deps") ? ""
                        : ", or '- " + path + ":' with flags such as 'cache: false' under it")
                        + "); DVC records hashes and sizes in dvc.lock itself"));
    }

    /** A {@code foreach} group without {@code do}: the stage keys belong under {@code do:}. */
    private void foreachWithoutDo(Raw r, List<Raw> all, Set<List<Object>> handled) {
        if (!r.keyword().equals("required") || !"do".equals(r.property()) || !isForeachSchema(r)) return;
        List<String> extras = new ArrayList<>();
        for (Raw o : all) {
            if (o.keyword().equals("additionalProperties") && o.path().equals(r.path())) {
                extras.add(JsonTree.displayKey(o.property()));
            }
        }
        if (extras.isEmpty()) return;
        handled.add(r.path());
        YNode n = JsonTree.at(root, r.path());
        out.add(new SchemaProblem(n == null ? Pos.START : n.pos(), noun(r.path()) + " has 'foreach' but no 'do'",
                "put the stage keys (" + String.join(", ", extras) + ") under 'do:', next to 'foreach:'"));
    }

    private boolean isForeachSchema(Raw r) {
        return r.schemaPath().toString().contains("foreachStage");
    }

    // ---- one error ---------------------------------------------------------------------------------------------

    private SchemaProblem describe(Raw r) {
        List<Object> path = r.path();
        YNode node = JsonTree.at(root, path);
        Pos pos = node == null ? root.pos() : node.pos();
        switch (r.keyword()) {
            case "additionalProperties":
                return unknownKey(r, node);
            case "propertyNames":
                return nonStringKey(r, node);
            case "type":
                return wrongType(r, node, emptyValueAtKey(path, node, pos));
            case "required":
                return missing(r, node, pos);
            case "const":
                if (kind == Kind.LOCK && path.equals(List.of("schema"))) {
                    return new SchemaProblem(pos, "'schema' of dvc.lock must be the string '2.0', got " + got(node),
                            "DVC rejects it with 'invalid schema version'; write schema: '2.0' (quoted)");
                }
                return new SchemaProblem(pos, noun(path) + " must be " + r.schemaNode() + ", got " + got(node), null);
            case "minProperties":
                return new SchemaProblem(pos, noun(path) + " is an empty mapping",
                        "write a plot id with its definition, e.g. '- my_plot: {x: step, y: loss}', or a path");
            case "maxProperties":
                return new SchemaProblem(pos, noun(path) + " names more than one remote", null);
            case "pattern":
            case "not":
                return new SchemaProblem(pos, noun(path) + " must be a hash value of at least 3 characters, got "
                        + got(node), null);
            default:
                return new SchemaProblem(pos, noun(path) + ": " + r.keyword() + " constraint failed", null);
        }
    }

    /** An empty value ({@code deps:} with nothing after it) has no text of its own: point at its key. */
    private Pos emptyValueAtKey(List<Object> path, YNode node, Pos pos) {
        if (!(node instanceof YScalar s) || s.value() != null || !s.raw().isEmpty() || path.isEmpty()) return pos;
        if (JsonTree.at(root, path, path.size() - 1) instanceof YMap parent
                && path.get(path.size() - 1) instanceof String k) {
            YMap.Entry e = JsonTree.entry(parent, k);
            if (e != null) return e.key().pos();
        }
        return pos;
    }

    private SchemaProblem unknownKey(Raw r, YNode node) {
        List<Object> path = r.path();
        String key = JsonTree.displayKey(r.property());
        YMap.Entry entry = node instanceof YMap m ? JsonTree.entry(m, r.property()) : null;
        Pos pos = entry != null ? entry.key().pos() : node != null ? node.pos() : root.pos();
        boolean nonString = JsonTree.isMarked(r.property());
        Set<String> allowed = allowedKeys(r.schemaPath());
        String where = path.isEmpty() ? "" : " in " + noun(path);
        boolean flags = isOutFlags(path);
        String msg = path.isEmpty()
                ? "unknown top-level key " + keyRepr(r.property()) + " in " + kind.file
                : (flags ? "unknown flag " : "unknown key ") + keyRepr(r.property())
                + (flags ? " for " + noun(path) : where);
        String hint = specialKeyHint(path, key, nonString, isForeachSchema(r));
        String suggestion = null;
        if (hint == null && !nonString) {
            suggestion = nearest(key, allowed);
            if (suggestion != null) msg += "; did you mean '" + suggestion + "'?";
        }
        if (hint == null && suggestion == null && !allowed.isEmpty()) {
            hint = "allowed keys: " + String.join(", ", allowed);
        }
        if (nonString && hint == null) hint = "keys must be strings; quote it";
        return new SchemaProblem(pos, msg, hint);
    }

    private String specialKeyHint(List<Object> path, String key, boolean nonString, boolean foreach) {
        if (nonString) return null;
        if (kind == Kind.YAML && isOutFlags(path)) {
            if (LOCK_FIELDS.contains(key)) {
                return "DVC rejects '" + key + "' in dvc.yaml: it computes hashes and sizes and records them in "
                        + "dvc.lock itself (some popular tutorials show this wrongly); remove it";
            }
            return null;
        }
        if (kind == Kind.YAML && isStage(path)) {
            if (foreach) {
                if (key.equals("matrix")) return "'matrix' and 'foreach' cannot be combined in one stage";
                return "a stage with 'foreach' may contain only 'foreach' and 'do': move '" + key + "' under 'do:'";
            }
            if (key.matches("(outs|metrics|plots)(_persist)?(_no_cache)?") && key.contains("_")) {
                String list = key.substring(0, key.indexOf('_'));
                List<String> flags = new ArrayList<>();
                if (key.contains("_persist")) flags.add("persist: true");
                if (key.contains("_no_cache")) flags.add("cache: false");
                YNode value = JsonTree.at(root, path) instanceof YMap st ? st.get(key) : null;
                String example = value instanceof YSeq seq && seq.size() > 0 && seq.get(0) instanceof YScalar first
                        ? PyFormat.str(first.value()) : "path";
                return "'" + key + "' is DVC 1.x syntax; list each path under '" + list + ":' with "
                        + String.join(" and ", flags) + ", e.g. " + list + ": - " + example + ": {"
                        + String.join(", ", flags) + "}";
            }
            if (key.equals("live")) {
                return "the 'live' section was removed from DVC; DVCLive writes its own outputs: declare them "
                        + "as the stage's metrics/plots (e.g. metrics: - dvclive/metrics.json: {cache: false})";
            }
            if (key.equals("persist") || key.equals("cache") || key.equals("push") || key.equals("remote")) {
                return "'" + key + "' is a per-output flag, not a stage key: write it under each output, "
                        + "e.g. outs: - model.pkl: {" + key + ": " + (key.equals("remote") ? "myremote" : key.equals("cache") ? "false" : "true") + "}";
            }
            if (LOCK_FIELDS.contains(key) && !key.equals("path")) {
                return "'" + key + "' belongs in dvc.lock, which DVC writes itself; remove it from dvc.yaml";
            }
            if (key.equals("locked")) return "'locked' is obsolete: use 'frozen: true'";
            return null;
        }
        if (kind == Kind.YAML && path.isEmpty() && LOCK_FIELDS.contains(key) || kind == Kind.YAML && path.isEmpty() && key.equals("schema")) {
            return "this looks like dvc.lock content; dvc.yaml holds 'stages', 'vars', 'params', 'metrics', 'plots', 'artifacts', 'datasets'";
        }
        if (kind == Kind.YAML && path.isEmpty() && (key.equals("cmd") || key.equals("deps") || key.equals("outs"))) {
            return "stage keys belong under 'stages:' and a stage name, e.g. stages: train: cmd: ...";
        }
        return null;
    }

    private SchemaProblem nonStringKey(Raw r, YNode node) {
        YMap.Entry entry = node instanceof YMap m ? JsonTree.entry(m, r.property()) : null;
        Pos pos = entry != null ? entry.key().pos() : node != null ? node.pos() : root.pos();
        String text = JsonTree.displayKey(r.property());
        String type = entry == null ? "non-string" : entry.key().typeName();
        List<Object> path = r.path();
        String what = kind == Kind.YAML && path.size() == 1 && path.get(0).equals("stages") ? "stage name "
                : kind == Kind.LOCK && path.size() == 1 && path.get(0).equals("stages") ? "stage name " : "key ";
        return new SchemaProblem(pos, what + text + " in " + noun(path) + " is " + article(type) + " " + type
                + ", not a string", "DVC requires string keys here: quote it ('" + text + "')");
    }

    private SchemaProblem wrongType(Raw r, YNode node, Pos pos) {
        List<Object> path = r.path();
        List<String> types = new ArrayList<>();
        JsonNode t = r.schemaNode();
        if (t != null && t.isArray()) for (JsonNode x : t) types.add(x.asString());
        else if (t != null) types.add(t.asString());
        String expected = expected(types);
        String subject = isOutFlagsValue(path) ? "the flags of " + noun(path) : noun(path);
        String msg = subject + " must be " + expected + ", got " + got(node);
        String hint = null;
        Object value = node instanceof YScalar s ? s.value() : null;
        if (types.contains("boolean") && value instanceof String s && s.contains("${")) {
            hint = "DVC validates dvc.yaml before templating, so booleans cannot be templated (DVC issue #6989); "
                    + "write true or false";
        } else if (types.contains("boolean") && value instanceof String s && s.matches("(?i)yes|no|on|off|y|n")) {
            hint = "DVC reads YAML 1.2, where '" + s + "' is a string; write true or false";
        } else if (types.contains("boolean") && value instanceof String s && s.matches("(?i)true|false")) {
            hint = "quoted, it is a string; write " + s.toLowerCase() + " without quotes";
        } else if (kind == Kind.YAML && path.equals(List.of("plots")) && node instanceof YMap) {
            hint = "since DVC 3.0 top-level plots are a list: write each plot as a list item, e.g. "
                    + "'plots:' then '  - " + firstKey(node) + ": ...'";
        } else if (isOutFlagsValue(path) && node instanceof YScalar s && s.value() == null) {
            hint = "'- " + JsonTree.displayKey(path.get(path.size() - 1)) + ":' with nothing after the colon is "
                    + "an empty mapping value; remove the colon, or give flags such as 'cache: false'";
        } else if (types.contains("array") && node instanceof YScalar s && s.value() == null) {
            hint = "an empty value is null; write [] for an empty list, or remove the key";
        } else if (types.contains("array") && node instanceof YScalar s && s.value() instanceof String str
                && str.matches("-[^\\s-].*")) {
            hint = "a list item needs a space after the dash: '- " + str.substring(1) + "'";
        } else if (types.contains("array") && node instanceof YScalar s && s.value() instanceof String str
                && !types.contains("string")) {
            hint = "write it as a list item: '- " + str + "'";
        } else if (kind == Kind.YAML && path.size() == 2 && path.get(0).equals("stages") && node instanceof YSeq) {
            hint = "a stage is a mapping of keys (cmd, deps, outs, ...), not a list: remove the '- ' in front of its keys";
        } else if (types.contains("object") && node instanceof YScalar s && s.value() == null) {
            hint = "an empty value is null, not a mapping";
        }
        return new SchemaProblem(pos, msg, hint);
    }

    private SchemaProblem missing(Raw r, YNode node, Pos pos) {
        List<Object> path = r.path();
        String key = JsonTree.displayKey(r.property());
        if (kind == Kind.YAML && isForeachSchema(r)) {
            String other = key.equals("do") ? "foreach" : "do";
            return new SchemaProblem(pos, noun(path) + " has '" + other + "' but no '" + key + "'",
                    key.equals("do") ? "'do:' holds the stage template (cmd, deps, outs, ...) run for every item"
                            : "'foreach:' gives the items (a list, a mapping or '${...}') that 'do:' is run for");
        }
        if (path.isEmpty()) {
            String hint = kind == Kind.LOCK && key.equals("schema")
                    ? "DVC 2 and 3 locks start with \"schema: '2.0'\"; regenerate it with 'dvc repro' or 'dvc commit'"
                    : null;
            return new SchemaProblem(pos, kind.file + " has no '" + key + "'", hint);
        }
        String hint = null;
        if (kind == Kind.YAML && key.equals("cmd") && node instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                String alias = ALIASES.get(e.name().toLowerCase());
                // the unknown key is reported with "did you mean 'cmd'?": one problem for one mistake
                if ("cmd".equals(alias)) return null;
            }
            if (hint == null) hint = "every stage needs the command to run, e.g. cmd: python train.py";
        }
        return new SchemaProblem(pos, noun(path) + " has no '" + key + "'", hint);
    }

    // ---- places --------------------------------------------------------------------------------------------------

    /** Index in {@code path} of the stage field (cmd, deps, ...), skipping 'do' of a foreach group; -1 if none. */
    private int stageFieldIndex(List<Object> path) {
        if (kind != Kind.YAML || path.size() < 3 || !"stages".equals(path.get(0))) return -1;
        int i = 2;
        if ("do".equals(path.get(2)) && isForeachGroup(path.subList(0, 2))) {
            if (path.size() < 4) return -1;
            i = 3;
        }
        return path.get(i) instanceof String ? i : -1;
    }

    private boolean isForeachGroup(List<Object> stagePath) {
        return JsonTree.at(root, stagePath) instanceof YMap m && (m.has("foreach") || m.has("do"));
    }

    /** True if {@code path} is a stage mapping (stages.X or stages.X.do). */
    private boolean isStage(List<Object> path) {
        if (kind != Kind.YAML || path.size() < 2 || !"stages".equals(path.get(0))) return false;
        if (path.size() == 2) return true;
        return path.size() == 3 && "do".equals(path.get(2)) && isForeachGroup(path.subList(0, 2));
    }

    /** True if {@code path} is the flags mapping of an output ({@code outs: - p: {flags}}). */
    private boolean isOutFlags(List<Object> path) {
        int i = stageFieldIndex(path);
        if (i < 0 || !OUT_LISTS.contains(path.get(i))) return false;
        return path.size() == i + 3 || path.size() == i + 4 && "plots".equals(path.get(i)) && path.get(i + 3) instanceof Integer;
    }

    private boolean isOutFlagsValue(List<Object> path) {
        int i = stageFieldIndex(path);
        return i >= 0 && OUT_LISTS.contains(path.get(i)) && path.size() == i + 3;
    }

    private String noun(List<Object> p) {
        return noun(p, p.size());
    }

    /** A plain-words name for the node at the first {@code n} elements of {@code p}. */
    private String noun(List<Object> p, int n) {
        if (n == 0) return kind.file;
        Object last = p.get(n - 1);
        String k = last instanceof String s ? "'" + JsonTree.displayKey(s) + "'" : null;
        return kind == Kind.YAML ? yamlNoun(p, n, last, k) : lockNoun(p, n, last, k);
    }

    private String yamlNoun(List<Object> p, int n, Object last, String k) {
        String top = (String) p.get(0);
        if (n == 1) return "top-level " + k;
        if (top.equals("stages")) {
            String stage = "stage '" + JsonTree.displayKey(p.get(1)) + "'";
            if (n == 2) return stage;
            int base = 2;
            if ("do".equals(p.get(2)) && isForeachGroup(p.subList(0, 2))) {
                if (n == 3) return "'do' of " + stage;
                base = 3;
            }
            if (n == base + 1) return k + " in " + stage;
            Object field = p.get(base);
            if (OUT_LISTS.contains(field)) {
                String what = field.equals("outs") ? "output" : field.equals("metrics") ? "metric" : "plot";
                if (n == base + 3) return what + " " + k + " in " + stage;
                if (n == base + 4 && last instanceof String) return k + " of " + noun(p, n - 1);
            }
            if (field.equals("matrix") && n == base + 2) return "matrix axis " + k + " in " + stage;
        } else if (top.equals("plots")) {
            if (n == 3) return "top-level plot " + k;
        } else if (top.equals("artifacts")) {
            if (n == 2) return "artifact " + k;
        }
        return generic(p, n, last, k);
    }

    private String lockNoun(List<Object> p, int n, Object last, String k) {
        if (n == 1) return k + " of dvc.lock";
        if ("stages".equals(p.get(0))) {
            String entry = "lock entry '" + JsonTree.displayKey(p.get(1)) + "'";
            if (n == 2) return entry;
            if (n == 3) return k + " of " + entry;
            Object field = p.get(2);
            if ((field.equals("deps") || field.equals("outs")) && n == 4) {
                YNode item = JsonTree.at(root, p, n);
                String kindWord = field.equals("deps") ? "dependency" : "output";
                if (item instanceof YMap m && m.get("path") instanceof YScalar ps && ps.value() instanceof String s) {
                    return kindWord + " '" + s + "' of " + entry;
                }
                return "item " + ((Integer) last + 1) + " of '" + field + "' of " + entry;
            }
            if (field.equals("params") && n == 4) return "params file " + k + " of " + entry;
        }
        return generic(p, n, last, k);
    }

    private String generic(List<Object> p, int n, Object last, String k) {
        if (last instanceof Integer i) return "item " + (i + 1) + " of " + noun(p, n - 1);
        return k + " of " + noun(p, n - 1);
    }

    /** The keys allowed next to an {@code additionalProperties: false}. */
    private Set<String> allowedKeys(NodePath additionalPropertiesLocation) {
        JsonNode s = rawSchema;
        NodePath parent = additionalPropertiesLocation.getParent();
        for (int i = 0; parent != null && i < parent.getNameCount() && s != null; i++) {
            Object el = parent.getElement(i);
            s = el instanceof Integer idx ? s.get(idx) : s.get((String) el);
        }
        Set<String> keys = new LinkedHashSet<>();
        if (s != null && s.get("properties") != null) keys.addAll(s.get("properties").propertyNames());
        return keys;
    }


    private static boolean startsWith(List<Object> path, List<Object> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static String keyRepr(String jsonKey) {
        return "'" + JsonTree.displayKey(jsonKey) + "'";
    }

    private static String firstKey(YNode n) {
        return n instanceof YMap m && m.size() > 0 ? m.entries().get(0).name() : "id";
    }

    private static String quoteAll(List<String> keys) {
        List<String> q = new ArrayList<>();
        for (String k : keys) q.add("'" + k + "'");
        return String.join(", ", q);
    }

    private static String article(String word) {
        return word.matches("(?i)[aeiou].*") ? "an" : "a";
    }

    static String expected(List<String> types) {
        List<String> words = new ArrayList<>();
        for (String t : types) {
            words.add(switch (t) {
                case "string" -> "a string";
                case "array" -> "a list";
                case "object" -> "a dictionary";
                case "boolean" -> "a boolean (true or false)";
                case "integer" -> "an integer";
                case "number" -> "a number";
                case "null" -> "empty (null)";
                default -> t;
            });
        }
        if (words.isEmpty()) return "of another type";
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** What was found, in DVC's (Python's) words: {@code None}, {@code str '${x}'}, {@code int 5}, a list. */
    static String got(YNode n) {
        if (n == null) return "nothing";
        if (n instanceof YMap) return "a dictionary";
        if (n instanceof YSeq) return "a list";
        Object v = ((YScalar) n).value();
        if (v == null) return "None";
        return n.typeName() + " " + PyFormat.repr(v);
    }

    /** The allowed key closest to {@code key} (Damerau-Levenshtein, or a known alias), or null if none is close. */
    static String nearest(String key, Set<String> allowed) {
        String alias = ALIASES.get(key.toLowerCase());
        if (alias != null && allowed.contains(alias)) return alias;
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String lower = key.toLowerCase();
        for (String a : allowed) {
            int d = Suggest.distance(lower, a);
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        if (best == null) return null;
        int limit = Math.max(key.length(), best.length()) <= 4 ? 1 : 2;
        if (bestD <= limit) return best;
        // a plural/singular or prefix slip: 'metric' for 'metrics', 'always' for 'always_changed'
        for (String a : allowed) {
            if (lower.length() >= 3 && (a.startsWith(lower) || lower.startsWith(a) && a.length() >= 3)) return a;
        }
        return null;
    }
}
