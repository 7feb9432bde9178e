package io.dvclint.corpus;

import static io.dvclint.TestFiles.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dvclint.TestFiles.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a project's files hold, dvclint answers with findings or DVC's errors, never an internal error (exit 3):
 * seeded mutations of real pipelines (lines deleted, repeated, swapped or re-indented, values replaced by templating,
 * YAML and path oddities, files cut short, a .dvcignore or a .dvc file added), each run through lint, dag, status,
 * the dry plan and export. The bundled examples always; the real-world corpus where ../shared is present. A failure
 * names the seed that makes the mutant again.
 */
class MutationTest {
    private static final String[] TOKENS = {"${foo}", "${item}", "${item.x}", "${key}", "${item[0]}", "${}", "$${x}",
        "\\${x}", "${a.b.c.d}", "[${a}, ${b}]", "${ item }", "[]", "{}", "{a: 1}", "null", "~", "1", "0", "true",
        "false", "1e3", ".inf", "0x1F", "\"\"", "'", "\"", "#", "|", ">-", "- x", "- - -", "&a", "*a", "<<: *a",
        "!!python/object x", "? complex", "a: b: c", "\t", "%", "@", "/abs/path", "..", ".", "../..", "data/../..",
        "foreach: ${list}", "do:", "matrix:", "vars:", "params:", "outs:", "deps:", "cmd:", "- params.yaml:",
        "- params.yaml:train", "persist: true", "cache: false", "frozen: yes", "wdir: ..", "metrics:", "plots:"};
    private static final String[] IGNORES = {"!", "**", "[", "\\", "/", "a/**/b", "[!a-]", "#x", "\\!x", "é", "*",
        "data", "/data/", "!data/x", "**/", "*.py", "src", "[a-", "dvc.yaml", "*/", "\\ "};
    private static final String[][] COMMANDS = {{"lint", "."}, {"dag", "--mermaid"}, {"status", "--json"},
        {"repro", "--dry", "--json"}, {"export", "argo"}};

    @TempDir
    Path tmp;

    @Test
    void theExamplesSurviveMutation() throws IOException {
        Path examples = Path.of("examples").toAbsolutePath();
        List<Path> cases;
        try (Stream<Path> s = Files.list(examples)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(List.of(), survive(cases, 150));
    }

    @Test
    void theRealWorldCorpusSurvivesMutation() throws IOException {
        assertEquals(List.of(), survive(Shared.corpusCases(), 400));
    }

    /** Runs {@code count} mutants of {@code cases} (mutant i from seed i); what failed, one line each. */
    private List<String> survive(List<Path> cases, int count) throws IOException {
        List<String> failures = new ArrayList<>();
        for (int seed = 0; seed < count; seed++) {
            Random rnd = new Random(seed);
            Path source = cases.get(rnd.nextInt(cases.size()));
            Path work = tmp.resolve("m" + seed);
            String what = mutant(rnd, source, work);
            for (String[] command : COMMANDS) {
                Run r = cli(work, command);
                if (r.exit() == 3 || r.err().contains("internal error")) {
                    failures.add("seed " + seed + " (" + source.getFileName() + ", " + what + "), dvclint "
                            + String.join(" ", command) + ": exit " + r.exit() + ": "
                            + r.err().lines().filter(l -> l.contains("error")).findFirst().orElse(r.err()));
                }
            }
            delete(work);
        }
        return failures;
    }

    /** Copies {@code source} to {@code work} as a DVC project and mutates it; says what was changed. */
    private static String mutant(Random rnd, Path source, Path work) throws IOException {
        copy(source, work);
        Files.createDirectories(work.resolve(".dvc"));
        Files.writeString(work.resolve(".dvc/config"), "[core]\n    no_scm = True\n");
        List<String> targets = new ArrayList<>(List.of("dvc.yaml", "dvc.yaml", "dvc.yaml"));
        for (String other : List.of("params.yaml", "dvc.lock")) {
            if (Files.exists(work.resolve(other))) targets.add(other);
        }
        String target = targets.get(rnd.nextInt(targets.size()));
        Path file = work.resolve(target);
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        for (int n = 1 + rnd.nextInt(3); n > 0; n--) text = mutate(rnd, text);
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        String what = target;
        if (rnd.nextInt(3) == 0) {
            StringBuilder b = new StringBuilder();
            for (int n = rnd.nextInt(4); n >= 0; n--) b.append(IGNORES[rnd.nextInt(IGNORES.length)]).append('\n');
            Path ignore = work.resolve(rnd.nextBoolean() ? ".dvcignore" : "src/.dvcignore");
            Files.createDirectories(ignore.getParent());
            Files.writeString(ignore, b.toString());
            what += ", " + work.relativize(ignore);
        }
        if (rnd.nextInt(3) == 0) {
            String dvc = "outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  size: 14445097\n  hash: md5\n"
                    + "  path: data.xml\n";
            for (int n = rnd.nextInt(4); n > 0; n--) dvc = mutate(rnd, dvc);
            Files.createDirectories(work.resolve("data"));
            Files.writeString(work.resolve("data/data.xml.dvc"), dvc);
            what += ", data/data.xml.dvc";
        }
        return what;
    }

    private static String mutate(Random rnd, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = rnd.nextInt(lines.size());
        String line = lines.get(i);
        String token = TOKENS[rnd.nextInt(TOKENS.length)];
        switch (rnd.nextInt(10)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, line);
            case 2 -> lines.set(i, "  " + line);
            case 3 -> lines.set(i, line.replaceFirst("^  ", ""));
            case 4 -> { // a value replaced
                int at = line.indexOf(": ") >= 0 ? line.indexOf(": ") + 2 : line.indexOf("- ") >= 0
                        ? line.indexOf("- ") + 2 : -1;
                if (at >= 0) lines.set(i, line.substring(0, at) + token);
            }
            case 5 -> lines.add(i, line.replaceAll("^(\\s*).*$", "$1") + token); // a line at the same indentation
            case 6 -> {
                int j = rnd.nextInt(lines.size());
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
            case 7 -> {
                return text.substring(0, rnd.nextInt(text.length() + 1)); // cut short
            }
            case 8 -> {
                return token + "\n"; // the whole document one value
            }
            default -> {
                int at = rnd.nextInt(line.length() + 1);
                lines.set(i, line.substring(0, at) + token + line.substring(at));
            }
        }
        return String.join("\n", lines);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(d);
                else Files.copy(p, d, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
