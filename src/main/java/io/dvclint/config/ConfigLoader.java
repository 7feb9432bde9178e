package io.dvclint.config;

import io.dvclint.findings.Suggest;
import io.dvclint.findings.Severity;
import io.dvclint.fs.Inputs;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code .dvclint.yaml}:
 *
 * <pre>
 * rules:
 *   metrics-cached: off            # off | error | warning | info
 *   stage-name: {severity: warning, options: {...}}
 * ignore:
 *   - path: "experiments/**"
 *     rules: [no-outputs]          # omitted: every rule
 * fail-on: warning                 # error | warning | info; --fail-on wins
 * </pre>
 *
 * Every problem is a {@link ConfigException} with a position; unknown keys and rule ids are errors (with a
 * suggestion), so a typo never silently disables nothing.
 */
public final class ConfigLoader {
    private static final List<String> TOP_KEYS = List.of("rules", "ignore", "fail-on");
    private static final List<String> SEVERITIES = List.of("off", "error", "warning", "info");

    private final Path file;
    private final Collection<String> knownRules;

    private ConfigLoader(Path file, Collection<String> knownRules) {
        this.file = file;
        this.knownRules = knownRules;
    }

    /** The configuration at the project root, or the defaults when there is none. */
    public static Config forRoot(Path root, Collection<String> knownRules) {
        Path f = root.resolve(Config.FILE_NAME);
        return Inputs.isRegularFile(f) ? load(f, knownRules) : Config.DEFAULT;
    }

    public static Config load(Path file, Collection<String> knownRules) {
        byte[] bytes;
        try {
            bytes = SourceText.readFile(file);
        } catch (IOException e) {
            throw new ConfigException(file, Pos.START, "cannot read configuration: " + e.getMessage());
        }
        Object decoded = SourceText.decode(bytes);
        if (decoded instanceof SourceText.DecodeError err) throw new ConfigException(file, err.pos(), err.message());
        return parse(file, (SourceText) decoded, knownRules);
    }

    public static Config parse(Path file, SourceText text, Collection<String> knownRules) {
        YamlLoader.Result r = YamlLoader.load(text);
        if (!r.ok()) throw new ConfigException(file, r.problem().pos(), "invalid YAML: " + r.problem().message());
        if (r.root() == null) return new Config(file, Map.of(), List.of(), null);
        return new ConfigLoader(file, knownRules).read(r.root());
    }

    private Config read(YNode root) {
        YMap top = map(root, "the configuration");
        Map<String, RuleConfig> rules = new LinkedHashMap<>();
        List<IgnoreEntry> ignores = new ArrayList<>();
        Severity failOn = null;
        for (YMap.Entry e : top.entries()) {
            String key = e.name();
            switch (key) {
                case "rules" -> {
                    if (isNull(e.value())) break;
                    for (YMap.Entry re : map(e.value(), "'rules'").entries()) {
                        String id = ruleId(re.key());
                        rules.put(id, ruleConfig(id, re.value()));
                    }
                }
                case "ignore" -> {
                    if (isNull(e.value())) break;
                    for (YNode item : seq(e.value(), "'ignore'").items()) ignores.add(ignore(item));
                }
                case "fail-on" -> {
                    Severity s = severityOrOff(e.value(), "'fail-on'");
                    if (s == null) throw err(e.value(), "'fail-on' must be error, warning or info");
                    failOn = s;
                }
                default -> throw err(e.key(), "unknown key '" + key + "'" + suggest(key, TOP_KEYS)
                        + " (expected: " + String.join(", ", TOP_KEYS) + ")");
            }
        }
        return new Config(file, Map.copyOf(rules), List.copyOf(ignores), failOn);
    }

    private RuleConfig ruleConfig(String id, YNode v) {
        if (v instanceof YScalar) {
            Severity s = severityOrOff(v, "rule '" + id + "'");
            return s == null ? new RuleConfig(false, null, Map.of()) : new RuleConfig(true, s, Map.of());
        }
        YMap m = map(v, "rule '" + id + "'");
        boolean enabled = true;
        Severity sev = null;
        Map<String, Object> options = Map.of();
        for (YMap.Entry e : m.entries()) {
            switch (e.name()) {
                case "severity" -> {
                    sev = severityOrOff(e.value(), "'severity'");
                    enabled = sev != null;
                }
                case "options" -> {
                    if (!isNull(e.value())) options = map(e.value(), "'options'").toJavaStringKeys();
                }
                default -> throw err(e.key(), "unknown key '" + e.name() + "' in rule '" + id + "'"
                        + suggest(e.name(), List.of("severity", "options")) + " (expected: severity, options)");
            }
        }
        return new RuleConfig(enabled, sev, options);
    }

    private IgnoreEntry ignore(YNode item) {
        YMap m = map(item, "an 'ignore' entry");
        String glob = null;
        Set<String> ids = new LinkedHashSet<>();
        for (YMap.Entry e : m.entries()) {
            switch (e.name()) {
                case "path" -> {
                    if (!(e.value() instanceof YScalar s) || !(s.value() instanceof String g) || g.isEmpty()) {
                        throw err(e.value(), "'path' must be a non-empty glob string");
                    }
                    glob = g;
                }
                case "rules" -> {
                    for (YNode r : seq(e.value(), "'rules'").items()) ids.add(ruleId(r));
                }
                default -> throw err(e.key(), "unknown key '" + e.name() + "' in an 'ignore' entry"
                        + suggest(e.name(), List.of("path", "rules")) + " (expected: path, rules)");
            }
        }
        if (glob == null) throw err(m, "an 'ignore' entry needs a 'path' glob");
        try {
            return new IgnoreEntry(glob, Glob.compile(glob), Set.copyOf(ids));
        } catch (RuntimeException ex) {
            throw err(m, "bad glob '" + glob + "': " + ex.getMessage());
        }
    }

    private String ruleId(YNode n) {
        if (!(n instanceof YScalar s) || !(s.value() instanceof String id)) {
            throw err(n, "a rule id must be a string, got " + n.typeName());
        }
        if (!knownRules.contains(id)) {
            throw err(n, "unknown rule '" + id + "'" + suggest(id, knownRules)
                    + " (run 'dvclint rules' for the list)");
        }
        return id;
    }

    /** null for off. */
    private Severity severityOrOff(YNode v, String what) {
        if (v instanceof YScalar s && s.value() instanceof Boolean b && !b) return null; // `false` means off
        if (!(v instanceof YScalar s) || !(s.value() instanceof String str)) {
            throw err(v, what + ": expected one of " + String.join(", ", SEVERITIES) + ", got " + v.typeName());
        }
        return switch (str) {
            case "off" -> null;
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "info" -> Severity.INFO;
            default -> throw err(v, what + ": unknown severity '" + str + "'" + suggest(str, SEVERITIES)
                    + " (expected one of " + String.join(", ", SEVERITIES) + ")");
        };
    }

    private YMap map(YNode n, String what) {
        if (n instanceof YMap m) return m;
        throw err(n, what + " must be a mapping, got " + n.typeName());
    }

    private YSeq seq(YNode n, String what) {
        if (n instanceof YSeq s) return s;
        throw err(n, what + " must be a list, got " + n.typeName());
    }

    private static boolean isNull(YNode n) {
        return n instanceof YScalar s && s.value() == null;
    }

    private ConfigException err(YNode at, String message) {
        return new ConfigException(file, at == null ? Pos.START : at.pos(), message);
    }

    private static String suggest(String word, Collection<String> candidates) {
        return Suggest.didYouMean(word, candidates);
    }
}
