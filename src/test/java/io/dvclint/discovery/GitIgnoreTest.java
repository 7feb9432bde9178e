package io.dvclint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git's ignore rules as the project walk asks them: what each {@code .gitignore} line ignores, and what it does not. */
class GitIgnoreTest {
    @TempDir
    Path top;

    private GitIgnore rules() throws IOException {
        Files.createDirectories(top.resolve(".git/info"));
        return GitIgnore.forProject(top);
    }

    private boolean file(GitIgnore g, String rel) {
        return g.isIgnored(top.resolve(rel), false);
    }

    private boolean dir(GitIgnore g, String rel) {
        return g.isIgnored(top.resolve(rel), true);
    }

    @Test
    void namesMatchAtAnyDepthAndATrailingSlashOnlyFolders() throws IOException {
        TestFiles.write(top, ".gitignore", "# comment\n\nbuild/\n*.tmp\nnode_modules\n");
        GitIgnore g = rules();
        assertTrue(dir(g, "build"));
        assertTrue(dir(g, "src/build"));
        assertFalse(file(g, "build"), "build/ speaks of folders only");
        assertTrue(file(g, "a.tmp"));
        assertTrue(file(g, "deep/er/a.tmp"));
        assertTrue(dir(g, "web/node_modules"));
        assertFalse(file(g, "dvc.yaml"));
        assertFalse(dir(g, "src"));
        assertFalse(file(g, "a.tmp.dvc"));
    }

    @Test
    void aLeadingOrInnerSlashAnchorsAtTheIgnoreFilesFolder() throws IOException {
        TestFiles.write(top, ".gitignore", "/data\nout/models\n");
        TestFiles.write(top, "sub/.gitignore", "/local\n");
        GitIgnore g = rules();
        assertTrue(dir(g, "data"));
        assertFalse(dir(g, "sub/data"), "/data is the top folder's data only");
        assertTrue(dir(g, "out/models"));
        assertFalse(dir(g, "x/out/models"));
        assertTrue(dir(g, "sub/local"));
        assertFalse(dir(g, "local"), "a sub-folder's .gitignore speaks of paths below it alone");
    }

    @Test
    void theLastMatchingLineDecidesAndADeeperFileComesFirst() throws IOException {
        TestFiles.write(top, ".gitignore", "*.dvc\n!keep.dvc\npipelines/\n");
        TestFiles.write(top, "a/.gitignore", "!*.dvc\n");
        GitIgnore g = rules();
        assertTrue(file(g, "data.dvc"));
        assertFalse(file(g, "keep.dvc"), "taken back by a later line");
        assertFalse(file(g, "a/data.dvc"), "the deeper .gitignore takes it back");
        assertTrue(file(g, "b/data.dvc"));
        assertTrue(dir(g, "pipelines"));
    }

    @Test
    void theDecidingLineIsNamedAndNoneForAPathTakenBack() throws IOException {
        TestFiles.write(top, ".gitignore", "# locks\n*.lock\n!keep.lock\n");
        GitIgnore g = rules();
        GitIgnore.Line line = g.ignoredBy(top.resolve("sub/dvc.lock"), false);
        assertEquals(top.resolve(".gitignore"), line.file());
        assertEquals(2, line.number());
        assertEquals("*.lock", line.text());
        assertNull(g.ignoredBy(top.resolve("keep.lock"), false));
        assertNull(g.ignoredBy(top.resolve("dvc.yaml"), false));
    }

    @Test
    void infoExcludeComesAfterEveryGitignore() throws IOException {
        TestFiles.write(top, ".git/info/exclude", "scratch/\n*.lock\n");
        TestFiles.write(top, "kept/.gitignore", "!dvc.lock\n");
        GitIgnore g = rules();
        assertTrue(dir(g, "scratch"));
        assertTrue(file(g, "dvc.lock"));
        assertFalse(file(g, "kept/dvc.lock"));
    }

    @Test
    void aVirtualEnvironmentIgnoresWhatItHoldsNotItself() throws IOException {
        TestFiles.write(top, ".venv/.gitignore", "*\n");
        GitIgnore g = rules();
        assertFalse(dir(g, ".venv"), "its own .gitignore speaks of what is below it");
        assertTrue(dir(g, ".venv/lib"));
        assertTrue(file(g, ".venv/dvc.yaml"));
    }

    @Test
    void aLineGitCannotUseIsSkippedAndTheOthersStillCount() throws IOException {
        TestFiles.write(top, ".gitignore", "!\nbad\\\nlogs/\n");
        GitIgnore g = rules();
        assertTrue(dir(g, "logs"));
        assertFalse(file(g, "bad"));
    }

    @Test
    void aProjectBelowTheWorkTreesTopUsesTheRulesAboveIt() throws IOException {
        TestFiles.write(top, ".gitignore", "tmp/\n");
        Files.createDirectories(top.resolve(".git"));
        Path project = top.resolve("projects/p1");
        Files.createDirectories(project);
        GitIgnore g = GitIgnore.forProject(project);
        assertTrue(g.isIgnored(project.resolve("tmp"), true));
        assertFalse(g.isIgnored(project.resolve("src"), true));
        assertFalse(g.isIgnored(top.resolve("elsewhere"), true));
        // a project inside an ignored folder of the work tree: everything in it is ignored, as dulwich says for DVC
        Path hidden = top.resolve("tmp/p2");
        assertTrue(GitIgnore.forProject(hidden).isIgnored(hidden.resolve("dvc.yaml"), false));
        assertTrue(GitIgnore.forProject(hidden).hides(hidden, hidden.resolve("dvc.yaml")));
    }

    @Test
    void outsideAGitWorkTreeNothingIsIgnored() throws IOException {
        TestFiles.write(top, ".gitignore", "*\n");
        GitIgnore g = GitIgnore.forProject(top);
        assertSame(GitIgnore.NONE, g);
        assertFalse(file(g, "dvc.yaml"));
        assertFalse(dir(g, "data"));
    }
}
