package io.dvclint.cli;

import java.io.PrintWriter;
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
        return commandLine().execute(args);
    }

    /** The root spec with every subcommand (built without reflection: see {@link Cli}). */
    public static CommandSpec spec() {
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
        s.addSubcommand("lint", LintCommand.spec());
        s.addSubcommand("dag", DagCommand.spec());
        s.addSubcommand("rules", RulesCommand.spec());
        s.addSubcommand("explain", ExplainCommand.spec());
        s.addSubcommand("schema", SchemaCommand.spec());
        s.addSubcommand("completion", CompletionCommand.spec());
        s.addSubcommand("help", HelpCommand.spec());
        return s;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(spec());
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
