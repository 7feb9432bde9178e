package io.dvclint.lint;

import io.dvclint.findings.Findings;
import io.dvclint.load.ProjectLoader;
import io.dvclint.model.Project;
import java.nio.file.Path;

/** Loads a project and runs every enabled rule over it. */
public final class Linter {
    private Linter() {
    }

    public static Project lint(Path root, Findings findings) {
        return new ProjectLoader(findings).load(root);
    }
}
