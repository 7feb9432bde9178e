package io.dvclint.exec.scm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The git work tree a project lies in, asked through the {@code git} program: which paths its index tracks, which
 * its ignore rules ignore, and staging files. Each question is one process, however many paths it is about.
 */
final class Git {
    private final Path workTree;
    private final Path realWorkTree;

    private Git(Path workTree, Path realWorkTree) {
        this.workTree = workTree;
        this.realWorkTree = realWorkTree;
    }

    /**
     * The work tree holding {@code dir}: the nearest folder, {@code dir} or above, with a {@code .git} folder or
     * file (as dulwich's {@code Repo.discover} finds it), or null.
     */
    static Git find(Path dir) throws IOException {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) return new Git(d, d.toRealPath());
        }
        return null;
    }

    /** The work tree's folder with its links resolved (scmrepo's {@code root_dir}). */
    Path realWorkTree() {
        return realWorkTree;
    }

    Path workTree() {
        return workTree;
    }

    /** What git's ignore rules say of one path: the deciding pattern and where it is, both empty when none. */
    record Verdict(String source, String pattern) {
        /** Ignored: a pattern matched and it is not a negation ({@code !x}). */
        boolean ignored() {
            return !source.isEmpty() && !pattern.startsWith("!");
        }
    }

    /**
     * Starts {@code git --literal-pathspecs ls-files -z -- PATHS} in {@code dir}: the tracked files that are, or lie
     * in, the given paths (relative to {@code dir}).
     */
    static Call lsFiles(Path dir, List<String> paths) throws GitException {
        List<String> argv = new ArrayList<>(List.of("git", "--literal-pathspecs", "ls-files", "-z", "--"));
        argv.addAll(paths);
        return Call.start(dir, argv, null);
    }

    /** The paths of {@code paths} that git tracks, itself or files under it, from a finished {@link #lsFiles}. */
    static Set<String> tracked(Call lsFiles, List<String> paths) throws GitException {
        Set<String> out = new HashSet<>();
        for (String f : lsFiles.fields(null)) {
            for (String p : paths) if (f.equals(p) || f.startsWith(p + "/")) out.add(p);
        }
        return out;
    }

    /**
     * Starts {@code git check-ignore --no-index -v -n -z --stdin} in {@code dir} with the given paths (relative to
     * {@code dir}): whatever the index holds, which ignore pattern decides each path.
     */
    static Call checkIgnore(Path dir, List<String> paths) throws GitException {
        StringBuilder in = new StringBuilder();
        for (String p : paths) in.append(p).append('\0');
        return Call.start(dir, List.of("git", "check-ignore", "--no-index", "-v", "-n", "-z", "--stdin"),
                in.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Each path's verdict from a finished {@link #checkIgnore}. */
    static Map<String, Verdict> verdicts(Call checkIgnore) throws GitException {
        List<String> f = checkIgnore.fields((rc, err) -> rc == 1); // 1: none of the paths is ignored
        Map<String, Verdict> out = new HashMap<>();
        for (int i = 0; i + 3 < f.size(); i += 4) out.put(f.get(i + 3), new Verdict(f.get(i), f.get(i + 2)));
        return out;
    }

    /**
     * The verdicts for paths (relative to {@code dir}) taken as files, whatever they are in the work tree: git
     * applies a pattern ending in {@code /} to a path only when it finds a folder there. The question goes to a
     * scratch work tree holding only copies of the {@code .gitignore} files along the paths, with this repository's
     * git folder (so {@code info/exclude} and {@code core.excludesFile} count as well), where the paths do not
     * exist.
     */
    Map<String, Verdict> verdictsAsFiles(Path dir, List<String> paths) throws GitException {
        Path scratch = null;
        try {
            Path gitDir = gitDir();
            scratch = Files.createTempDirectory("dvclint-gitignore");
            Path cwd = scratch.resolve(workTree.relativize(dir.toAbsolutePath().normalize()).toString());
            Files.createDirectories(cwd);
            for (String p : paths) {
                Path parent = dir.resolve(p).toAbsolutePath().normalize().getParent();
                for (Path d = parent; d != null && d.startsWith(workTree); d = d.getParent()) {
                    Path gi = d.resolve(".gitignore");
                    Path copy = scratch.resolve(workTree.relativize(d).toString()).resolve(".gitignore");
                    if (Files.isRegularFile(gi) && !Files.exists(copy)) {
                        Files.createDirectories(copy.getParent());
                        Files.copy(gi, copy);
                    }
                }
            }
            StringBuilder in = new StringBuilder();
            for (String p : paths) in.append(p).append('\0');
            Call c = Call.start(cwd, List.of("git", "--git-dir=" + gitDir, "--work-tree=" + scratch, "check-ignore",
                    "--no-index", "-v", "-n", "-z", "--stdin"), in.toString().getBytes(StandardCharsets.UTF_8));
            return verdicts(c);
        } catch (IOException e) {
            throw new GitException("cannot check .gitignore files: " + e.getMessage());
        } finally {
            if (scratch != null) deleteTree(scratch);
        }
    }

    /** The git folder: {@code .git}, or where a {@code .git} file ({@code gitdir: ...}) points. */
    private Path gitDir() throws IOException {
        Path dotGit = workTree.resolve(".git");
        if (Files.isDirectory(dotGit)) return dotGit;
        String text = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("gitdir:")) throw new IOException("not a git folder pointer: " + dotGit);
        return workTree.resolve(text.substring("gitdir:".length()).strip()).normalize();
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    /**
     * {@code git add -- PATHS} in {@code dir}. Paths git refuses because they are ignored are left out quietly, as
     * dulwich's {@code add} leaves them out; any other failure is an exception.
     */
    static void add(Path dir, List<String> paths) throws GitException {
        List<String> argv = new ArrayList<>(List.of("git", "add", "--"));
        argv.addAll(paths);
        Call c = Call.start(dir, argv, null);
        c.finish((rc, err) -> err.startsWith("The following paths are ignored by one of your .gitignore files:"));
    }

    /** A git command that could not run or failed, with what it said. */
    static final class GitException extends Exception {
        GitException(String message) {
            super(message);
        }
    }

    /** A running git process: its input written and its error output read by threads, its output read at the end. */
    static final class Call {
        private final List<String> argv;
        private final Process process;
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread errReader;
        private final Thread inWriter;
        private byte[] out;

        private Call(List<String> argv, Process process, byte[] stdin) {
            this.argv = argv;
            this.process = process;
            this.errReader = pump(process.getErrorStream(), err);
            if (stdin == null) {
                closeQuietly(process.getOutputStream());
                this.inWriter = null;
            } else {
                this.inWriter = new Thread(() -> {
                    try (OutputStream os = process.getOutputStream()) {
                        os.write(stdin);
                    } catch (IOException e) {
                        // git ended early; its exit code says why
                    }
                }, "git-stdin");
                inWriter.setDaemon(true);
                inWriter.start();
            }
        }

        static Call start(Path dir, List<String> argv, byte[] stdin) throws GitException {
            try {
                Process p = new ProcessBuilder(argv).directory(dir.toFile()).start();
                return new Call(argv, p, stdin);
            } catch (IOException e) {
                throw new GitException("cannot run git: " + e.getMessage());
            }
        }

        /**
         * Waits for the process; a non-zero exit is an exception unless {@code tolerated} accepts its code and
         * message.
         */
        byte[] finish(BiPredicate<Integer, String> tolerated) throws GitException {
            if (out != null) return out;
            try (InputStream is = process.getInputStream()) {
                out = is.readAllBytes();
                int rc = process.waitFor();
                errReader.join();
                if (inWriter != null) inWriter.join();
                String msg = err.toString(StandardCharsets.UTF_8).strip();
                if (rc != 0 && !(tolerated != null && tolerated.test(rc, msg))) {
                    throw new GitException(String.join(" ", argv.subList(0, Math.min(argv.size(), 3))) + " failed"
                            + " (exit " + rc + ")" + (msg.isEmpty() ? "" : ": " + msg));
                }
                return out;
            } catch (IOException e) {
                throw new GitException("cannot read from git: " + e.getMessage());
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                throw new GitException("interrupted");
            }
        }

        /** The NUL-separated fields of the output. */
        List<String> fields(BiPredicate<Integer, String> tolerated) throws GitException {
            String s = new String(finish(tolerated), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\0') {
                    out.add(s.substring(start, i));
                    start = i + 1;
                }
            }
            return out;
        }

        private static Thread pump(InputStream in, ByteArrayOutputStream to) {
            Thread t = new Thread(() -> {
                try (in) {
                    in.transferTo(to);
                } catch (IOException e) {
                    // the process is gone
                }
            }, "git-stderr");
            t.setDaemon(true);
            t.start();
            return t;
        }

        private static void closeQuietly(OutputStream os) {
            try {
                os.close();
            } catch (IOException e) {
                // nothing to flush
            }
        }
    }
}
