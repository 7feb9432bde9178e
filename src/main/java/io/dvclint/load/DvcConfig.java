package io.dvclint.load;

import java.io.IOException;
import io.dvclint.fs.Inputs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A project's DVC configuration: {@code .dvc/config} overlaid with {@code .dvc/config.local}, in DVC's configobj
 * format ({@code [section]} headers, {@code key = value} lines, {@code #}/{@code ;} comments, optionally quoted
 * values, section and key names case-insensitive). Only what dvclint needs is interpreted: {@code core.no_scm} (the
 * project walk and the executor), the cache folder and its link types (the executor); the user's global and system
 * config files are not read.
 */
public final class DvcConfig {
    /** DVC's default link types for the local cache ({@code LocalHashFileDB.DEFAULT_CACHE_TYPES}). */
    public static final List<String> DEFAULT_CACHE_TYPES = List.of("reflink", "copy");

    private final Path dvcDir;
    private final Map<String, Map<String, String>> sections;

    private DvcConfig(Path dvcDir, Map<String, Map<String, String>> sections) {
        this.dvcDir = dvcDir;
        this.sections = sections;
    }

    /** Reads the config of the project at {@code root} (missing files are empty). */
    public static DvcConfig load(Path root) throws IOException {
        Path dvcDir = root.resolve(".dvc");
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        for (String name : new String[] {"config", "config.local"}) {
            Path f = dvcDir.resolve(name);
            if (Inputs.isRegularFile(f)) parse(new String(Inputs.read(f), StandardCharsets.UTF_8), sections);
        }
        return new DvcConfig(dvcDir, sections);
    }

    /** Parses config text (for tests and callers holding the text). */
    public static DvcConfig parse(Path dvcDir, String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        parse(text, sections);
        return new DvcConfig(dvcDir, sections);
    }

    private static void parse(String text, Map<String, Map<String, String>> sections) {
        Map<String, String> current = null;
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[")) {
                String name = line.replaceAll("^\\[+", "").replaceAll("\\]+\\s*(#.*)?$", "").strip();
                name = unquote(name).toLowerCase(Locale.ROOT);
                current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 || current == null) continue;
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            current.put(key, value(line.substring(eq + 1).strip()));
        }
    }

    /** A value: quoted (the quotes removed) or bare (an inline comment removed). */
    private static String value(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            int end = v.indexOf(v.charAt(0), 1);
            if (end > 0) return v.substring(1, end);
        }
        int hash = v.indexOf(" #");
        if (hash >= 0) v = v.substring(0, hash);
        return v.strip();
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.endsWith(s.substring(0, 1))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** The raw value of {@code section.key}, or null. */
    public String get(String section, String key) {
        Map<String, String> s = sections.get(section.toLowerCase(Locale.ROOT));
        return s == null ? null : s.get(key.toLowerCase(Locale.ROOT));
    }

    /** A boolean option as configobj/DVC reads it ({@code true/yes/on/1}), or {@code dflt} when unset. */
    public boolean getBoolean(String section, String key, boolean dflt) {
        String v = get(section, key);
        if (v == null) return dflt;
        String low = v.toLowerCase(Locale.ROOT);
        return low.equals("true") || low.equals("yes") || low.equals("on") || low.equals("1");
    }

    /** {@code core.no_scm}: a DVC project without git. */
    public boolean noScm() {
        return getBoolean("core", "no_scm", false);
    }

    /**
     * The cache folder: {@code cache.dir} (relative to {@code .dvc/}; a leading {@code ~} is {@code home}) or
     * {@code .dvc/cache}.
     */
    public Path cacheDir(String home) {
        String dir = get("cache", "dir");
        if (dir == null || dir.isEmpty()) return dvcDir.resolve("cache");
        if (dir.startsWith("~")) dir = home + dir.substring(1);
        return dvcDir.resolve(dir).normalize();
    }

    /** {@code cache.type}: the link types to try in order (DVC's default {@code reflink,copy}). */
    public List<String> cacheTypes() {
        String v = get("cache", "type");
        if (v == null || v.isBlank()) return DEFAULT_CACHE_TYPES;
        List<String> out = new ArrayList<>();
        for (String t : v.replace("[", "").replace("]", "").split(",")) {
            String s = unquote(t.strip()).toLowerCase(Locale.ROOT);
            if (!s.isEmpty()) out.add(s);
        }
        return List.copyOf(out);
    }
}
