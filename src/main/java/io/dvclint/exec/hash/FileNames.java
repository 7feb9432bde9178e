package io.dvclint.exec.hash;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * File names as Python, and so DVC, sees them. The bytes of a name that are not UTF-8 (a Latin-1 name from an old
 * archive) stay in Python's string as lone surrogates U+DC80..U+DCFF ({@code surrogateescape}): that is how they
 * appear in a directory's manifest ({@code "\udcff.txt"}), and they must become those bytes again to make the file.
 * Java decodes such bytes to U+FFFD and has no public way from bytes to a path but a {@code file:} URI, which carries
 * every byte percent-encoded; both directions go through one. Names that are UTF-8 (nearly all) take neither detour.
 */
public final class FileNames {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileNames() {
    }

    /** The last name of {@code p} as Python's {@code os.listdir} gives it. */
    public static String of(Path p) {
        String s = p.getFileName().toString();
        if (s.indexOf('\uFFFD') < 0) return s;
        String raw = p.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/")) raw = raw.substring(0, raw.length() - 1);
        return decode(unpercent(raw.substring(raw.lastIndexOf('/') + 1)));
    }

    /** {@code base} resolved with a manifest's relative path ('/'-separated), its escaped bytes made bytes again. */
    public static Path resolve(Path base, String rel) {
        if (!hasEscapedBytes(rel)) return base.resolve(rel);
        StringBuilder uri = new StringBuilder("file://").append(base.toAbsolutePath().toUri().getRawPath());
        if (uri.charAt(uri.length() - 1) != '/') uri.append('/');
        for (byte b : encode(rel)) {
            int c = b & 0xff;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "/-._~".indexOf(c) >= 0;
            if (plain) uri.append((char) c);
            else uri.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
        }
        return Path.of(URI.create(uri.toString()));
    }

    /** Python's {@code bytes.decode("utf-8", "surrogateescape")}. */
    static String decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(in.remaining());
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isUnderflow()) break;
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) out.put((char) (0xDC00 + (in.get() & 0xff)));
            } else {
                throw new IllegalStateException("overflow"); // never: a UTF-8 byte makes at most one char
            }
        }
        d.flush(out);
        return out.flip().toString();
    }

    /** Python's {@code str.encode("utf-8", "surrogateescape")}. */
    public static byte[] encode(String s) {
        if (!hasEscapedBytes(s)) return s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xDC80 && cp <= 0xDCFF) {
                out.write(cp - 0xDC00);
            } else {
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    private static boolean hasEscapedBytes(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp >= 0xDC80 && cp <= 0xDCFF) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    private static byte[] unpercent(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
