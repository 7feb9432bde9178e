package io.dvclint.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Inputs} notes every look with what it saw, and tells when the file system no longer shows that. */
class InputsTest {
    @TempDir
    Path dir;

    private List<Inputs.Observation> record(Runnable looks) {
        Inputs.Recording r = Inputs.start();
        try {
            looks.run();
        } finally {
            Inputs.stop(r);
        }
        return r.observations();
    }

    private static boolean allUnchanged(List<Inputs.Observation> obs) {
        for (Inputs.Observation o : obs) if (!Inputs.unchanged(o)) return false;
        return true;
    }

    @Test
    void eachLookIsNotedOnceWithWhatItSaw() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "hello");
        List<Inputs.Observation> obs = record(() -> {
            assertTrue(Inputs.exists(f));
            assertTrue(Inputs.exists(f));
            assertTrue(Inputs.isRegularFile(f));
            assertFalse(Inputs.isDirectory(f));
            assertTrue(Inputs.isDirectory(dir));
            assertFalse(Inputs.exists(dir.resolve("missing")));
        });
        assertEquals(5, obs.size(), obs.toString());
        assertEquals(new Inputs.Observation(Inputs.EXISTS, f.toString(), 0, "1"), obs.get(0));
        assertEquals(new Inputs.Observation(Inputs.EXISTS, dir.resolve("missing").toString(), 0, "0"), obs.get(4));
        assertTrue(allUnchanged(obs));
    }

    @Test
    void contentPrefixSizeAndListingChangesAreSeen() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "hello world");
        List<Inputs.Observation> content = record(() -> {
            try {
                assertArrayEquals("hello world".getBytes(StandardCharsets.UTF_8), Inputs.read(f));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        List<Inputs.Observation> prefix = record(() -> {
            try {
                assertEquals("hello", new String(Inputs.readPrefix(f, 5), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        List<Inputs.Observation> size = record(() -> {
            try {
                assertEquals(11, Inputs.size(f));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        List<Inputs.Observation> listing = record(() -> {
            try {
                assertEquals(1, Inputs.list(dir).size());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(allUnchanged(content) && allUnchanged(prefix) && allUnchanged(size) && allUnchanged(listing));

        Files.writeString(f, "hello WORLD"); // same size, same first five bytes
        assertFalse(allUnchanged(content));
        assertTrue(allUnchanged(prefix));
        assertTrue(allUnchanged(size));
        assertTrue(allUnchanged(listing));

        Files.writeString(f, "Hello world!");
        assertFalse(allUnchanged(prefix));
        assertFalse(allUnchanged(size));

        Files.writeString(dir.resolve("b.txt"), "");
        assertFalse(allUnchanged(listing));
    }

    @Test
    void aFailedReadIsNotedAndAFileAppearingChangesIt() throws IOException {
        Path f = dir.resolve("later.txt");
        List<Inputs.Observation> obs = record(() -> assertThrows(IOException.class, () -> Inputs.read(f)));
        assertEquals(1, obs.size());
        assertTrue(obs.get(0).seen().startsWith("!java.io."), obs.get(0).seen());
        assertTrue(allUnchanged(obs));
        Files.writeString(f, "");
        assertFalse(allUnchanged(obs));
    }

    @Test
    void aFileBecomingAFolderIsSeen() throws IOException {
        Path p = Files.writeString(dir.resolve("x"), "");
        List<Inputs.Observation> obs = record(() -> {
            assertTrue(Inputs.isRegularFile(p));
            assertFalse(Inputs.isDirectoryNoFollow(p));
            assertFalse(Inputs.isSymbolicLink(p));
        });
        Files.delete(p);
        Files.createDirectory(p);
        assertFalse(Inputs.unchanged(obs.get(0)));
        assertFalse(Inputs.unchanged(obs.get(1)));
        assertTrue(Inputs.unchanged(obs.get(2)));
    }

    @Test
    void oneRecordingAtATimeAndNothingNotedOutsideOne() {
        Inputs.Recording first = Inputs.start();
        try {
            assertNull(Inputs.start(), "a second recording would take the first one's looks");
        } finally {
            Inputs.stop(first);
        }
        Inputs.exists(dir);
        assertEquals(List.of(), first.observations());
    }
}
