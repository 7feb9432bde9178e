package io.dvclint.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Bare-name patterns are matched without their regular expression, with exactly its answers. */
class GitWildMatchNameTest {
    private static final String[] PARTS = {".git", ".hg", ".gitignore", "logs", "a", "/", "/", "x", ".", " ", "\n",
        ".dvc", "a.b", "x y", "data-1"};

    private static List<String> paths() {
        List<String> out = new ArrayList<>(List.of("", "/", ".git", ".git/", "/.git", "a/.git", "a/.git/",
                "a/.git/b", "a/.gitignore", "a/.git\n", ".git\n", "a//.git", "/a/.git", "x/.git/y/.git", "logs",
                "logs/", "a/logs/b", "x y", "a/x y/", "..", "./.git"));
        Random r = new Random(11);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(6);
            for (int k = 0; k < n; k++) sb.append(PARTS[r.nextInt(PARTS.length)]);
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void bareNamesAgreeWithTheirRegex() {
        List<String> paths = paths();
        for (String pattern : List.of(".git", ".git/", ".hg/", ".dvc/", "logs", "logs/", "!logs", "!.git/", "a.b",
                "x y", ".", "data-1/")) {
            GitWildMatch g = GitWildMatch.compile(pattern);
            Pattern re = Pattern.compile(g.regex(), Pattern.UNIX_LINES);
            int hits = 0;
            for (String p : paths) {
                boolean want = re.matcher(p).lookingAt();
                assertEquals(want, g.matches(p), () -> pattern + " on '" + p.replace("\n", "\\n") + "'");
                if (want) hits++;
            }
            assertTrue(hits > 0, pattern + " matched something");
        }
    }

    @Test
    void defaultsIgnoreWhatDvcIgnores() {
        assertTrue(GitWildMatch.compile(".git").matches("sub/.git"));
        assertFalse(GitWildMatch.compile(".git").matches("sub/.gitignore"));
        assertTrue(GitWildMatch.compile(".dvc/").matches("sub/.dvc/"));
        assertFalse(GitWildMatch.compile(".dvc/").matches("sub/.dvc"));
        assertFalse(GitWildMatch.compile("!logs").include());
    }
}
