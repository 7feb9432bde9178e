package io.dvclint.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints a shell completion script generated from the command model, so it always matches this version.
 * The bash script also works in zsh (it enables bashcompinit).
 */
public final class CompletionCommand implements Callable<Integer> {
    String shell = "bash";
    CommandSpec spec;

    static CommandSpec spec() {
        CompletionCommand c = new CompletionCommand();
        CommandSpec s = Cli.command(c, "completion", "Print a shell completion script for dvclint.",
                "bash:  source <(dvclint completion bash)   (or save it to /etc/bash_completion.d/dvclint)",
                "zsh:   source <(dvclint completion zsh)    (uses bashcompinit)");
        s.addPositional(Cli.positional(String.class).arity("0..1").paramLabel("SHELL")
                .description("bash (default) or zsh.").build());
        c.spec = s;
        return s;
    }

    @Override
    public Integer call() {
        String given = Cli.positional(spec, 0);
        if (given != null) shell = given;
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new UsageException("completion: unknown shell '" + shell + "'; expected bash or zsh");
        }
        CommandLine root = spec.root().commandLine();
        String script = picocli.AutoComplete.bash(root.getCommandName(), root);
        System.out.print(script);
        System.out.flush();
        return Main.OK;
    }
}
