package io.dvclint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import io.dvclint.TestFiles.Run;
import io.dvclint.findings.Findings;
import io.dvclint.fix.Fixer;
import io.dvclint.load.ProjectLoader;
import io.dvclint.model.Dep;
import io.dvclint.model.Out;
import io.dvclint.model.ParamDep;
import io.dvclint.model.ParamKey;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --fix} on a copy of every real-world case: {@code lint --diff} showed exactly the change it makes, the
 * fixed files keep every comment line, load to the same model apart from what the fixes add (cache flags, params
 * keys, deps; a {@code params.yaml:key} dep moved to {@code params:}), and no longer show the fixed findings.
 */
class FixRoundTripCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void fixesKeepCommentsAndTheModel() throws IOException {
        List<String> problems = new ArrayList<>();
        int fixedCases = 0;
        for (Path c : Shared.corpusCases()) {
            Path work = tmp.resolve(c.getFileName().toString());
            Shared.copyTree(c, work);
            Map<Path, String> before = yamlTexts(work);
            Project orig = load(work);
            Run diff = TestFiles.cli(work, "lint", "--diff");
            Run r = TestFiles.cli(work, "lint", "--fix", "--format", "gcc", "--fail-on", "error");
            if (r.exit() >= 2) {
                problems.add(c.getFileName() + ": exit " + r.exit() + " " + r.err());
                continue;
            }
            Map<Path, String> after = yamlTexts(work);
            // --diff shows exactly the change --fix makes (files in the order --diff prints them)
            StringBuilder made = new StringBuilder();
            for (String chunk : diff.out().split("(?m)^(?=--- a/)")) {
                if (chunk.isEmpty()) continue;
                Path rel = Path.of(chunk.substring(6, chunk.indexOf('\n')));
                made.append(Fixer.unifiedDiff(rel.toString(), noBom(before.get(rel)), noBom(after.get(rel))));
            }
            if (!made.toString().equals(diff.out()) || diff.out().isEmpty() != after.equals(before)) {
                problems.add(c.getFileName() + ": --diff shows\n" + diff.out() + "--fix made\n" + made);
            }
            if (after.equals(before)) continue;
            fixedCases++;
            for (Map.Entry<Path, String> e : before.entrySet()) {
                String now = after.get(e.getKey());
                Set<String> lines = new HashSet<>(now.lines().map(String::strip).toList());
                for (String l : e.getValue().lines().map(String::strip).toList()) {
                    if (l.startsWith("#") && !lines.contains(l)) {
                        problems.add(c.getFileName() + ": lost comment line '" + l + "' in " + e.getKey());
                    }
                }
            }
            compare(c.getFileName().toString(), orig, load(work), problems);
            Run again = TestFiles.cli(work, "lint", "--diff");
            if (!again.out().isEmpty() && again.exit() == 1 && again.out().startsWith("---")) {
                problems.add(c.getFileName() + ": fixes left after --fix:\n" + again.out());
            }
        }
        assertTrue(fixedCases > 0, "no corpus case had a fix to apply");
        assertEquals(List.of(), problems, fixedCases + " cases fixed");
    }

    /** The text without a byte-order mark (which --fix keeps and the diff does not show). */
    private static String noBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static Project load(Path root) {
        return new ProjectLoader(new Findings()).load(root);
    }

    private static Map<Path, String> yamlTexts(Path root) throws IOException {
        Map<Path, String> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"))) {
                    m.put(root.relativize(p), Files.readString(p));
                }
            }
        }
        return m;
    }

    /** The fixed model equals the original apart from what fixes may add. */
    private static void compare(String id, Project a, Project b, List<String> problems) {
        List<Stage> sa = a.stages(), sb = b.stages();
        if (sa.size() != sb.size()) {
            problems.add(id + ": stage count " + sa.size() + " -> " + sb.size());
            return;
        }
        for (int i = 0; i < sa.size(); i++) {
            Stage x = sa.get(i), y = sb.get(i);
            String where = id + " " + x.address() + ": ";
            if (!x.address().equals(y.address())) problems.add(where + "renamed to " + y.address());
            if (!String.valueOf(x.cmd()).equals(String.valueOf(y.cmd()))) problems.add(where + "cmd changed");
            if (!x.wdir().equals(y.wdir()) || x.frozen() != y.frozen() || x.alwaysChanged() != y.alwaysChanged()) {
                problems.add(where + "wdir/frozen/always_changed changed");
            }
            List<String> outsA = x.outs().stream().map(o -> o.kind() + ":" + o.path() + ":" + o.persist()).toList();
            List<String> outsB = y.outs().stream().map(o -> o.kind() + ":" + o.path() + ":" + o.persist()).toList();
            if (!outsA.equals(outsB)) problems.add(where + "outs changed " + outsA + " -> " + outsB);
            for (int k = 0; k < Math.min(x.outs().size(), y.outs().size()); k++) {
                Out o = x.outs().get(k), p = y.outs().get(k);
                if (o.cache() != p.cache() && !(p.cache() == false && o.kind() != io.dvclint.model.OutKind.OUTS)) {
                    problems.add(where + "cache flag of " + o.path() + " changed");
                }
            }
            Set<String> depsB = new HashSet<>(y.deps().stream().map(Dep::path).toList());
            Set<String> keysB = keys(y);
            for (Dep d : x.deps()) {
                if (!depsB.contains(d.path()) && !movedToParams(d.path(), keysB)) {
                    problems.add(where + "dep " + d.path() + " lost");
                }
            }
            for (String k : keys(x)) if (!keysB.contains(k)) problems.add(where + "param " + k + " lost");
        }
    }

    private static boolean movedToParams(String dep, Set<String> keys) {
        int colon = dep.indexOf(':');
        if (colon < 0) return false;
        for (String k : dep.substring(colon + 1).split(",")) {
            if (!keys.contains(dep.substring(0, colon) + "#" + k.strip())
                    && !keys.contains("params.yaml#" + k.strip())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> keys(Stage s) {
        Set<String> out = new HashSet<>();
        for (ParamDep p : s.params()) {
            if (p.whole()) out.add(p.file() + "#*");
            for (ParamKey k : p.keys()) out.add(p.file() + "#" + k.key());
        }
        return out;
    }
}
