package io.dvclint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.dvclint.CliProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every step of every DVC oracle scenario ({@code ../shared/oracle/scenarios}) applied with dvclint, compared by the
 * oracle README's rules: exit class, the stages that ran (in order, or as a partial order where DVC's own order is
 * not fixed), {@code --dry}'s announcements, every dvc.lock byte for byte, the working copy's files, the
 * {@code status --json} taken after the step, and {@code dag --mermaid/--md} byte for byte. Where DVC deleted outputs
 * before failing and dvclint refused first and kept them, those files are excused, as the README says.
 *
 * <p>Again with {@code repro -j 4}: the stages that ran as a set with the graph's order constraints, and the lock
 * bytes exactly, in every step. One difference is by design and ends the comparison of its scenario: when a stage
 * fails without {@code -k}, stages independent of it that were already running (DVC, one at a time, never started
 * them) finish.
 */
class OracleScenariosTest {
    private static final Pattern RUNNING = Pattern.compile("Running stage '([^']+)':");
    private static final Map<String, String> ENV = Map.of("SHELL", "/bin/sh", "LC_ALL", "C.UTF-8", "TZ", "UTC");

    @TempDir
    Path tmp;

    @Test
    void everyStepMatchesDvc() throws Exception {
        runAll(1);
    }

    @Test
    void everyStepMatchesDvcWithFourJobs() throws Exception {
        runAll(4);
    }

    private void runAll(int jobs) throws Exception {
        Path scenarios = Shared.require("oracle/scenarios");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(scenarios)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int steps = 0;
        for (Path sc : dirs) {
            Path work = tmp.resolve(jobs + "-" + sc.getFileName());
            copyKeepingModes(sc.resolve("project"), work);
            State state = new State();
            List<Path> stepDirs;
            try (Stream<Path> s = Files.list(sc.resolve("steps"))) {
                stepDirs = s.filter(Files::isDirectory).sorted().toList();
            }
            for (Path step : stepDirs) {
                steps++;
                List<String> problems = check(step, work, state, jobs);
                if (!problems.isEmpty()) failures.add(sc.getFileName() + "/" + step.getFileName() + ": " + problems);
                if (state.diverged) break;
            }
        }
        assertTrue(steps >= 100, "too few scenario steps found: " + steps);
        assertEquals(List.of(), failures, (steps - failures.size()) + "/" + steps + " steps pass");
    }

    /** What carries from step to step: the previous listing, and files kept where DVC deleted them. */
    private static final class State {
        Set<String> previous = new HashSet<>();
        Set<String> kept = new HashSet<>();
        /** A parallel run failed fast after starting stages DVC would not have started: stop comparing. */
        boolean diverged;
    }

    private static List<String> check(Path step, Path work, State state, int jobs) throws IOException {
        List<String> problems = new ArrayList<>();
        Path exp = step.resolve("expected");
        String note = read(exp.resolve("NOTE"));
        if (note == null) note = "";
        Path before = step.resolve("before.sh");
        if (Files.exists(before)) {
            CliProcess.Run b = CliProcess.exec(work, ENV, List.of("sh", before.toString()));
            assertEquals(0, b.exit(), step + "/before.sh: " + b.err());
        }
        List<String> args = new ArrayList<>(Arrays.asList(read(step.resolve("command")).trim().split("\\s+")));
        boolean repro = args.get(0).equals("repro");
        if (repro && jobs > 1) args.addAll(1, List.of("-j", String.valueOf(jobs)));
        CliProcess.Run r = CliProcess.run(work, ENV, args);
        int want = Integer.parseInt(read(exp.resolve("exit-code")).trim());
        if ((r.exit() == 0) != (want == 0)) problems.add("exit " + r.exit() + " (DVC " + want + "): " + r.err());
        if (jobs > 1 && repro && want != 0 && !args.contains("-k") && r.out().contains("Running stage")) {
            state.diverged = true;
            return problems;
        }
        if (args.get(0).equals("dag") && (args.contains("--mermaid") || args.contains("--md"))
                && !r.out().equals(read(exp.resolve("stdout")))) {
            problems.add("dag output differs:\n" + r.out());
        }
        List<String> ran = new ArrayList<>();
        Matcher m = RUNNING.matcher(r.out() + "\n" + r.err());
        while (m.find()) ran.add(m.group(1));
        if (args.contains("--dry")) {
            List<String> would = lines(read(exp.resolve("would-run")));
            if (!ran.equals(would)) problems.add("would run " + ran + ", DVC " + would);
        } else if (args.get(0).equals("repro")) {
            List<String> wantRan = lines(read(exp.resolve("ran")));
            if (note.contains("ran: partial-order")) {
                List<String> a = new ArrayList<>(ran), b = new ArrayList<>(wantRan);
                a.sort(null);
                b.sort(null);
                if (!a.equals(b)) problems.add("ran " + ran + ", DVC " + wantRan + " (as sets)");
                for (String c : lines(read(exp.resolve("ran-constraints")))) {
                    String[] ab = c.split("->");
                    int i = ran.indexOf(ab[0].trim()), j = ran.indexOf(ab[1].trim());
                    if (i >= 0 && j >= 0 && i > j) problems.add("order " + c + " violated");
                }
            } else if (!ran.equals(wantRan)) {
                problems.add("ran " + ran + ", DVC " + wantRan);
            }
        }
        Map<String, byte[]> locks = CliProcess.lockFiles(work, work);
        Set<String> names = new HashSet<>(locks.keySet());
        try (Stream<Path> s = Files.list(exp)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.equals("dvc.lock") || n.endsWith("__dvc.lock")) names.add(n);
            }
        }
        for (String n : names) {
            Path e = exp.resolve(n);
            if (!Files.exists(e)) problems.add(n + " exists but should not");
            else if (!locks.containsKey(n)) problems.add(n + " missing");
            else if (!Arrays.equals(locks.get(n), Files.readAllBytes(e))
                    && (jobs > 1 || !note.contains("ran: partial-order"))) {
                problems.add(n + " differs:\n" + new String(locks.get(n)));
            }
        }
        String md5 = read(exp.resolve("files.md5"));
        if (md5 != null) {
            List<String> got = CliProcess.md5Listing(work, List.of(".dvc", ".dvclint"));
            List<String> wantFiles = lines(md5);
            Set<String> wantPaths = new HashSet<>();
            for (String l : wantFiles) wantPaths.add(path(l));
            if (want != 0 && r.exit() != 0) {
                // DVC deletes outputs before it finds the stage cannot run; a refusal that kept them is excused
                for (String l : got) if (!wantPaths.contains(path(l)) && state.previous.contains(l)) state.kept.add(path(l));
            }
            state.kept.removeAll(wantPaths);
            state.previous = new HashSet<>(got);
            got.removeIf(l -> state.kept.contains(path(l)));
            if (!got.equals(wantFiles)) problems.add("files differ: got " + got + "\nwant " + wantFiles);
        }
        CliProcess.Run st = CliProcess.run(work, ENV, List.of("status", "--json"));
        String wantStatus = read(exp.resolve("status.json"));
        if (wantStatus != null) {
            JsonMapper json = JsonMapper.builder().build();
            try {
                JsonNode got = json.readTree(st.out().isBlank() ? "null" : st.out());
                if (!got.equals(prune(json.readTree(wantStatus), state.kept))) {
                    problems.add("status.json differs: " + st.out() + st.err());
                }
            } catch (JacksonException e) {
                problems.add("status --json is not JSON: " + st.out() + st.err());
            }
        } else if (read(exp.resolve("status.exit-code")) != null) {
            int ws = Integer.parseInt(read(exp.resolve("status.exit-code")).trim());
            if ((st.exit() == 0) != (ws == 0)) problems.add("status exit " + st.exit() + " (DVC " + ws + ")");
        }
        return problems;
    }

    /** The expected status less the {@code deleted} outputs that were kept (see the class comment). */
    private static JsonNode prune(JsonNode status, Set<String> kept) {
        if (kept.isEmpty() || !status.isObject()) return status;
        ObjectNode out = JsonMapper.builder().build().createObjectNode();
        for (Map.Entry<String, JsonNode> stage : status.properties()) {
            ArrayNode items = out.arrayNode();
            for (JsonNode item : stage.getValue()) {
                if (item.isObject() && item.has("changed outs")) {
                    ObjectNode outs = out.objectNode();
                    for (Map.Entry<String, JsonNode> e : item.get("changed outs").properties()) {
                        boolean keptDeleted = kept.contains(e.getKey()) && e.getValue().asString().equals("deleted");
                        if (!keptDeleted) outs.set(e.getKey(), e.getValue());
                    }
                    if (outs.size() > 0) items.add(out.objectNode().set("changed outs", outs));
                } else {
                    items.add(item);
                }
            }
            if (items.size() > 0) out.set(stage.getKey(), items);
        }
        return out;
    }

    private static String path(String md5Line) {
        return md5Line.substring(md5Line.indexOf("  ") + 2);
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        for (String l : s.split("\n")) if (!l.isEmpty()) out.add(l);
        return out;
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : null;
    }

    /** A copy of a scenario project with its files' modes (the shared folder is read-only; copies are writable). */
    static void copyKeepingModes(Path from, Path to) throws IOException {
        Shared.copyTree(from, to);
    }
}
