package io.dvclint.export;

import io.dvclint.findings.Suggest;
import io.dvclint.model.Stage;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a stage's {@code meta.dvclint} mapping into {@link StageSettings}, with a positioned problem for every value
 * the exporters cannot use. A stage without {@code meta:}, or whose {@code meta:} has no {@code dvclint} key, has no
 * settings and no problems: {@code meta:} is free-form in DVC and other tools keep their own keys there.
 *
 * <pre>
 * meta:
 *   dvclint:
 *     resources: {cpu: 4, memory: 16Gi, gpu: 1}      # gpuResource: amd.com/gpu (default nvidia.com/gpu)
 *     nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}
 *     tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
 *     retries: 2
 *     timeout: 2h                                     # or seconds: 7200
 * </pre>
 */
public final class StageSettingsParser {
    /** A value that cannot be used, where it is written. */
    public record Problem(Pos pos, String message, String hint) {
    }

    /** The settings (from the valid values) and the problems. */
    public record Result(StageSettings settings, List<Problem> problems) {
    }

    public static final List<String> KEYS = List.of("resources", "nodeSelector", "tolerations", "retries", "timeout");
    static final List<String> RESOURCE_KEYS = List.of("cpu", "memory", "gpu", "gpuResource");
    static final List<String> TOLERATION_KEYS = List.of("key", "operator", "value", "effect", "tolerationSeconds");
    static final List<String> OPERATORS = List.of("Equal", "Exists");
    static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private static final Result NONE = new Result(StageSettings.NONE, List.of());

    /** Holder: compiled only when a stage has settings. */
    private static final class Patterns {
        static final Pattern CPU = Pattern.compile("(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)m?");
        static final Pattern MEMORY = Pattern.compile("(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[kMGTPE])?");
        static final Pattern MEMORY_MISTAKE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgGtTpPeE])(i?)[bB]?");
        static final Pattern DURATION = Pattern.compile("(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?");
        static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
        static final Pattern DNS_SUBDOMAIN = Pattern.compile(
                "[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*");
    }

    private final List<Problem> problems = new ArrayList<>();

    private StageSettingsParser() {
    }

    public static Result parse(Stage stage) {
        return parse(stage.def());
    }

    /** The settings of a resolved stage definition. */
    public static Result parse(YMap def) {
        if (def == null || !(def.get("meta") instanceof YMap meta)) return NONE;
        YMap.Entry e = meta.entry("dvclint");
        if (e == null || e.value() instanceof YScalar s && s.value() == null) return NONE;
        StageSettingsParser p = new StageSettingsParser();
        StageSettings settings = p.settings(e.value());
        return new Result(settings, List.copyOf(p.problems));
    }

    private StageSettings settings(YNode node) {
        if (!(node instanceof YMap m)) {
            problem(node, "meta.dvclint must be a mapping of settings (" + String.join(", ", KEYS) + "), not a "
                    + node.typeName(), "for example `dvclint: {resources: {cpu: 2, memory: 4Gi}, retries: 1}`");
            return StageSettings.NONE;
        }
        String cpu = null, memory = null, gpuResource = StageSettings.DEFAULT_GPU_RESOURCE;
        long gpus = 0;
        Map<String, String> nodeSelector = Map.of();
        List<StageSettings.Toleration> tolerations = List.of();
        Integer retries = null;
        Long timeout = null;
        for (YMap.Entry e : m.entries()) {
            YNode v = e.value();
            switch (e.name()) {
                case "resources" -> {
                    if (!(v instanceof YMap r)) {
                        problem(v, "meta.dvclint.resources must be a mapping (cpu, memory, gpu), not a " + v.typeName(),
                                "for example `resources: {cpu: 2, memory: 4Gi, gpu: 1}`");
                        continue;
                    }
                    for (YMap.Entry re : r.entries()) {
                        switch (re.name()) {
                            case "cpu" -> cpu = cpu(re.value());
                            case "memory" -> memory = memory(re.value());
                            case "gpu" -> gpus = count(re.value(), "gpu", "a whole number of GPUs (0 for none)", 0);
                            case "gpuResource" -> gpuResource = gpuResource(re.value(), gpuResource);
                            default -> unknown(re, "meta.dvclint.resources", RESOURCE_KEYS);
                        }
                    }
                }
                case "nodeSelector" -> nodeSelector = nodeSelector(v);
                case "tolerations" -> tolerations = tolerations(v);
                case "retries" -> {
                    long n = count(v, "retries", "a whole number of retries (0 for none)", -1);
                    if (n >= 0) retries = (int) Math.min(n, Integer.MAX_VALUE);
                }
                case "timeout" -> timeout = timeout(v);
                default -> {
                    String resource = Suggest.closest(e.name(), RESOURCE_KEYS);
                    if (Suggest.closest(e.name(), KEYS) == null && resource != null) {
                        problem(e.key(), "unknown key '" + e.name() + "' in meta.dvclint; did you mean '" + resource
                                + "', under resources?", "for example `resources: {" + resource + ": ...}`");
                    } else {
                        unknown(e, "meta.dvclint", KEYS);
                    }
                }
            }
        }
        return new StageSettings(cpu, memory, gpus, gpuResource, nodeSelector, tolerations, retries, timeout);
    }

    private String cpu(YNode v) {
        Object x = v instanceof YScalar s ? s.value() : null;
        String text = x instanceof Long || x instanceof Double ? decimal(x) : x instanceof String s ? s.trim() : null;
        if (text != null && Patterns.CPU.matcher(text).matches() && positive(text)) return text;
        problem(v, "cpu must be a number of cores (2, 0.5) or of millicores ('500m'), more than 0; found "
                + shown(v), "Kubernetes CPU quantities: 1 is one core, 250m a quarter of one");
        return null;
    }

    private String memory(YNode v) {
        Object x = v instanceof YScalar s ? s.value() : null;
        String text = x instanceof Long l ? String.valueOf(l) : x instanceof String s ? s.trim() : null;
        if (text != null && Patterns.MEMORY.matcher(text).matches() && positive(text)) return text;
        String hint = "Kubernetes memory quantities: 512Mi, 8Gi (powers of 1024) or 500M, 8G (powers of 1000)";
        Matcher mm = text == null ? null : Patterns.MEMORY_MISTAKE.matcher(text);
        if (mm != null && mm.matches()) {
            String unit = mm.group(2).toUpperCase();
            String fixed = mm.group(1) + (unit.equals("K") && mm.group(3).isEmpty() ? "k" : unit) + mm.group(3);
            if (text.endsWith("m")) {
                problem(v, "memory '" + text + "' is " + mm.group(1) + " thousandths of a byte in Kubernetes ('m' is "
                        + "milli)", "write '" + mm.group(1) + "Mi' for mebibytes");
                return null;
            }
            hint = "write '" + fixed + "'";
        }
        problem(v, "memory must be a Kubernetes quantity more than 0 (512Mi, 8Gi, 8G) or a number of bytes; found "
                + shown(v), hint);
        return null;
    }

    private String gpuResource(YNode v, String fallback) {
        Object x = v instanceof YScalar s ? s.value() : null;
        if (x instanceof String s) {
            int slash = s.indexOf('/');
            if (slash > 0 && Patterns.DNS_SUBDOMAIN.matcher(s.substring(0, slash)).matches()
                    && Patterns.LABEL_NAME.matcher(s.substring(slash + 1)).matches()) {
                return s;
            }
        }
        problem(v, "gpuResource must be an extended resource name such as 'nvidia.com/gpu' or 'amd.com/gpu'; found "
                + shown(v), null);
        return fallback;
    }

    /** A whole number at least 0; {@code bad} when it is not one. */
    private long count(YNode v, String what, String expected, long bad) {
        Object x = v instanceof YScalar s ? s.value() : null;
        if (x instanceof Long l && l >= 0) return l;
        problem(v, what + " must be " + expected + "; found " + shown(v), null);
        return bad;
    }

    private Long timeout(YNode v) {
        Object x = v instanceof YScalar s ? s.value() : null;
        if (x instanceof Long l && l > 0) return l;
        if (x instanceof String s && !s.isEmpty()) {
            Matcher m = Patterns.DURATION.matcher(s.trim());
            if (!s.trim().isEmpty() && m.matches()) {
                long secs = 0;
                try {
                    long[] unit = {3600, 60, 1};
                    for (int g = 1; g <= 3; g++) {
                        if (m.group(g) != null) {
                            secs = Math.addExact(secs, Math.multiplyExact(Long.parseLong(m.group(g)), unit[g - 1]));
                        }
                    }
                } catch (ArithmeticException | NumberFormatException e) {
                    secs = -1;
                }
                if (secs > 0) return secs;
            }
        }
        problem(v, "timeout must be a number of seconds more than 0 (3600) or a duration such as '90m', '2h' or "
                + "'1h30m'; found " + shown(v), null);
        return null;
    }

    private Map<String, String> nodeSelector(YNode v) {
        if (!(v instanceof YMap m)) {
            problem(v, "meta.dvclint.nodeSelector must be a mapping of node labels to values, not a " + v.typeName(),
                    "for example `nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}`");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (YMap.Entry e : m.entries()) {
            String key = e.name();
            if (!labelKey(key)) {
                problem(e.key(), "'" + key + "' is not a Kubernetes label key (an optional DNS prefix and '/', then at "
                        + "most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)", null);
                continue;
            }
            String value = labelValue(e.value());
            if (value == null) {
                problem(e.value(), "the value of node label '" + key + "' must be a label value (at most 63 letters, "
                        + "digits, '-', '_' or '.', starting and ending with a letter or digit); found "
                        + shown(e.value()), null);
                continue;
            }
            out.put(key, value);
        }
        return out;
    }

    private List<StageSettings.Toleration> tolerations(YNode v) {
        if (!(v instanceof YSeq seq)) {
            problem(v, "meta.dvclint.tolerations must be a list of tolerations, not a " + v.typeName(),
                    "for example `tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]`");
            return List.of();
        }
        List<StageSettings.Toleration> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            if (!(item instanceof YMap t)) {
                problem(item, "a toleration must be a mapping (" + String.join(", ", TOLERATION_KEYS) + "), not a "
                        + item.typeName(), null);
                continue;
            }
            int before = problems.size();
            String key = null, operator = null, value = null, effect = null;
            Long seconds = null;
            for (YMap.Entry e : t.entries()) {
                Object x = e.value() instanceof YScalar s ? s.value() : null;
                switch (e.name()) {
                    case "key" -> key = string(e.value(), "a toleration's key");
                    case "operator" -> operator = oneOf(e.value(), "operator", OPERATORS);
                    case "value" -> value = labelValue(e.value());
                    case "effect" -> effect = oneOf(e.value(), "effect", EFFECTS);
                    case "tolerationSeconds" -> {
                        if (x instanceof Long l) seconds = l;
                        else problem(e.value(), "tolerationSeconds must be a whole number; found " + shown(e.value()),
                                null);
                    }
                    default -> unknown(e, "a toleration", TOLERATION_KEYS);
                }
                if (e.name().equals("value") && value == null) {
                    problem(e.value(), "a toleration's value must be a label value; found " + shown(e.value()), null);
                }
            }
            if ("Exists".equals(operator) && value != null && !value.isEmpty()) {
                problem(t, "a toleration with operator Exists matches any value; it cannot have value '" + value + "'",
                        "remove the value, or use operator Equal");
            } else if ((key == null || key.isEmpty()) && !"Exists".equals(operator)) {
                problem(t, "a toleration without a key must have operator Exists (it then tolerates every taint)",
                        null);
            }
            if (problems.size() == before) out.add(new StageSettings.Toleration(key, operator, value, effect, seconds));
        }
        return out;
    }

    private String string(YNode v, String what) {
        if (v instanceof YScalar s && s.value() instanceof String str) return str;
        problem(v, what + " must be a string; found " + shown(v), null);
        return null;
    }

    private String oneOf(YNode v, String what, List<String> allowed) {
        if (v instanceof YScalar s && s.value() instanceof String str && allowed.contains(str)) return str;
        String near = v instanceof YScalar s && s.value() instanceof String str ? Suggest.closest(str, allowed) : null;
        problem(v, "a toleration's " + what + " must be one of " + String.join(", ", allowed) + "; found " + shown(v),
                near != null ? "did you mean '" + near + "'?" : null);
        return null;
    }

    private void unknown(YMap.Entry e, String where, List<String> keys) {
        String near = Suggest.closest(e.name(), keys);
        problem(e.key(), "unknown key '" + e.name() + "' in " + where + (near != null ? "; did you mean '" + near + "'?"
                : ""), "known keys: " + String.join(", ", keys));
    }

    private void problem(YNode at, String message, String hint) {
        problems.add(new Problem(at.pos(), message, hint));
    }

    /** A label value as Kubernetes writes it (numbers and booleans as text), or null when it cannot be one. */
    private static String labelValue(YNode v) {
        if (!(v instanceof YScalar s) || s.value() == null) return null;
        Object x = s.value();
        String text = x instanceof Boolean b ? b.toString() : x instanceof Double ? decimal(x) : String.valueOf(x);
        return text.isEmpty() || Patterns.LABEL_NAME.matcher(text).matches() ? text : null;
    }

    private static boolean labelKey(String key) {
        int slash = key.indexOf('/');
        String prefix = slash >= 0 ? key.substring(0, slash) : null, name = key.substring(slash + 1);
        if (prefix != null && (prefix.isEmpty() || prefix.length() > 253
                || !Patterns.DNS_SUBDOMAIN.matcher(prefix).matches())) {
            return false;
        }
        return Patterns.LABEL_NAME.matcher(name).matches();
    }

    private static String decimal(Object number) {
        if (number instanceof Long l) return String.valueOf(l);
        double d = (Double) number;
        if (Double.isNaN(d) || Double.isInfinite(d)) return String.valueOf(d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static boolean positive(String quantity) {
        for (int i = 0; i < quantity.length(); i++) {
            char c = quantity.charAt(i);
            if (c >= '1' && c <= '9') return true;
            if (c != '0' && c != '.') return false;
        }
        return false;
    }

    private static String shown(YNode v) {
        if (v instanceof YScalar s) {
            if (s.value() instanceof String str) return "'" + str + "'";
            return s.value() == null ? "nothing" : s.raw().isEmpty() ? String.valueOf(s.value()) : s.raw();
        }
        return "a " + v.typeName();
    }
}
