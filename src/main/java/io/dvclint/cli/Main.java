package io.dvclint.cli;

import io.dvclint.findings.Suggest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code dvclint} command. Exit codes: 0 clean, 1 findings, 2 usage or configuration error, 3 internal. */
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    /** The subcommands, in the order help lists them. */
    static final List<String> COMMANDS = List.of("lint", "dag", "status", "repro", "export", "lock", "rules",
            "explain", "schema", "completion", "help");

    private CommandSpec spec;

    public static void main(String[] args) {
        // networknt logs through SLF4J, bound to its no-op provider: named here, SLF4J need not search the class path
        // for providers (which means opening the jar), and it then stays quiet about having been told
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (never throws). */
    public static int run(String... args) {
        String first = args.length > 0 ? args[0] : null;
        if (first != null && !first.startsWith("-") && !COMMANDS.contains(first)) {
            // before picocli: it would take "foo" as an unmatched argument, and "foo --help" as a request for help
            String near = Suggest.closest(first, COMMANDS);
            System.err.println("dvclint: unknown command '" + first + "'"
                    + (near != null ? "; did you mean '" + near + "'?" : "") + " (commands: "
                    + String.join(", ", COMMANDS) + ")");
            return USAGE;
        }
        if ("lint".equals(first)) {
            // the command run on every commit parses with its own spec alone, named as the subcommand would be:
            // each picocli spec compiles its option patterns, a cost a short lint would pay twice
            return withHandlers(LintCommand.spec("dvclint lint")).execute(Arrays.copyOfRange(args, 1, args.length));
        }
        return commandLine(first).execute(args);
    }

    /** The root spec with every subcommand (built without reflection: see {@link Cli}). */
    public static CommandSpec spec() {
        return spec(null);
    }

    /**
     * The root spec; when {@code only} names a command, with just that subcommand: each subcommand costs picocli
     * an interpreter with its converters, and a run needs one. Help and option-only command lines get them all.
     */
    static CommandSpec spec(String only) {
        Main main = new Main();
        CommandSpec s = Cli.command(main, "dvclint",
                "A fast, precise linter, validator and pipeline runner for DVC projects.");
        main.spec = s;
        s.version("dvclint " + Version.get());
        s.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put("0", "clean: nothing at or above the failure threshold");
        exitCodes.put("1", "findings at or above the failure threshold");
        exitCodes.put("2", "usage or configuration error");
        exitCodes.put("3", "internal error");
        s.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        boolean all = only == null || !COMMANDS.contains(only) || only.equals("help") || only.equals("completion");
        if (all || only.equals("lint")) s.addSubcommand("lint", Cli.commandLine(LintCommand.spec("lint")));
        if (all || only.equals("dag")) s.addSubcommand("dag", Cli.commandLine(DagCommand.spec()));
        if (all || only.equals("status")) s.addSubcommand("status", Cli.commandLine(StatusCommand.spec()));
        if (all || only.equals("repro")) s.addSubcommand("repro", Cli.commandLine(ReproCommand.spec()));
        if (all || only.equals("export")) s.addSubcommand("export", Cli.commandLine(ExportCommand.spec()));
        if (all || only.equals("lock")) s.addSubcommand("lock", Cli.commandLine(LockCommand.spec()));
        if (all || only.equals("rules")) s.addSubcommand("rules", Cli.commandLine(RulesCommand.spec()));
        if (all || only.equals("explain")) s.addSubcommand("explain", Cli.commandLine(ExplainCommand.spec()));
        if (all || only.equals("schema")) s.addSubcommand("schema", Cli.commandLine(SchemaCommand.spec()));
        if (all) {
            s.addSubcommand("completion", Cli.commandLine(CompletionCommand.spec()));
            s.addSubcommand("help", Cli.commandLine(HelpCommand.spec()));
        }
        return s;
    }

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    static CommandLine commandLine(String only) {
        return withHandlers(spec(only));
    }

    private static CommandLine withHandlers(CommandSpec spec) {
        CommandLine cl = Cli.commandLine(spec);
        Failures failures = new Failures();
        cl.setExitCodeExceptionMapper(failures);
        cl.setExecutionExceptionHandler(failures);
        return cl;
    }

    /** Maps exceptions to exit codes and messages. */
    private static final class Failures
            implements CommandLine.IExitCodeExceptionMapper, CommandLine.IExecutionExceptionHandler {
        @Override
        public int getExitCode(Throwable t) {
            return t instanceof UsageException || t instanceof CommandLine.ParameterException ? USAGE : INTERNAL;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
            PrintWriter err = cmd.getErr();
            if (ex instanceof CommandLine.ParameterException pe) {
                err.println(pe.getMessage());
                pe.getCommandLine().usage(err);
                return USAGE;
            }
            if (ex instanceof UsageException) {
                err.println("dvclint: " + ex.getMessage());
                return USAGE;
            }
            if (ex instanceof IOException io) {
                // the project's files, not dvclint, failed (unreadable, vanished, a .dvcignore inside a hashed
                // folder...): the run fails as DVC's does, with DVC's prefix
                err.println("ERROR: " + describe(io));
                if (System.getenv("DVCLINT_DEBUG") != null) io.printStackTrace(err);
                return FINDINGS;
            }
            err.println("dvclint: internal error: " + ex);
            if (System.getenv("DVCLINT_DEBUG") != null) ex.printStackTrace(err);
            else err.println("(set DVCLINT_DEBUG=1 for the stack trace, and please report it)");
            return INTERNAL;
        }
    }

    /** An I/O failure in words: the JDK's file exceptions carry only the path as their message. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException n) return "'" + n.getFile() + "' does not exist";
        if (e instanceof AccessDeniedException a) return "permission denied: '" + a.getFile() + "'";
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": '" + f.getFile() + "'";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: try 'dvclint lint' or 'dvclint --help'");
    }
}
