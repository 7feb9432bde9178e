package io.dvclint.exec.scm;

import io.dvclint.exec.stage.PathItem;
import io.dvclint.load.DvcConfig;
import io.dvclint.model.PathNames;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What {@code repro} does with git, as DVC's {@code SCMContext} around {@code Repo.reproduce} does it, in a project
 * inside a git work tree whose config does not set {@code core.no_scm}:
 * <ul>
 * <li>each cached output inside the project, when its stage is saved ({@code Output.ignore}): an output git tracks
 * fails the stage; one that git's ignore rules do not already ignore gets {@code /<name>} appended to the
 * {@code .gitignore} of its folder;</li>
 * <li>the files that changed ({@code .gitignore} files written, a {@code dvc.lock} whose entry changed) are either
 * named in a {@code git add} hint at the end of a run, or staged with {@code git add} when {@code core.autostage} is
 * true;</li>
 * <li>a failed run takes back the {@code .gitignore} entries it added, and says nothing of git.</li>
 * </ul>
 * Without git (or with {@code core.no_scm}) it does nothing. Git is asked through the {@code git} program, twice per
 * stage with cached outputs (which of them the index tracks, which the ignore rules ignore), and once more at the end
 * with {@code core.autostage}.
 */
public final class ScmContext {
    private final Path root;
    private final Path cwd;
    private final Git git;
    private final boolean autostage;
    /** Outputs whose entry this run appended, in order ({@code SCMContext.ignored_paths}). */
    private final List<Path> ignored = new ArrayList<>();
    /** Files to name in the hint or to stage ({@code SCMContext.files_to_track}). */
    private final Set<Path> changed = new LinkedHashSet<>();

    private ScmContext(Path root, Path cwd, Git git, boolean autostage) {
        this.root = root;
        this.cwd = cwd;
        this.git = git;
        this.autostage = autostage;
    }

    /**
     * The context of a run of the project at {@code root} from {@code cwd}: with git when the project lies in a git
     * work tree and {@code core.no_scm} is not set.
     */
    public static ScmContext open(Path root, DvcConfig config, Path cwd) throws IOException {
        Git git = config.noScm() ? null : Git.find(root);
        return new ScmContext(root, cwd, git, config.getBoolean("core", "autostage", false));
    }

    /** A context that does nothing (no git). */
    public static ScmContext none(Path root, Path cwd) {
        return new ScmContext(root, cwd, null, false);
    }

    /** Whether the project uses git. */
    public boolean enabled() {
        return git != null;
    }

    /** Why git refused, or could not do, what was asked: DVC's message where DVC has one. */
    public static final class ScmException extends Exception {
        public ScmException(String message) {
            super(message);
        }
    }

    /**
     * The outputs of one stage as git sees them. Git is asked about all the stage's cached outputs at once, when the
     * first of them is saved (its command has run by then, so they exist).
     */
    public Outputs outputs(List<PathItem> outs) {
        return new Outputs(outs);
    }

    /** See {@link #outputs}. */
    public final class Outputs {
        private final List<PathItem> outs;
        private Set<String> tracked;
        private Map<String, Git.Verdict> verdicts;

        private Outputs(List<PathItem> outs) {
            this.outs = outs;
        }

        /**
         * {@code Output.ignore}, for an output being saved: nothing for an uncached output or one outside the
         * project; an output git tracks is an error; else its {@code .gitignore} entry, unless git already ignores it.
         *
         * @param display the output's path as DVC shows it (relative to the current folder)
         */
        public void ignore(PathItem o, String display) throws ScmException, IOException {
            if (git == null || !usesScmIgnore(o)) return;
            if (verdicts == null) ask();
            String rel = rel(o.abs());
            if (tracked.contains(rel)) throw new ScmException(alreadyTracked(display));
            Path gitignore = o.abs().getParent().resolve(GitIgnoreFile.NAME);
            Path real = Files.exists(gitignore) ? gitignore.toRealPath()
                    : o.abs().getParent().toRealPath().resolve(GitIgnoreFile.NAME);
            if (!real.toString().startsWith(git.realWorkTree() + "/")) {
                throw new ScmException("'" + o.abs() + "' is outside of git repository '" + git.realWorkTree() + "'");
            }
            if (ignoredByGit(rel)) return;
            synchronized (ScmContext.this) {
                try {
                    GitIgnoreFile.append(gitignore, GitIgnoreFile.entry(o.abs()));
                } catch (AccessDeniedException e) {
                    throw new ScmException("[Errno 13] Permission denied: '" + gitignore + "'");
                } catch (IOException e) {
                    throw new ScmException("cannot write '" + gitignore + "': " + e);
                }
                ignored.add(o.abs());
                changed.add(gitignore);
            }
        }

        /**
         * One {@code ls-files} and one {@code check-ignore} for every cached output of the stage that exists; one
         * more {@code check-ignore} for folder outputs a pattern ending in {@code /} decided (see
         * {@link #ignoredByGit}).
         */
        private void ask() throws ScmException {
            List<String> paths = new ArrayList<>();
            List<String> folders = new ArrayList<>();
            for (PathItem o : outs) {
                if (!usesScmIgnore(o) || !Files.exists(o.abs(), LinkOption.NOFOLLOW_LINKS)) continue;
                paths.add(rel(o.abs()));
                if (Files.isDirectory(o.abs(), LinkOption.NOFOLLOW_LINKS)) folders.add(rel(o.abs()));
            }
            tracked = Set.of();
            verdicts = new HashMap<>();
            if (paths.isEmpty()) return;
            try {
                Git.Call ls = Git.lsFiles(root, paths);
                Git.Call check = Git.checkIgnore(root, paths);
                tracked = Git.tracked(ls, paths);
                verdicts.putAll(Git.verdicts(check));
                List<String> again = new ArrayList<>();
                for (String f : folders) {
                    Git.Verdict v = verdicts.get(f);
                    if (v != null && !v.source().isEmpty() && v.pattern().endsWith("/")) again.add(f);
                }
                if (!again.isEmpty()) verdicts.putAll(git.verdictsAsFiles(root, again));
            } catch (Git.GitException e) {
                throw new ScmException(e.getMessage());
            }
        }

        /**
         * DVC asks dulwich whether the output's path is ignored, with no trailing slash, so for dulwich every output
         * is a file: a pattern that only matches folders ({@code models/}) does not match a folder output itself,
         * only through a parent folder it matches (DVC issue #7815). Git, which finds a folder there, applies such a
         * pattern to the output too; so where one decided, git was asked again with the output taken as a file.
         */
        private boolean ignoredByGit(String rel) {
            Git.Verdict v = verdicts.get(rel);
            return v != null && v.ignored();
        }
    }

    /** {@code Output.use_scm_ignore}: a cached output written as a relative path inside the project. */
    private boolean usesScmIgnore(PathItem o) {
        return o.cached() && !Path.of(o.path()).isAbsolute() && !o.path().contains("://")
                && o.abs().startsWith(root) && !o.abs().equals(root);
    }

    private String rel(Path abs) {
        return PathNames.posix(root.relativize(abs));
    }

    /** DVC's {@code OutputAlreadyTrackedError}, whose text starts with a blank and ends with one. */
    static String alreadyTracked(String path) {
        return " output '" + path + "' is already tracked by SCM (e.g. Git).\n"
                + "    You can remove it from Git, then add to DVC.\n"
                + "        To stop tracking from Git:\n"
                + "            git rm -r --cached '" + path + "'\n"
                + "            git commit -m \"stop tracking " + path + "\" ";
    }

    /** {@code SCMContext.track_file}: a file the run changed (a {@code dvc.lock} whose entry changed). */
    public synchronized void changed(Path file) {
        if (git != null) changed.add(file);
    }

    /**
     * The end of a run ({@code SCMContext.__call__} as {@code reproduce} returns or raises). A failed run removes the
     * entries it added ({@code ignore_remove}: every line that is the entry; a {@code .gitignore} left empty is
     * deleted) and says nothing more. Otherwise, when files changed: with {@code core.autostage} they are staged with
     * {@code git add}, else {@code info} gets DVC's two hints, the files named relative to the current folder.
     *
     * <p>DVC keeps the files in a Python set and names them in its iteration order, which changes from run to run
     * (string hashes are randomised); they are named here in sorted order.
     */
    public synchronized void finish(boolean failed, Consumer<String> info) throws ScmException, IOException {
        if (git == null) return;
        if (failed) {
            for (Path p : ignored) {
                GitIgnoreFile.remove(p.getParent().resolve(GitIgnoreFile.NAME), GitIgnoreFile.entry(p));
            }
            ignored.clear();
            changed.clear();
            return;
        }
        ignored.clear();
        if (changed.isEmpty()) return;
        Set<String> names = new TreeSet<>();
        for (Path p : changed) names.add(display(p));
        changed.clear();
        if (autostage) {
            try {
                Git.add(cwd, new ArrayList<>(names));
            } catch (Git.GitException e) {
                throw new ScmException(e.getMessage());
            }
            return;
        }
        StringBuilder add = new StringBuilder("\tgit add");
        for (String n : names) add.append(' ').append(shellQuote(n));
        info.accept("\nTo track the changes with git, run:\n\n" + add);
        info.accept("\nTo enable auto staging, run:\n\n\tdvc config core.autostage true");
    }

    private String display(Path p) {
        try {
            return PathNames.posix(cwd.relativize(p));
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    /** Python's {@code shlex.quote}. */
    static String shellQuote(String s) {
        if (s.isEmpty()) return "''";
        boolean safe = true;
        for (int i = 0; i < s.length() && safe; i++) {
            char c = s.charAt(i);
            safe = c < 128 && (Character.isLetterOrDigit(c) || "_@%+=:,./-".indexOf(c) >= 0);
        }
        return safe ? s : "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
