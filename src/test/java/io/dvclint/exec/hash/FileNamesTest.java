package io.dvclint.exec.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names that are not UTF-8, as Python's surrogateescape (so DVC) reads and writes them. */
class FileNamesTest {
    @TempDir
    Path dir;

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    @Test
    void bytesThatAreNotUtf8BecomeLoneSurrogatesAndBack() {
        // each expected string is what Python 3 gives for bytes.decode("utf-8", "surrogateescape")
        String[][] cases = {{"\udcff\u00e9.txt"}, {"\udce2\udc82a"}, {"\udced\udca0\udc80"}, {"\ud800\udc80"},
            {"a\udc80\udcc3"}};
        byte[][] inputs = {bytes(0xff, 0xc3, 0xa9, '.', 't', 'x', 't'), bytes(0xe2, 0x82, 'a'),
            bytes(0xed, 0xa0, 0x80), bytes(0xf0, 0x90, 0x82, 0x80), bytes('a', 0x80, 0xc3)};
        for (int i = 0; i < inputs.length; i++) {
            assertEquals(cases[i][0], FileNames.decode(inputs[i]));
            assertArrayEquals(inputs[i], FileNames.encode(cases[i][0]));
        }
    }

    @Test
    void aNameIsReadAsPythonListsItAndMadeFromWhatItRead() throws Exception {
        Path made = FileNames.resolve(dir, "sub/\udcff\u00e9 a%.txt");
        Files.createDirectories(made.getParent());
        Files.writeString(made, "x");
        Files.writeString(FileNames.resolve(dir, "sub/plain.txt"), "y");
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("sub"))) {
            for (Path p : ds) names.add(FileNames.of(p));
        }
        names.sort(null);
        assertEquals(List.of("plain.txt", "\udcff\u00e9 a%.txt"), names);
        assertTrue(Files.isSameFile(made, FileNames.resolve(dir.resolve("sub"), "\udcff\u00e9 a%.txt")));
        assertEquals(dir.resolve("sub/plain.txt"), FileNames.resolve(dir, "sub/plain.txt"), "UTF-8 names as they are");
    }
}
