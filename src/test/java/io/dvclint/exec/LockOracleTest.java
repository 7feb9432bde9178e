package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.lock.LockEntryBuilder;
import io.dvclint.exec.lock.LockEntryBuilder.PathEntry;
import io.dvclint.exec.lock.LockEntryBuilder.StageParts;
import io.dvclint.exec.lock.LockFileWriter;
import io.dvclint.py.PyEq;
import io.dvclint.yaml.SourceText;
import io.dvclint.yaml.YMap;
import io.dvclint.yaml.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * dvc.lock files DVC 3.64 wrote (oracle scenarios and real-world repro cases in the shared folder) come out of
 * {@link LockFileWriter} byte for byte: re-emitted as they are, and rebuilt from the repository's old lock by
 * setting the entries that changed.
 */
class LockOracleTest {
    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static YMap load(String text) {
        YamlLoader.Result r = YamlLoader.load(new SourceText(text));
        assertTrue(r.ok(), () -> String.valueOf(r.problem()));
        return (YMap) r.root();
    }

    /** Every lock file DVC wrote in the oracle scenarios and the real-world cases. */
    static List<Path> expectedLocks() {
        List<Path> out = new ArrayList<>();
        for (Path p : Support.find(Support.requireShared("oracle/scenarios"), "dvc.lock")) {
            if (p.getParent().getFileName().toString().equals("expected")) out.add(p);
        }
        for (Path p : Support.find(Support.requireShared("realworld"), "dvc.lock")) {
            if (p.getParent().getFileName().toString().equals("expected")) out.add(p);
        }
        return out;
    }

    @Test
    void everyExpectedLockIsReEmittedUnchanged() throws IOException {
        List<Path> locks = expectedLocks();
        List<String> failures = new ArrayList<>();
        for (Path p : locks) {
            String text = read(p);
            String again = LockFileWriter.reEmit(text);
            if (!again.equals(text)) failures.add(p + "\n" + firstDifference(text, again));
        }
        System.out.println("re-emitted byte-identical: " + (locks.size() - failures.size()) + "/" + locks.size());
        assertEquals(List.of(), failures);
        assertTrue(locks.size() > 200, "expected lock files found: " + locks.size());
    }

    /** Where a case's lock file was before repro ({@code project/<cwd>/dvc.lock} or {@code project/A/B/dvc.lock}). */
    static Path oldLock(Path caseDir, Path expected, String cwd) {
        String name = expected.getFileName().toString();
        if (name.equals("dvc.lock")) return caseDir.resolve("project").resolve(cwd).resolve("dvc.lock").normalize();
        return caseDir.resolve("project").resolve(name.replace("__", "/"));
    }

    static String cwd(Path caseDir) {
        String json = read(caseDir.resolve("stages.json"));
        int i = json.indexOf("\"cwd\":");
        int q1 = json.indexOf('"', i + 6);
        return json.substring(q1 + 1, json.indexOf('"', q1 + 1));
    }

    @Test
    void realWorldLocksRebuiltFromTheOldLockByUpdatingChangedEntries() throws IOException {
        int total = 0;
        List<String> failures = new ArrayList<>();
        for (Path caseDir : Support.realworldCases()) {
            for (Path expected : Support.find(caseDir.resolve("expected"), "dvc.lock")) {
                total++;
                String expectedText = read(expected);
                Path old = oldLock(caseDir, expected, cwd(caseDir));
                String oldText = Files.exists(old) ? read(old) : null;
                Map<String, Map<String, Object>> changed = changedEntries(oldText, expectedText);
                String got = LockFileWriter.update(oldText, changed);
                if (!got.equals(expectedText)) failures.add(expected + "\n" + firstDifference(expectedText, got));
            }
        }
        System.out.println("rebuilt from the old lock byte-identical: " + (total - failures.size()) + "/" + total);
        assertEquals(List.of(), failures);
        assertTrue(total > 100);
    }

    /** The entries of the expected lock that are new or differ (Python equality) from the old lock's. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> changedEntries(String oldText, String expectedText) {
        Map<String, Object> oldStages = Map.of();
        if (oldText != null) {
            Object s = ((Map<String, Object>) load(oldText).toJava()).get("stages");
            if (s instanceof Map<?, ?> m) oldStages = (Map<String, Object>) m;
        }
        Map<String, Object> newStages = (Map<String, Object>) ((Map<String, Object>) load(expectedText).toJava())
                .get("stages");
        Map<String, Map<String, Object>> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : newStages.entrySet()) {
            if (!oldStages.containsKey(e.getKey()) || !PyEq.eq(oldStages.get(e.getKey()), e.getValue())) {
                changed.put(e.getKey(), (Map<String, Object>) e.getValue());
            }
        }
        return changed;
    }

    static String firstDifference(String want, String got) {
        String[] a = want.split("\n", -1);
        String[] b = got.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) return "line " + (i + 1) + "\n  want: [" + x + "]\n  got:  [" + y + "]";
        }
        return "same lines";
    }

    /** A lock entry taken apart into what {@link LockEntryBuilder} is given. */
    @SuppressWarnings("unchecked")
    static StageParts parts(Map<String, Object> entry) {
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        Object p = entry.get("params");
        if (p instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) params.put((String) e.getKey(), (Map<String, Object>) e.getValue());
        }
        return new StageParts(entry.get("cmd"), pathEntries(entry.get("deps")), params, pathEntries(entry.get("outs")));
    }

    @SuppressWarnings("unchecked")
    static List<PathEntry> pathEntries(Object list) {
        List<PathEntry> out = new ArrayList<>();
        if (!(list instanceof List<?> items)) return out;
        for (Object o : items) {
            Map<String, Object> m = (Map<String, Object>) o;
            String md5 = (String) m.get("md5");
            HashInfo h = null;
            if (md5 != null) {
                Number size = (Number) m.get("size");
                Number nfiles = (Number) m.get("nfiles");
                boolean dir = md5.endsWith(HashInfo.DIR_SUFFIX);
                h = new HashInfo(md5, size == null ? -1 : size.longValue(), nfiles == null ? null : nfiles.intValue(),
                        Boolean.TRUE.equals(m.get("isexec")), dir, List.of());
            }
            out.add(new PathEntry((String) m.get("path"), h, !m.containsKey("hash")));
        }
        return out;
    }

    /** Names of the stages whose entry in {@code text} is rebuilt byte-identical from its parts. */
    @SuppressWarnings("unchecked")
    static List<String> rebuiltStages(String text) throws IOException {
        Map<String, Object> stages = (Map<String, Object>) ((Map<String, Object>) load(text).toJava()).get("stages");
        List<String> ok = new ArrayList<>();
        for (Map.Entry<String, Object> e : stages.entrySet()) {
            Map<String, Object> built = LockEntryBuilder.build(parts((Map<String, Object>) e.getValue()));
            if (LockFileWriter.update(text, Map.of(e.getKey(), built)).equals(text)) ok.add(e.getKey());
        }
        return ok;
    }

    @Test
    void everyEntryDvcWroteIsRebuiltFromItsParts() throws IOException {
        int entries = 0;
        int kept = 0;
        int keptRebuilt = 0;
        List<String> failures = new ArrayList<>();
        for (Path p : Support.find(Support.requireShared("oracle/scenarios"), "dvc.lock")) {
            if (!p.getParent().getFileName().toString().equals("expected")) continue;
            String text = read(p);
            List<String> ok = rebuiltStages(text);
            Map<?, ?> stages = (Map<?, ?>) ((Map<?, ?>) load(text).toJava()).get("stages");
            for (Object name : stages.keySet()) {
                entries++;
                if (!ok.contains(name)) failures.add(p + ": " + name);
            }
        }
        for (Path caseDir : Support.realworldCases()) {
            for (Path expected : Support.find(caseDir.resolve("expected"), "dvc.lock")) {
                String text = read(expected);
                Path old = oldLock(caseDir, expected, cwd(caseDir));
                Map<String, Map<String, Object>> written = changedEntries(Files.exists(old) ? read(old) : null, text);
                List<String> ok = rebuiltStages(text);
                Map<?, ?> stages = (Map<?, ?>) ((Map<?, ?>) load(text).toJava()).get("stages");
                for (Object name : stages.keySet()) {
                    if (written.containsKey(name)) {
                        entries++;
                        if (!ok.contains(name)) failures.add(expected + ": " + name);
                    } else {
                        kept++;
                        if (ok.contains(name)) keptRebuilt++;
                    }
                }
            }
        }
        System.out.println("entries written by DVC 3.64 rebuilt from their parts: " + (entries - failures.size()) + "/"
                + entries + "; entries kept from old locks that would also rebuild unchanged: " + keptRebuilt + "/"
                + kept);
        assertEquals(List.of(), failures);
        assertTrue(entries > 300);
    }
}
