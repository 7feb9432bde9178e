package io.dvclint.load;

import io.dvclint.discovery.DvcIgnore;
import io.dvclint.discovery.GitIgnore;
import io.dvclint.fs.Inputs;
import io.dvclint.model.PathNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a project as DVC's {@code collect_files} does: top-down, a folder's own pipeline file before its
 * sub-folders, skipping {@code .git}, {@code .dvc}, {@code .hg}, sub-repositories (folders holding their own
 * {@code .dvc/}), whatever {@code .dvcignore} ignores, folders that are outputs of stages already found, and, in a
 * DVC project inside a git work tree (not {@code core.no_scm}), whatever git ignores ({@link GitIgnore}). Within a
 * folder entries are visited in name order so results are reproducible.
 */
public final class Discovery {
    /** Receives each pipeline file ({@code isDvcYaml}) or {@code .dvc} file as it is found. */
    public interface Visitor {
        void visit(Path file, boolean isDvcYaml);

        /** A pipeline file DVC does not load either: it lies in a folder that is an output of a stage found. */
        default void skipped(Path file, Path outputDir) {
        }

        /** A pipeline or {@code .dvc} file DVC leaves out because git ignores it ({@code line} says why). */
        default void gitIgnored(Path file, boolean isDvcYaml, GitIgnore.Line line) {
        }
    }

    private final Path root;
    private final Set<Path> pruned = new HashSet<>();
    private final DvcIgnore ignore;
    private final GitIgnore git;

    public Discovery(Path root) {
        this.root = root;
        this.ignore = DvcIgnore.forRoot(root);
        this.git = gitIgnore(root);
    }

    /** Git's ignore rules as DVC applies them to the project at {@code root}. */
    public static GitIgnore gitIgnore(Path root) {
        return usesGit(root) ? GitIgnore.forProject(root) : GitIgnore.NONE;
    }

    /**
     * Whether DVC would ask git about the project's files: a DVC project ({@code .dvc/}) whose configuration does not
     * set {@code core.no_scm} (a folder without {@code .dvc/} is linted as the fresh {@code --no-scm} project DVC
     * would make of it).
     */
    private static boolean usesGit(Path root) {
        if (!Inputs.isDirectory(root.resolve(".dvc"))) return false;
        try {
            return !DvcConfig.load(root).noScm();
        } catch (IOException e) {
            return false;
        }
    }

    /** Never descend into {@code dir} (an output directory of a stage already found). */
    public void prune(Path dir) {
        pruned.add(dir);
    }

    /**
     * DVC's refusal of a pipeline file named as a target that the walk leaves out because git ignores it or a folder
     * holding it ({@code check_dvcfile_path}: {@code bad DVC file name 'PATH' is git-ignored.}, the path from
     * {@code cwd}); null when git does not hide it.
     */
    public static String gitIgnoredTarget(Path root, Path cwd, Path file) {
        if (!Inputs.isRegularFile(file) || !gitIgnore(root).hides(root, file)) return null;
        return "bad DVC file name '" + PathNames.posix(cwd.relativize(file)) + "' is git-ignored.";
    }

    /** Git's ignore rules as DVC applies them to this project ({@link GitIgnore#NONE} when it does not use git). */
    public GitIgnore git() {
        return git;
    }

    private void visit(Visitor v, Path file, boolean isDvcYaml) {
        GitIgnore.Line line = git.ignoredBy(file, false);
        if (line == null) v.visit(file, isDvcYaml);
        else v.gitIgnored(file, isDvcYaml, line);
    }

    /** The project's .dvcignore rules (also used to check outputs). */
    public DvcIgnore ignore() {
        return ignore;
    }

    public void walk(Visitor v) {
        walk(root, v);
    }

    private void walk(Path dir, Visitor v) {
        // only entries named dvc.yaml or *.dvc matter among the files; in a folder whose link count says it has no
        // sub-folder, every entry is a file or a symbolic link (never entered), and none needs looking at
        boolean leaf = Inputs.hasNoSubfolders(dir);
        Path yaml = null;
        List<Path> dvcFiles = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try {
            if (leaf) {
                for (String n : Inputs.names(dir)) {
                    if (n.equals("dvc.yaml")) yaml = dir.resolve(n);
                    else if (n.endsWith(".dvc")) dvcFiles.add(dir.resolve(n));
                }
            } else {
                for (Path p : Inputs.list(dir)) {
                    if (Inputs.isDirectoryNoFollow(p)) {
                        dirs.add(p);
                        continue;
                    }
                    String n = p.getFileName().toString();
                    if (n.equals("dvc.yaml")) yaml = p;
                    else if (n.endsWith(".dvc")) dvcFiles.add(p);
                }
            }
        } catch (IOException e) {
            return;
        }
        dvcFiles.sort(null);
        dirs.sort(null);
        if (yaml != null && !ignore.isIgnored(yaml, false)) visit(v, yaml, true);
        for (Path f : dvcFiles) {
            if (Inputs.isRegularFile(f) && !ignore.isIgnored(f, false)) visit(v, f, false);
        }
        for (Path d : dirs) {
            String n = d.getFileName().toString();
            if (n.equals(".git") || n.equals(".dvc") || n.equals(".hg")) continue;
            if (ignore.isSubRepo(d)) continue;
            if (pruned.contains(d)) {
                Path inner = d.resolve("dvc.yaml");
                if (Inputs.isRegularFile(inner)) v.skipped(inner, d);
                continue;
            }
            if (ignore.isIgnored(d, true) || git.isIgnored(d, true)) continue;
            walk(d, v);
        }
    }
}
