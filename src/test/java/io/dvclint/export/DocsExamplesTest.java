package io.dvclint.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dvclint.TestFiles;
import io.dvclint.TestFiles.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The exports shown in the README and docs/export.md are what dvclint writes: each block after an
 * {@code <!-- export-example: FOLDER: ARGS -->} comment equals the output of {@code dvclint ARGS} in that folder.
 */
class DocsExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- export-example: ([^:]+): ([^\\n]*?) -->\\n```[a-z]*\\n(.*?)```\\n", Pattern.DOTALL);

    @Test
    void examplesAreCurrent() throws IOException {
        // the examples' project folder inside the repository is part of the output
        Assumptions.assumeTrue(Files.exists(Path.of(".git")), "not a git checkout");
        int n = 0;
        for (String doc : List.of("README.md", "docs/export.md")) {
            Matcher m = EXAMPLE.matcher(Files.readString(Path.of(doc)));
            while (m.find()) {
                Run r = TestFiles.cli(Path.of(m.group(1)), m.group(2).split(" "));
                assertEquals(0, r.exit(), r.err());
                assertEquals(r.out(), m.group(3), doc + ": dvclint " + m.group(2) + " in " + m.group(1)
                        + " writes something else; paste its output");
                n++;
            }
        }
        assertEquals(3, n, "examples found");
    }
}
