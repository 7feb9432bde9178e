package io.dvclint.yaml;

import io.dvclint.fs.Inputs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of a source file, decoded strictly as UTF-8 the way DVC opens its files, with fast access to lines.
 * Decoding problems (UTF-16, binary data, invalid bytes) are reported as a {@link DecodeError} with a position.
 */
public final class SourceText {
    /** Why the bytes could not be read as UTF-8 text, and where. */
    public record DecodeError(Pos pos, String message) {
    }

    private final String text;
    /** Computed on first use. */
    private Lines lines;

    /** Where each line starts, and whether the text has no surrogate pairs (so a column is an offset). */
    private record Lines(int[] starts, boolean bmpOnly) {
    }

    public SourceText(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The bytes of a file, read through {@link Inputs} (so a lint's inputs are known). */
    public static byte[] readFile(Path file) throws IOException {
        return Inputs.read(file);
    }

    /**
     * Decodes bytes as UTF-8. A UTF-8 byte-order mark is dropped (Python's utf-8 codec would keep it, but YAML
     * readers skip it, so DVC accepts such files).
     */
    public static Object decode(byte[] bytes) {
        int off = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            off = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            return new DecodeError(Pos.START, "file is encoded as UTF-16; DVC reads pipeline files as UTF-8");
        }
        for (int i = off; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                Pos p = posOfByte(bytes, off, i);
                boolean utf16 = bytes.length > 1 && (i == off + 1 || i == off) && looksUtf16(bytes, off);
                return new DecodeError(p, utf16
                        ? "file looks UTF-16 encoded; DVC reads pipeline files as UTF-8"
                        : "file contains a NUL byte: it is binary, not YAML text");
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new SourceText(dec.decode(ByteBuffer.wrap(bytes, off, bytes.length - off)).toString());
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, off);
            return new DecodeError(posOfByte(bytes, off, bad),
                    String.format("invalid UTF-8 byte 0x%02x: DVC reads pipeline files as UTF-8", bytes[bad] & 0xff));
        }
    }

    private static boolean looksUtf16(byte[] b, int off) {
        int zeros = 0, n = Math.min(b.length - off, 64);
        for (int i = 0; i < n; i++) if (b[off + i] == 0) zeros++;
        return n > 0 && zeros * 3 >= n;
    }

    private static int firstInvalidUtf8(byte[] b, int off) {
        int i = off;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int need;
            if (c < 0x80) need = 0;
            else if (c >= 0xC2 && c <= 0xDF) need = 1;
            else if (c >= 0xE0 && c <= 0xEF) need = 2;
            else if (c >= 0xF0 && c <= 0xF4) need = 3;
            else return i;
            if (i + need >= b.length && need > 0) return i;
            for (int k = 1; k <= need; k++) if ((b[i + k] & 0xC0) != 0x80) return i;
            i += need + 1;
        }
        return Math.max(off, b.length - 1);
    }

    private static Pos posOfByte(byte[] b, int off, int idx) {
        int line = 1, col = 1;
        for (int i = off; i < idx && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
                col = 1;
            } else if ((b[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return new Pos(line, col);
    }

    private int[] starts() {
        return lines().starts;
    }

    private Lines lines() {
        Lines l = lines;
        if (l == null) {
            int[] starts = new int[16];
            int n = 1;
            boolean bmpOnly = true;
            int len = text.length();
            for (int i = 0; i < len; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n')) {
                    if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                    starts[n++] = i + 1;
                } else if (Character.isSurrogate(c)) {
                    bmpOnly = false;
                }
            }
            l = new Lines(Arrays.copyOf(starts, n), bmpOnly);
            lines = l;
        }
        return l;
    }

    public int lineCount() {
        return starts().length;
    }

    /** The text of a 1-based line without its line break, or "" when out of range. */
    public String line(int line) {
        int[] s = starts();
        if (line < 1 || line > s.length) return "";
        int a = s[line - 1];
        int b = line < s.length ? s[line] : text.length();
        while (b > a && (text.charAt(b - 1) == '\n' || text.charAt(b - 1) == '\r')) b--;
        return text.substring(a, b);
    }

    /** UTF-16 offset of a position (column counted in code points). */
    public int offset(Pos p) {
        int[] s = starts();
        int line = Math.max(1, Math.min(p.line(), s.length));
        int i = s[line - 1];
        for (int c = 1; c < p.col() && i < text.length(); c++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') break;
            i += Character.isHighSurrogate(ch) && i + 1 < text.length() ? 2 : 1;
        }
        return i;
    }

    /** The position of a UTF-16 offset. */
    public Pos posOf(int offset) {
        Lines l = lines();
        int[] s = l.starts;
        int lo = 0, hi = s.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (s[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        int end = Math.min(offset, text.length());
        int col = 1 + (l.bmpOnly ? end - s[lo] : text.codePointCount(s[lo], end));
        return new Pos(lo + 1, col);
    }
}
