package io.dvclint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The written-out path classifiers of {@link PathNames} against the regular expressions they stand for. */
class PathNamesTest {
    private static List<String> samples() {
        List<String> out = new ArrayList<>(List.of("", "a", "s3://bucket/x", "s3:/x", "3s://x", "https://h/p\n",
                "a+b.c-d://", "://x", "ds://x", "C:\\data", "c:/x", "C:x", "CC:/x", "C:/x\r", "/abs", "\\\\host\\x"));
        Random r = new Random(42);
        String alphabet = "aAzZ_09.:/\\+-\n\r\u0085\u2028ds";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(10);
            for (int k = 0; k < len; k++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            out.add(sb.toString());
            out.add(sb + "://" + sb);
        }
        return out;
    }

    private static void same(String regex, Predicate<String> written) {
        Pattern p = Pattern.compile(regex);
        int matched = 0;
        for (String s : samples()) {
            boolean expected = p.matcher(s).matches();
            assertEquals(expected, written.test(s), () -> regex + " on " + s.replace("\n", "\\n"));
            if (expected) matched++;
        }
        assertTrue(matched > 10, "the samples exercise " + regex);
    }

    @Test
    void urls() {
        same("[A-Za-z][A-Za-z0-9+.-]*://.*", PathNames::isUrl);
        assertTrue(PathNames.isUrl("s3://bucket/data"));
        assertFalse(PathNames.isUrl("data/s3:/x"));
    }

    @Test
    void absolutePaths() {
        // a drive path; a leading / or \\\\ is absolute whatever follows
        same("[A-Za-z]:[\\\\/].*", s -> !s.startsWith("/") && !s.startsWith("\\\\") && PathNames.isAbsolute(s));
        assertTrue(PathNames.isAbsolute("C:\\data"));
        assertTrue(PathNames.isAbsolute("/data"));
        assertFalse(PathNames.isAbsolute("data/C:"));
    }
}
