package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Hasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dependency hashes DVC 3.64 wrote in the oracle scenarios come out of {@link Hasher}: each scenario's working
 * copy is rebuilt step by step with its {@code before.sh} scripts (stage commands are not run), and after each
 * step every dependency of a stage that ran, other than an output of some stage, is hashed and compared with the
 * lock entry ({@code md5}, {@code size}, {@code nfiles}, {@code isexec}).
 */
class HashOracleTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void dependencyHashesOfTheOracleScenarios() throws Exception {
        Path scenarios = Support.requireShared("oracle/scenarios");
        int checked = 0;
        int directories = 0;
        int scenariosReplayed = 0;
        List<String> failures = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(scenarios)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path scenario : dirs) {
            Path work = tmp.resolve(scenario.getFileName().toString());
            copy(scenario.resolve("project"), work);
            Hasher hasher = Hasher.forProject(work);
            scenariosReplayed++;
            List<Path> steps;
            try (Stream<Path> s = Files.list(scenario.resolve("steps"))) {
                steps = s.filter(Files::isDirectory).sorted().toList();
            }
            for (Path step : steps) {
                Path before = step.resolve("before.sh");
                if (Files.exists(before) && !runSh(before, work)) break; // it needs outputs of stages not run here
                Path expected = step.resolve("expected");
                Set<String> ran = new HashSet<>(Files.exists(expected.resolve("ran"))
                        ? Files.readAllLines(expected.resolve("ran")) : List.of());
                for (Path lock : Support.find(expected, "dvc.lock")) {
                    String prefix = lock.getFileName().toString().replace("__", "/").replace("dvc.lock", "");
                    Map<String, Object> stages = (Map<String, Object>) ((Map<String, Object>) LockOracleTest.load(
                            LockOracleTest.read(lock)).toJava()).get("stages");
                    Set<String> outs = new HashSet<>();
                    for (Object e : stages.values()) {
                        for (Object o : list(((Map<String, Object>) e).get("outs"))) {
                            outs.add(norm((String) ((Map<String, Object>) o).get("path")));
                        }
                    }
                    for (Map.Entry<String, Object> e : stages.entrySet()) {
                        String address = prefix.isEmpty() ? e.getKey() : prefix + "dvc.yaml:" + e.getKey();
                        if (!ran.contains(address)) continue;
                        for (Object o : list(((Map<String, Object>) e.getValue()).get("deps"))) {
                            Map<String, Object> dep = (Map<String, Object>) o;
                            String path = (String) dep.get("path");
                            if (outs.stream().anyMatch(out -> overlaps(norm(path), out))) continue;
                            Path abs = work.resolve(prefix).resolve(path).normalize();
                            if (!Files.exists(abs)) continue;
                            checked++;
                            HashInfo h = hasher.hash(abs, HashName.MD5);
                            if (h.dir()) directories++;
                            String got = h.md5() + " " + h.size() + " " + h.nfiles() + " " + h.isexec();
                            String want = dep.get("md5") + " " + dep.get("size") + " " + dep.get("nfiles") + " "
                                    + Boolean.TRUE.equals(dep.get("isexec"));
                            if (!got.equals(want)) {
                                failures.add(step + " " + address + " " + path + ": " + got + " != " + want);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("oracle dependency hashes reproduced: " + (checked - failures.size()) + "/" + checked
                + " (" + directories + " directories) in " + scenariosReplayed + " scenarios");
        assertEquals(List.of(), failures);
        assertTrue(checked > 20, "dependencies checked: " + checked);
    }

    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    private static String norm(String p) {
        return Path.of(p).normalize().toString();
    }

    /** One path equals or contains the other (component-wise). */
    private static boolean overlaps(String a, String b) {
        Path x = Path.of(a);
        Path y = Path.of(b);
        return x.startsWith(y) || y.startsWith(x);
    }

    private static boolean runSh(Path script, Path cwd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", script.toAbsolutePath().toString()).directory(cwd.toFile())
                .redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
                // the shared copy is read-only; the working copy keeps the execute bits but must be writable
                var perms = Files.getPosixFilePermissions(p);
                perms.add(PosixFilePermission.OWNER_WRITE);
                Files.setPosixFilePermissions(t, perms);
            }
        }
    }
}
