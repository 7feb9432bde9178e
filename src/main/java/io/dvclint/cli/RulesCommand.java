package io.dvclint.cli;

import io.dvclint.lint.RuleRegistry;
import io.dvclint.rules.Rule;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dvclint rules}: the table of rules. */
public final class RulesCommand implements Callable<Integer> {
    static CommandSpec spec() {
        return Cli.command(new RulesCommand(), "rules",
                "List every rule: id, default severity, summary ('*' = has automatic fixes).");
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int w = 0;
        for (Rule r : RuleRegistry.all()) w = Math.max(w, r.id().length());
        for (Rule r : RuleRegistry.all()) {
            out.printf("%-" + w + "s  %-7s %s %s%n", r.id(), r.defaultSeverity().label(), r.fixable() ? "*" : " ",
                    r.summary());
        }
        out.flush();
        return Main.OK;
    }
}
