package io.dvclint.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.exec.hash.HashInfo;
import io.dvclint.exec.hash.HashName;
import io.dvclint.exec.hash.Hasher;
import io.dvclint.exec.hash.Md5;
import io.dvclint.exec.stage.TrackedStage;
import io.dvclint.exec.state.HashState;
import io.dvclint.exec.status.Change;
import io.dvclint.exec.status.StatusChecker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a second {@code status} reads none of the files the first one hashed. The proof does without counters:
 * between the two, every data file gets other bytes of the same size and its old mtime back, which only a status
 * that reads the files can notice (the hash state, like DVC's, trusts inode, mtime and size).
 */
class StatusStateTest {
    @TempDir
    Path root;

    private static final Instant OLD = Instant.parse("2024-05-01T10:00:00.123456789Z");

    private List<Change> status() throws IOException {
        ExecProject p = ExecProject.load(root, root);
        StatusChecker checker = new StatusChecker(root, p.hashes(), p.cache());
        List<Change> all = new ArrayList<>();
        for (TrackedStage s : p.stages()) all.addAll(checker.status(s));
        p.hashes().save(); // as at the JVM's exit
        return all;
    }

    @Test
    void aSecondStatusReadsNoFileTheFirstHashed() throws IOException {
        Files.createDirectories(root.resolve(".dvc"));
        Files.writeString(root.resolve(".dvc/config"), "[core]\n    no_scm = True\n");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Path f = root.resolve("data/part" + (i % 4) + "/f" + i + ".csv");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "row," + i + "\n");
            Files.setLastModifiedTime(f, FileTime.from(OLD.plusMillis(i)));
            files.add(f);
        }
        Path script = root.resolve("run.sh");
        Files.writeString(script, "echo hi\n");
        Files.setLastModifiedTime(script, FileTime.from(OLD));
        HashInfo data = new Hasher(null, Md5.INSTANCE).hashDir(root.resolve("data"), HashName.MD5);
        Files.writeString(root.resolve("dvc.yaml"), "stages:\n  s:\n    cmd: sh run.sh\n    deps:\n    - data\n"
                + "    - run.sh\n");
        Files.writeString(root.resolve("dvc.lock"), "schema: '2.0'\nstages:\n  s:\n    cmd: sh run.sh\n    deps:\n"
                + "    - path: data\n      hash: md5\n      md5: " + data.md5() + "\n      size: " + data.size()
                + "\n      nfiles: " + data.nfiles() + "\n    - path: run.sh\n      hash: md5\n      md5: "
                + Md5.of("echo hi\n".getBytes(StandardCharsets.UTF_8)) + "\n      size: 8\n");

        assertEquals(List.of(), status());
        assertTrue(Files.isRegularFile(root.resolve(".dvc/tmp/" + HashState.FILE)));

        for (Path f : files) {
            FileTime t = Files.getLastModifiedTime(f);
            byte[] b = Files.readAllBytes(f);
            b[0] = (byte) 'R'; // same size
            Files.write(f, b);
            Files.setLastModifiedTime(f, t);
        }
        assertEquals(List.of(), status(), "answered from the state: no file was read");

        // a touch is enough for the status to look again, and see every edit
        Files.setLastModifiedTime(files.get(7), FileTime.from(OLD.plusSeconds(60)));
        List<Change> changes = status();
        assertEquals(1, changes.size());
        assertEquals("modified", changes.get(0).state());
        assertEquals("data", changes.get(0).path());
    }
}
