package io.dvclint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.CliProcess;
import io.dvclint.exec.lock.LockEntries;
import io.dvclint.export.ExportSupport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported workflows run as an engine runs them, on this machine: no Kubernetes, Argo controller or Airflow
 * scheduler here, so a small engine stands in for them. It takes the tasks and dependencies of the Argo export
 * and starts each task, a separate process, as soon as the tasks it depends on succeeded, several at once; a task
 * whose upstream failed never starts.
 *
 * <p>Shared volume: the tasks' own container commands ({@code dvclint repro -s STAGE}, {@code dvclint lock begin},
 * the lock-finish script) run in one workspace, the folder standing in for the volume; the final dvc.lock files,
 * the cache and the workspace must be those of a serial {@code dvclint repro -P} of a fresh copy. DVC remote: each
 * stage runs in a copy of its own (a pod's checkout), given the paths its task pulls from a folder standing in for
 * the remote, to which it "pushes" what it wrote; its {@code dvclint lock entry} line goes into the merge task's
 * input as Argo substitutes it, and {@code dvclint lock merge} into another copy must give the serial dvc.lock
 * files. Projects: the DVC oracle scenarios' initial projects whose pipeline runs from scratch, and a generated wide
 * pipeline (16 independent stages and a join), with a task killed with SIGTERM in the middle of its command.
 */
class WorkflowSimulationTest {
    private static final Map<String, String> ENV = Map.of("SHELL", "/bin/sh", "LC_ALL", "C.UTF-8", "TZ", "UTC",
            "DVCLINT_LOCK_TIMEOUT", "600");
    private static final int PARALLEL = 4;
    private static final String ENTRY_PARAM = "{{tasks.%s.outputs.parameters.lock-entry}}";

    @TempDir
    Path tmp;
    /** Serial runs of the scenarios, shared by the tests: each {@link #serialScenarios} copy after its run. */
    @TempDir
    static Path serialRuns;
    private static Map<String, Path> serialScenarios;

    // ---------------------------------------------------------------- the engine

    /** A task as the engine sees it: its name, the tasks it waits for, what it does (an exit code). */
    private record Job(String name, List<String> deps, Callable<Integer> run) {
    }

    /** What a run did: exit codes of the tasks that ran, in the order they ended, and how many ran at once. */
    private static final class Outcome {
        final Map<String, Integer> exits = Collections.synchronizedMap(new LinkedHashMap<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
    }

    /** Runs the jobs as a DAG engine does: each once its upstream succeeded, up to {@value #PARALLEL} at once. */
    private static Outcome runDag(List<Job> jobs) throws InterruptedException {
        Outcome o = new Outcome();
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<Job>> downstream = new HashMap<>();
        for (Job j : jobs) {
            waiting.put(j.name(), j.deps().size());
            for (String d : j.deps()) downstream.computeIfAbsent(d, k -> new ArrayList<>()).add(j);
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            ExecutorCompletionService<Map.Entry<String, Integer>> done = new ExecutorCompletionService<>(pool);
            int inFlight = 0;
            for (Job j : jobs) {
                if (j.deps().isEmpty()) {
                    submit(done, j, o);
                    inFlight++;
                }
            }
            while (inFlight > 0) {
                Map.Entry<String, Integer> r;
                try {
                    r = done.take().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                inFlight--;
                o.exits.put(r.getKey(), r.getValue());
                if (r.getValue() != 0) continue;
                for (Job d : downstream.getOrDefault(r.getKey(), List.of())) {
                    if (waiting.merge(d.name(), -1, Integer::sum) == 0) {
                        submit(done, d, o);
                        inFlight++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return o;
    }

    private static void submit(ExecutorCompletionService<Map.Entry<String, Integer>> done, Job j, Outcome o) {
        done.submit(() -> {
            o.most.accumulateAndGet(o.running.incrementAndGet(), Math::max);
            try {
                return Map.entry(j.name(), j.run().call());
            } finally {
                o.running.decrementAndGet();
            }
        });
    }

    /**
     * Runs a command in {@code dir}; with {@code killWhen}, sends it SIGTERM as soon as that file appears (the
     * stage's command is running). Returns the exit code; the output goes to {@code log}.
     */
    private static int exec(List<String> cmd, Path dir, Map<String, String> env, Path log, Path killWhen)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        for (String v : List.of("DVC_ROOT", "DVC_STAGE", "GITHUB_ACTIONS")) pb.environment().remove(v);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (killWhen != null) {
            long deadline = System.currentTimeMillis() + 120_000;
            while (!Files.exists(killWhen) && p.isAlive() && System.currentTimeMillis() < deadline) Thread.sleep(20);
            p.destroy(); // SIGTERM to the JVM the test script execs
        }
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** The environment of the tasks: dvclint on the PATH is this build's. */
    private static synchronized Map<String, String> taskEnv() throws IOException {
        Path bin = CliProcess.script().getParent().resolve("simulation-bin");
        if (!Files.exists(bin.resolve("dvclint"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(bin);
            Files.createSymbolicLink(bin.resolve("dvclint"), CliProcess.script());
        }
        Map<String, String> env = new HashMap<>(ENV);
        env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        return env;
    }

    // ---------------------------------------------------------------- the shared volume

    /**
     * The Argo export of {@code project} with {@code --volume}, as jobs running each task's container command in
     * {@code workspace} (the volume's project folder); {@code killWhen}: task name to the file whose appearance
     * makes the engine stop that task.
     */
    private List<Job> volumeJobs(Path project, Path workspace, Path logs, Map<String, Path> killWhen)
            throws IOException {
        CliProcess.Run r = CliProcess.run(project, ENV, List.of("export", "argo", "--volume", "workspace", "--image", "img"));
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> wf = ExportSupport.yaml(r.out());
        Map<String, Map<String, Object>> templates = ExportSupport.templates(wf);
        Map<String, String> base = taskEnv();
        Files.createDirectories(logs);
        List<Job> jobs = new ArrayList<>();
        for (Map<String, Object> t : ExportSupport.tasks(wf)) {
            String name = (String) t.get("name");
            @SuppressWarnings("unchecked")
            Map<String, Object> container = (Map<String, Object>) templates.get((String) t.get("template"))
                    .get("container");
            assertEquals("/workspace", container.get("workingDir"), name);
            String stage = ExportSupport.stageOf(t);
            List<String> cmd = new ArrayList<>();
            for (String c : strings(container.get("command"))) {
                cmd.add(stage == null ? c : c.replace("{{inputs.parameters.stage}}", stage));
            }
            cmd.addAll(strings(container.get("args")));
            if (cmd.get(0).equals("dvclint")) cmd.set(0, CliProcess.script().toString());
            Map<String, String> env = new HashMap<>(base);
            if (container.get("env") instanceof List<?> l) {
                for (Object o : l) {
                    Map<?, ?> e = (Map<?, ?>) o;
                    env.put((String) e.get("name"), (String) e.get("value"));
                }
            }
            for (String s : cmd) assertFalse(s.contains("{{"), name + ": " + s);
            for (String s : env.values()) assertFalse(s.contains("{{"), name + ": " + s);
            List<String> deps = t.get("dependencies") == null ? List.of() : strings(t.get("dependencies"));
            Path log = logs.resolve(name + ".log");
            jobs.add(new Job(name, deps, () -> exec(cmd, workspace, env, log, killWhen.get(name))));
        }
        return jobs;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    /** A serial {@code dvclint repro -P}, which must succeed. */
    private static void serial(Path dir) {
        CliProcess.Run r = CliProcess.run(dir, ENV, List.of("repro", "-P"));
        assertEquals(0, r.exit(), dir + ": " + r.out() + r.err());
    }

    /** What must be equal after a workflow and a serial run: lock bytes, cache files, workspace files. */
    private static List<String> differences(Path serial, Path sim) {
        List<String> out = new ArrayList<>();
        Map<String, String> a = texts(CliProcess.lockFiles(serial, serial)), b = texts(CliProcess.lockFiles(sim, sim));
        if (!a.equals(b)) out.add("dvc.lock differs:\nserial " + a + "\nworkflow " + b);
        List<String> ca = CliProcess.md5Listing(serial.resolve(".dvc/cache"), List.of());
        List<String> cb = CliProcess.md5Listing(sim.resolve(".dvc/cache"), List.of());
        if (!ca.equals(cb)) out.add("cache differs:\nserial " + ca + "\nworkflow " + cb);
        List<String> wa = CliProcess.md5Listing(serial, List.of(".dvc")), wb = CliProcess.md5Listing(sim, List.of(".dvc"));
        if (!wa.equals(wb)) out.add("workspace differs:\nserial " + wa + "\nworkflow " + wb);
        return out;
    }

    private static Map<String, String> texts(Map<String, byte[]> files) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            out.put(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * The scenarios whose initial project a serial {@code dvclint repro -P} runs from scratch: their folder, and a
     * copy of the project after that run.
     */
    private static synchronized Map<Path, Path> serialScenarios() throws IOException {
        if (serialScenarios != null) return serialScenarioMap();
        Path scenarios = Shared.require("oracle/scenarios");
        serialScenarios = new TreeMap<>();
        try (Stream<Path> s = Files.list(scenarios)) {
            for (Path sc : s.filter(Files::isDirectory).sorted().toList()) {
                Path serial = serialRuns.resolve(sc.getFileName().toString());
                Shared.copyTree(sc.resolve("project"), serial);
                if (CliProcess.run(serial, ENV, List.of("repro", "-P")).exit() == 0) {
                    serialScenarios.put(sc.toString(), serial);
                }
            }
        }
        return serialScenarioMap();
    }

    private static Map<Path, Path> serialScenarioMap() {
        Map<Path, Path> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : serialScenarios.entrySet()) out.put(Path.of(e.getKey()), e.getValue());
        return out;
    }

    @Test
    void sharedVolumeRunsOfTheScenariosEndAsASerialRunDoes() throws Exception {
        Map<Path, Path> scenarios = serialScenarios();
        assertTrue(scenarios.size() >= 12, "scenarios that run from scratch: " + scenarios.keySet());
        List<String> failures = new ArrayList<>();
        int stages = 0, most = 0;
        for (Map.Entry<Path, Path> e : scenarios.entrySet()) {
            Path sc = e.getKey(), serial = e.getValue();
            String name = sc.getFileName().toString();
            Path sim = tmp.resolve("volume").resolve(name);
            Shared.copyTree(sc.resolve("project"), sim);
            List<Job> jobs = volumeJobs(sim, sim, tmp.resolve("logs").resolve(name), Map.of());
            Outcome o = runDag(jobs);
            stages += jobs.size() - 2;
            most = Math.max(most, o.most.get());
            List<String> bad = new ArrayList<>();
            for (Job j : jobs) {
                if (!Integer.valueOf(0).equals(o.exits.get(j.name()))) {
                    bad.add(j.name() + " exit " + o.exits.get(j.name()) + ": " + Files.readString(tmp.resolve("logs")
                            .resolve(name).resolve(j.name() + ".log")));
                }
            }
            assertEquals("dvclint-lock-begin", List.copyOf(o.exits.keySet()).get(0));
            assertEquals("dvclint-lock-finish", List.copyOf(o.exits.keySet()).get(jobs.size() - 1));
            bad.addAll(differences(serial, sim));
            if (!bad.isEmpty()) failures.add(name + ": " + bad);
        }
        String summary = (scenarios.size() - failures.size()) + "/" + scenarios.size() + " scenarios end as a serial "
                + "run (" + stages + " stage tasks, at most " + most + " at once)";
        System.out.println(summary);
        assertEquals(List.of(), failures, summary);
        assertTrue(most >= 2, "tasks ran one at a time");
    }

    // ---------------------------------------------------------------- the DVC remote

    /**
     * The Argo export of {@code project} with {@code --remote}, as jobs: each stage in a copy of the project (the
     * pod's checkout), given the paths its task pulls from {@code remote}; what it wrote goes to {@code remote}, its
     * lock entry to {@code entries}/TASK. The merge task is left out: the caller runs it.
     */
    private List<Job> remoteJobs(Path project, Path remote, Path entries, List<String> mergeInput) throws IOException {
        CliProcess.Run r = CliProcess.run(project, ENV, List.of("export", "argo", "--remote", "storage", "--image", "img", "--repo",
                "https://example.com/ml.git"));
        assertEquals(0, r.exit(), r.err());
        if (r.err().contains("does not carry it")) {
            // a stage reads an output DVC does not push: the export says so, and the remote mode cannot run it
            return null;
        }
        Map<String, Object> wf = ExportSupport.yaml(r.out());
        Map<String, String> env = taskEnv();
        Files.createDirectories(entries);
        Files.createDirectories(remote);
        List<Job> jobs = new ArrayList<>();
        for (Map<String, Object> t : ExportSupport.tasks(wf)) {
            String name = (String) t.get("name");
            if (name.equals("dvclint-lock-merge")) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> artifacts = (List<Map<String, Object>>) ((Map<String, Object>) t
                        .get("arguments")).get("artifacts");
                mergeInput.add((String) ((Map<?, ?>) artifacts.get(0).get("raw")).get("data"));
                continue;
            }
            String stage = ExportSupport.stageOf(t);
            String pull = "";
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> params = (List<Map<String, Object>>) ((Map<String, Object>) t.get("arguments"))
                    .get("parameters");
            for (Map<String, Object> p : params) if (p.get("name").equals("pull")) pull = (String) p.get("value");
            List<String> pulls = pull.isEmpty() ? List.of() : List.of(pull.split("\n"));
            List<String> deps = t.get("dependencies") == null ? List.of() : strings(t.get("dependencies"));
            jobs.add(new Job(name, deps, () -> {
                Path pod = remote.resolveSibling("pods").resolve(name);
                Shared.copyTree(project, pod);
                for (String p : pulls) {
                    // dvc pull: the upstream stage's output from the remote (.dvc data is in the checkout already)
                    if (!Files.exists(remote.resolve(p), LinkOption.NOFOLLOW_LINKS)) continue;
                    delete(pod.resolve(p));
                    Files.createDirectories(pod.resolve(p).getParent());
                    Shared.copyTree(remote.resolve(p), pod.resolve(p));
                }
                List<String> before = CliProcess.md5Listing(pod, List.of(".dvc"));
                int rc = exec(List.of(CliProcess.script().toString(), "repro", "-s", stage), pod, env,
                        pod.resolveSibling(name + ".log"), null);
                if (rc != 0) return rc;
                // dvc push: what the stage wrote
                for (String line : CliProcess.md5Listing(pod, List.of(".dvc"))) {
                    String rel = line.substring(line.indexOf("  ") + 2);
                    if (before.contains(line) || rel.equals("dvc.lock") || rel.endsWith("/dvc.lock")) continue;
                    Path to = remote.resolve(rel);
                    Files.createDirectories(to.getParent());
                    Files.copy(pod.resolve(rel), to);
                }
                return exec(List.of(CliProcess.script().toString(), "lock", "entry", stage, "-o",
                        entries.resolve(name).toString()), pod, env, pod.resolveSibling(name + ".entry.log"), null);
            }));
        }
        return jobs;
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }

    /** The merge task's input as Argo makes it: each task's output parameter put in for its reference. */
    private static String mergeInput(String template, Path entries) throws IOException {
        String out = template;
        try (Stream<Path> s = Files.list(entries)) {
            for (Path e : s.toList()) {
                out = out.replace(String.format(ENTRY_PARAM, e.getFileName()), Files.readString(e).strip());
            }
        }
        assertFalse(out.contains("{{"), out);
        return out;
    }

    @Test
    void remoteRunsOfTheScenariosMergeIntoTheSerialLock() throws Exception {
        Map<Path, Path> scenarios = serialScenarios();
        List<String> failures = new ArrayList<>(), skipped = new ArrayList<>();
        int stages = 0;
        for (Map.Entry<Path, Path> e : scenarios.entrySet()) {
            Path sc = e.getKey(), serial = e.getValue();
            String name = sc.getFileName().toString();
            Path original = tmp.resolve("original").resolve(name);
            Shared.copyTree(sc.resolve("project"), original);
            Path run = tmp.resolve("remote").resolve(name);
            List<String> mergeInput = new ArrayList<>();
            List<Job> jobs = remoteJobs(original, run.resolve("storage"), run.resolve("entries"), mergeInput);
            if (jobs == null) {
                skipped.add(name);
                continue;
            }
            Outcome o = runDag(jobs);
            stages += jobs.size();
            List<String> bad = new ArrayList<>();
            for (Job j : jobs) {
                Integer exit = o.exits.get(j.name());
                if (exit == null || exit != 0) bad.add(j.name() + " exit " + exit);
            }
            if (bad.isEmpty()) {
                // the merge task: a checkout of the revision, every entry merged in the order the export lists them
                Path merge = run.resolve("merge");
                Shared.copyTree(original, merge);
                Files.writeString(run.resolve("lock-entries.jsonl"),
                        mergeInput(mergeInput.get(0), run.resolve("entries")));
                CliProcess.Run m = CliProcess.run(merge, ENV, List.of("lock", "merge", run.resolve("lock-entries.jsonl").toString()));
                if (m.exit() != 0) bad.add("merge: " + m.err());
                Map<String, String> a = texts(CliProcess.lockFiles(serial, serial)), b = texts(CliProcess.lockFiles(merge, merge));
                if (!a.equals(b)) bad.add("dvc.lock differs:\nserial " + a + "\nmerged " + b);
            }
            if (!bad.isEmpty()) failures.add(name + ": " + bad);
        }
        int merged = scenarios.size() - skipped.size();
        String summary = (merged - failures.size()) + "/" + merged + " scenarios merge into the serial dvc.lock ("
                + stages + " stage tasks; not for a DVC remote: " + skipped + ")";
        System.out.println(summary);
        assertTrue(merged >= 10, summary);
        assertEquals(List.of(), failures, summary);
    }

    // ---------------------------------------------------------------- a wide pipeline

    /**
     * {@code width} independent stages {@code s00..}, each sleeping a little (the first ones longest, so they end
     * in another order than they run serially) and reading an input file and a parameter, and a stage joining
     * their outputs. {@code killed}: that stage writes {@code started-NAME} and sleeps long.
     */
    private static Path widePipeline(Path dir, int width, String killed) throws IOException {
        StringBuilder yaml = new StringBuilder("stages:\n"), params = new StringBuilder(), join = new StringBuilder();
        for (int i = 0; i < width; i++) {
            String s = String.format("s%02d", i);
            String sleep = s.equals(killed) ? "touch started-" + s + " && sleep 60"
                    : "sleep 0." + (width - i) % 10 + (i % 3);
            yaml.append("  ").append(s).append(":\n    cmd: mkdir -p out && ").append(sleep)
                    .append(" && printf '%s %s\\n' \"$(cat input.txt)\" ${").append(s).append(".n} > out/").append(s)
                    .append(".txt\n    deps: [input.txt]\n    params: [").append(s).append(".n]\n    outs: [out/")
                    .append(s).append(".txt]\n");
            params.append(s).append(":\n  n: ").append(i * 7).append('\n');
            join.append(join.length() == 0 ? "" : ", ").append("out/").append(s).append(".txt");
        }
        yaml.append("  join:\n    cmd: cat out/*.txt > all.txt\n    deps: [").append(join).append("]\n")
                .append("    outs: [all.txt]\n");
        Files.createDirectories(dir.resolve(".dvc"));
        Files.writeString(dir.resolve(".dvc/config"), "[core]\n    no_scm = True\n");
        Files.writeString(dir.resolve("dvc.yaml"), yaml.toString());
        Files.writeString(dir.resolve("params.yaml"), params.toString());
        Files.writeString(dir.resolve("input.txt"), "wide\n");
        return dir;
    }

    @Test
    void aWidePipelineRunsSideBySideOnOneVolume() throws Exception {
        // a first run: no dvc.lock at the start
        Path serial = widePipeline(tmp.resolve("serial"), 16, null), sim = widePipeline(tmp.resolve("sim"), 16, null);
        serial(serial);
        List<Job> jobs = volumeJobs(sim, sim, tmp.resolve("logs"), Map.of());
        assertEquals(19, jobs.size());
        Job finish = jobs.get(18);
        assertEquals("dvclint-lock-finish", finish.name());
        Outcome o = runDag(jobs.subList(0, 18));
        assertEquals(18, o.exits.size(), o.exits.toString());
        assertTrue(o.exits.values().stream().allMatch(e -> e == 0), o.exits.toString());
        assertTrue(o.most.get() >= 3, "at most " + o.most.get() + " tasks ran at once");
        List<String> ended = new ArrayList<>(o.exits.keySet()).subList(1, 17);
        List<String> sorted = new ArrayList<>(ended);
        sorted.sort(null);
        assertFalse(ended.equals(sorted), "the stages ended in their serial order: nothing to put in order");
        // the entries stand in the order the stages ended; the last task puts them in the serial order
        String serialLock = Files.readString(serial.resolve("dvc.lock"));
        String simLock = Files.readString(sim.resolve("dvc.lock"));
        assertEquals(LockEntries.entries(serialLock), LockEntries.entries(simLock), "the same entries");
        assertFalse(serialLock.equals(simLock), "in the same order");
        assertEquals(0, finish.run().call());
        assertEquals(List.of(), differences(serial, sim));

        // a later run: recorded entries stay where they are (one of them updated), new ones follow in serial order
        Path serial2 = widePipeline(tmp.resolve("serial2"), 16, null);
        Path sim2 = widePipeline(tmp.resolve("sim2"), 16, null);
        for (Path d : List.of(serial2, sim2)) {
            for (String s : List.of("s09", "s03")) {
                CliProcess.Run r = CliProcess.run(d, ENV, List.of("repro", "-s", s));
                assertEquals(0, r.exit(), r.err());
            }
            Files.writeString(d.resolve("params.yaml"), Files.readString(d.resolve("params.yaml"))
                    .replace("s03:\n  n: 21\n", "s03:\n  n: 22\n"));
        }
        serial(serial2);
        Outcome o2 = runDag(volumeJobs(sim2, sim2, tmp.resolve("logs2"), Map.of()));
        assertTrue(o2.exits.values().stream().allMatch(e -> e == 0), o2.exits.toString());
        assertEquals(List.of(), differences(serial2, sim2));
        String lock = Files.readString(sim2.resolve("dvc.lock"));
        assertTrue(lock.startsWith("schema: '2.0'\nstages:\n  s09:\n"), lock);
        assertTrue(lock.contains("s03.n: 22\n"), lock);
    }

    @Test
    void aKilledTaskLeavesTheLockReadableWithTheOtherEntries() throws Exception {
        Path serial = widePipeline(tmp.resolve("serial"), 16, null), sim = widePipeline(tmp.resolve("sim"), 16, "s07");
        serial(serial);
        Map<String, Object> serialEntries = LockEntries.entries(Files.readString(serial.resolve("dvc.lock")));
        List<Job> jobs = volumeJobs(sim, sim, tmp.resolve("logs"), Map.of("s07", sim.resolve("started-s07")));
        long t0 = System.nanoTime();
        Outcome o = runDag(jobs);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(55), "the killed command ran to its end");
        assertEquals(130, o.exits.get("s07"), Files.readString(tmp.resolve("logs/s07.log")));
        assertTrue(Files.readString(tmp.resolve("logs/s07.log")).contains("dvclint: interrupted"));
        assertNull(o.exits.get("join"), "the join waits for the killed stage");
        assertNull(o.exits.get("dvclint-lock-finish"));
        assertEquals(17, o.exits.size(), o.exits.toString());

        // every other stage's entry is there, as a serial run writes it; the killed stage has none
        Map<String, Object> entries = LockEntries.entries(Files.readString(sim.resolve("dvc.lock")));
        Set<String> want = new java.util.TreeSet<>(serialEntries.keySet());
        want.removeAll(Set.of("s07", "join"));
        assertEquals(want, new java.util.TreeSet<>(entries.keySet()));
        for (String s : want) assertEquals(serialEntries.get(s), entries.get(s), s);
        assertFalse(Files.exists(sim.resolve("out/s07.txt")));

        // the project lock is free: the killed stage, the join and the last task run again (the stage's command as
        // in the serial project now), and dvc.lock is the serial run's
        Files.writeString(sim.resolve("dvc.yaml"), Files.readString(serial.resolve("dvc.yaml")));
        Files.delete(sim.resolve("started-s07"));
        Map<String, Job> byName = new HashMap<>();
        for (Job j : jobs) byName.put(j.name(), j);
        for (String t : List.of("s07", "join", "dvclint-lock-finish")) {
            assertEquals(0, byName.get(t).run().call(), t + ": " + Files.readString(tmp.resolve("logs/" + t + ".log")));
        }
        assertEquals(List.of(), differences(serial, sim));
    }
}
