package io.dvclint.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code dvclint} command. Exit codes: 0 clean, 1 findings, 2 usage or configuration error, 3 internal. */
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (never throws). */
    public static int run(String... args) {
        return commandLine(args.length > 0 ? args[0] : null).execute(args);
    }

    /** The root spec with every subcommand (built without reflection: see {@link Cli}). */
    public static CommandSpec spec() {
        return spec(null);
    }

    /**
     * The root spec; when {@code only} names a command, with just that subcommand: each subcommand costs picocli
     * an interpreter with its converters, and a run needs one. Help and unknown commands get them all.
     */
    static CommandSpec spec(String only) {
        Main main = new Main();
        CommandSpec s = Cli.command(main, "dvclint",
                "A fast, precise linter, validator and pipeline runner for DVC projects.");
        main.spec = s;
        s.version("dvclint " + Version.get());
        s.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        s.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(java.util.Map.of(
                "0", "clean: nothing at or above the failure threshold",
                "1", "findings at or above the failure threshold",
                "2", "usage or configuration error",
                "3", "internal error"));
        boolean all = only == null || !List.of("lint", "dag", "rules", "explain", "schema").contains(only);
        if (all || only.equals("lint")) s.addSubcommand("lint", LintCommand.spec());
        if (all || only.equals("dag")) s.addSubcommand("dag", DagCommand.spec());
        if (all || only.equals("rules")) s.addSubcommand("rules", RulesCommand.spec());
        if (all || only.equals("explain")) s.addSubcommand("explain", ExplainCommand.spec());
        if (all || only.equals("schema")) s.addSubcommand("schema", SchemaCommand.spec());
        if (all) {
            s.addSubcommand("completion", CompletionCommand.spec());
            s.addSubcommand("help", HelpCommand.spec());
        }
        return s;
    }

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    static CommandLine commandLine(String only) {
        CommandLine cl = new CommandLine(spec(only));
        cl.setExitCodeExceptionMapper(t -> t instanceof UsageException
                || t instanceof CommandLine.ParameterException ? USAGE : INTERNAL);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
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
            err.println("dvclint: internal error: " + ex);
            if (System.getenv("DVCLINT_DEBUG") != null) ex.printStackTrace(err);
            else err.println("(set DVCLINT_DEBUG=1 for the stack trace, and please report it)");
            return INTERNAL;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: try 'dvclint lint' or 'dvclint --help'");
    }
}
