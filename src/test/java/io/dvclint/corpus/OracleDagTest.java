package io.dvclint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import io.dvclint.TestFiles.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code dag} steps of the DVC oracle scenarios ({@code ../shared/oracle/scenarios}): each scenario's project is
 * copied, every step's {@code before.sh} is applied in order (the other commands change data, never the graph), and
 * each {@code dag} step must give DVC's exit class and, for mermaid/md, DVC's bytes (dot: the same lines).
 */
class OracleDagTest {
    @TempDir
    Path tmp;

    @Test
    void dagStepsMatchDvc() throws Exception {
        Path scenarios = Shared.require("oracle/scenarios");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        List<Path> dirs;
        try (Stream<Path> s = Files.list(scenarios)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path sc : dirs) {
            Path work = tmp.resolve(sc.getFileName().toString());
            Shared.copyTree(sc.resolve("project"), work);
            List<Path> steps;
            try (Stream<Path> s = Files.list(sc.resolve("steps"))) {
                steps = s.filter(Files::isDirectory).sorted().toList();
            }
            int lastDag = -1;
            for (int i = 0; i < steps.size(); i++) {
                if (Shared.read(steps.get(i).resolve("command")).trim().startsWith("dag")) lastDag = i;
            }
            for (Path step : steps.subList(0, lastDag + 1)) {
                Path before = step.resolve("before.sh");
                if (Files.exists(before)) sh(before, work);
                String cmd = Shared.read(step.resolve("command")).trim();
                if (!cmd.startsWith("dag")) continue;
                checked++;
                String[] args = cmd.split("\\s+");
                Run r = TestFiles.cli(work, args);
                Path exp = step.resolve("expected");
                int code = Integer.parseInt(Shared.read(exp.resolve("exit-code")).trim());
                String id = sc.getFileName() + "/" + step.getFileName();
                if ((code == 0) != (r.exit() == 0)) {
                    failures.add(id + ": exit " + r.exit() + ", DVC " + code + " " + r.err());
                    continue;
                }
                if (code != 0) continue;
                String expected = Shared.read(exp.resolve("stdout"));
                if (cmd.contains("--dot")) {
                    if (!sortedLines(expected).equals(sortedLines(r.out()))) failures.add(id + ":\n" + r.out());
                } else if (!expected.equals(r.out())) {
                    failures.add(id + ": expected\n" + expected + "got\n" + r.out());
                }
            }
        }
        assertTrue(checked >= 10, "too few dag steps found: " + checked);
        assertEquals(List.of(), failures);
    }

    private static List<String> sortedLines(String s) {
        String[] l = s.strip().split("\n");
        Arrays.sort(l);
        return List.of(l);
    }

    private static void sh(Path script, Path cwd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", script.toString()).directory(cwd.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // a step may expect outputs an earlier repro made (not run here); such edits never touch pipeline files
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "before.sh timed out: " + script);
    }
}
