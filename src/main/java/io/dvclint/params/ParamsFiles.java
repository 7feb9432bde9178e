package io.dvclint.params;

import io.dvclint.fs.Inputs;
import io.dvclint.yaml.Pos;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YScalar;
import io.dvclint.yaml.YSeq;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Reads params and vars files the way DVC does ({@code dvc/utils/serialize/__init__.py:load_path}): the format is
 * chosen by the lower-cased suffix ({@code .json}, {@code .toml}, {@code .py}, anything else YAML) and the file is
 * read as strict UTF-8. Every outcome is a {@link Loaded}; nothing throws. One instance caches each file by absolute
 * path, so a run reads a file once.
 */
public final class ParamsFiles {
    public enum Format { YAML, JSON, TOML, PYTHON }

    public enum Kind {
        /** The file does not exist ({@code '{path}' does not exist}). */
        MISSING,
        /** The path is a directory ({@code '{path}' is a directory}). */
        DIRECTORY,
        /** The file could not be read at all. */
        UNREADABLE,
        /** Not UTF-8 ({@code is not valid utf-8}). */
        ENCODING,
        /** The parser rejected the text ({@code ... file structure is corrupted}). */
        SYNTAX
    }

    /** Why a file could not be loaded; {@code message} reads like DVC's, {@code detail} explains the cause. */
    public record Problem(Kind kind, Pos pos, String message, String detail) {
        /** DVC's full {@code ParseError} text for syntax and encoding problems, e.g. {@code unable to read: 'p.json', ...}. */
        public String dvcMessage(String displayPath) {
            return switch (kind) {
                case MISSING -> "'" + displayPath + "' does not exist";
                case DIRECTORY -> "'" + displayPath + "' is a directory";
                default -> "unable to read: '" + displayPath + "', " + message;
            };
        }

        @Override
        public String toString() {
            return pos + ": " + message + (detail == null ? "" : " (" + detail + ")");
        }
    }

    /**
     * A loaded file. {@code root} is null exactly when {@code problem} is set; a document DVC reads as falsy
     * ({@code null}, {@code false}, {@code 0}, {@code ""}, {@code []}, an empty file in YAML) is an empty mapping.
     * {@code text} is null when the bytes could not be read or decoded.
     */
    public record Loaded(Path file, Format format, SourceText text, YNode root, Problem problem) {
        public boolean ok() {
            return problem == null;
        }

        /** The root when it is a mapping, as DVC's templating requires ({@code expected a dictionary, got ...}). */
        public Optional<YMap> mapping() {
            return root instanceof YMap m ? Optional.of(m) : Optional.empty();
        }
    }

    private final Map<Path, Loaded> cache = new HashMap<>();

    /** Loads a file once per instance (keyed by absolute normalized path). */
    public Loaded load(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Loaded l = cache.get(key);
        if (l == null) {
            l = read(key);
            cache.put(key, l);
        }
        return l;
    }

    /** Loads a file without caching. */
    public static Loaded read(Path file) {
        Format fmt = formatOf(file);
        if (Inputs.isDirectory(file)) {
            return fail(file, fmt, null, new Problem(Kind.DIRECTORY, Pos.START, "is a directory", null));
        }
        if (!Inputs.exists(file)) {
            return fail(file, fmt, null, new Problem(Kind.MISSING, Pos.START, "does not exist", null));
        }
        byte[] bytes;
        try {
            bytes = SourceText.readFile(file);
        } catch (IOException e) {
            return fail(file, fmt, null, new Problem(Kind.UNREADABLE, Pos.START, "cannot be read", e.toString()));
        }
        Object dec = SourceText.decode(bytes);
        if (dec instanceof SourceText.DecodeError err) {
            return fail(file, fmt, null, new Problem(Kind.ENCODING, err.pos(), "is not valid utf-8", err.message()));
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        return parse(file, fmt, (SourceText) dec, bom);
    }

    /** Parses already decoded text as the format of {@code file}'s suffix. */
    public static Loaded parse(Path file, SourceText text) {
        return parse(file, formatOf(file), text, false);
    }

    private static Loaded parse(Path file, Format fmt, SourceText text, boolean bom) {
        if (bom && fmt != Format.YAML) {
            // Python's utf-8 codec keeps the byte-order mark: json, tomlkit and ast all reject it
            String why = switch (fmt) {
                case JSON -> "Unexpected UTF-8 BOM (decode using utf-8-sig)";
                case PYTHON -> "invalid non-printable character U+FEFF";
                default -> "unexpected byte-order mark";
            };
            return fail(file, fmt, text, new Problem(Kind.SYNTAX, Pos.START, corrupted(fmt), why));
        }
        try {
            return switch (fmt) {
                case JSON -> ok(file, fmt, text, YMap.orEmpty(parseJson(text)));
                case TOML -> ok(file, fmt, text, parseToml(text));
                case PYTHON -> {
                    PyParams.Result r = PyParams.parse(text);
                    yield r.error() == null ? ok(file, fmt, text, r.root())
                            : fail(file, fmt, text, new Problem(Kind.SYNTAX, r.error().pos(), corrupted(fmt),
                                    r.error().message()));
                }
                case YAML -> {
                    YamlLoader.Result r = YamlLoader.load(text);
                    yield r.ok() ? ok(file, fmt, text, YMap.orEmpty(r.root()))
                            : fail(file, fmt, text, new Problem(Kind.SYNTAX, r.problem().pos(), corrupted(fmt),
                                    r.problem().message()));
                }
            };
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            Pos p = loc == null || loc.getLineNr() < 1 ? Pos.START
                    : new Pos(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
            String msg = e.getOriginalMessage();
            if (msg == null) msg = e.getClass().getSimpleName();
            int nl = msg.indexOf('\n');
            if (nl >= 0) msg = msg.substring(0, nl);
            return fail(file, fmt, text, new Problem(Kind.SYNTAX, p, corrupted(fmt), msg.trim()));
        } catch (RuntimeException e) {
            return fail(file, fmt, text, new Problem(Kind.SYNTAX, Pos.START, corrupted(fmt), e.toString()));
        }
    }

    private static String corrupted(Format fmt) {
        return switch (fmt) {
            case JSON -> "JSON file structure is corrupted";
            case TOML -> "TOML file structure is corrupted";
            case PYTHON -> "Python file structure is corrupted";
            case YAML -> "YAML file structure is corrupted";
        };
    }

    private static Loaded ok(Path file, Format fmt, SourceText text, YNode root) {
        return new Loaded(file, fmt, text, root, null);
    }

    private static Loaded fail(Path file, Format fmt, SourceText text, Problem p) {
        return new Loaded(file, fmt, text, null, p);
    }

    /** DVC's loader by suffix: {@code Path.suffix.lower()}; a name such as {@code .json} has no suffix. */
    public static Format formatOf(Path file) {
        Path fn = file.getFileName();
        String name = fn == null ? "" : fn.toString();
        int i = name.lastIndexOf('.');
        String suffix = i > 0 && i < name.length() - 1 ? name.substring(i).toLowerCase(Locale.ROOT) : "";
        return switch (suffix) {
            case ".json" -> Format.JSON;
            case ".toml" -> Format.TOML;
            case ".py" -> Format.PYTHON;
            default -> Format.YAML;
        };
    }

    // ---------------------------------------------------------------- JSON

    private static volatile JsonFactory jsonFactory;

    private static JsonFactory json() {
        JsonFactory f = jsonFactory;
        if (f == null) {
            f = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
            jsonFactory = f;
        }
        return f;
    }

    /** Python's {@code json.loads}: duplicate keys keep the last value (at the first key's place). */
    static YNode parseJson(SourceText src) {
        if (src.text().isBlank()) {
            Pos end = src.posOf(src.text().length());
            throw new JsonError(end, "Expecting value");
        }
        try (JsonParser p = json().createParser(ObjectReadContext.empty(), src.text())) {
            Deque<Object[]> stack = new ArrayDeque<>(); // {node, list, pendingKey}
            YNode root = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Pos start = pos(p.currentTokenLocation());
                if (root != null) throw new JsonError(start, "Extra data");
                YNode done = null;
                switch (t) {
                    case START_OBJECT -> stack.push(new Object[] {new ArrayList<YMap.Entry>(), start, null});
                    case START_ARRAY -> stack.push(new Object[] {new ArrayList<YNode>(), start, null});
                    case END_OBJECT, END_ARRAY -> {
                        Object[] f = stack.pop();
                        Pos end = pos(p.currentLocation());
                        @SuppressWarnings("unchecked")
                        List<Object> items = (List<Object>) f[0];
                        done = t == JsonToken.END_OBJECT
                                ? new YMap(castEntries(items), (Pos) f[1], end, true)
                                : new YSeq(castNodes(items), (Pos) f[1], end, true);
                    }
                    case PROPERTY_NAME -> stack.peek()[2] = new YScalar(p.getString(), p.getString(),
                            YScalar.Style.DOUBLE_QUOTED, start, pos(p.currentLocation()));
                    case VALUE_STRING -> done = new YScalar(p.getString(), p.getString(), YScalar.Style.DOUBLE_QUOTED,
                            start, pos(p.currentLocation()));
                    case VALUE_NUMBER_INT -> done = scalar(intValue(p.getBigIntegerValue()), p.getText(), start, p);
                    case VALUE_NUMBER_FLOAT -> done = scalar(floatValue(p.getText()), p.getText(), start, p);
                    case VALUE_TRUE -> done = scalar(Boolean.TRUE, "true", start, p);
                    case VALUE_FALSE -> done = scalar(Boolean.FALSE, "false", start, p);
                    case VALUE_NULL -> done = scalar(null, "null", start, p);
                    default -> {
                    }
                }
                if (done == null) continue;
                Object[] parent = stack.peek();
                if (parent == null) {
                    root = done;
                } else if (parent[2] != null) {
                    @SuppressWarnings("unchecked")
                    List<YMap.Entry> entries = (List<YMap.Entry>) parent[0];
                    YScalar key = (YScalar) parent[2];
                    parent[2] = null;
                    putLast(entries, new YMap.Entry(key, done));
                } else {
                    @SuppressWarnings("unchecked")
                    List<YNode> items = (List<YNode>) parent[0];
                    items.add(done);
                }
            }
            return root;
        }
    }

    /** Python json's own errors that Jackson does not raise: a blank document, data after the document. */
    private static final class JsonError extends JacksonException {
        private static final long serialVersionUID = 1L;

        JsonError(Pos p, String message) {
            super(message, new TokenStreamLocation(null, -1, p.line(), p.col()), null);
        }
    }

    private static void putLast(List<YMap.Entry> entries, YMap.Entry e) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().value().equals(e.key().value())) {
                entries.set(i, new YMap.Entry(entries.get(i).key(), e.value()));
                return;
            }
        }
        entries.add(e);
    }

    @SuppressWarnings("unchecked")
    private static List<YMap.Entry> castEntries(List<Object> l) {
        return (List<YMap.Entry>) (List<?>) l;
    }

    @SuppressWarnings("unchecked")
    private static List<YNode> castNodes(List<Object> l) {
        return (List<YNode>) (List<?>) l;
    }

    private static YScalar scalar(Object v, String raw, Pos start, JsonParser p) {
        return new YScalar(v, raw, YScalar.Style.PLAIN, start, pos(p.currentLocation()));
    }

    private static Pos pos(TokenStreamLocation l) {
        return new Pos(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    static Object intValue(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private static Double floatValue(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.valueOf(text);
        };
    }

    // ---------------------------------------------------------------- TOML

    private static volatile TomlMapper tomlMapper;

    private static TomlMapper toml() {
        TomlMapper m = tomlMapper;
        if (m == null) {
            m = new TomlMapper();
            tomlMapper = m;
        }
        return m;
    }

    /** TOML 1.0 through Jackson; positions recovered from a light scan of keys and table headers. */
    static YNode parseToml(SourceText src) {
        JsonNode tree = toml().readTree(src.text());
        Map<String, Pos[]> where = TomlPositions.scan(src);
        return tomlNode(tree, "", where, Pos.START, src);
    }

    private static YNode tomlNode(JsonNode n, String path, Map<String, Pos[]> where, Pos fallback, SourceText src) {
        Pos[] ps = where.get(path);
        Pos p = ps == null ? fallback : ps[1];
        if (n == null || n.isNull()) return YScalar.of(null, p);
        if (n.isObject()) {
            List<YMap.Entry> entries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String child = TomlPositions.child(path, e.getKey());
                Pos[] cp = where.get(child);
                Pos kp = cp == null ? p : cp[0];
                YScalar key = new YScalar(e.getKey(), e.getKey(), YScalar.Style.OTHER, kp, kp);
                entries.add(new YMap.Entry(key, tomlNode(e.getValue(), child, where, kp, src)));
            }
            return new YMap(entries, path.isEmpty() ? Pos.START : p, p, false);
        }
        if (n.isArray()) {
            List<YNode> items = new ArrayList<>();
            int i = 0;
            for (JsonNode c : n.values()) items.add(tomlNode(c, TomlPositions.item(path, i++), where, p, src));
            return new YSeq(items, p, p, true);
        }
        Object v;
        if (n.isBoolean()) v = n.booleanValue();
        else if (n.isIntegralNumber()) v = intValue(n.bigIntegerValue());
        else if (n.isNumber()) v = n.doubleValue();
        else v = n.asString();
        return new YScalar(v, String.valueOf(v), YScalar.Style.OTHER, p, p);
    }

    // ---------------------------------------------------------------- lookups

    /**
     * DVC's dotted params key (dpath with separator {@code .}): each segment is a mapping key (string keys only);
     * inside a list a segment must be a non-negative index.
     */
    public static Optional<YNode> lookup(YNode root, String dottedKey) {
        if (root == null || dottedKey == null) return Optional.empty();
        YNode cur = root;
        for (String seg : dottedKey.split("\\.", -1)) {
            if (cur instanceof YMap m) {
                cur = m.get(seg);
            } else if (cur instanceof YSeq s) {
                int idx = index(seg);
                cur = idx >= 0 && idx < s.size() ? s.get(idx) : null;
            } else {
                cur = null;
            }
            if (cur == null) return Optional.empty();
        }
        return Optional.of(cur);
    }

    private static int index(String seg) {
        if (seg.isEmpty() || seg.length() > 9) return -1;
        for (int i = 0; i < seg.length(); i++) if (seg.charAt(i) < '0' || seg.charAt(i) > '9') return -1;
        return Integer.parseInt(seg);
    }

    /** Keys of a mapping root as text, in file order (empty for a non-mapping). */
    public static List<String> topLevelKeys(YNode root) {
        List<String> out = new ArrayList<>();
        if (root instanceof YMap m) for (YMap.Entry e : m.entries()) out.add(e.name());
        return out;
    }

    /**
     * Dotted paths of all leaves (scalars and lists; nested mappings are descended, empty ones dropped), as
     * {@code dvc params show} flattens a file.
     */
    public static List<String> leafKeys(YNode root) {
        List<String> out = new ArrayList<>();
        if (root instanceof YMap m) leaves(m, "", out);
        return out;
    }

    private static void leaves(YMap m, String prefix, List<String> out) {
        for (YMap.Entry e : m.entries()) {
            String k = prefix + e.name();
            if (e.value() instanceof YMap sub) leaves(sub, k + ".", out);
            else out.add(k);
        }
    }

    /** Forgets cached files (e.g. after a stage rewrote its params). */
    /** Every file read so far (for excerpts of findings in them). */
    public Collection<Loaded> loaded() {
        return cache.values();
    }

    public void clear() {
        cache.clear();
    }

    /** For tests: how many files are cached. */
    int cached() {
        return cache.size();
    }
}
