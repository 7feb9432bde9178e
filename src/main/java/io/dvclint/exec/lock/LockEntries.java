package io.dvclint.exec.lock;

import io.dvclint.py.PyEq;
import io.dvclint.py.PyJson;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YamlLoader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Stage entries of dvc.lock handed from one process to another ({@code dvclint lock entry} and
 * {@code dvclint lock merge}): one line of JSON a stage, {@code {"stage": ADDRESS, "entry": {...}}}, with
 * {@code "entry": null} when the lock has none. A line is written as Python's {@code json.dumps} writes it (ASCII
 * only, {@code Infinity} and {@code NaN} for the float specials, mappings in their own order) and read back with
 * every value of the type it had (ints as {@code Long} or {@code BigInteger}, floats as {@code Double}), so a merged
 * entry is written in the same bytes as the process that ran the stage wrote it.
 */
public final class LockEntries {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private LockEntries() {
    }

    /** One line: a stage's DVC address and its entry (null: none). */
    public record Line(String stage, Map<String, Object> entry) {
    }

    /** The line for a stage's entry (null: the lock has none), without a line break. */
    public static String format(String stage, Map<String, Object> entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("stage", stage);
        line.put("entry", entry);
        return PyJson.dumps(line, false);
    }

    /**
     * The lines of a text, blank lines skipped.
     *
     * @throws IllegalArgumentException naming the line that is not such a line of JSON
     */
    public static List<Line> parse(String text) {
        List<Line> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            Object v;
            try {
                v = json(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not JSON: " + e.getMessage());
            }
            if (!(v instanceof Map<?, ?> m) || !(m.get("stage") instanceof String stage) || !m.containsKey("entry")
                    || !(m.get("entry") == null || m.get("entry") instanceof Map)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not a lock entry (expected {\"stage\": "
                        + "ADDRESS, \"entry\": {...} or null}): " + abbreviate(lines[i]));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) m.get("entry");
            out.add(new Line(stage, entry));
        }
        return out;
    }

    /** The entries of a dvc.lock text by stage name, in file order (none for null or an empty text). */
    public static Map<String, Object> entries(String lockText) throws LockFileWriter.LockFormatException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (lockText == null) return out;
        YamlLoader.Result r = YamlLoader.load(new SourceText(lockText));
        if (!r.ok()) throw new LockFileWriter.LockFormatException("unable to read dvc.lock: " + r.problem().message());
        YNode stages = r.root() instanceof YMap root ? root.get("stages") : null;
        if (stages instanceof YMap m) {
            for (YMap.Entry e : m.entries()) out.put(e.name(), e.value().toJava());
        } else if (stages != null && stages.toJava() != null) {
            throw new LockFileWriter.LockFormatException("'stages' in dvc.lock is not a mapping");
        }
        return out;
    }

    /** A stage's entry in a dvc.lock text, or null when it has none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> entry(String lockText, String name) throws LockFileWriter.LockFormatException {
        return entries(lockText).get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /**
     * The text of a dvc.lock after merging entries into it as DVC's {@code dump_stages} writes a stage's entry: an
     * entry equal (Python equality) to the one recorded leaves it as it is; another replaces it where it stands;
     * an entry for a stage the lock does not hold is appended, in the order of {@code entries}. Returns
     * {@code existing} itself when nothing changes.
     *
     * @param existing the current text, or null when the file does not exist
     */
    public static String merge(String existing, Map<String, ? extends Map<String, Object>> entries)
            throws LockFileWriter.LockFormatException {
        Map<String, Object> recorded = entries(existing);
        Map<String, Map<String, Object>> changed = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Map<String, Object>> e : entries.entrySet()) {
            if (e.getValue() == null) continue;
            if (recorded.containsKey(e.getKey()) && PyEq.eq(recorded.get(e.getKey()), e.getValue())) continue;
            changed.put(e.getKey(), e.getValue());
        }
        return changed.isEmpty() ? existing : LockFileWriter.update(existing, changed);
    }

    /** One JSON value as Python's {@code json.loads} reads it. */
    static Object json(String text) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new IllegalArgumentException("no value");
            Object v = value(p, t);
            if (p.nextToken() != null) throw new IllegalArgumentException("extra data after the value");
            return v;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    private static Object value(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    m.put(key, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) l.add(value(p, n));
                return l;
            }
            case VALUE_STRING:
                return p.getString();
            case VALUE_NUMBER_INT: {
                BigInteger b = p.getBigIntegerValue();
                return b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            case VALUE_NUMBER_FLOAT:
                return switch (p.getString()) {
                    case "NaN" -> Double.NaN;
                    case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    default -> Double.valueOf(p.getString());
                };
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected " + t);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
