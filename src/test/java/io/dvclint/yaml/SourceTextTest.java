package io.dvclint.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SourceText} positions: lines end at \n, \r\n or a lone \r; columns count code points. */
class SourceTextTest {
    /** Line and column of an offset, counted the slow way. */
    private static Pos reference(String text, int offset) {
        int line = 1, col = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                col = 1;
            } else if (!(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                col++;
            }
        }
        return new Pos(line, col);
    }

    @Test
    void positionsOfEveryOffsetMatchACountFromTheStart() {
        Random r = new Random(11);
        String[] pieces = {"a", "b", " ", "\n", "\r\n", "\r", "\u00e9", "\ud83d\ude00", "\t"};
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            boolean astral = round % 2 == 0;
            for (int k = 0; k < len; k++) {
                String p = pieces[r.nextInt(pieces.length)];
                if (!astral && p.length() == 2 && Character.isSurrogate(p.charAt(0))) p = "x";
                sb.append(p);
            }
            String text = sb.toString();
            SourceText t = new SourceText(text);
            for (int i = 0; i <= text.length(); i++) {
                if (i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i))) continue;
                int at = i;
                assertEquals(reference(text, at), t.posOf(at), () -> "offset " + at + " of "
                        + text.replace("\n", "\\n").replace("\r", "\\r"));
            }
        }
    }

    @Test
    void linesAndCounts() {
        SourceText t = new SourceText("a\r\nb\rc\n\ud83d\ude00x\n");
        assertEquals(5, t.lineCount());
        assertEquals("b", t.line(2));
        assertEquals("\ud83d\ude00x", t.line(4));
        assertEquals(new Pos(4, 2), t.posOf(text(t).indexOf('x')));
        assertEquals(new Pos(1, 1), new SourceText("").posOf(0));
    }

    private static String text(SourceText t) {
        return t.text();
    }
}
