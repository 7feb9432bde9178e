package io.dvclint.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dvclint help [COMMAND]}: the usage of dvclint or of one command. */
public final class HelpCommand implements Callable<Integer> {
    String command;
    CommandSpec spec;

    static CommandSpec spec() {
        HelpCommand c = new HelpCommand();
        CommandSpec s = Cli.command(c, "help", "Display help information about the specified command.");
        s.addPositional(Cli.positional(String.class).arity("0..1").paramLabel("COMMAND")
                .description("The command to show the usage of.").build());
        c.spec = s;
        return s;
    }

    @Override
    public Integer call() {
        command = Cli.positional(spec, 0);
        CommandLine root = spec.root().commandLine();
        if (command == null) {
            root.usage(root.getOut());
            return Main.OK;
        }
        CommandLine sub = root.getSubcommands().get(command);
        if (sub == null) {
            throw new UsageException("unknown command '" + command + "'; expected one of: "
                    + String.join(", ", root.getSubcommands().keySet()));
        }
        sub.usage(sub.getOut());
        return Main.OK;
    }
}
