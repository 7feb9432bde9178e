package io.dvclint.discovery;

import io.dvclint.fs.Inputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Git's ignore rules, as DVC applies them when it collects a project's pipeline files in a git work tree
 * ({@code dvc/repo/index.py collect_files}): a git-ignored {@code dvc.yaml} or {@code .dvc} file is not loaded, and a
 * git-ignored folder is not entered (a virtual environment whose {@code .gitignore} says {@code *}, {@code build/},
 * {@code node_modules/}). The rules are those of gitignore(5): each folder's {@code .gitignore} speaks of the paths
 * below it, a deeper file before the ones above it, the last matching line of a file deciding, {@code !} taking a
 * path back, a trailing {@code /} for folders only; then {@code .git/info/exclude}. Lines are compiled as
 * {@link GitWildMatch}, the gitignore syntax {@code .dvcignore} uses too; a line it rejects is skipped, as git skips
 * it.
 *
 * <p>Not read: the user's global excludes file ({@code core.excludesFile}, {@code ~/.config/git/ignore}), since what
 * the lint finds depends on the project's files alone. A path is matched whole against each file's lines, so a line
 * naming one of its folders ({@code target/}) ignores it too, also a folder above the project root: a project inside
 * an ignored folder of the work tree has nothing DVC loads. Callers walk from the project root down and never enter
 * an ignored folder, so no path is asked about whose folder is ignored and then taken back by a {@code !} line (git
 * does not take such a path back either).
 */
public final class GitIgnore {
    /** No git work tree, or a project that does not use git ({@code core.no_scm}): nothing is ignored. */
    public static final GitIgnore NONE = new GitIgnore(null, List.of());

    /** The work tree's top folder; null for {@link #NONE}. */
    private final Path top;
    private final List<Line> exclude;
    /** Each folder's {@code .gitignore} lines, read once (empty when it has none). */
    private final Map<Path, List<Line>> folders = new HashMap<>();

    private GitIgnore(Path top, List<Line> exclude) {
        this.top = top;
        this.exclude = exclude;
    }

    /**
     * The rules of the git work tree holding the project at {@code root} (the nearest folder upward holding
     * {@code .git}, a folder or a work tree's file), or {@link #NONE} outside one.
     */
    public static GitIgnore forProject(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            Path git = p.resolve(".git");
            if (!Inputs.exists(git)) continue;
            List<Line> exclude = Inputs.isDirectory(git)
                    ? compile(git.resolve("info").resolve("exclude")) : List.of();
            return new GitIgnore(p, exclude);
        }
        return NONE;
    }

    /** A line of an ignore file: its pattern, the file, the line number (from 1) and its text. */
    public record Line(GitWildMatch glob, Path file, int number, String text) {
    }

    /** Whether git ignores {@code abs} (a folder when {@code isDir}), its folder being one git does not ignore. */
    public boolean isIgnored(Path abs, boolean isDir) {
        return ignoredBy(abs, isDir) != null;
    }

    /**
     * Whether git ignores the file {@code abs} or a folder holding it below {@code from}: a walk from {@code from}
     * that does not enter ignored folders would not reach it, or would leave it out.
     */
    public boolean hides(Path from, Path abs) {
        if (!abs.startsWith(from) || abs.equals(from)) return false;
        Path rel = from.relativize(abs);
        Path folder = from;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            folder = folder.resolve(rel.getName(i));
            if (isIgnored(folder, true)) return true;
        }
        return isIgnored(abs, false);
    }

    /** The line that makes git ignore {@code abs}, or null when git does not ignore it. */
    public Line ignoredBy(Path abs, boolean isDir) {
        if (top == null || !abs.startsWith(top) || abs.equals(top)) return null;
        for (Path dir = abs.getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
            Line deciding = decide(rules(dir), dir.relativize(abs).toString(), isDir);
            if (deciding != null) return deciding.glob().include() ? deciding : null;
        }
        Line deciding = decide(exclude, top.relativize(abs).toString(), isDir);
        return deciding != null && deciding.glob().include() ? deciding : null;
    }

    /** The last line of {@code rules} matching {@code rel} (ignoring it, or taking it back with {@code !}), or null. */
    private static Line decide(List<Line> rules, String rel, boolean isDir) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            GitWildMatch g = rules.get(i).glob();
            if (g.matches(rel) || isDir && g.matches(rel + "/")) return rules.get(i);
        }
        return null;
    }

    private List<Line> rules(Path dir) {
        List<Line> r = folders.get(dir);
        if (r == null) {
            r = compile(dir.resolve(".gitignore"));
            folders.put(dir, r);
        }
        return r;
    }

    /** The lines of an ignore file, compiled; none for a file that is missing or cannot be read. */
    private static List<Line> compile(Path file) {
        if (!Inputs.isRegularFile(file)) return List.of();
        String text;
        try {
            text = new String(Inputs.read(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            try {
                GitWildMatch g = GitWildMatch.compile(lines[i]);
                if (g != null) out.add(new Line(g, file, i + 1, lines[i]));
            } catch (GitWildMatch.PatternError e) {
                // git skips a line it cannot use
            }
        }
        return out.isEmpty() ? List.of() : out;
    }
}
