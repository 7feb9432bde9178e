package io.dvclint.rules;

import io.dvclint.graph.PipelineGraph;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.params.ParamsFiles;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the params rules share: which files a stage can read, which keys are covered, key listings. */
final class ParamsSupport {
    static final String DEFAULT = "params.yaml";

    private ParamsSupport() {
    }

    /** Whether some stage writes this path (or a folder holding it): it exists only after that stage ran. */
    static boolean produced(Project project, Path abs) {
        return !PipelineGraph.of(project).producersOf(abs).isEmpty();
    }

    /**
     * The params files a stage can read, absolute, each with the name the stage would use for it: every file it
     * declares, then the {@code params.yaml} of its wdir (which {@code - key} entries refer to).
     */
    static Map<Path, String> readable(Stage s) {
        Map<Path, String> out = new LinkedHashMap<>();
        for (ParamDep p : s.params()) out.putIfAbsent(p.abs(), p.file());
        out.putIfAbsent(s.wdirAbs().resolve(DEFAULT).normalize(), DEFAULT);
        return out;
    }

    /** The stage's declaration for one file, or null. */
    static ParamDep declared(Stage s, Path abs) {
        for (ParamDep p : s.params()) if (p.abs().equals(abs)) return p;
        return null;
    }

    /** Whether the declared key {@code d} tracks {@code key}: equal, or an ancestor of it. */
    static boolean covers(String d, String key) {
        return key.equals(d) || key.startsWith(d + ".");
    }

    /** Whether the stage's declaration tracks {@code key} of the file (whole-file tracking tracks all). */
    static boolean stageCovers(Stage s, Path abs, String key) {
        ParamDep p = declared(s, abs);
        if (p == null) return false;
        if (p.whole()) return true;
        for (ParamKey k : p.keys()) if (covers(k.key(), key)) return true;
        return false;
    }

    /** Every addressable dotted key of a document: mapping keys at every depth (sections and leaves). */
    static List<String> allKeys(YNode root) {
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
    static ParamsFiles.Loaded loadOk(Project project, Path abs) {
        if (!Files.isRegularFile(abs)) return null;
        ParamsFiles.Loaded l = project.paramsFiles().load(abs);
        return l.ok() ? l : null;
    }

    /** Path of {@code abs} relative to the project root, for messages. */
    static String rel(Project project, Path abs) {
        try {
            return project.rel(abs);
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }
}
