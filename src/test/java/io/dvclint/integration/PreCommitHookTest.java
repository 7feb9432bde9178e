package io.dvclint.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our .pre-commit-hooks.yaml under the real pre-commit: a repository using the {@code dvclint} hook cannot commit
 * a broken dvc.yaml, or a script that starts reading a parameter its stage does not declare, and can once fixed. The hook repository is a fresh git repository holding this
 * checkout's hook definition, launcher and sources (uncommitted edits included), so the hook's first run builds the
 * jar inside pre-commit's own clone, as it does for users. PRE_COMMIT_HOME is a temporary folder; ~/.m2 is reused.
 */
class PreCommitHookTest {
    static final Path CHECKOUT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    Path hookRepo;
    Path project;
    Path preCommitHome;

    record Proc(int exit, String output) {
    }

    @BeforeEach
    void needsPreCommit() {
        Assumptions.assumeTrue(onPath("pre-commit"), "pre-commit is not installed (.ci/run installs it)");
        hookRepo = tmp.resolve("hook-repo");
        project = tmp.resolve("project");
        preCommitHome = tmp.resolve("pre-commit-home");
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe))) return true;
        }
        return false;
    }

    Proc run(Path cwd, long timeoutSeconds, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_") || k.startsWith("PRE_COMMIT"));
        env.put("PRE_COMMIT_HOME", preCommitHome.toString());
        env.put("PRE_COMMIT_COLOR", "never");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "dvclint test");
        env.put("GIT_AUTHOR_EMAIL", "test@dvclint.invalid");
        env.put("GIT_COMMITTER_NAME", "dvclint test");
        env.put("GIT_COMMITTER_EMAIL", "test@dvclint.invalid");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = ("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            reader.join(5000);
            throw new AssertionError(String.join(" ", cmd) + " timed out after " + timeoutSeconds + " s:\n"
                    + (out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8)));
        }
        reader.join();
        return new Proc(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
    }

    Proc ok(Path cwd, String... cmd) throws Exception {
        Proc p = run(cwd, 120, cmd);
        assertEquals(0, p.exit(), String.join(" ", cmd) + ":\n" + p.output());
        return p;
    }

    /** Copies what a clone of this repository holds (its tracked files, as in the work tree), then commits it. */
    String makeHookRepo() throws Exception {
        Files.createDirectories(hookRepo);
        String tracked = ok(CHECKOUT, "git", "ls-files", "-z").output();
        for (String rel : tracked.split("\0")) {
            if (rel.isBlank() || !Files.exists(CHECKOUT.resolve(rel))) continue;
            copy(CHECKOUT.resolve(rel), hookRepo.resolve(rel));
        }
        assertTrue(Files.isExecutable(hookRepo.resolve("bin/dvclint")), "bin/dvclint must be executable");
        ok(hookRepo, "git", "init", "-q");
        ok(hookRepo, "git", "add", "-A");
        ok(hookRepo, "git", "commit", "-q", "-m", "hook repository");
        return ok(hookRepo, "git", "rev-parse", "HEAD").output().strip();
    }

    static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) return;
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Test
    void hookRejectsABrokenDvcYamlAndAcceptsTheFix() throws Exception {
        String rev = makeHookRepo();
        Files.createDirectories(project);
        ok(project, "git", "init", "-q");
        TestFiles.write(project, ".pre-commit-config.yaml", "repos:\n"
                + "  - repo: " + hookRepo.toUri() + "\n"
                + "    rev: " + rev + "\n"
                + "    hooks:\n"
                + "      - id: dvclint\n");
        TestFiles.write(project, "README.md", "a DVC project\n");
        ok(project, "git", "add", "-A");
        ok(project, "git", "commit", "-q", "-m", "config");
        ok(project, "pre-commit", "install");

        // no DVC file staged: the hook is skipped (and nothing is built yet)
        TestFiles.write(project, "notes.txt", "x\n");
        ok(project, "git", "add", "notes.txt");
        Proc skipped = ok(project, "git", "commit", "-m", "notes");
        assertTrue(skipped.output().contains("dvclint") && skipped.output().contains("Skipped"), skipped.output());

        TestFiles.write(project, "dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n"
                + "  train:\n    cmd: python other.py\n");
        ok(project, "git", "add", "dvc.yaml");
        Proc rejected = run(project, 600, "git", "commit", "-m", "broken pipeline");
        assertNotEquals(0, rejected.exit(), rejected.output());
        assertTrue(rejected.output().contains("dvc.yaml:4:3: error: invalid YAML: found duplicate key 'train'"),
                rejected.output());
        assertTrue(rejected.output().contains("Failed"), rejected.output());
        assertEquals(2, commitCount(), "the broken commit was refused");

        TestFiles.write(project, "dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n"
                + "  other:\n    cmd: python other.py\n");
        ok(project, "git", "add", "dvc.yaml");
        Proc accepted = run(project, 180, "git", "commit", "-m", "fixed pipeline");
        assertEquals(0, accepted.exit(), accepted.output());
        assertTrue(accepted.output().contains("dvclint") && accepted.output().contains("Passed"), accepted.output());
        assertFalse(accepted.output().contains("error:"), accepted.output());
        assertEquals(3, commitCount());

        // the hook built its jar inside pre-commit's clone, not in this checkout
        try (Stream<Path> jars = Files.walk(preCommitHome)) {
            assertTrue(jars.anyMatch(p -> p.endsWith(Path.of("target", "dvclint.jar"))), "jar in PRE_COMMIT_HOME");
        }
    }

    int commitCount() throws Exception {
        return Integer.parseInt(ok(project, "git", "rev-list", "--count", "HEAD").output().strip());
    }

    @Test
    void aCommitTouchingOnlyAScriptIsLinted() throws Exception {
        String rev = makeHookRepo();
        Files.createDirectories(project);
        ok(project, "git", "init", "-q");
        TestFiles.write(project, ".pre-commit-config.yaml", "repos:\n"
                + "  - repo: " + hookRepo.toUri() + "\n"
                + "    rev: " + rev + "\n"
                + "    hooks:\n"
                + "      - id: dvclint\n");
        Files.createDirectories(project.resolve(".dvc"));
        TestFiles.write(project, ".dvc/config", "[core]\n    no_scm = False\n");
        TestFiles.write(project, "params.yaml", "train:\n  lr: 0.01\n  max_depth: 5\n");
        TestFiles.write(project, "dvc.yaml", "stages:\n  train:\n    cmd: python src/train.py\n"
                + "    deps: [src/train.py]\n    params: [train.lr]\n    outs: [model.pkl]\n");
        TestFiles.write(project, "src/train.py", "import yaml\n\nparams = yaml.safe_load(open('params.yaml'))\n"
                + "print(params['train']['lr'])\n");
        ok(project, "git", "add", "-A");
        ok(project, "git", "commit", "-q", "-m", "pipeline, before the hook (max_depth is not used yet)");
        ok(project, "pre-commit", "install");

        // the tutorial's gotcha: only the script changes, and it starts reading an undeclared parameter
        TestFiles.write(project, "src/train.py", "import yaml\n\nparams = yaml.safe_load(open('params.yaml'))\n"
                + "print(params['train']['lr'], params['train']['max_depth'])\n");
        ok(project, "git", "add", "src/train.py");
        Proc rejected = run(project, 600, "git", "commit", "-m", "read max_depth");
        assertNotEquals(0, rejected.exit(), rejected.output());
        assertTrue(rejected.output().contains("dvc.yaml:5:5: warning: stage 'train' reads 'train.max_depth' from "
                + "params.yaml (src/train.py:4) but does not declare it under params: [param-undeclared]"),
                rejected.output());
        assertEquals(1, commitCount(), "the commit was refused");

        TestFiles.write(project, "dvc.yaml", "stages:\n  train:\n    cmd: python src/train.py\n"
                + "    deps: [src/train.py]\n    params: [train.lr, train.max_depth]\n    outs: [model.pkl]\n");
        ok(project, "git", "add", "dvc.yaml", "src/train.py");
        Proc accepted = run(project, 180, "git", "commit", "-m", "declare max_depth");
        assertEquals(0, accepted.exit(), accepted.output());
        assertEquals(2, commitCount());
    }

    @Test
    void hookDefinitionsSelectDvcFilesAndScripts() throws Exception {
        String hooks = Files.readString(CHECKOUT.resolve(".pre-commit-hooks.yaml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s+files: (.+)$").matcher(hooks);
        List<String> patterns = new ArrayList<>();
        while (m.find()) patterns.add(m.group(1).strip());
        assertEquals(2, patterns.size(), hooks);
        for (String re : patterns) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(re);
            for (String yes : List.of("dvc.yaml", "sub/dvc.yaml", "dvc.lock", "params.yaml", "a/params.yml",
                    "data.dvc", "x/model.pkl.dvc", ".dvcignore", "sub/.dvcignore", ".dvclint.yaml", "src/train.py",
                    "train.py", "eval.R", "scripts/x.r", "run.sh", "tools/run.bash", "notebooks/explore.ipynb")) {
                assertTrue(p.matcher(yes).find(), re + " should match " + yes);
            }
            for (String no : List.of("mydvc.yaml", "dvc.yaml.bak", ".dvc/config", "other.yaml", "params.json",
                    "x.dvcignore", "dvclint.yaml", "README.md", "train.pyc", "data.csv", "model.pkl")) {
                assertFalse(p.matcher(no).find(), re + " should not match " + no);
            }
        }
        Proc validate = ok(CHECKOUT, "pre-commit", "validate-manifest", ".pre-commit-hooks.yaml");
        assertEquals(0, validate.exit());
    }
}
