package io.dvclint.discovery;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DvcIgnoreTest {
    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private String src(DvcIgnore ig, String rel, boolean dir) {
        return ig.match(root.resolve(rel), dir).map(DvcIgnore.Match::source).orElse(null);
    }

    /**
     * One root .dvcignore holding {@code pattern} ({@code |} separates lines); {@code path} checked as a file or a
     * folder; {@code expected} is the reported pattern source, or empty when the path is not ignored. Expected values
     * follow pathspec 0.12.1 + dvc/ignore.py.
     */
    @ParameterizedTest(name = "[{index}] {0} / {1} dir={2}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
        // plain names match at any depth, files and folders, and everything below a matched folder
        "foo;        foo;           false; .dvcignore:1:foo",
        "foo;        a/b/foo;       false; .dvcignore:1:foo",
        "foo;        foo/x.txt;     false; .dvcignore:1:foo",
        "foo;        foobar;        false; -",
        "foo;        a/foo/b/c;     false; .dvcignore:1:foo",
        // comments, escaped hash, blank lines
        "#foo;       #foo;          false; -",
        "\\#foo;     #foo;          false; .dvcignore:1:\\#foo",
        "  # x|foo;  foo;           false; .dvcignore:2:foo",
        // surrounding spaces are stripped by DVC before pathspec sees the line
        "  foo   ;   foo;           false; .dvcignore:1:foo",
        // trailing slash: folders only
        "foo/;       foo;           false; -",
        "foo/;       foo;           true;  .dvcignore:1:foo/",
        "foo/;       foo/bar;       false; .dvcignore:1:foo/",
        "foo/;       a/foo;         true;  .dvcignore:1:foo/",
        // leading and middle slash anchor to the .dvcignore folder
        "/foo;       foo;           false; .dvcignore:1:/foo",
        "/foo;       a/foo;         false; -",
        "a/foo;      a/foo;         false; .dvcignore:1:a/foo",
        "a/foo;      b/a/foo;       false; -",
        "a/foo/;     a/foo;         false; -",
        "a/foo/;     a/foo;         true;  .dvcignore:1:a/foo/",
        // wildcards never cross a slash
        "*.csv;      x.csv;         false; .dvcignore:1:*.csv",
        "*.csv;      d/x.csv;       false; .dvcignore:1:*.csv",
        "d/*.csv;    d/x.csv;       false; .dvcignore:1:d/*.csv",
        "d/*.csv;    d/e/x.csv;     false; -",
        "d/*;        d/x;           false; .dvcignore:1:d/*",
        "d/*;        d;             true;  -",
        "fo?;        foo;           false; .dvcignore:1:fo?",
        "fo?;        fo;            false; -",
        "fo?;        fo/o;          false; -",
        // bracket expressions, negated with ! or ^, ranges, literal ] first
        "f[ab]o;     fbo;           false; .dvcignore:1:f[ab]o",
        "f[ab]o;     fco;           false; -",
        "f[!ab]o;    fco;           false; .dvcignore:1:f[!ab]o",
        "f[^ab]o;    fao;           false; -",
        "f[a-c]o;    fbo;           false; .dvcignore:1:f[a-c]o",
        "f[]]o;      f]o;           false; .dvcignore:1:f[]]o",
        "f[o;        f[o;           false; .dvcignore:1:f[o",
        "f[/]o;      f/o;           false; -",
        // double asterisks
        "**/foo;     foo;           false; .dvcignore:1:**/foo",
        "**/foo;     a/b/foo;       false; .dvcignore:1:**/foo",
        "a/**;       a/b/c;         false; .dvcignore:1:a/**",
        "a/**;       a;             true;  .dvcignore:1:a/**",
        "a/**/b;     a/b;           false; .dvcignore:1:a/**/b",
        "a/**/b;     a/x/y/b;       false; .dvcignore:1:a/**/b",
        "a/**/b;     x/a/b;         false; -",
        "**;         anything/x;    false; .dvcignore:1:**",
        "**/;        top;           false; -",
        "**/;        top;           true;  .dvcignore:1:**/",
        "**/;        d/x;           false; .dvcignore:1:**/",
        // negation: last match wins
        "*.csv|!keep.csv;        keep.csv;    false; -",
        "*.csv|!keep.csv;        other.csv;   false; .dvcignore:1:*.csv",
        "!keep.csv|*.csv;        keep.csv;    false; .dvcignore:2:*.csv",
        // a file inside an ignored folder stays ignored even if negated
        "data/|!data/keep;       data/keep;   false; .dvcignore:1:data/",
        // ...but negating the folder itself brings it back
        "data*|!data;            data/x;      false; -",
        "data*|!data;            datax;       false; .dvcignore:1:data*",
        // within a run of ignoring patterns the first matching one is reported
        "*.csv|x.*;              x.csv;       false; .dvcignore:1:*.csv",
        // a lone slash is a no-op
        "/;                      foo;         false; -",
        // built-in patterns
        "nothing;    .git;          false; :.git",
        "nothing;    .git;          true;  :.git",
        "nothing;    a/.git/config; false; :.git",
        "nothing;    .dvc;          true;  :.dvc/",
        "nothing;    .dvc/config;   false; :.dvc/",
        "nothing;    .dvc;          false; -",
        "nothing;    .hg/x;         false; :.hg/",
        "nothing;    .gitignore;    false; -",
        // a negation can bring back a built-in one
        "!.git;      .git;          false; -",
    })
    void patternTable(String patterns, String path, boolean dir, String expected) throws IOException {
        write(".dvcignore", patterns.replace('|', '\n') + "\n");
        DvcIgnore ig = DvcIgnore.forRoot(root);
        assertEquals(expected, src(ig, path, dir));
        assertEquals(expected != null, ig.isIgnored(root.resolve(path), dir));
        assertTrue(ig.problems().isEmpty(), () -> ig.problems().toString());
    }

    @Test
    void nestedFilesAreAnchoredToTheirFolderAndEvaluatedAfterShallowerOnes() throws IOException {
        write(".dvcignore", "*.log\n/top.txt\n");
        write("sub/.dvcignore", "!keep.log\n/only_here\nbuild/\nx/y\n");
        DvcIgnore ig = DvcIgnore.forRoot(root);
        assertEquals(".dvcignore:1:*.log", src(ig, "a.log", false));
        assertNull(src(ig, "sub/keep.log", false));
        assertNull(src(ig, "sub/deep/keep.log", false));
        assertEquals(".dvcignore:1:*.log", src(ig, "keep.log", false));
        assertEquals("sub/.dvcignore:2:/only_here", src(ig, "sub/only_here", false));
        assertNull(src(ig, "only_here", false));
        assertNull(src(ig, "sub/deeper/only_here", false));
        assertEquals("sub/.dvcignore:3:build/", src(ig, "sub/a/build/out.bin", false));
        assertNull(src(ig, "build/out.bin", false));
        assertEquals("sub/.dvcignore:4:x/y", src(ig, "sub/x/y", false));
        assertNull(src(ig, "x/y", false));
        assertEquals(".dvcignore:2:/top.txt", src(ig, "top.txt", false));
        assertNull(src(ig, "sub/top.txt", false));
    }

    @Test
    void deeperDvcignoreCanOnlyReachItsOwnFolder() throws IOException {
        write("a/b/.dvcignore", "*.tmp\n");
        DvcIgnore ig = DvcIgnore.forRoot(root);
        assertNull(src(ig, "a/x.tmp", false));
        assertEquals("a/b/.dvcignore:1:*.tmp", src(ig, "a/b/c/x.tmp", false));
    }

    @Test
    void dvcignoreInsideAnIgnoredFolderIsNotRead() throws IOException {
        write(".dvcignore", ".dvcignore\n");
        write("sub/.dvcignore", "foo\n");
        DvcIgnore ig = DvcIgnore.forRoot(root);
        assertNull(src(ig, "sub/foo", false));
    }

    @Test
    void changeRuleRewritesLikeDvc() {
        assertEquals("sub/**/foo", DvcIgnore.changeRule("foo", "sub"));
        assertEquals("sub/foo", DvcIgnore.changeRule("/foo", "sub"));
        assertEquals("sub/a/b", DvcIgnore.changeRule("a/b", "sub"));
        assertEquals("sub/**/foo/", DvcIgnore.changeRule("foo/", "sub"));
        assertEquals("!/sub/**/keep", DvcIgnore.changeRule("!keep", "sub"));
        assertEquals("a/b/**/x", DvcIgnore.changeRule("**/x", "a/b"));
        assertEquals("sub/**/#x", DvcIgnore.changeRule("\\#x", "sub"));
    }

    @Test
    void subRepositoriesAreSkipped() throws IOException {
        Files.createDirectories(root.resolve("inner/.dvc"));
        Files.createDirectories(root.resolve("a/nested/.dvc"));
        DvcIgnore ig = DvcIgnore.forRoot(root);
        assertEquals("in sub_repo:inner", src(ig, "inner", true));
        assertEquals("in sub_repo:inner", src(ig, "inner/dvc.yaml", false));
        assertEquals("in sub_repo:nested", src(ig, "a/nested/x/y", false));
        assertTrue(ig.isSubRepo(root.resolve("inner")));
        assertFalse(ig.isSubRepo(root));
        DvcIgnore walkAll = DvcIgnore.forRoot(root, false);
        assertNull(src(walkAll, "inner/dvc.yaml", false));
        assertEquals(":.dvc/", src(walkAll, "inner/.dvc/config", false));
    }

    @Test
    void aListedFolderHasTheVerdictsOfItsPaths() throws IOException {
        Files.createDirectories(root.resolve("d/inner/.dvc"));
        Files.createDirectories(root.resolve("d/plain"));
        Files.createDirectories(root.resolve("elsewhere/repo/.dvc"));
        Files.createSymbolicLink(root.resolve("d/linked"), root.resolve("elsewhere/repo"));
        write("d/file.txt", "x");
        write("d/x.tmp", "x");
        write("d/keep.tmp", "x");
        write(".dvcignore", "plain/\n*.tmp\n!keep.tmp\ngone/\n");
        Files.createDirectories(root.resolve("gone/deeper"));
        DvcIgnore listed = DvcIgnore.forRoot(root);
        // the folder names os.walk gives: folders and symbolic links to folders
        DvcIgnore.Folder d = listed.folder(root.resolve("d"), List.of("plain", "linked", "inner"));
        DvcIgnore.Folder top = listed.folder(root, List.of("d", "elsewhere", "gone"));
        DvcIgnore.Folder deeper = listed.folder(root.resolve("gone/deeper"), List.of());
        DvcIgnore.Folder outside = listed.folder(root.getParent(), List.of());
        DvcIgnore looked = DvcIgnore.forRoot(root);
        String[] names = {"inner", "linked", "plain", "file.txt", "x.tmp", "keep.tmp", "gone", ".git", ".dvc", "d"};
        for (String name : names) {
            for (boolean dir : new boolean[] {false, true}) {
                String at = name + " dir=" + dir;
                assertEquals(looked.isIgnored(root.resolve("d/" + name), dir), d.isIgnored(name, dir), "d/" + at);
                assertEquals(looked.isIgnored(root.resolve(name), dir), top.isIgnored(name, dir), at);
                assertTrue(deeper.isIgnored(name, dir), "inside an ignored folder: " + at);
                assertFalse(outside.isIgnored(name, dir), "outside the root: " + at);
            }
        }
        assertTrue(d.isIgnored("inner", true));
        assertTrue(d.isIgnored("linked", true), "a symbolic link to a sub-repository");
        assertFalse(d.isIgnored("linked", false));
        assertTrue(d.isIgnored("plain", true));
        assertFalse(d.isIgnored("keep.tmp", false));
        assertEquals("in sub_repo:linked", src(listed, "d/linked", true));
        // rules made already stay as they are
        DvcIgnore early = DvcIgnore.forRoot(root);
        assertEquals("in sub_repo:inner", src(early, "d/inner", true));
        assertTrue(early.folder(root.resolve("d"), List.of()).isIgnored("inner", true));
    }

    @Test
    void messageAndOutsideRoot() throws IOException {
        write(".dvcignore", "# comment\n\nmodels/\n");
        DvcIgnore ig = DvcIgnore.forRoot(root);
        Path p = root.resolve("models/m.pkl");
        Optional<DvcIgnore.Match> m = ig.match(p, false);
        assertTrue(m.isPresent());
        assertEquals("Path '" + p + "' is ignored by .dvcignore:3:models/", m.get().message(p));
        assertEquals(3, m.get().line());
        assertEquals("models/", m.get().pattern());
        assertEquals("Path '" + root.resolve(".git") + "' is ignored by :.git",
                ig.match(root.resolve(".git"), true).orElseThrow().message(root.resolve(".git")));
        assertFalse(ig.isIgnored(root, true));
        assertFalse(ig.isIgnored(root.getParent().resolve("models"), true));
    }

    @Test
    void badPatternsAreReportedNotThrown() throws IOException {
        write(".dvcignore", "ok\nfoo\\\n!\n[z-a]\n");
        DvcIgnore ig = DvcIgnore.forRoot(root);
        assertEquals(".dvcignore:1:ok", src(ig, "ok", false));
        assertEquals(3, ig.problems().size(), () -> ig.problems().toString());
        assertEquals(2, ig.problems().get(0).line());
        assertEquals(3, ig.problems().get(1).line());
        assertEquals(4, ig.problems().get(2).line());
    }

    @Test
    void undecodableDvcignoreIsAProblem() throws IOException {
        Files.write(root.resolve(".dvcignore"), new byte[] {'a', '\n', (byte) 0xff, '\n'});
        DvcIgnore ig = DvcIgnore.forRoot(root);
        assertNull(src(ig, "a", false));
        assertEquals(1, ig.problems().size());
    }

    @Test
    void gitWildMatchRejectsWhatPathspecRejects() {
        assertThrows(GitWildMatch.PatternError.class, () -> GitWildMatch.compile("!"));
        assertThrows(GitWildMatch.PatternError.class, () -> GitWildMatch.compile("a\\"));
        assertNull(GitWildMatch.compile("   "));
        assertNull(GitWildMatch.compile("# c"));
        assertTrue(GitWildMatch.compile("foo\\ ").matches("foo "));
        assertFalse(GitWildMatch.compile("!x").include());
    }
}
