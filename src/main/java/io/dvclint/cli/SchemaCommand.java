package io.dvclint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints our JSON Schema, for yaml-language-server and IDEs. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print dvclint's JSON Schema for dvc.yaml (or dvc.lock) to stdout.")
public final class SchemaCommand implements Callable<Integer> {
    @Option(names = "--lock", description = "Print the schema of dvc.lock instead.")
    boolean lock;

    @Override
    public Integer call() throws IOException {
        String name = lock ? "dvc.lock.schema.json" : "dvc.yaml.schema.json";
        try (InputStream in = SchemaCommand.class.getResourceAsStream("/io/dvclint/schema/" + name)) {
            if (in == null) throw new IllegalStateException("schema resource " + name + " missing from the jar");
            System.out.write(in.readAllBytes());
            System.out.flush();
        }
        return Main.OK;
    }
}
