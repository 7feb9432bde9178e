package io.dvclint.exec.scm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .gitignore} written as DVC writes it (scmrepo's {@code Git._add_entry_to_gitignore} and
 * {@code Git.ignore_remove}): an output's entry is {@code /<name>} in the {@code .gitignore} of the output's folder.
 */
public final class GitIgnoreFile {
    /** The file's name. */
    public static final String NAME = ".gitignore";

    private GitIgnoreFile() {
    }

    /** The entry for a path: {@code /} and its last name ({@code scmrepo}'s {@code _get_gitignore}). */
    public static String entry(Path path) {
        return "/" + path.getFileName().toString();
    }

    /**
     * Escapes the characters a pattern reads specially, as pathspec 0.12's {@code GitWildMatchPattern.escape} does:
     * a backslash before each of {@code []!*#?} (a backslash itself is left as it is).
     */
    public static String escape(String entry) {
        StringBuilder sb = new StringBuilder(entry.length() + 4);
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if ("[]!*#?".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Appends the escaped entry and a newline, creating the file when there is none. A file whose last byte is not
     * a line end first gets a newline. The entry is added even when the file already has it: scmrepo opens the file
     * in append mode and reads its lines from the end, so its check for a duplicate line never finds one.
     */
    public static void append(Path gitignore, String entry) throws IOException {
        String prefix = "";
        if (Files.exists(gitignore)) {
            long size = Files.size(gitignore);
            if (size > 0) {
                byte last;
                try (var ch = Files.newByteChannel(gitignore)) {
                    ch.position(size - 1);
                    ByteBuffer buf = ByteBuffer.allocate(1);
                    ch.read(buf);
                    last = buf.get(0);
                }
                // read back in text mode with universal newlines, a last '\r' is a line end too
                if (last != '\n' && last != '\r') prefix = "\n";
            }
        }
        byte[] text = (prefix + escape(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(gitignore, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    /**
     * Removes every line that is the entry (surrounding blanks aside); a file left without lines is deleted. The
     * lines are read with universal newlines and written back with {@code \n}, as Python's text mode does. Returns
     * whether the file is still there.
     */
    public static boolean remove(Path gitignore, String entry) throws IOException {
        if (!Files.exists(gitignore)) return false;
        String wanted = entry.strip();
        List<String> kept = new ArrayList<>();
        for (String line : lines(Files.readString(gitignore, StandardCharsets.UTF_8))) {
            if (!line.strip().equals(wanted)) kept.add(line);
        }
        if (kept.isEmpty()) {
            Files.delete(gitignore);
            return false;
        }
        Files.writeString(gitignore, String.join("", kept), StandardCharsets.UTF_8);
        return true;
    }

    /** Python's {@code readlines()} in text mode: each line with its end, {@code \r\n} and {@code \r} read as {@code \n}. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                line.append('\n');
                out.add(line.toString());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
        if (line.length() > 0) out.add(line.toString());
        return out;
    }
}
