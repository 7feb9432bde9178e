package io.dvclint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.model.PathNames;
import io.dvclint.script.Ascii;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;




/** The hand-written matchers of {@link Ascii} against the regular expressions they replace. */
class AsciiTest {
    /** Hand-picked edge cases plus random strings over the characters the patterns care about. */
    private static List<String> samples() {
        List<String> out = new ArrayList<>(List.of("", "a", "_", "=", "a=", "_x1=", "1a=", "a=b", "a=\nb", "a b=c",
                "A_9=x\u2028", "s3://bucket/x", "s3:/x", "3s://x", "https://h/p\n", "a+b.c-d://", "://x", "ds://x",
                "C:\\data", "c:/x", "C:x", "CC:/x", "C:/x\r", "python", "python3", "python3.11", "python3.",
                "python3.1x", "py", "pythonw", "/usr/bin/python3", "./venv/bin/python", "a\n/python", "python2",
                "python3.10.1", "pypy", "pypy3", "pypy3.9", "pypy39", "pypy.", "python2.7", "python2.", "pyth",
                "Python", "python.3", "bin/py", "bin/pythonx"));
        Random r = new Random(42);
        String alphabet = "aAzZ_09py thon3.:/\\=+-\n\r\u0085\u2028ds";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(12);
            for (int k = 0; k < len; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            out.add(sb.toString());
            out.add("python" + sb);
            out.add("pypy" + sb);
        }
        return out;
    }

    private static void same(String regex, int flags, Predicate<String> handWritten) {
        Pattern p = Pattern.compile(regex, flags);
        int matched = 0;
        for (String s : samples()) {
            boolean expected = p.matcher(s).matches();
            assertEquals(expected, handWritten.test(s), () -> regex + " on " + s.replace("\n", "\\n"));
            if (expected) matched++;
        }
        assertTrue(matched > 0, "the samples exercise " + regex);
    }

    @Test
    void assignment() {
        same("[A-Za-z_][A-Za-z0-9_]*=.*", 0, s -> Ascii.assignment(s, false));
        same("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL, s -> Ascii.assignment(s, true));
    }

    @Test
    void url() {
        same("[A-Za-z][A-Za-z0-9+.-]*://.*", 0, Ascii::url);
        assertTrue(PathNames.isUrl("s3://bucket/data"));
        assertFalse(PathNames.isUrl("data/s3:/x"));
    }

    @Test
    void windowsAbsolute() {
        same("[A-Za-z]:[\\\\/].*", 0, Ascii::windowsAbsolute);
        assertTrue(PathNames.isAbsolute("C:\\data"));
        assertFalse(PathNames.isAbsolute("data/C:"));
    }

    @Test
    void pythonCommand() {
        same("(.*/)?(python|python3|python3\\.\\d+|py|pythonw)", 0, Ascii::pythonCommand);
    }

    @Test
    void pythonName() {
        same("python(\\d+(\\.\\d+)?)?|pypy\\d?(\\.\\d+)?|py", 0, Ascii::pythonName);
    }
}
