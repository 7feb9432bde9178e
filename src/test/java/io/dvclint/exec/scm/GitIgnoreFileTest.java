package io.dvclint.exec.scm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes scmrepo writes into a {@code .gitignore}, and takes out of it. */
class GitIgnoreFileTest {
    @TempDir
    Path dir;

    Path file() {
        return dir.resolve(".gitignore");
    }

    String text() throws Exception {
        return Files.readString(file(), StandardCharsets.UTF_8);
    }

    @Test
    void theEntryIsTheNameUnderASlashWithPatternCharactersEscaped() {
        assertEquals("/model.pkl", GitIgnoreFile.entry(Path.of("/p/data/model.pkl")));
        assertEquals("/a\\[1\\]\\*\\?\\!\\#b\\c", GitIgnoreFile.escape("/a[1]*?!#b\\c"));
    }

    @Test
    void appendingCreatesTheFileAndAddsANewlineOnlyWhereTheLastLineLacksOne() throws Exception {
        GitIgnoreFile.append(file(), "/a");
        assertEquals("/a\n", text());
        GitIgnoreFile.append(file(), "/a");
        assertEquals("/a\n/a\n", text(), "scmrepo's duplicate check never sees the lines (append mode reads from the end)");
        Files.writeString(file(), "x");
        GitIgnoreFile.append(file(), "/b*");
        assertEquals("x\n/b\\*\n", text());
        Files.writeString(file(), "x\r\n");
        GitIgnoreFile.append(file(), "/c");
        assertEquals("x\r\n/c\n", text());
        Files.writeString(file(), "");
        GitIgnoreFile.append(file(), "/d");
        assertEquals("/d\n", text());
    }

    @Test
    void removingDropsEveryLineOfTheEntryRewritesLineEndsAndDeletesAnEmptiedFile() throws Exception {
        Files.writeString(file(), "keep\r\n /a \n/a\r/ab\n/a");
        assertTrue(GitIgnoreFile.remove(file(), "/a"));
        assertEquals("keep\n/ab\n", text());
        Files.writeString(file(), "/a\n\n");
        assertTrue(GitIgnoreFile.remove(file(), "/a"), "a blank line is still a line");
        assertEquals("\n", text());
        Files.writeString(file(), "/a\n/a\n");
        assertFalse(GitIgnoreFile.remove(file(), "/a"));
        assertFalse(Files.exists(file()));
        assertFalse(GitIgnoreFile.remove(file(), "/a"), "no file: nothing to do");
    }

    @Test
    void pythonReadlines() {
        assertEquals(List.of("a\n", "b\n", "c\n", "d"), GitIgnoreFile.lines("a\r\nb\rc\nd"));
        assertEquals(List.of(), GitIgnoreFile.lines(""));
    }
}
