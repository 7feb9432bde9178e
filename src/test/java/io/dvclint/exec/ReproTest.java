package io.dvclint.exec;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.CliProcess;
import io.dvclint.TestFiles.Run;
import io.dvclint.exec.hash.FileNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code dvclint repro} and {@code status} on small projects of the test's own (in-process). */
class ReproTest {
    static final String PIPELINE = """
            stages:
              prepare:
                cmd: cp data.txt prepared.txt
                deps: [data.txt]
                outs: [prepared.txt]
              train:
                cmd: cat prepared.txt params.yaml > model.txt
                deps: [prepared.txt]
                params: [train.lr]
                outs: [model.txt]
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(dir.resolve(".dvc"));
        write(dir, ".dvc/config", "[core]\n    no_scm = True\n");
        write(dir, "dvc.yaml", PIPELINE);
        write(dir, "data.txt", "raw\n");
        write(dir, "params.yaml", "train:\n  lr: 0.1\n");
    }

    static List<String> ran(Run r) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("Running stage '([^']+)':").matcher(r.out());
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void firstRunLocksEverythingAndTheSecondRunsNothing() throws Exception {
        Run r = cli(dir, "repro");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(List.of("prepare", "train"), ran(r));
        assertTrue(r.out().contains("Generating lock file 'dvc.lock'\nUpdating lock file 'dvc.lock'\n"), r.out());
        assertTrue(r.out().endsWith("Use `dvc push` to send your updates to remote storage.\n"), r.out());
        String lock = Files.readString(dir.resolve("dvc.lock"));
        String md5 = CliProcess.md5("raw\n".getBytes());
        assertTrue(lock.startsWith("schema: '2.0'\nstages:\n  prepare:\n    cmd: cp data.txt prepared.txt\n    deps:\n"
                + "    - path: data.txt\n      hash: md5\n      md5: " + md5 + "\n      size: 4\n"), lock);
        assertTrue(lock.contains("    params:\n      params.yaml:\n        train.lr: 0.1\n"), lock);
        assertTrue(Files.exists(dir.resolve(".dvc/cache/files/md5/" + md5.substring(0, 2) + "/" + md5.substring(2))),
                "the output is committed to the cache");

        Run again = cli(dir, "repro");
        assertEquals(List.of(), ran(again));
        assertEquals("Stage 'prepare' didn't change, skipping\nStage 'train' didn't change, skipping\n"
                + "Data and pipelines are up to date.\n", again.out());
        assertEquals(lock, Files.readString(dir.resolve("dvc.lock")), "an unchanged run writes nothing");
        assertEquals("{}\n", cli(dir, "status", "--json").out());
        assertEquals("Data and pipelines are up to date.\n", cli(dir, "status").out());
    }

    @Test
    void statusNamesWhatChangedAndWhyExplainsIt() {
        cli(dir, "repro");
        write(dir, "params.yaml", "train:\n  lr: 0.2\n");
        Run st = cli(dir, "status", "--json");
        assertEquals("{\"train\": [{\"changed deps\": {\"params.yaml\": {\"train.lr\": \"modified\"}}}]}\n", st.out());
        assertEquals("train:\n\tchanged deps:\n\t\tparams.yaml:\n\t\t\tmodified:           train.lr\n",
                cli(dir, "status").out());
        Run why = cli(dir, "status", "--why");
        assertEquals("train: params.yaml:2:7 train.lr 0.1 -> 0.2 (declared at dvc.yaml:9:14)\n", why.out());
        assertEquals(1, cli(dir, "status", "-q").exit());
        write(dir, "data.txt", "changed\n");
        Run why2 = cli(dir, "status", "--why");
        assertTrue(why2.out().startsWith("prepare: data.txt modified\ntrain: params.yaml:2:7"), why2.out());
    }

    @Test
    void aDeletedOutputComesBackFromTheCacheWithoutRunning() throws Exception {
        cli(dir, "repro");
        Files.delete(dir.resolve("model.txt"));
        assertEquals("{\"train\": [{\"changed outs\": {\"model.txt\": \"deleted\"}}]}\n",
                cli(dir, "status", "--json").out());
        Run r = cli(dir, "repro");
        assertEquals(List.of(), ran(r), r.out());
        assertTrue(r.out().contains("Stage 'train' is cached - skipping run, checking out outputs"), r.out());
        assertEquals("raw\ntrain:\n  lr: 0.1\n", Files.readString(dir.resolve("model.txt")));
    }

    @Test
    void aFileNameThatIsNotUtf8IsHashedAndCheckedOutAsDvcDoes() throws Exception {
        write(dir, "dvc.yaml", "stages:\n  make:\n    cmd: mkdir -p out && printf x > \"out/$(printf '\\377').txt\" "
                + "&& printf y > out/plain.txt\n    deps: [data.txt]\n    outs: [out]\n");
        assertEquals(0, cli(dir, "repro").exit());
        // Python: json.dumps of [plain.txt, b"\xff.txt".decode("utf-8", "surrogateescape")], hashed
        assertTrue(Files.readString(dir.resolve("dvc.lock")).contains("md5: 76656483da0e20d7021c292f6fd7f343.dir"),
                Files.readString(dir.resolve("dvc.lock")));
        Path odd = FileNames.resolve(dir, "out/\udcff.txt");
        Files.delete(odd);
        Files.delete(dir.resolve("out/plain.txt"));
        Run r = cli(dir, "repro");
        assertEquals(List.of(), ran(r), r.out());
        assertEquals("x", Files.readString(odd), "checked out under its own bytes");
        assertEquals("Data and pipelines are up to date.\n", cli(dir, "status").out());
    }

    @Test
    void renamingOneNameThatIsNotUtf8ToAnotherIsAChange() throws Exception {
        write(dir, "dvc.yaml", "stages:\n  use:\n    cmd: ls data > listing.txt\n    deps: [data]\n"
                + "    outs: [listing.txt]\n");
        Path before = FileNames.resolve(dir, "data/\udcfe.txt");
        Files.createDirectories(before.getParent());
        Files.writeString(before, "x");
        assertEquals(0, cli(dir, "repro").exit());
        assertEquals("{}\n", cli(dir, "status", "--json").out());
        // the same file (inode, time, size) under another name that is not UTF-8 either: the hash state must not
        // take the two names for one
        Files.move(before, FileNames.resolve(dir, "data/\udcff.txt"));
        assertEquals("{\"use\": [{\"changed deps\": {\"data\": \"modified\"}}]}\n",
                cli(dir, "status", "--json").out());
    }

    @Test
    void aMissingParameterStopsReproBeforeAnythingIsDeleted() throws Exception {
        cli(dir, "repro");
        write(dir, "params.yaml", "train:\n  rate: 0.1\n");
        write(dir, "data.txt", "new\n");
        Run r = cli(dir, "repro");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("dvc.yaml:9:14: parameter 'train.lr' of stage 'train' is missing from "
                + "'params.yaml'; did you mean 'train'? [param-missing]"), r.err());
        assertTrue(r.err().contains("dvclint: not reproducing: 1 problem would make it fail"), r.err());
        assertEquals(List.of(), ran(r));
        assertTrue(Files.exists(dir.resolve("model.txt")), "nothing was deleted");
        assertTrue(Files.exists(dir.resolve("prepared.txt")));
        Run noLint = cli(dir, "repro", "--no-lint");
        assertEquals(1, noLint.exit());
        assertTrue(noLint.err().contains("ERROR: failed to reproduce 'train': Parameters 'train.lr' are missing from "
                + "'params.yaml'."), noLint.err());
        assertEquals(List.of("prepare"), ran(noLint), "without the lint, DVC's way: it fails on reaching train");
    }

    @Test
    void aFileTheRunCannotReadFailsItWithDvcsErrorNotAsAnInternalError() throws Exception {
        write(dir, "dvc.yaml", "stages:\n  use:\n    cmd: ls data > listing.txt\n    deps: [data]\n"
                + "    outs: [listing.txt]\n");
        write(dir, "data/a.txt", "a\n");
        write(dir, "data/sub/.dvcignore", "*.tmp\n");
        String expected = "ERROR: .dvcignore file should not be in collected dir path: '" + dir.resolve("data/sub")
                + "'";
        for (Run r : List.of(cli(dir, "repro"), cli(dir, "repro", "--dry", "--json"), cli(dir, "status"))) {
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains(expected), r.err());
            assertFalse(r.err().contains("internal error"), r.err());
            assertEquals(List.of(), ran(r));
        }
        assertFalse(Files.exists(dir.resolve("listing.txt")));

        Files.delete(dir.resolve("data/sub/.dvcignore"));
        Files.createSymbolicLink(dir.resolve("data/dangling"), dir.resolve("nowhere"));
        for (Run r : List.of(cli(dir, "repro"), cli(dir, "status"))) {
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains("ERROR: '" + dir.resolve("data/dangling") + "' does not exist"), r.err());
        }
    }

    @Test
    void anOutputOutsideTheProjectIsNeverDeleted() throws Exception {
        Path outside = dir.getParent().resolve(dir.getFileName() + "-outside.txt");
        Files.writeString(outside, "precious\n");
        write(dir, "dvc.yaml", "stages:\n  escape:\n    cmd: echo x > ../" + outside.getFileName() + "\n"
                + "    outs:\n      - ../" + outside.getFileName() + ":\n          cache: false\n");
        Run r = cli(dir, "repro", "--no-lint");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("output '../" + outside.getFileName() + "' of stage 'escape' lies outside the "
                + "project"), r.err());
        assertEquals("precious\n", Files.readString(outside));
        Files.delete(outside);
    }

    @Test
    void unknownTargetsAndOptionsAreUsageErrors() {
        Run r = cli(dir, "repro", "nope");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Stage 'nope' not found inside 'dvc.yaml' file"), r.err());
        assertEquals(2, cli(dir, "repro", "dvc.lock").exit());
        assertTrue(cli(dir, "repro", "dvc.lock").err().contains("Did you mean: `dvc.yaml`?"));
        assertEquals(2, cli(dir, "repro", "--jobs", "many").exit());
        assertEquals(2, cli(dir, "status", "train@x").exit());
        assertFalse(cli(dir, "repro", "nope").err().contains("\tat "), "no stack trace");
    }

    @Test
    void theDryPlanAsJson() throws Exception {
        cli(dir, "repro");
        write(dir, "data.txt", "changed\n");
        Run r = cli(dir, "repro", "--dry", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode plan = JsonMapper.builder().build().readTree(r.out()).get("stages");
        assertEquals(2, plan.size());
        assertEquals("prepare", plan.get(0).get("stage").asString());
        assertTrue(plan.get(0).get("would_run").asBoolean());
        assertEquals("data.txt", plan.get(0).get("reasons").get(0).get("path").asString());
        assertTrue(plan.get(1).get("would_run").asBoolean(), "downstream of a stage that runs");
        assertEquals("upstream", plan.get(1).get("reasons").get(0).get("kind").asString());
        assertEquals("prepare", plan.get(1).get("upstream").get(0).asString());
        assertEquals("cat prepared.txt params.yaml > model.txt", plan.get(1).get("cmd").get(0).asString());
        assertEquals("changed\n", Files.readString(dir.resolve("data.txt")), "nothing ran");
        assertEquals("raw\n", Files.readString(dir.resolve("prepared.txt")));
    }

    @Test
    void keepGoingSkipsWhatDependsOnAFailure() throws Exception {
        write(dir, "dvc.yaml", """
                stages:
                  bad:
                    cmd: exit 3
                    deps: [data.txt]
                    outs: [bad.txt]
                  after:
                    cmd: cp bad.txt after.txt
                    deps: [bad.txt]
                    outs: [after.txt]
                  other:
                    cmd: cp data.txt other.txt
                    deps: [data.txt]
                    outs: [other.txt]
                """);
        Run r = cli(dir, "repro", "-k");
        assertEquals(1, r.exit());
        assertEquals(List.of("bad", "other"), ran(r));
        assertTrue(r.err().contains("WARNING: failed to run: exit 3, exited with 3\n"
                + "WARNING: Stage 'after' will be skipped due to this failure\n"), r.err());
        assertTrue(r.err().endsWith("ERROR: failed to reproduce 'bad'\n"), r.err());
        String lock = Files.readString(dir.resolve("dvc.lock"));
        assertTrue(lock.contains("  other:") && !lock.contains("  bad:"), lock);
    }

    @Test
    void withoutTheLintWhatDvcRefusesToLoadIsStillRefused() throws Exception {
        write(dir, "dvc.yaml", PIPELINE.replace("outs: [model.txt]", "outz: [model.txt]"));
        Run r = cli(dir, "repro", "--no-lint");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("ERROR: "), r.err());
        assertTrue(r.err().contains("outz"), r.err());
        assertEquals(List.of(), ran(r));
        assertFalse(Files.exists(dir.resolve("dvc.lock")));
    }

    @Test
    void errorsAboutWhatOnlyOtherCommandsReadDoNotStopTheRun() throws Exception {
        write(dir, "dvc.yaml", PIPELINE.replace("    outs: [prepared.txt]\n",
                "    outs: [prepared.txt]\n    meta:\n      dvclint:\n        retries: many\n"));
        assertEquals(1, cli(dir, "lint", "--fail-on", "error").exit(), "meta-dvclint is an error for export");
        Run r = cli(dir, "repro");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(List.of("prepare", "train"), ran(r));
        assertTrue(r.err().contains("dvclint: lint found 1 problem that do not stop the run"), r.err());
    }

    @Test
    void aRefusedRunStillWritesItsJunitReport() throws Exception {
        write(dir, "params.yaml", "train:\n  rate: 0.1\n");
        Run r = cli(dir, "repro", "--junit", "report.xml");
        assertEquals(1, r.exit());
        String xml = Files.readString(dir.resolve("report.xml"));
        assertTrue(xml.contains("<testcase classname=\"" + dir.getFileName() + "\" name=\"dvclint repro\""), xml);
        assertTrue(xml.contains("<failure message=\"not reproducing: the lint found problems that would make it "
                + "fail\""), xml);
        assertTrue(xml.contains("[param-missing]"), "the lint's findings are in the report: " + xml);
    }

    @Test
    void jsonIsForTheDryPlanOnly() {
        Run r = cli(dir, "repro", "--json");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--json prints the plan and needs --dry"), r.err());
        assertFalse(Files.exists(dir.resolve("prepared.txt")), "nothing ran");
    }
}
