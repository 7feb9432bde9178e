package io.dvclint.analysis;

import io.dvclint.fs.Inputs;
import io.dvclint.model.Dep;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import io.dvclint.template.ResolvedStage;
import io.dvclint.template.TemplateResolver;
import io.dvclint.template.UsedVar;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import io.dvclint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What the params rules share: which files a stage can read, which keys are covered, key listings. */
public final class ParamCoverage {
    public static final String DEFAULT = "params.yaml";

    private ParamCoverage() {
    }

    /** Whether some stage writes this path (or a folder holding it): it exists only after that stage ran. */
    public static boolean produced(ProjectFacts facts, Path abs) {
        return !facts.graph().producersOf(abs).isEmpty();
    }

    /**
     * The params files a stage can read, absolute, each with the name the stage would use for it: every file it
     * declares, then the {@code params.yaml} of its wdir (which {@code - key} entries refer to).
     */
    public static Map<Path, String> readable(Stage s) {
        Map<Path, String> out = new LinkedHashMap<>();
        for (ParamDep p : s.params()) out.putIfAbsent(p.abs(), p.file());
        out.putIfAbsent(s.wdirAbs().resolve(DEFAULT).normalize(), DEFAULT);
        return out;
    }

    /** Whether the stage depends on the file as a path (itself, or a folder holding it): any change reruns it. */
    public static boolean fileDep(Stage s, Path abs) {
        for (Dep d : s.deps()) if (abs.startsWith(d.abs())) return true;
        return false;
    }

    /** Whether a {@code ${...}} of the stage reads {@code key} of the file (or a part holding it). */
    public static boolean templateCovers(Stage s, Path abs, String key) {
        TemplateResolver.Result t = s.file().templating();
        if (t == null) return false;
        ResolvedStage rs = t.stage(s.name());
        if (rs == null) return false;
        for (UsedVar u : rs.used()) {
            if (u.fromFile() && u.file().toAbsolutePath().normalize().equals(abs) && covers(u.key(), key)) return true;
        }
        return false;
    }

    /** The stage's declaration for one file, or null. */
    public static ParamDep declared(Stage s, Path abs) {
        for (ParamDep p : s.params()) if (p.abs().equals(abs)) return p;
        return null;
    }

    /**
     * Whether the declared key {@code d} tracks {@code key}: equal, or an ancestor of it. DVC reads declared keys
     * with {@code dpath}, so a part may be a glob ({@code dataset.india*}).
     */
    public static boolean covers(String d, String key) {
        if (key.equals(d) || key.startsWith(d + ".")) return true;
        if (!isGlob(d)) return false;
        String[] ds = d.split("\\.", -1), ks = key.split("\\.", -1);
        if (ds.length > ks.length) return false;
        for (int i = 0; i < ds.length; i++) if (!segmentMatches(ds[i], ks[i])) return false;
        return true;
    }

    /** Whether the declared key {@code d} names something strictly inside {@code key}. */
    public static boolean inside(String d, String key) {
        if (d.startsWith(key + ".")) return true;
        if (!isGlob(d)) return false;
        String[] ds = d.split("\\.", -1), ks = key.split("\\.", -1);
        if (ds.length <= ks.length) return false;
        for (int i = 0; i < ks.length; i++) if (!segmentMatches(ds[i], ks[i])) return false;
        return true;
    }

    public static boolean isGlob(String key) {
        return key.indexOf('*') >= 0 || key.indexOf('?') >= 0 || key.indexOf('[') >= 0;
    }

    /** fnmatch of one key part ({@code *}, {@code ?}, {@code [...]}), as dpath matches globs. */
    public static boolean segmentMatches(String glob, String s) {
        if (!isGlob(glob)) return glob.equals(s);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = glob.indexOf(']', i + 2);
                if (j < 0) {
                    re.append("\\[");
                } else {
                    String set = glob.substring(i + 1, j);
                    if (set.startsWith("!")) set = "^" + set.substring(1);
                    re.append('[').append(set.replace("\\", "\\\\")).append(']');
                    i = j;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return s.matches(re.toString());
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** How many nodes a glob key matches in a document (dpath's get needs exactly one). */
    public static int globMatches(YNode root, String key) {
        List<YNode> cur = List.of(root);
        for (String seg : key.split("\\.", -1)) {
            List<YNode> next = new ArrayList<>();
            for (YNode n : cur) {
                if (n instanceof YMap m) {
                    for (YMap.Entry e : m.entries()) if (segmentMatches(seg, e.name())) next.add(e.value());
                } else if (n instanceof YSeq sq) {
                    for (int i = 0; i < sq.size(); i++) if (segmentMatches(seg, String.valueOf(i))) next.add(sq.get(i));
                }
            }
            cur = next;
        }
        return cur.size();
    }

    /**
     * How a stage is named in messages. Findings of generated stages at one template position are reported once,
     * for the first stage; the label says where it comes from.
     */
    public static String label(Stage s) {
        return "stage '" + s.address() + "'" + (s.group() != null ? " (generated from '" + s.group() + "')" : "");
    }

    /** Whether the stage's declaration tracks {@code key} of the file (whole-file tracking tracks all). */
    public static boolean stageCovers(Stage s, Path abs, String key) {
        ParamDep p = declared(s, abs);
        if (p == null) return false;
        if (p.whole()) return true;
        for (ParamKey k : p.keys()) if (covers(k.key(), key)) return true;
        return false;
    }

    /** Every addressable dotted key of a document: mapping keys at every depth (sections and leaves). */
    public static List<String> allKeys(YNode root) {
        List<String> out = new ArrayList<>();
        if (root instanceof YMap m) walk(m, "", out);
        return out;
    }

    private static void walk(YMap m, String prefix, List<String> out) {
        for (YMap.Entry e : m.entries()) {
            String k = prefix + e.name();
            out.add(k);
            if (e.value() instanceof YMap sub) walk(sub, k + ".", out);
        }
    }

    /** The loaded file if it exists and parsed, else null. */
    public static ParamsFiles.Loaded loadOk(ProjectFacts facts, Path abs) {
        if (!Inputs.isRegularFile(abs)) return null;
        ParamsFiles.Loaded l = facts.params().load(abs);
        return l.ok() ? l : null;
    }

    /** Path of {@code abs} relative to the project root, for messages. */
    public static String rel(Project project, Path abs) {
        try {
            return project.rel(abs);
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }
}
