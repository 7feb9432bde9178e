package io.dvclint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import io.dvclint.fs.Inputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline files a project walk finds, as DVC's {@code collect_files} finds them; in folders without
 * sub-folders (told by their link count) the walk looks at names alone, and finds the same files.
 */
class DiscoveryTest {
    @TempDir
    Path root;

    private List<String> found() {
        List<String> out = new ArrayList<>();
        new Discovery(root).walk((file, isDvcYaml) -> out.add(root.relativize(file) + (isDvcYaml ? "" : " (.dvc)")));
        return out;
    }

    /** Whether this file system keeps folders' link counts as ext4 does (else the walk stats every entry). */
    private boolean countsSubfolders() throws IOException {
        return Set.of("ext4", "ext3", "ext2", "xfs", "tmpfs", "overlay").contains(Files.getFileStore(root).type());
    }

    @Test
    void aFolderWithoutSubfoldersIsToldByItsLinkCount() throws IOException {
        Assumptions.assumeTrue(countsSubfolders(), "file system without link counts of sub-folders");
        TestFiles.write(root, "leaf/a.txt", "a");
        TestFiles.write(root, "parent/child/b.txt", "b");
        Files.createSymbolicLink(root.resolve("leaf/link"), root.resolve("parent"));
        assertTrue(Inputs.hasNoSubfolders(root.resolve("leaf")), "a symbolic link to a folder is no sub-folder");
        assertTrue(Inputs.hasNoSubfolders(root.resolve("parent/child")));
        assertFalse(Inputs.hasNoSubfolders(root.resolve("parent")));
        assertFalse(Inputs.hasNoSubfolders(root));
        assertFalse(Inputs.hasNoSubfolders(root.resolve("missing")));
        assertFalse(Inputs.hasNoSubfolders(root.resolve("leaf/a.txt")), "a file's link count is 1");
    }

    @Test
    void aLeafFolderGivesItsPipelineFilesByName() throws IOException {
        TestFiles.write(root, "dvc.yaml", "stages: {}\n");
        TestFiles.write(root, "data/leaf/dvc.yaml", "stages: {}\n");
        TestFiles.write(root, "data/leaf/b.dvc", "outs:\n- path: b\n");
        TestFiles.write(root, "data/leaf/a.dvc", "outs:\n- path: a\n");
        for (int i = 0; i < 20; i++) TestFiles.write(root, "data/leaf/f" + i + ".txt", "x");
        TestFiles.write(root, "elsewhere/dvc.yaml", "stages: {}\n");
        TestFiles.write(root, "elsewhere/real.dvc", "outs:\n- path: r\n");
        Path leaf = root.resolve("data/leaf");
        // symbolic links: to a folder holding a pipeline (never entered), to a folder named *.dvc, to a .dvc file,
        // and to nothing
        Files.createSymbolicLink(leaf.resolve("linked"), root.resolve("elsewhere"));
        Files.createSymbolicLink(leaf.resolve("dir.dvc"), root.resolve("elsewhere"));
        Files.createSymbolicLink(leaf.resolve("c.dvc"), root.resolve("elsewhere/real.dvc"));
        Files.createSymbolicLink(leaf.resolve("gone.dvc"), root.resolve("nowhere"));
        if (countsSubfolders()) assertTrue(Inputs.hasNoSubfolders(leaf));
        assertEquals(List.of("dvc.yaml", "data/leaf/dvc.yaml", "data/leaf/a.dvc (.dvc)", "data/leaf/b.dvc (.dvc)",
                "data/leaf/c.dvc (.dvc)", "elsewhere/dvc.yaml", "elsewhere/real.dvc (.dvc)"), found());
    }

    @Test
    void subRepositoriesAndIgnoredPathsAreSkippedInLeafAndOtherFolders() throws IOException {
        TestFiles.write(root, "dvc.yaml", "stages: {}\n");
        // a folder whose only sub-folder is a sub-repository, beside a plain one
        TestFiles.write(root, "a/inner/.dvc/config", "");
        TestFiles.write(root, "a/inner/dvc.yaml", "stages: {}\n");
        TestFiles.write(root, "a/inner/x.dvc", "outs:\n- path: x\n");
        TestFiles.write(root, "a/plain/dvc.yaml", "stages: {}\n");
        // a sub-repository reached through a symbolic link in a leaf folder is not entered either
        TestFiles.write(root, "b/leaf.txt", "x");
        Files.createSymbolicLink(root.resolve("b/repo"), root.resolve("a/inner"));
        // .dvcignore: a file pattern, a folder pattern (which a file of that name does not match), a negation
        TestFiles.write(root, ".dvcignore", "skip.dvc\nfolder.dvc/\ngone/\n*.tmp.dvc\n!keep.tmp.dvc\n");
        TestFiles.write(root, "c/skip.dvc", "outs:\n- path: s\n");
        TestFiles.write(root, "c/folder.dvc", "outs:\n- path: f\n");
        TestFiles.write(root, "c/x.tmp.dvc", "outs:\n- path: t\n");
        TestFiles.write(root, "c/keep.tmp.dvc", "outs:\n- path: k\n");
        TestFiles.write(root, "c/gone/dvc.yaml", "stages: {}\n");
        TestFiles.write(root, "d/gone", "a file: the folder pattern does not match it\n");
        TestFiles.write(root, "d/dvc.yaml", "stages: {}\n");
        TestFiles.write(root, "e/folder.dvc/dvc.yaml", "stages: {}\n");
        assertEquals(List.of("dvc.yaml", "a/plain/dvc.yaml", "c/folder.dvc (.dvc)", "c/keep.tmp.dvc (.dvc)",
                "d/dvc.yaml"), found());
    }

    /** A DVC project in a git work tree whose .gitignore files hide a virtual environment, a folder and a file. */
    private void gitProject(String dvcConfig) throws IOException {
        Files.createDirectories(root.resolve(".git"));
        TestFiles.write(root, ".dvc/config", dvcConfig);
        TestFiles.write(root, ".gitignore", "/scratch\nold.dvc\n");
        TestFiles.write(root, "dvc.yaml", "stages: {}\n");
        TestFiles.write(root, "data.dvc", "outs:\n- path: data\n");
        TestFiles.write(root, "old.dvc", "outs:\n- path: old\n");
        TestFiles.write(root, "scratch/dvc.yaml", "stages: {}\n");
        TestFiles.write(root, ".venv/.gitignore", "*\n");
        TestFiles.write(root, ".venv/lib/site-packages/pkg/dvc.yaml", "stages: {}\n");
        TestFiles.write(root, "sub/dvc.yaml", "stages: {}\n");
    }

    @Test
    void inAGitWorkTreeWhatGitIgnoresIsNeitherLoadedNorEntered() throws IOException {
        gitProject("[core]\n    autostage = true\n");
        assertEquals(List.of("dvc.yaml", "data.dvc (.dvc)", "sub/dvc.yaml"), found());
    }

    @Test
    void withoutGitAsDvcSeesTheProjectEveryFileCounts() throws IOException {
        gitProject("[core]\n    no_scm = True\n");
        List<String> all = List.of("dvc.yaml", "data.dvc (.dvc)", "old.dvc (.dvc)",
                ".venv/lib/site-packages/pkg/dvc.yaml", "scratch/dvc.yaml", "sub/dvc.yaml");
        assertEquals(all, found(), "core.no_scm: DVC does not ask git");
        Files.delete(root.resolve(".dvc/config"));
        Files.delete(root.resolve(".dvc"));
        assertEquals(all, found(), "no .dvc folder: linted as the --no-scm project DVC would make of it");
    }
}
