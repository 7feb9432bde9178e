package io.dvclint.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the params-file keys an R script reads, line by line: a variable assigned
 * {@code yaml::read_yaml("params.yaml")} (or {@code yaml.load_file}, {@code jsonlite::read_json},
 * {@code fromJSON}) and then accessed with {@code $} or {@code [["key"]]}: {@code params$train$epochs}.
 */
public final class RParamReads {
    private static final Pattern LOAD = Pattern.compile(
            "^\\s*([A-Za-z.][A-Za-z0-9._]*)\\s*(?:<-|=)\\s*(?:[A-Za-z]+::)?"
                    + "(?:read_yaml|yaml\\.load_file|read_json|fromJSON|read\\.config)\\s*\\(\\s*(?:file\\s*=\\s*)?"
                    + "[\"']([^\"']+)[\"']");
    private static final Pattern ACCESS_PART = Pattern.compile("\\$([A-Za-z.][A-Za-z0-9._]*)|\\[\\[\\s*[\"']([^\"']+)[\"']\\s*]]");

    private RParamReads() {
    }

    public static List<PyParamReads.Read> find(String text, Predicate<String> isParamsFile) {
        Map<String, String> vars = new HashMap<>();
        Map<String, PyParamReads.Read> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = stripComment(lines[n]);
            Matcher m = LOAD.matcher(line);
            if (m.find() && isParamsFile.test(m.group(2))) {
                vars.put(m.group(1), m.group(2));
                continue;
            }
            for (Map.Entry<String, String> v : vars.entrySet()) {
                Pattern use = Pattern.compile("(?<![A-Za-z0-9._$])" + Pattern.quote(v.getKey()) + "(?=\\$|\\[\\[)");
                Matcher u = use.matcher(line);
                while (u.find()) {
                    List<String> key = new ArrayList<>();
                    Matcher p = ACCESS_PART.matcher(line);
                    int at = u.end();
                    while (p.find(at) && p.start() == at) {
                        String seg = p.group(1) != null ? p.group(1) : p.group(2);
                        if (seg.isEmpty() || seg.contains(".")) break;
                        key.add(seg);
                        at = p.end();
                    }
                    // an assignment to the key is a write
                    if (key.isEmpty() || line.substring(at).matches("\\s*(<-|=[^=]).*")) continue;
                    String k = String.join(".", key);
                    out.putIfAbsent(v.getValue() + "\u0000" + k, new PyParamReads.Read(v.getValue(), k, n + 1));
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static String stripComment(String line) {
        boolean sq = false, dq = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'' && !dq) {
                sq = !sq;
            } else if (c == '"' && !sq) {
                dq = !dq;
            } else if (c == '#' && !sq && !dq) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
