package io.dvclint.cli;

import io.dvclint.exec.lock.LockEntries;
import io.dvclint.exec.lock.LockFileWriter;
import io.dvclint.exec.lock.LockOrder;
import io.dvclint.exec.run.RepoLock;
import io.dvclint.export.StageSelection;
import io.dvclint.findings.Findings;
import io.dvclint.load.ProjectLoader;
import io.dvclint.load.ProjectRoot;
import io.dvclint.model.DvcFile;
import io.dvclint.model.PathNames;
import io.dvclint.model.Project;
import io.dvclint.model.Stage;
import io.dvclint.py.PyJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dvclint lock entry|merge|begin|finish}: dvc.lock entries for workflows that run each stage in a process of
 * its own ({@code dvclint export}). {@code entry} and {@code merge} carry entries from separate checkouts into one
 * dvc.lock; {@code begin} and {@code finish} put the entries of a run in one shared workspace into the order a
 * serial {@code dvclint repro} leaves ({@link LockOrder}).
 */
public final class LockCommand implements Callable<Integer> {
    private final String action;
    private CommandSpec spec;

    private LockCommand(String action) {
        this.action = action;
    }

    static CommandSpec spec() {
        Runnable parent = () -> {
            throw new UsageException("lock needs a command: entry, merge, begin or finish (dvclint lock --help)");
        };
        CommandSpec s = Cli.command(parent, "lock",
                "dvc.lock entries for workflows running each stage in its own process.",
                "(The tasks 'dvclint export' writes run these.)");
        LockCommand entry = new LockCommand("entry");
        CommandSpec e = entry.spec = Cli.command(entry, "entry",
                "Print a stage's dvc.lock entry as one line of JSON.",
                "{\"stage\": ADDRESS, \"entry\": {...}}; \"entry\" is null when the lock has none.");
        e.addPositional(Cli.positional(String.class).paramLabel("STAGE").description("The stage.").arity("1")
                .required(true).build());
        e.addOption(Cli.option(String.class, "-o", "--output").paramLabel("FILE")
                .description("Write the line to FILE instead of standard output.").build());
        e.addOption(Cli.flag("--quoted").description("Write the line as one JSON string (an Airflow pod's XCom "
                + "file then hands the line on as it is).").build());
        s.addSubcommand("entry", Cli.commandLine(e));

        LockCommand merge = new LockCommand("merge");
        CommandSpec m = merge.spec = Cli.command(merge, "merge",
                "Write 'lock entry' lines into the dvc.lock files, in DVC's bytes.",
                "Each entry goes into the dvc.lock of its stage's dvc.yaml: it replaces the",
                "stage's entry where it stands, or is appended in the order of the lines.");
        m.addPositional(Cli.positionals().paramLabel("FILE").arity("1..*").required(true)
                .description("Files of entries ('-': standard input).").build());
        s.addSubcommand("merge", Cli.commandLine(m));

        LockCommand begin = new LockCommand("begin");
        CommandSpec b = begin.spec = Cli.command(begin, "begin",
                "Record the entries each dvc.lock holds, before stages run in parallel.",
                "The record is " + LockOrder.RECORD + ".");
        s.addSubcommand("begin", Cli.commandLine(b));

        LockCommand finish = new LockCommand("finish");
        CommandSpec f = finish.spec = Cli.command(finish, "finish",
                "Order the entries new since 'lock begin' as a serial repro does.",
                "Entries recorded by 'dvclint lock begin' keep their places; new ones follow",
                "them in the order of the STAGEs (the order 'dvclint repro' runs them).");
        f.addPositional(Cli.positionals().paramLabel("STAGE").description("The stages in the run's order.").build());
        s.addSubcommand("finish", Cli.commandLine(f));
        return s;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path cwd = LintCommand.cwd();
        Path root = ProjectRoot.find(cwd);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        try {
            if (action.equals("entry")) return entry(new ProjectLoader(new Findings()).load(root), cwd);
        } catch (LockFileWriter.LockFormatException e) {
            err.println("dvclint: " + e.getMessage());
            return Main.FINDINGS;
        }
        if (!action.equals("merge") && !Files.isDirectory(root.resolve(".dvc"))) {
            err.println("dvclint: no DVC project here (no .dvc folder): 'lock " + action + "' keeps its record in "
                    + ".dvc/tmp");
            return Main.USAGE;
        }
        try (RepoLock lock = new RepoLock(root, err)) {
            try {
                lock.acquire();
            } catch (RepoLock.UnavailableException e) {
                err.println("dvclint: " + e.getMessage());
                return Main.USAGE;
            } catch (RepoLock.LockedException e) {
                err.println("dvclint: " + e.getMessage());
                return Main.FINDINGS;
            }
            Project project = new ProjectLoader(new Findings()).load(root);
            return switch (action) {
                case "merge" -> merge(project, cwd, err);
                case "begin" -> begin(project, err);
                default -> finish(project, cwd, err);
            };
        } catch (LockFileWriter.LockFormatException e) {
            err.println("dvclint: " + e.getMessage());
            return Main.FINDINGS;
        }
    }

    private int entry(Project project, Path cwd) throws IOException {
        String target = Cli.positional(spec, 0);
        List<Stage> stages = stages(project, cwd, target);
        if (stages.size() != 1) {
            throw new UsageException("'" + target + "' names " + stages.size() + " stages; name one");
        }
        Stage s = stages.get(0);
        String text = read(lockOf(s));
        String line = LockEntries.format(s.address(), LockEntries.entry(text, s.name()));
        if (Cli.flag(spec, "--quoted")) line = PyJson.dumps(line);
        String output = Cli.value(spec, "--output");
        if (output == null) {
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.println(line);
            out.flush();
        } else {
            try {
                Files.writeString(cwd.resolve(output), line + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("cannot write " + output + ": " + e.getMessage());
            }
        }
        return Main.OK;
    }

    private int merge(Project project, Path cwd, PrintStream err) throws IOException {
        List<String> files = Cli.positional(spec, 0);
        Map<String, Stage> byAddress = new LinkedHashMap<>();
        for (Stage s : project.stages()) byAddress.put(s.address(), s);
        Map<Path, Map<String, Map<String, Object>>> byLock = new LinkedHashMap<>();
        for (String f : files) {
            String text;
            try {
                text = f.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(cwd.resolve(f), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("cannot read " + f + ": " + e.getMessage());
            }
            List<LockEntries.Line> lines;
            try {
                lines = LockEntries.parse(text);
            } catch (IllegalArgumentException e) {
                err.println("dvclint: " + f + ": " + e.getMessage());
                return Main.FINDINGS;
            }
            for (LockEntries.Line l : lines) {
                Stage s = byAddress.get(l.stage());
                if (s == null) {
                    err.println("dvclint: " + f + ": no stage '" + l.stage() + "' in this project");
                    return Main.FINDINGS;
                }
                if (l.entry() == null) continue;
                byLock.computeIfAbsent(lockOf(s), k -> new LinkedHashMap<>()).put(s.name(), l.entry());
            }
        }
        for (Map.Entry<Path, Map<String, Map<String, Object>>> e : byLock.entrySet()) {
            String existing = read(e.getKey());
            String text = LockEntries.merge(existing, e.getValue());
            if (text == null || text.equals(existing)) continue;
            err.println("Updating lock file '" + rel(cwd, e.getKey()) + "'");
            LockFileWriter.writeAtomically(e.getKey(), text);
        }
        return Main.OK;
    }

    private static int begin(Project project, PrintStream err) throws IOException {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (DvcFile f : project.dvcFiles()) {
            Path lock = f.dir().resolve("dvc.lock");
            try {
                names.put(PathNames.posix(project.root().relativize(lock)), LockFileWriter.stageNames(read(lock)));
            } catch (LockFileWriter.LockFormatException e) {
                // repro reports it; the order of this file is left as it is
                err.println("dvclint: warning: " + project.rel(lock) + ": " + e.getMessage());
            }
        }
        Path record = project.root().resolve(LockOrder.RECORD);
        Files.createDirectories(record.getParent());
        LockFileWriter.writeAtomically(record, LockOrder.record(names));
        return Main.OK;
    }

    private int finish(Project project, Path cwd, PrintStream err) throws IOException {
        Path record = project.root().resolve(LockOrder.RECORD);
        Map<String, List<String>> recorded;
        try {
            recorded = LockOrder.readRecord(Files.readString(record, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            err.println("dvclint: nothing recorded at the run's start (" + LockOrder.RECORD + "): run 'dvclint lock "
                    + "begin' before the stages");
            return Main.FINDINGS;
        } catch (IllegalArgumentException e) {
            err.println("dvclint: " + LockOrder.RECORD + ": " + e.getMessage());
            return Main.FINDINGS;
        }
        List<String> targets = Cli.positional(spec, 0);
        Map<Path, List<String>> runOrder = new LinkedHashMap<>();
        for (String t : targets == null ? List.<String>of() : targets) {
            List<Stage> stages;
            try {
                stages = stages(project, cwd, t);
            } catch (UsageException e) {
                // a stage gone from dvc.yaml since the export: nothing of it to order
                err.println("dvclint: warning: " + e.getMessage());
                continue;
            }
            for (Stage s : stages) runOrder.computeIfAbsent(lockOf(s), k -> new ArrayList<>()).add(s.name());
        }
        for (Map.Entry<String, List<String>> e : recorded.entrySet()) {
            Path lock = project.root().resolve(e.getKey()).normalize();
            String text = read(lock);
            if (text == null) continue;
            List<String> current = LockFileWriter.stageNames(text);
            List<String> order = LockOrder.order(current, e.getValue(), runOrder.getOrDefault(lock, List.of()));
            if (order.equals(current)) continue;
            err.println("Updating lock file '" + rel(cwd, lock) + "': new entries in the run's order");
            LockFileWriter.writeAtomically(lock, LockFileWriter.reorder(text, order));
        }
        return Main.OK;
    }

    /** The stages a STAGE argument names: an address exactly, else as {@code dvclint dag} reads a target. */
    private static List<Stage> stages(Project project, Path cwd, String target) {
        for (Stage s : project.stages()) if (s.address().equals(target)) return List.of(s);
        try {
            return StageSelection.matching(project, cwd, target);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Path lockOf(Stage s) {
        return s.file().dir().resolve("dvc.lock");
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private static String rel(Path cwd, Path file) {
        try {
            return PathNames.posix(cwd.relativize(file));
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
