package io.dvclint.exec;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.CliProcess;
import io.dvclint.TestFiles.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .dvc} data sources (from {@code dvc add}) in {@code status} and {@code repro}, as DVC's {@code Stage.status},
 * {@code Stage.reproduce} and {@code SingleStageFile.dump} treat them: a changed one is listed, verified, committed to
 * the cache and its {@code .dvc} file written back with the new hash, the rest of the file as it was.
 */
class DataSourceTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() {
        write(dir, ".dvc/config", "[core]\n    no_scm = True\n");
    }

    static String md5(String s) {
        return CliProcess.md5(s.getBytes(StandardCharsets.UTF_8));
    }

    /** What {@code dvc add} writes for a file. */
    static String added(String md5, long size, String path) {
        return "outs:\n- md5: " + md5 + "\n  size: " + size + "\n  hash: md5\n  path: " + path + "\n";
    }

    private String read(String rel) throws Exception {
        return Files.readString(dir.resolve(rel));
    }

    private Path object(String md5) {
        return dir.resolve(".dvc/cache/files/md5/" + md5.substring(0, 2) + "/" + md5.substring(2));
    }

    /** The file as {@code dvc add} leaves it: hashed in its .dvc file and committed to the cache. */
    private void addFile(String path, String content) throws Exception {
        write(dir, path, content);
        write(dir, path + ".dvc", added(md5(content), content.getBytes(StandardCharsets.UTF_8).length, path));
        Files.createDirectories(object(md5(content)).getParent());
        Files.writeString(object(md5(content)), content);
    }

    @Test
    void aChangedFileIsListedThenResavedAndCommitted() throws Exception {
        addFile("data.xml", "<a/>\n");
        assertEquals("Data and pipelines are up to date.\n", cli(dir, "status").out());
        write(dir, "data.xml", "<a>changed</a>\n");

        Run st = cli(dir, "status");
        assertEquals("data.xml.dvc:\n\tchanged outs:\n\t\tmodified:           data.xml\n", st.out());
        assertEquals("{\"data.xml.dvc\": [{\"changed outs\": {\"data.xml\": \"modified\"}}]}\n",
                cli(dir, "status", "--json").out());
        assertEquals(1, cli(dir, "status", "-q").exit());
        assertEquals("data.xml.dvc: output data.xml modified\n", cli(dir, "status", "--why").out());
        assertTrue(cli(dir, "repro", "--dry", "--json", "data.xml.dvc").out().contains("\"data_source\": true, "
                + "\"resave\": true, \"reasons\": [{\"kind\": \"out\", \"path\": \"data.xml\", "
                + "\"state\": \"modified\"}]"));

        Run r = cli(dir, "repro", "data.xml.dvc");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("Verifying data sources in stage: 'data.xml.dvc'\n"
                + "Use `dvc push` to send your updates to remote storage.\n", r.out());
        String now = md5("<a>changed</a>\n");
        assertEquals("outs:\n- md5: " + now + "\n  size: 15\n  hash: md5\n  path: data.xml\n", read("data.xml.dvc"));
        assertEquals("<a>changed</a>\n", Files.readString(object(now)), "the new data is in the cache");
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(object(now))),
                "cache objects are read-only");

        Run again = cli(dir, "repro", "data.xml.dvc");
        assertEquals("'data.xml.dvc' didn't change, skipping\nData and pipelines are up to date.\n", again.out());
        assertEquals("{}\n", cli(dir, "status", "--json").out());
    }

    @Test
    void anUnchangedSourceIsLeftAsWritten() throws Exception {
        String content = "raw\n";
        addFile("data.csv", content);
        // not the layout DVC writes: an unchanged source is not written again, so it stays so
        String odd = "outs:\n  - md5: '" + md5(content) + "'\n    size: 4\n    hash: md5\n    path: ./data.csv\n";
        write(dir, "data.csv.dvc", odd);
        assertEquals("Data and pipelines are up to date.\n", cli(dir, "status").out());
        Run r = cli(dir, "repro", "data.csv.dvc");
        assertEquals("'data.csv.dvc' didn't change, skipping\nData and pipelines are up to date.\n", r.out());
        assertEquals(odd, read("data.csv.dvc"));
    }

    @Test
    void dataNotInTheCacheIsCommittedAndTheFileWrittenInDvcsForm() throws Exception {
        String content = "raw\n";
        write(dir, "data.csv", content);
        write(dir, "data.csv.dvc", "outs:\n  - md5: '" + md5(content) + "'\n    size: 4\n    hash: md5\n"
                + "    path: ./data.csv\n");
        assertEquals("data.csv.dvc:\n\tchanged outs:\n\t\tnot in cache:       data.csv\n", cli(dir, "status").out());
        Run r = cli(dir, "repro", "data.csv.dvc");
        assertEquals("Verifying data sources in stage: 'data.csv.dvc'\n"
                + "Use `dvc push` to send your updates to remote storage.\n", r.out());
        // ruamel writes the sequence unindented and the string plain; the path relative to the wdir, normalised
        assertEquals(added(md5(content), 4, "data.csv"), read("data.csv.dvc"));
        assertEquals(content, Files.readString(object(md5(content))));
    }

    @Test
    void aDirectorySourceGetsItsNewManifest() throws Exception {
        write(dir, "images/a.txt", "a\n");
        write(dir, "images/sub/b.txt", "b\n");
        write(dir, "images.dvc", "outs:\n- md5: 0123456789abcdef0123456789abcdef.dir\n  size: 2\n  nfiles: 1\n"
                + "  hash: md5\n  path: images\n");
        assertEquals("{\"images.dvc\": [{\"changed outs\": {\"images\": \"not in cache\"}}]}\n",
                cli(dir, "status", "--json").out());
        Run r = cli(dir, "repro", "images.dvc");
        assertEquals(0, r.exit(), r.err());
        String manifest = "[{\"md5\": \"" + md5("a\n") + "\", \"relpath\": \"a.txt\"}, {\"md5\": \"" + md5("b\n")
                + "\", \"relpath\": \"sub/b.txt\"}]";
        String dirMd5 = md5(manifest) + ".dir";
        assertEquals("outs:\n- md5: " + dirMd5 + "\n  size: 4\n  nfiles: 2\n  hash: md5\n  path: images\n",
                read("images.dvc"));
        assertEquals(manifest, Files.readString(object(dirMd5)), "the .dir manifest");
        assertEquals("a\n", Files.readString(object(md5("a\n"))));
        assertEquals("b\n", Files.readString(object(md5("b\n"))));
        assertEquals("Data and pipelines are up to date.\n", cli(dir, "status").out());
    }

    @Test
    void descriptionsCommentsAndOrderAreKept() throws Exception {
        addFile("data.xml", "<a/>\n");
        String old = md5("<a/>\n");
        write(dir, "data.xml.dvc", """
                # Raw data, added with dvc add
                desc: Nightly export of the shop database   # the stage's description
                outs:
                - md5: %s  # set by dvc
                  size: 5
                  hash: md5
                  path: data.xml
                  desc: the raw export   # keep me

                # who to ask
                meta:
                  owner: data-team
                """.formatted(old));
        write(dir, "data.xml", "<a>a longer text</a>\n");
        cli(dir, "repro", "data.xml.dvc");
        // as ruamel.yaml 0.18 writes it back after DVC's apply_diff (the comments at their columns)
        assertEquals("""
                # Raw data, added with dvc add
                desc: Nightly export of the shop database   # the stage's description
                outs:
                - md5: %s  # set by dvc
                  size: 21
                  hash: md5
                  path: data.xml
                  desc: the raw export   # keep me

                # who to ask
                meta:
                  owner: data-team
                """.formatted(md5("<a>a longer text</a>\n")), read("data.xml.dvc"));
    }

    @Test
    void aFrozenSourceIsVerifiedAndResavedWithAWarning() throws Exception {
        addFile("data.xml", "<a/>\n");
        write(dir, "data.xml.dvc", "frozen: true\n" + read("data.xml.dvc"));
        write(dir, "data.xml", "<b/>\n");
        Run st = cli(dir, "status");
        assertEquals("data.xml.dvc:\n\tchanged outs:\n\t\tmodified:           data.xml\n", st.out());
        assertTrue(st.err().contains("WARNING: stage: 'data.xml.dvc' is frozen. Its dependencies are not going to be "
                + "shown in the status output."), st.err());
        Run r = cli(dir, "repro", "data.xml.dvc");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("WARNING: stage: 'data.xml.dvc' is frozen. Its dependencies are not going to be "
                + "reproduced."), r.err());
        assertEquals("Verifying outputs in frozen stage: 'data.xml.dvc'\n"
                + "Use `dvc push` to send your updates to remote storage.\n", r.out());
        assertEquals("frozen: true\n" + added(md5("<b/>\n"), 5, "data.xml"), read("data.xml.dvc"));
    }

    @Test
    void aMissingDataFileFailsAsDvcFails() throws Exception {
        addFile("data.xml", "<a/>\n");
        String before = read("data.xml.dvc");
        Files.delete(dir.resolve("data.xml"));
        assertEquals("{\"data.xml.dvc\": [{\"changed outs\": {\"data.xml\": \"deleted\"}}]}\n",
                cli(dir, "status", "--json").out());
        Run r = cli(dir, "repro", "data.xml.dvc");
        assertEquals(1, r.exit());
        assertEquals("Verifying data sources in stage: 'data.xml.dvc'\n", r.out());
        assertTrue(r.err().contains("ERROR: failed to reproduce 'data.xml.dvc': missing data 'source': data.xml"),
                r.err());
        assertEquals(before, read("data.xml.dvc"));
        Run allow = cli(dir, "repro", "--allow-missing", "data.xml.dvc");
        assertEquals("'data.xml.dvc' didn't change, skipping\nData and pipelines are up to date.\n", allow.out());
    }

    @Test
    void aDvc2SourceGetsItsHashNameOnlyWhenItChanges() throws Exception {
        write(dir, "data.txt", "x\n");
        // DVC 2: a stage md5 at the top, no hash: md5 (the md5 of "x\n", which has no CRLF, is the same either way)
        String legacy = "md5: 7c56a8ea6e21ad9bd1c2fc5ff5b4ad08\nouts:\n- md5: " + md5("x\n") + "\n  size: 2\n"
                + "  path: data.txt\n";
        write(dir, "data.txt.dvc", legacy);
        Path obj = dir.resolve(".dvc/cache/" + md5("x\n").substring(0, 2) + "/" + md5("x\n").substring(2));
        Files.createDirectories(obj.getParent());
        Files.writeString(obj, "x\n");
        assertEquals("data.txt.dvc:\n\tchanged checksum\n", cli(dir, "status").out());
        write(dir, "data.txt", "y\n");
        assertEquals("{\"data.txt.dvc\": [{\"changed outs\": {\"data.txt\": \"modified\"}}, \"changed checksum\"]}\n",
                cli(dir, "status", "--json").out());
        cli(dir, "repro", "data.txt.dvc");
        // the stage md5 goes; hash: md5 is added at the end of the entry, as apply_diff adds a key
        assertEquals("outs:\n- md5: " + md5("y\n") + "\n  size: 2\n  path: data.txt\n  hash: md5\n",
                read("data.txt.dvc"));
        assertTrue(Files.exists(object(md5("y\n"))), "committed as a DVC 3 object");
    }

    @Test
    void aChangedSourceIsResavedBeforeTheStagesThatReadIt() throws Exception {
        addFile("data.xml", "<a/>\n");
        write(dir, "dvc.yaml", "stages:\n  prep:\n    cmd: cp data.xml out.txt\n    deps: [data.xml]\n"
                + "    outs: [out.txt]\n");
        cli(dir, "repro");
        write(dir, "data.xml", "<b/>\n");
        Run dry = cli(dir, "repro", "--dry");
        // nothing said of the data source (DVC verifies nothing with --dry), then a blank line as after any stage
        // that would be reproduced; the run-cache line is DVC's too (the deps are not saved before it looks)
        assertEquals("\nStage 'prep' is cached - skipping run, checking out outputs\nRunning stage 'prep':\n"
                + "> cp data.xml out.txt\nUse `dvc push` to send your updates to remote storage.\n", dry.out());
        assertEquals(added(md5("<a/>\n"), 5, "data.xml"), read("data.xml.dvc"), "--dry writes nothing");
        Run r = cli(dir, "repro");
        assertEquals("Verifying data sources in stage: 'data.xml.dvc'\n\nRunning stage 'prep':\n"
                + "> cp data.xml out.txt\nUpdating lock file 'dvc.lock'\n"
                + "Use `dvc push` to send your updates to remote storage.\n", r.out());
        assertEquals(added(md5("<b/>\n"), 5, "data.xml"), read("data.xml.dvc"));
        Run forced = cli(dir, "repro", "-f");
        assertTrue(forced.out().startsWith("Verifying data sources in stage: 'data.xml.dvc'\n\nRunning stage 'prep'"),
                forced.out());
    }
}
