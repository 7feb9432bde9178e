package io.dvclint.build;

import io.dvclint.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time only (run by Maven in {@code prepare-package}; picocli-codegen is not in the runtime jar): writes the
 * bash completion script and the man page sources (AsciiDoc) generated from the command model.
 * Usage: {@code BuildArtifacts OUTDIR}.
 */
public final class BuildArtifacts {
    private BuildArtifacts() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.resolve("man"));
        String script = AutoComplete.bash("dvclint", Main.commandLine());
        Files.writeString(out.resolve("dvclint.bash"), script, StandardCharsets.UTF_8);
        CommandSpec root = Main.commandLine().getCommandSpec();
        int rc = ManPageGenerator.generateManPage(out.resolve("man").toFile(), null, new boolean[0], true, root);
        if (rc != 0) throw new IOException("man page generation failed: " + rc);
    }
}
