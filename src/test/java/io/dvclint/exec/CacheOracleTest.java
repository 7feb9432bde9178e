package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.cache.ObjectCache;
import io.dvclint.exec.cache.RunCache;
import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Hasher;
import io.dvclint.exec.hash.Md5;
import io.dvclint.findings.Findings;
import io.dvclint.load.ProjectLoader;
import io.dvclint.model.OutKind;
import io.dvclint.model.Out;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.py.PyEq;
import io.dvclint.py.PyStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What DVC 3.64 left in {@code .dvc/cache} after {@code repro} of each real-world case ({@code expected/cache.txt})
 * is predicted from the expected lock and the stage map: the run-cache entry paths ({@link RunCache} keys and
 * values of the stages that ran and may save one) and the objects of the outputs DVC commits.
 */
class CacheOracleTest {
    private final ObjectCache layout = new ObjectCache(Path.of("/cache"), List.of("copy"));
    private final Hasher hasher = new Hasher(null, Md5.INSTANCE);

    /** A stage of {@code stages.json}. */
    record StageInfo(String name, String wdir, boolean frozen, boolean alwaysChanged, List<Map<String, Object>> outs,
            List<String> writes) {
    }

    @SuppressWarnings("unchecked")
    static Map<String, StageInfo> stages(Path caseDir) {
        Map<String, Object> json = (Map<String, Object>) LockOracleTest.load(LockOracleTest.read(
                caseDir.resolve("stages.json"))).toJava();
        Map<String, StageInfo> out = new HashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) json.get("stages")).entrySet()) {
            Map<String, Object> s = (Map<String, Object>) e.getValue();
            out.put(e.getKey(), new StageInfo(e.getKey(), (String) s.get("wdir"), Boolean.TRUE.equals(s.get("frozen")),
                    Boolean.TRUE.equals(s.get("always_changed")), (List<Map<String, Object>>) s.get("outs"),
                    (List<String>) s.get("writes")));
        }
        return out;
    }

    /** The stages of the case's dvc.yaml as dvclint resolves them, by name. */
    static Map<String, Stage> resolved(Path projectRoot) {
        Project p = new ProjectLoader(new Findings()).load(projectRoot);
        Map<String, Stage> out = new HashMap<>();
        for (Stage s : p.stages()) out.put(s.name(), s);
        return out;
    }

    /** The absolute paths of a stage's outputs declared under {@code metrics} or {@code plots}. */
    static Set<Path> decorated(Stage s) {
        Set<Path> paths = new HashSet<>();
        if (s != null) for (Out o : s.outs()) if (o.kind() != OutKind.OUTS) paths.add(o.abs().normalize());
        return paths;
    }

    static List<String> lines(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) if (!l.isBlank()) out.add(l.strip());
        return out;
    }

    private String rel(Path obj) {
        return layout.root().relativize(obj).toString();
    }

    /** fakeshell's content for a file a stage writes. */
    static byte[] written(String stage, String rel) {
        return (Md5.of((stage + ":" + rel).getBytes(StandardCharsets.UTF_8)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void runCacheEntriesAndObjectsOfEveryRealWorldCase() throws IOException {
        int cases = 0;
        int runEntries = 0;
        int objects = 0;
        int dirsRehashed = 0;
        List<String> failures = new ArrayList<>();
        for (Path caseDir : Support.realworldCases()) {
            Path lockFile = caseDir.resolve("expected/dvc.lock");
            List<String> cache = lines(caseDir.resolve("expected/cache.txt"));
            Set<String> runs = new TreeSet<>();
            Set<String> objs = new TreeSet<>();
            for (String l : cache) (l.startsWith("runs/") ? runs : objs).add(l);
            Set<String> predictedRuns = new TreeSet<>();
            Set<String> predictedObjs = new TreeSet<>();
            cases++;
            if (Files.exists(lockFile)) {
                String cwd = LockOracleTest.cwd(caseDir);
                Path projectRoot = caseDir.resolve("project");
                Map<String, Object> lock = (Map<String, Object>) ((Map<String, Object>) LockOracleTest.load(
                        LockOracleTest.read(lockFile)).toJava()).get("stages");
                Map<String, StageInfo> info = stages(caseDir);
                Map<String, Stage> model = resolved(projectRoot);
                Map<String, Object> old = oldStages(caseDir, cwd);
                List<String> processed = processed(caseDir, info, lock, old);
                for (String name : processed) {
                    // the entry DVC hashed in memory: the lock holds it, except a command whose folded form reads
                    // back differently (case 0292), which comes from dvc.yaml
                    Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) lock.get(name));
                    if (model.get(name) != null) entry.put("cmd", model.get(name).cmd());
                    StageInfo st = info.get(name);
                    Path wdir = projectRoot.resolve(st.wdir()).normalize();
                    boolean anyPersist = false;
                    boolean allInRepo = true;
                    boolean uncachedPlain = false;
                    for (Map<String, Object> o : st.outs()) {
                        anyPersist |= Boolean.TRUE.equals(o.get("persist"));
                        Path abs = projectRoot.resolve((String) o.get("path")).normalize();
                        allInRepo &= abs.startsWith(projectRoot);
                        boolean metricOrPlot = decorated(model.get(name)).contains(abs);
                        uncachedPlain |= !Boolean.TRUE.equals(o.get("cache")) && !metricOrPlot;
                    }
                    boolean canHash = RunCache.canHash(entry.get("cmd") != null,
                            entry.containsKey("deps") || entry.containsKey("params"), entry.containsKey("outs"),
                            st.alwaysChanged(), anyPersist, allInRepo);
                    boolean saves = RunCache.canSave(canHash, uncachedPlain, false);
                    if (saves) {
                        String path = RunCache.relativePath(RunCache.key(entry), RunCache.value(entry));
                        predictedRuns.add(path);
                        if (!runs.contains(path)) failures.add(caseDir.getFileName() + " " + name + ": " + path);
                    }
                    // outputs committed: cached ones by the stage, uncached metrics/plots by the run-cache save
                    for (Map<String, Object> o : st.outs()) {
                        if (!Boolean.TRUE.equals(o.get("cache")) && !saves) continue;
                        Path outAbs = projectRoot.resolve((String) o.get("path")).normalize();
                        Map<String, Object> locked = lockedOut(entry, wdir, outAbs);
                        String md5 = (String) locked.get("md5");
                        HashName hn = locked.containsKey("hash") ? HashName.MD5 : HashName.MD5_DOS2UNIX;
                        predictedObjs.add(rel(layout.objectPath(md5, hn)));
                        if (md5.endsWith(HashInfo.DIR_SUFFIX)) {
                            HashInfo dir = st.frozen() ? hasher.hashDir(outAbs, hn) : rebuildDir(name, st, wdir, outAbs);
                            if (!dir.md5().equals(md5)) {
                                failures.add(caseDir.getFileName() + " " + name + ": dir " + outAbs + " "
                                        + dir.md5() + " != " + md5);
                            }
                            dirsRehashed++;
                            for (HashInfo.Entry e : dir.manifest()) predictedObjs.add(rel(layout.objectPath(e.md5(), hn)));
                        }
                    }
                }
                predictedObjs.addAll(legacyDirObjects(info, lock, old, processed));
            }
            if (!predictedRuns.equals(runs)) {
                failures.add(caseDir.getFileName() + ": runs predicted " + predictedRuns + " but cache has " + runs);
            }
            if (!predictedObjs.equals(objs)) {
                Set<String> missing = new TreeSet<>(objs);
                missing.removeAll(predictedObjs);
                Set<String> extra = new TreeSet<>(predictedObjs);
                extra.removeAll(objs);
                failures.add(caseDir.getFileName() + ": objects not predicted " + missing + ", predicted but absent "
                        + extra);
            }
            runEntries += runs.size();
            objects += objs.size();
        }
        Set<String> failingCases = new TreeSet<>();
        for (String f : failures) failingCases.add(f.substring(0, 4));
        System.out.println("cache.txt predicted for " + (cases - failingCases.size()) + "/" + cases + " cases ("
                + runEntries + " run-cache entries, " + objects + " objects, " + dirsRehashed
                + " directory outputs rebuilt from the files fakeshell writes)");
        assertEquals(List.of(), failures);
        assertTrue(runEntries > 100);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> lockedOut(Map<String, Object> entry, Path wdir, Path abs) {
        for (Object o : (List<Object>) entry.get("outs")) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (wdir.resolve((String) m.get("path")).normalize().equals(abs)) return m;
        }
        throw new AssertionError("no lock entry for out " + abs);
    }

    /** The manifest of a directory output from the files its stage writes into it. */
    static HashInfo rebuildDir(String stage, StageInfo st, Path wdir, Path dir) {
        List<HashInfo.Entry> entries = new ArrayList<>();
        long size = 0;
        for (String w : st.writes()) {
            Path f = wdir.resolve(w).normalize();
            if (!f.startsWith(dir) || f.equals(dir)) continue;
            byte[] content = written(stage, w);
            entries.add(new HashInfo.Entry(dir.relativize(f).toString(), Md5.of(content)));
            size += content.length;
        }
        entries.sort((a, b) -> PyStrings.compare(a.relpath(), b.relpath()));
        return HashInfo.directory(entries, size);
    }

    /** The stages of the case's old lock. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> oldStages(Path caseDir, String cwd) {
        Path old = caseDir.resolve("project").resolve(cwd).resolve("dvc.lock");
        if (!Files.exists(old)) return Map.of();
        Object stages = ((Map<String, Object>) LockOracleTest.load(LockOracleTest.read(old)).toJava()).get("stages");
        return stages instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * The stages repro went through: those whose command ran, and frozen ones whose outputs were verified and whose
     * lock entry was rewritten.
     */
    static List<String> processed(Path caseDir, Map<String, StageInfo> info, Map<String, Object> lock,
            Map<String, Object> old) throws IOException {
        List<String> out = new ArrayList<>(lines(caseDir.resolve("expected/ran")));
        for (StageInfo st : info.values()) {
            if (st.frozen() && lock.containsKey(st.name()) && !PyEq.eq(lock.get(st.name()), old.get(st.name()))) {
                out.add(st.name());
            }
        }
        return out;
    }

    /**
     * The {@code .dir} objects DVC writes to the legacy cache ({@code <2>/<30>.dir}) when it hashes a directory
     * with DVC 2's md5-dos2unix ({@code build} adds the tree to the cache for any hash name but md5): every
     * directory dep/out of a stage of dvc.yaml whose old lock entry has no {@code hash} key, at its current content
     * (the value the expected lock holds for it). A frozen stage's deps are hashed only if repro went through it.
     */
    @SuppressWarnings("unchecked")
    Set<String> legacyDirObjects(Map<String, StageInfo> info, Map<String, Object> expected, Map<String, Object> old,
            List<String> processed) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, Object> e : old.entrySet()) {
            StageInfo st = info.get(e.getKey());
            Map<String, Object> oldEntry = (Map<String, Object>) e.getValue();
            Map<String, Object> newEntry = (Map<String, Object>) expected.get(e.getKey());
            if (newEntry == null || st == null) continue;
            for (String section : new String[] {"deps", "outs"}) {
                if (section.equals("deps") && st.frozen() && !processed.contains(st.name())) continue;
                if (!(oldEntry.get(section) instanceof List<?> items)) continue;
                for (Object o : items) {
                    Map<String, Object> m = (Map<String, Object>) o;
                    if (m.containsKey("hash") || !(m.get("md5") instanceof String md5)
                            || !md5.endsWith(HashInfo.DIR_SUFFIX)) {
                        continue;
                    }
                    String now = currentValue(newEntry, section, (String) m.get("path"));
                    if (now != null) out.add(rel(layout.objectPath(now, HashName.MD5_DOS2UNIX)));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static String currentValue(Map<String, Object> entry, String section, String path) {
        if (!(entry.get(section) instanceof List<?> items)) return null;
        for (Object o : items) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (path.equals(m.get("path"))) return (String) m.get("md5");
        }
        return null;
    }
}
