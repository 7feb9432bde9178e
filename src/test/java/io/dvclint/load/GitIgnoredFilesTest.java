package io.dvclint.load;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git-ignored DVC files in a git work tree: a pipeline whose dvc.lock git ignores (DVC refuses to load its stages,
 * whether the lock exists or not), and a dvc.yaml or .dvc file git ignores (DVC leaves it out without a word).
 */
class GitIgnoredFilesTest {
    @TempDir
    Path dir;

    private List<Finding> lint() {
        return lint(ProjectLoader.LOCK_GIT_IGNORED);
    }

    private List<Finding> lint(String rule) {
        Findings f = new Findings();
        Linter.lint(dir, f, Config.DEFAULT);
        return f.sorted().stream().filter(x -> x.ruleId().equals(rule)).toList();
    }

    /** A git work tree holding a DVC project with two pipelines, one of them without a lock yet. */
    private void project(String gitignore, String dvcConfig) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        write(dir, ".dvc/config", dvcConfig);
        write(dir, ".gitignore", gitignore);
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: echo a > a.txt\n    outs: [a.txt]\n");
        write(dir, "dvc.lock", "schema: '2.0'\nstages: {}\n");
        write(dir, "sub/dvc.yaml", "stages:\n  b:\n    cmd: echo b > b.txt\n    outs: [b.txt]\n");
    }

    @Test
    void aLockGitIgnoresIsAnErrorNamingTheLine() throws IOException {
        project("/models\n*.lock\n", "[core]\n");
        List<Finding> fs = lint();
        assertEquals(List.of("dvc.yaml", "sub/dvc.yaml"),
                fs.stream().map(f -> dir.relativize(f.file()).toString()).toList(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(1, f.line());
        assertEquals("'dvc.lock' is git-ignored (.gitignore:2: *.lock): DVC refuses to load the stages of "
                + "'dvc.yaml' ('dvc.lock' is git-ignored.)", f.message());
        assertTrue(fs.get(1).message().startsWith("'sub/dvc.lock' is git-ignored (.gitignore:2: *.lock)"),
                "checked when the lock does not exist too: " + fs.get(1).message());
    }

    @Test
    void infoExcludeCountsAndADeeperLineTakesTheLockBack() throws IOException {
        project("/models\n", "[core]\n");
        write(dir, ".git/info/exclude", "dvc.lock\n");
        write(dir, "sub/.gitignore", "!dvc.lock\n");
        List<Finding> fs = lint();
        assertEquals(1, fs.size(), fs.toString());
        assertEquals("dvc.yaml", dir.relativize(fs.get(0).file()).toString());
        assertTrue(fs.get(0).message().contains("(.git/info/exclude:1: dvc.lock)"), fs.get(0).message());
    }

    @Test
    void notFlaggedWhenGitDoesNotIgnoreItOrDvcDoesNotAskGit() throws IOException {
        project("*.lock\n!dvc.lock\n", "[core]\n");
        assertEquals(List.of(), lint(), "taken back by the line after");
        project("*.lock\n", "[core]\n    no_scm = True\n");
        assertEquals(List.of(), lint(), "core.no_scm: DVC does not ask git");
        Files.delete(dir.resolve(".dvc/config"));
        Files.delete(dir.resolve(".dvc"));
        assertEquals(List.of(), lint(), "no .dvc folder: the --no-scm project DVC would make of it");
        write(dir, ".dvc/config", "[core]\n");
        Files.delete(dir.resolve(".git"));
        assertEquals(List.of(), lint(), "no git work tree");
    }

    @Test
    void aDvcFileGitIgnoresIsAWarningNamingTheLine() throws IOException {
        project("/models\n", "[core]\n");
        write(dir, "pipelines/.gitignore", "*.yaml\n");
        write(dir, "pipelines/dvc.yaml", "stages:\n  c:\n    cmd: echo c > c.txt\n    outs: [c.txt]\n");
        write(dir, ".git/info/exclude", "raw.dvc\n");
        write(dir, "raw.dvc", "outs:\n- path: raw\n");
        List<Finding> fs = lint(ProjectLoader.DVCFILE_GIT_IGNORED);
        assertEquals(List.of("pipelines/dvc.yaml", "raw.dvc"),
                fs.stream().map(f -> dir.relativize(f.file()).toString()).sorted().toList(), fs.toString());
        Finding yaml = fs.stream().filter(f -> f.file().endsWith("dvc.yaml")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, yaml.severity());
        assertEquals("'pipelines/dvc.yaml' is git-ignored (pipelines/.gitignore:1: *.yaml): DVC leaves it out of the "
                + "project, so its stages are never shown, checked or run", yaml.message());
    }

    @Test
    void aDvcFileNotFlaggedWhenTakenBackInAnIgnoredFolderOrWithoutGit() throws IOException {
        project("/models\nscratch/\n", "[core]\n");
        write(dir, "pipelines/.gitignore", "*.yaml\n!dvc.yaml\n");
        write(dir, "pipelines/dvc.yaml", "stages: {}\n");
        write(dir, "scratch/dvc.yaml", "stages: {}\n");
        assertEquals(List.of(), lint(ProjectLoader.DVCFILE_GIT_IGNORED), "taken back; in a folder DVC does not enter");
        write(dir, "pipelines/.gitignore", "*.yaml\n");
        write(dir, ".dvc/config", "[core]\n    no_scm = True\n");
        assertEquals(List.of(), lint(ProjectLoader.DVCFILE_GIT_IGNORED), "core.no_scm: DVC does not ask git");
    }
}
