package io.dvclint.exec.scm;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dvclint repro} in a project inside a git work tree (a real {@code git init}): the {@code .gitignore}
 * entries of cached outputs, outputs git already ignores or tracks, {@code core.no_scm}, the {@code git add} hint,
 * {@code core.autostage}, and a failed run taking its entries back.
 */
class ScmReproTest {
    static final String HINT = "\nTo track the changes with git, run:\n\n\tgit add %s\n\n"
            + "To enable auto staging, run:\n\n\tdvc config core.autostage true\n";
    static final String PUSH = "Use `dvc push` to send your updates to remote storage.\n";

    static final String PIPELINE = """
            stages:
              prepare:
                cmd: mkdir -p data/prepared && cp data/raw.txt data/prepared/part-0
                deps: [data/raw.txt]
                outs: [data/prepared]
              train:
                cmd: cp data/prepared/part-0 model.pkl && echo '{"acc":1}' > metrics.json && echo x,y > plot.csv && echo n > notes.txt
                deps: [data/prepared]
                outs:
                  - model.pkl
                  - notes.txt:
                      cache: false
                metrics: [metrics.json]
                plots: [plot.csv]
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        git(dir, "init", "-q");
        git(dir, "config", "user.name", "Test");
        git(dir, "config", "user.email", "test@example.com");
        Files.createDirectories(dir.resolve(".dvc"));
        write(dir, ".dvc/config", "");
        write(dir, "dvc.yaml", PIPELINE);
        write(dir, "data/raw.txt", "raw\n");
    }

    static String git(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
        return out;
    }

    String read(String rel) throws IOException {
        return Files.readString(dir.resolve(rel), StandardCharsets.UTF_8);
    }

    static void ok(Run r) {
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void cachedOutputsGetTheirEntryInTheGitignoreBesideThemAndTheRunNamesWhatToAdd() throws Exception {
        Run r = cli(dir, "repro");
        ok(r);
        assertEquals("/model.pkl\n/metrics.json\n/plot.csv\n", read(".gitignore"),
                "cached outputs, metrics and plots included; not the cache: false one");
        assertEquals("/prepared\n", read("data/.gitignore"), "a folder output, in its parent's .gitignore");
        assertTrue(r.out().endsWith("Updating lock file 'dvc.lock'\n"
                + HINT.formatted(".gitignore data/.gitignore dvc.lock") + PUSH), r.out());
        assertEquals("data/.gitignore\ndata/raw.txt\ndvc.lock\ndvc.yaml\nnotes.txt\n",
                git(dir, "ls-files", "--others", "--exclude-standard", "--", "data", "dvc.lock", "dvc.yaml", "notes.txt",
                        "model.pkl", "metrics.json", "plot.csv"), "what git still sees as new");
    }

    @Test
    void anUnchangedRunAndARunThatChangesNothingSayNothingOfGit() throws Exception {
        ok(cli(dir, "repro"));
        String ignore = read(".gitignore");
        Run again = cli(dir, "repro");
        ok(again);
        assertFalse(again.out().contains("git add"), again.out());
        Run forced = cli(dir, "repro", "-f");
        ok(forced);
        assertEquals(2, forced.out().split("Running stage", -1).length - 1, forced.out());
        assertTrue(forced.out().endsWith("> cp data/prepared/part-0 model.pkl && echo '{\"acc\":1}' > metrics.json"
                + " && echo x,y > plot.csv && echo n > notes.txt\n" + PUSH), "same lock, ignored outputs: "
                + forced.out());
        assertEquals(ignore, read(".gitignore"), "nothing appended again");
    }

    @Test
    void aReSavedDataSourceGetsItsEntryAndItsDvcFileIsNamedWhetherOrNotItsTextChanged() throws Exception {
        write(dir, "data/raw.txt.dvc", """
                outs:
                - md5: 0123456789abcdef0123456789abcdef
                  size: 4
                  hash: md5
                  path: raw.txt
                """);
        Run r = cli(dir, "repro");
        ok(r);
        assertTrue(read("data/raw.txt.dvc").startsWith("outs:\n- md5: 2306b4377429730ee03a806cff76e92b\n"),
                read("data/raw.txt.dvc"));
        assertEquals("/raw.txt\n/prepared\n", read("data/.gitignore"), "the data source runs first");
        assertTrue(r.out().endsWith(HINT.formatted(".gitignore data/.gitignore data/raw.txt.dvc dvc.lock") + PUSH),
                r.out());
        Run forced = cli(dir, "repro", "-f", "data/raw.txt.dvc");
        ok(forced);
        assertTrue(forced.out().endsWith(HINT.formatted("data/raw.txt.dvc") + PUSH),
                "dumped again, unchanged, and still named as DVC names it: " + forced.out());
    }

    @Test
    void aGitignoreWithoutItsLastNewlineGetsOneFirst() throws Exception {
        write(dir, ".gitignore", "*.log");
        write(dir, "data/.gitignore", "/old\r");
        ok(cli(dir, "repro"));
        assertEquals("*.log\n/model.pkl\n/metrics.json\n/plot.csv\n", read(".gitignore"));
        assertEquals("/old\r/prepared\n", read("data/.gitignore"), "a last \\r counts as a line end, as in DVC");
    }

    @Test
    void outputsGitAlreadyIgnoresGetNothing() throws Exception {
        write(dir, ".gitignore", "*.pkl\n/data/\n");
        write(dir, ".git/info/exclude", "metrics.json\n");
        Run r = cli(dir, "repro");
        ok(r);
        assertEquals("*.pkl\n/data/\n/plot.csv\n", read(".gitignore"));
        assertFalse(Files.exists(dir.resolve("data/.gitignore")), "data/prepared is ignored through its parent");
        assertTrue(r.out().contains(HINT.formatted(".gitignore dvc.lock")), r.out());
    }

    @Test
    void aFolderOnlyPatternDoesNotCoverAFolderOutputAsDvcAsksIt() throws Exception {
        // dulwich is asked about 'data/prepared' without a trailing slash: 'prepared/' does not match it (DVC #7815)
        write(dir, "data/.gitignore", "prepared/\n");
        write(dir, ".gitignore", "data/prepared\n");
        ok(cli(dir, "repro", "prepare"));
        assertEquals("prepared/\n", read("data/.gitignore"), "'data/prepared' (no slash) in the root covers it");

        write(dir, ".gitignore", "");
        write(dir, "data/raw.txt", "raw 2\n");
        ok(cli(dir, "repro", "prepare"));
        assertEquals("prepared/\n/prepared\n", read("data/.gitignore"));
    }

    @Test
    void withNoScmNothingIsWrittenOrSaid() throws Exception {
        write(dir, ".dvc/config", "[core]\n    no_scm = True\n");
        Run r = cli(dir, "repro");
        ok(r);
        assertFalse(Files.exists(dir.resolve(".gitignore")));
        assertFalse(Files.exists(dir.resolve("data/.gitignore")));
        assertFalse(r.out().contains("git"), r.out());
    }

    @Test
    void anUncachedOutputAloneChangesOnlyTheLock() throws Exception {
        write(dir, "dvc.yaml", """
                stages:
                  report:
                    cmd: echo r > report.txt
                    outs:
                      - report.txt:
                          cache: false
                """);
        Run r = cli(dir, "repro");
        ok(r);
        assertFalse(Files.exists(dir.resolve(".gitignore")));
        assertTrue(r.out().endsWith(HINT.formatted("dvc.lock") + PUSH), r.out());
    }

    @Test
    void aCachedOutputGitTracksFailsItsStageAndTheRunTakesItsEntriesBack() throws Exception {
        write(dir, "metrics.json", "{}\n");
        git(dir, "add", "metrics.json");
        write(dir, ".gitignore", "*.log");
        Run r = cli(dir, "repro");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("ERROR: failed to reproduce 'train':  output 'metrics.json' is already tracked by"
                + " SCM (e.g. Git).\n    You can remove it from Git, then add to DVC.\n        To stop tracking from Git:\n"
                + "            git rm -r --cached 'metrics.json'\n"
                + "            git commit -m \"stop tracking metrics.json\" \n"), r.err());
        assertFalse(r.out().contains("git add"), r.out());
        assertFalse(Files.exists(dir.resolve("data/.gitignore")), "prepare's entry was taken back, its file deleted");
        assertEquals("*.log\n", read(".gitignore"), "model.pkl's entry removed; the newline added before it stays");
        assertTrue(read("dvc.lock").contains("prepare:"), "prepare's lock entry stays");
    }

    @Test
    void aFailureUnderKeepGoingTakesEntriesBackButIgnoreErrorsKeepsThem() throws Exception {
        write(dir, "dvc.yaml", PIPELINE + """
                  broken:
                    cmd: exit 3
                    outs: [never.txt]
                """);
        Run k = cli(dir, "repro", "-k");
        assertNotEquals(0, k.exit());
        assertTrue(read("dvc.lock").contains("train:"), "prepare and train ran and were locked");
        assertFalse(Files.exists(dir.resolve(".gitignore")), k.out() + k.err());
        assertFalse(Files.exists(dir.resolve("data/.gitignore")));
        assertFalse(k.out().contains("git add"), k.out());

        // unchanged stages are not saved, so their entries do not come back; forced, they do
        Run i = cli(dir, "repro", "--ignore-errors", "-f");
        ok(i);
        assertEquals("/prepared\n", read("data/.gitignore"));
        assertEquals("/model.pkl\n/metrics.json\n/plot.csv\n", read(".gitignore"));
        assertTrue(i.out().endsWith(HINT.formatted(".gitignore data/.gitignore") + PUSH), i.out());
    }

    @Test
    void autostageStagesTheChangedFilesInsteadOfNamingThem() throws Exception {
        write(dir, ".dvc/config", "[core]\n    autostage = true\n");
        Run r = cli(dir, "repro");
        ok(r);
        assertFalse(r.out().contains("git add"), r.out());
        assertTrue(r.out().endsWith("Updating lock file 'dvc.lock'\n" + PUSH), r.out());
        assertEquals(".gitignore\ndata/.gitignore\ndvc.lock\n", git(dir, "diff", "--cached", "--name-only"));
    }

    @Test
    void autostageLeavesOutAFileGitIgnores() throws Exception {
        write(dir, ".dvc/config", "[core]\n    autostage = true\n");
        // not dvc.lock: DVC refuses to load a pipeline whose lock git ignores (lock-git-ignored)
        write(dir, ".git/info/exclude", "data/.gitignore\n");
        ok(cli(dir, "repro"));
        assertEquals(".gitignore\ndvc.lock\n", git(dir, "diff", "--cached", "--name-only"));
    }

    @Test
    void aSubfolderPipelineRunFromItsFolderNamesFilesFromThere() throws Exception {
        write(dir, "dvc.yaml", "stages: {}\n");
        write(dir, "sub/dvc.yaml", "stages:\n  make:\n    cmd: mkdir -p out && echo o > out/o.txt\n    outs: [out]\n");
        Path sub = dir.resolve("sub");
        Run r = cli(sub, "repro");
        ok(r);
        assertEquals("/out\n", read("sub/.gitignore"));
        assertTrue(r.out().endsWith(HINT.formatted(".gitignore dvc.lock") + PUSH), r.out());

        write(dir, "sub/dvc.yaml", "stages:\n  make:\n    cmd: mkdir -p out && echo p > out/o.txt\n    outs: [out]\n");
        Run fromRoot = cli(dir, "repro", "sub/dvc.yaml");
        ok(fromRoot);
        assertTrue(fromRoot.out().endsWith(HINT.formatted("sub/dvc.lock") + PUSH), fromRoot.out());
    }

    @Test
    void aDryRunAndANoCommitRun() throws Exception {
        Run dry = cli(dir, "repro", "--dry"); // fails at train, whose dependency does not exist yet (DVC #9021)
        assertFalse(Files.exists(dir.resolve(".gitignore")));
        assertFalse(dry.out().contains("git add"), dry.out());

        Run noCommit = cli(dir, "repro", "--no-commit");
        ok(noCommit);
        assertEquals("/model.pkl\n/metrics.json\n/plot.csv\n", read(".gitignore"), "saved, so ignored");
        assertTrue(noCommit.out().contains(HINT.formatted(".gitignore data/.gitignore dvc.lock")), noCommit.out());
    }

    @Test
    void aParallelRunWritesWhatASerialRunWrites() throws Exception {
        Run r = cli(dir, "repro", "-j", "2");
        ok(r);
        assertEquals("/model.pkl\n/metrics.json\n/plot.csv\n", read(".gitignore"));
        assertEquals("/prepared\n", read("data/.gitignore"));
        assertTrue(r.out().endsWith(HINT.formatted(".gitignore data/.gitignore dvc.lock") + PUSH), r.out());
    }

    @Test
    void aProjectInASubfolderOfTheWorkTreeUsesIt() throws Exception {
        Path project = dir.resolve("projects/one");
        Files.createDirectories(project.resolve(".dvc"));
        write(project, ".dvc/config", "");
        write(project, "dvc.yaml", "stages:\n  make:\n    cmd: echo m > m.bin\n    outs: [m.bin]\n");
        Files.delete(dir.resolve(".dvc/config"));
        Files.delete(dir.resolve(".dvc"));
        Files.delete(dir.resolve("dvc.yaml"));
        Run r = cli(project, "repro");
        ok(r);
        assertEquals("/m.bin\n", Files.readString(project.resolve(".gitignore")));
        assertTrue(r.out().endsWith(HINT.formatted(".gitignore dvc.lock") + PUSH), r.out());
    }

    @Test
    void gitAddArgumentsAreQuotedAsShlexQuotesThem() {
        assertEquals("data/.gitignore", ScmContext.shellQuote("data/.gitignore"));
        assertEquals("../x_y@%+=:,.-", ScmContext.shellQuote("../x_y@%+=:,.-"));
        assertEquals("'my data/.gitignore'", ScmContext.shellQuote("my data/.gitignore"));
        assertEquals("'it'\"'\"'s/dvc.lock'", ScmContext.shellQuote("it's/dvc.lock"));
        assertEquals("'\u00e9/dvc.lock'", ScmContext.shellQuote("\u00e9/dvc.lock"));
        assertEquals("''", ScmContext.shellQuote(""));
    }
}
