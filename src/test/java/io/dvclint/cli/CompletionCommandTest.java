package io.dvclint.cli;

import static io.dvclint.TestFiles.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void bashScriptCoversSubcommandsAndLintOptions() {
        Run r = cli(dir, "completion");
        assertEquals(0, r.exit(), r.err());
        String s = r.out();
        assertTrue(s.contains("complete -F _complete_dvclint") || s.contains("_complete_dvclint dvclint"), s);
        for (String sub : new String[] {"lint", "schema", "completion", "help"}) {
            assertTrue(s.contains("${COMP_WORDS[0]} " + sub + "\""), "subcommand " + sub);
        }
        int lintFn = s.indexOf("function _picocli_dvclint_lint()");
        assertTrue(lintFn > 0, s);
        String lint = s.substring(lintFn, s.indexOf("\n}", lintFn));
        for (String opt : new String[] {"--format", "-f", "--fail-on", "--no-color", "--help"}) {
            assertTrue(lint.contains(opt), "lint option " + opt + " in\n" + lint);
        }
        assertEquals(s, cli(dir, "completion", "bash").out());
    }

    @Test
    void zshGetsTheBashScriptThroughBashcompinit() {
        Run r = cli(dir, "completion", "zsh");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("bashcompinit"), r.out());
        assertTrue(r.out().contains("_picocli_dvclint_lint"), r.out());
    }

    @Test
    void unknownShellIsAUsageError() {
        Run r = cli(dir, "completion", "fish");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown shell 'fish'"), r.err());
    }
}
