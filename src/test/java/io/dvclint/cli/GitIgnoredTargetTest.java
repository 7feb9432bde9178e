package io.dvclint.cli;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline file named as a target that git ignores (itself or a folder holding it): DVC refuses it with "bad DVC
 * file name 'PATH' is git-ignored." ({@code check_dvcfile_path}), where dvclint, whose walk leaves it out as DVC's
 * does, would otherwise say it does not exist.
 */
class GitIgnoredTargetTest {
    @TempDir
    Path dir;

    private void project() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        write(dir, ".dvc/config", "[core]\n");
        write(dir, ".gitignore", "scratch/\nold.dvc\n");
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: echo a > a.txt\n    outs: [a.txt]\n");
        write(dir, "scratch/dvc.yaml", "stages:\n  b:\n    cmd: echo b > b.txt\n    outs: [b.txt]\n");
        write(dir, "old.dvc", "outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661\n  size: 1\n  hash: md5\n  path: old\n");
    }

    @Test
    void aGitIgnoredTargetIsRefusedAsDvcRefusesIt() throws IOException {
        project();
        for (String[] args : new String[][] {{"status", "scratch/dvc.yaml"}, {"repro", "--dry", "scratch/dvc.yaml"},
                {"status", "scratch/dvc.yaml:b"}, {"dag", "scratch/dvc.yaml"}, {"status", "old.dvc"}}) {
            TestFiles.Run r = cli(dir, args);
            String target = args[args.length - 1].replace(":b", "");
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("bad DVC file name '" + target + "' is git-ignored."),
                    String.join(" ", args) + ": " + r.err());
        }
    }

    @Test
    void aMissingTargetStillDoesNotExistAndOneGitKeepsRuns() throws IOException {
        project();
        TestFiles.Run missing = cli(dir, "status", "nowhere/dvc.yaml");
        assertTrue(missing.err().contains("'nowhere/dvc.yaml' does not exist"), missing.err());
        TestFiles.Run kept = cli(dir, "status", "dvc.yaml");
        assertEquals(0, kept.exit(), kept.err());
        assertTrue(kept.out().contains("a:"), kept.out());
        write(dir, ".dvc/config", "[core]\n    no_scm = True\n");
        TestFiles.Run noScm = cli(dir, "status", "scratch/dvc.yaml");
        assertEquals(0, noScm.exit(), "core.no_scm: DVC does not ask git; " + noScm.err());
        assertTrue(noScm.out().contains("b:"), noScm.out());
    }
}
