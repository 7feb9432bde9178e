package io.dvclint.cli;

import io.dvclint.findings.Suggest;
import io.dvclint.lint.RuleDocs;
import io.dvclint.lint.RuleRegistry;
import io.dvclint.rules.Rule;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dvclint explain RULE}: the docs page of a rule. */
public final class ExplainCommand implements Callable<Integer> {
    String id;
    CommandSpec spec;

    static CommandSpec spec() {
        ExplainCommand c = new ExplainCommand();
        CommandSpec s = c.spec = Cli.command(c, "explain", "Print the documentation of a rule.");
        s.addPositional(Cli.positional(String.class).arity("1").required(true).paramLabel("RULE")
                .description("A rule id (see 'dvclint rules').").build());
        return s;
    }

    @Override
    public Integer call() {
        id = Cli.positional(spec, 0);
        Rule r = RuleRegistry.byId(id);
        if (r == null) {
            throw new UsageException("unknown rule '" + id + "'" + Suggest.didYouMean(id, RuleRegistry.ids())
                    + " (run 'dvclint rules' for the list)");
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(RuleDocs.page(r));
        out.flush();
        return Main.OK;
    }
}
