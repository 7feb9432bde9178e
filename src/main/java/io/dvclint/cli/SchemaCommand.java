package io.dvclint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** Prints our JSON Schema, for yaml-language-server and IDEs. */
public final class SchemaCommand implements Callable<Integer> {
    boolean lock;
    CommandSpec spec;

    static CommandSpec spec() {
        SchemaCommand c = new SchemaCommand();
        CommandSpec s = c.spec = Cli.command(c, "schema", "Print dvclint's JSON Schema for dvc.yaml (or dvc.lock) to stdout.");
        s.addOption(Cli.flag("--lock").description("Print the schema of dvc.lock instead.").build());
        return s;
    }

    @Override
    public Integer call() throws IOException {
        lock = Cli.flag(spec, "--lock");
        String name = lock ? "dvc.lock.schema.json" : "dvc.yaml.schema.json";
        try (InputStream in = SchemaCommand.class.getResourceAsStream("/io/dvclint/schema/" + name)) {
            if (in == null) throw new IllegalStateException("schema resource " + name + " missing from the jar");
            System.out.write(in.readAllBytes());
            System.out.flush();
        }
        return Main.OK;
    }
}
