package io.dvclint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.dvclint.CliProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dvclint repro} on every real-world pipeline recorded with DVC ({@code ../shared/realworld}): stage commands
 * run through the recorded fake shell, which writes each stage's outputs; compared by that folder's README: exit
 * class, every dvc.lock byte for byte, the stages that ran (as a set, each after its upstream stages), the files
 * under {@code .dvc/cache}, the project's files, and the {@code status --json} after the run.
 */
class RealWorldReproTest {
    private static final Pattern RUNNING = Pattern.compile("Running stage '([^']+)':");

    @TempDir
    Path tmp;

    @Test
    void everyCaseMatchesDvc() throws Exception {
        Path realworld = Shared.require("realworld");
        List<Path> cases;
        try (Stream<Path> s = Files.list(realworld)) {
            cases = s.filter(d -> Files.exists(d.resolve("stages.json"))).sorted().toList();
        }
        assertTrue(cases.size() >= 100, "too few real-world cases: " + cases.size());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> results = new ArrayList<>();
        for (Path c : cases) results.add(pool.submit(() -> check(realworld, c)));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            List<String> problems = results.get(i).get();
            if (!problems.isEmpty()) failures.add(cases.get(i).getFileName() + ": " + problems);
        }
        pool.shutdown();
        assertEquals(List.of(), failures, (cases.size() - failures.size()) + "/" + cases.size() + " cases pass");
    }

    private List<String> check(Path realworld, Path c) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode spec = JsonMapper.builder().build().readTree(Files.readString(c.resolve("stages.json")));
        Path exp = c.resolve("expected");
        Path project = tmp.resolve(c.getFileName().toString()).resolve("project");
        Shared.copyTree(c.resolve("project"), project);
        Path cwd = project.resolve(spec.get("cwd").asString()).normalize();
        Map<String, String> env = Map.of("SHELL", realworld.resolve("fakeshell").toString(), "REALWORLD_MAP",
                c.resolve("stages.json").toAbsolutePath().toString(), "LC_ALL", "C.UTF-8", "TZ", "UTC");
        CliProcess.Run r = CliProcess.run(cwd, env, List.of("repro"));
        int want = Integer.parseInt(Files.readString(exp.resolve("exit-code")).trim());
        if ((r.exit() == 0) != (want == 0)) problems.add("exit " + r.exit() + " (DVC " + want + "): " + tail(r.err()));

        Map<String, byte[]> locks = CliProcess.lockFiles(project, cwd);
        Set<String> names = new LinkedHashSet<>(locks.keySet());
        try (Stream<Path> s = Files.list(exp)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.equals("dvc.lock") || n.endsWith("__dvc.lock")) names.add(n);
            }
        }
        for (String n : names) {
            if (!Files.exists(exp.resolve(n))) problems.add(n + " written, DVC wrote none");
            else if (!locks.containsKey(n)) problems.add(n + " missing");
            else if (!Arrays.equals(locks.get(n), Files.readAllBytes(exp.resolve(n)))) problems.add(n + " differs");
        }

        List<String> ran = new ArrayList<>();
        Matcher m = RUNNING.matcher(r.out().isEmpty() ? r.err() : r.out());
        while (m.find()) ran.add(m.group(1));
        diff(problems, "ran", ran, lines(exp.resolve("ran")));
        if (new HashSet<>(ran).size() != ran.size()) problems.add("a stage ran twice: " + ran);
        Map<String, Set<String>> upstream = upstream(spec.get("stages"));
        for (int i = 0; i < ran.size(); i++) {
            for (String u : upstream.getOrDefault(ran.get(i), Set.of())) {
                int j = ran.indexOf(u);
                if (j > i) problems.add("'" + ran.get(i) + "' ran before its upstream '" + u + "'");
            }
        }

        Path cacheRoot = project.resolve(".dvc").resolve("cache");
        List<String> cache = new ArrayList<>();
        if (Files.isDirectory(cacheRoot)) {
            try (Stream<Path> s = Files.walk(cacheRoot)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (!Files.isDirectory(p) || Files.isSymbolicLink(p)) cache.add(cacheRoot.relativize(p).toString());
                }
            }
        }
        diff(problems, "cache.txt", cache, lines(exp.resolve("cache.txt")));
        diff(problems, "files.md5", CliProcess.md5Listing(project, List.of(".dvc")), lines(exp.resolve("files.md5")));

        CliProcess.Run st = CliProcess.run(cwd, env, List.of("status", "--json"));
        JsonMapper json = JsonMapper.builder().build();
        JsonNode got = st.exit() == 0 && !st.out().isBlank() ? json.readTree(st.out()) : null;
        if (got == null || !got.equals(json.readTree(Files.readString(exp.resolve("status.json"))))) {
            problems.add("status --json: " + tail(st.out() + st.err()));
        }
        return problems;
    }

    private static void diff(List<String> problems, String what, List<String> got, List<String> want) {
        Set<String> extra = new HashSet<>(got), missing = new HashSet<>(want);
        extra.removeAll(want);
        missing.removeAll(got);
        if (!extra.isEmpty() || !missing.isEmpty()) {
            problems.add(what + ": +" + first(extra) + " -" + first(missing));
        }
    }

    private static List<String> first(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        Collections.sort(l);
        return l.subList(0, Math.min(3, l.size()));
    }

    /** Each stage's upstream stages, transitively, from {@code after} in stages.json. */
    private static Map<String, Set<String>> upstream(JsonNode stages) {
        Map<String, Set<String>> memo = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : stages.properties()) up(e.getKey(), stages, memo);
        return memo;
    }

    private static Set<String> up(String n, JsonNode stages, Map<String, Set<String>> memo) {
        Set<String> done = memo.get(n);
        if (done != null) return done;
        Set<String> out = new HashSet<>();
        memo.put(n, out);
        JsonNode s = stages.get(n);
        if (s != null && s.get("after") != null) {
            for (JsonNode u : s.get("after")) {
                out.add(u.asString());
                out.addAll(up(u.asString(), stages, memo));
            }
        }
        return out;
    }

    private static List<String> lines(Path p) {
        try {
            List<String> out = new ArrayList<>();
            for (String l : Files.readString(p).split("\n")) if (!l.isEmpty()) out.add(l);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String s) {
        return s.length() > 300 ? s.substring(s.length() - 300) : s;
    }
}
