package io.dvclint.cli;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import io.dvclint.format.Fingerprints;
import io.dvclint.format.RuleLinks;
import io.dvclint.lint.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CI-facing formats (sarif, github, checkstyle, junit) over a project with findings in several files. */
class ReportFormatsTest {
    static final String DUPLICATE = "stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n";
    static final String BROKEN = "stages:\n  b:\n    cmd: [oops\n";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    Function<String, String> savedEnv;

    @BeforeEach
    void project() throws Exception {
        savedEnv = LintCommand.env;
        LintCommand.env = k -> null;
        Files.createDirectories(dir.resolve(".dvc"));
        write(dir, "dvc.yaml", DUPLICATE);
        write(dir, "sub/dvc.yaml", BROKEN);
        write(dir, "ok/dvc.yaml", "stages:\n  c:\n    cmd: echo hi > out.txt\n    outs:\n      - out.txt\n");
        write(dir, "ok/dvc.lock", "schema: '2.0'\nstages:\n  c:\n    cmd: echo hi > out.txt\n    outs:\n"
                + "    - path: out.txt\n      hash: md5\n      md5: 764efa883dda1e11db47671c4a3bbd9e\n      size: 3\n");
    }

    @AfterEach
    void restoreEnv() {
        LintCommand.env = savedEnv;
    }

    JsonNode sarif(Path cwd) {
        Run r = cli(cwd, "lint", "--format", "sarif");
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void sarifDescribesToolRulesAndResults() {
        JsonNode root = sarif(dir);
        assertTrue(root.get("$schema").asString().contains("sarif"), root.toString());
        assertEquals("2.1.0", root.get("version").asString());
        assertEquals(1, root.get("runs").size());
        JsonNode run = root.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("dvclint", driver.get("name").asString());
        assertEquals(Version.get(), driver.get("version").asString());
        assertTrue(driver.get("informationUri").asString().startsWith("https://"));
        JsonNode rules = driver.get("rules");
        // every rule dvclint has is described, whether or not it fired
        assertEquals(RuleRegistry.ids().size(), rules.size(), rules.toString());
        JsonNode rule = rules.get(0);
        assertEquals("yaml-syntax", rule.get("id").asString());
        assertEquals("YamlSyntax", rule.get("name").asString());
        assertFalse(rule.get("shortDescription").get("text").asString().isEmpty());
        assertFalse(rule.get("fullDescription").get("text").asString().isEmpty());
        assertEquals(RuleLinks.url("yaml-syntax"), rule.get("helpUri").asString());
        assertEquals("error", rule.get("defaultConfiguration").get("level").asString());

        assertEquals(dir.toUri().toString(), run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asString());
        JsonNode results = run.get("results");
        assertEquals(2, results.size(), results.toString());
        JsonNode dup = results.get(0);
        assertEquals("yaml-syntax", dup.get("ruleId").asString());
        assertEquals(0, dup.get("ruleIndex").asInt());
        assertEquals("error", dup.get("level").asString());
        assertTrue(dup.get("message").get("text").asString().contains("duplicate key 'a'"));
        JsonNode loc = dup.get("locations").get(0).get("physicalLocation");
        assertEquals("dvc.yaml", loc.get("artifactLocation").get("uri").asString());
        assertEquals("%SRCROOT%", loc.get("artifactLocation").get("uriBaseId").asString());
        assertEquals(4, loc.get("region").get("startLine").asInt());
        assertEquals(3, loc.get("region").get("startColumn").asInt());
        JsonNode broken = results.get(1).get("locations").get(0).get("physicalLocation");
        assertEquals("sub/dvc.yaml", broken.get("artifactLocation").get("uri").asString());
        assertTrue(broken.get("region").get("startLine").asInt() >= 3);
        for (JsonNode r : results) {
            assertTrue(r.get("partialFingerprints").get(Fingerprints.SARIF_KEY).asString().matches("[0-9a-f]{32}:1"));
        }
    }

    static List<String> fingerprints(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : root.get("runs").get(0).get("results")) {
            out.add(r.get("partialFingerprints").get(Fingerprints.SARIF_KEY).asString());
        }
        return out;
    }

    static int startLine(JsonNode root, int i) {
        return root.get("runs").get(0).get("results").get(i).get("locations").get(0).get("physicalLocation")
                .get("region").get("startLine").asInt();
    }

    @Test
    void fingerprintsAreStableAcrossRunsAndEditsAbove() {
        JsonNode first = sarif(dir);
        List<String> fp = fingerprints(first);
        assertNotEquals(fp.get(0), fp.get(1));
        assertEquals(fp, fingerprints(sarif(dir)), "same input, same fingerprints");
        assertEquals(fp, fingerprints(sarif(dir.resolve("sub"))), "independent of the current folder");

        write(dir, "dvc.yaml", "\n# a comment\n" + DUPLICATE);
        write(dir, "sub/dvc.yaml", "\n" + BROKEN);
        JsonNode moved = sarif(dir);
        assertEquals(startLine(first, 0) + 2, startLine(moved, 0), "the finding moved down");
        assertEquals(startLine(first, 1) + 1, startLine(moved, 1));
        assertEquals(fp, fingerprints(moved), "lines inserted above keep the fingerprints");

        write(dir, "dvc.yaml", DUPLICATE.replace("  a:\n    cmd: y", "  a:   \n    cmd: y"));
        assertEquals(fp.get(0), fingerprints(sarif(dir)).get(0), "trailing blanks on the line do not matter");
        write(dir, "dvc.yaml", "stages:\n  b:\n    cmd: x\n  b:\n    cmd: y\n");
        assertNotEquals(fp.get(0), fingerprints(sarif(dir)).get(0), "another problem, another fingerprint");
    }

    @Test
    void identicalFindingsGetDistinctFingerprints() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n  a:\n    cmd: y\n  a:\n    cmd: z\n");
        List<String> fp = fingerprints(sarif(dir));
        assertEquals(fp.size(), fp.stream().distinct().count(), fp.toString());
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchema() throws Exception {
        Path schema = Path.of(System.getProperty("dvclint.shared", "../shared"), "reference", "sarif-schema-2.1.0.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(schema), "no SARIF schema at " + schema);
        com.networknt.schema.Schema s = com.networknt.schema.SchemaRegistry
                .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_7)
                .getSchema(Files.newInputStream(schema));
        write(dir, "we ird#dir/dvc.yaml", "x: [\n");
        JsonNode doc = sarif(dir);
        List<com.networknt.schema.Error> errors = s.validate(doc);
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(doc.toString().contains("\"we%20ird%23dir/dvc.yaml\""), doc.toString());

        // the validator does reject what is not SARIF
        ((tools.jackson.databind.node.ObjectNode) doc).put("version", "2.0.0");
        ((tools.jackson.databind.node.ObjectNode) doc.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertTrue(s.validate(doc).size() >= 2, s.validate(doc).toString());
        // a clean project is valid SARIF too (no results, no rules)
        write(dir, "dvc.yaml", "stages: {}\n");
        Files.delete(dir.resolve("sub/dvc.yaml"));
        Files.delete(dir.resolve("we ird#dir/dvc.yaml"));
        Run clean = cli(dir, "lint", "--format", "sarif");
        assertEquals(0, clean.exit(), clean.out());
        assertTrue(s.validate(JSON.readTree(clean.out())).isEmpty());
    }

    @Test
    void githubAnnotations() {
        write(dir, "a,b:c/dvc.yaml", "x: [\n");
        Run r = cli(dir, "lint", "--format", "github");
        assertEquals(1, r.exit());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("::error file=a%2Cb%3Ac/dvc.yaml,line="), lines.get(0));
        assertEquals("::error file=dvc.yaml,line=4,col=3,title=yaml-syntax::invalid YAML: found duplicate key 'a' "
                + "(first defined at line 2, column 3)", lines.get(1));
        assertTrue(lines.get(2).matches("::error file=sub/dvc.yaml,line=\\d+,col=\\d+,title=yaml-syntax::.+"),
                lines.get(2));
    }

    @Test
    void githubFormatIsTheDefaultInsideGithubActions() {
        LintCommand.env = Map.of("GITHUB_ACTIONS", "true")::get;
        Run r = cli(dir, "lint");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("::error file=dvc.yaml,line=4,col=3,title=yaml-syntax::"), r.out());
        assertTrue(cli(dir, "lint", "--format", "gcc").out().startsWith("dvc.yaml:4:3: error: "), "--format wins");

        LintCommand.env = Map.of("GITHUB_ACTIONS", "false")::get;
        assertTrue(cli(dir, "lint").out().startsWith("dvc.yaml:4:3: invalid YAML"));
        LintCommand.env = k -> null;
        Run text = cli(dir, "lint");
        assertTrue(text.out().startsWith("dvc.yaml:4:3: invalid YAML"), text.out());
        assertTrue(text.out().contains("4 |   a:"), text.out());
    }

    static Document xml(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checkstyleXml() throws Exception {
        Run r = cli(dir, "lint", "--format", "checkstyle");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">"));
        Element root = xml(r.out()).getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        NodeList files = root.getElementsByTagName("file");
        assertEquals(2, files.getLength(), "only files with findings");
        Element f0 = (Element) files.item(0);
        assertEquals("dvc.yaml", f0.getAttribute("name"));
        Element e = (Element) f0.getElementsByTagName("error").item(0);
        assertEquals("4", e.getAttribute("line"));
        assertEquals("3", e.getAttribute("column"));
        assertEquals("error", e.getAttribute("severity"));
        assertEquals("dvclint.yaml-syntax", e.getAttribute("source"));
        assertEquals("invalid YAML: found duplicate key 'a' (first defined at line 2, column 3)", e.getAttribute("message"));
        assertEquals("sub/dvc.yaml", ((Element) files.item(1)).getAttribute("name"));
    }

    @Test
    void junitXml() throws Exception {
        Run r = cli(dir, "lint", "--format", "junit");
        assertEquals(1, r.exit());
        Document d = xml(r.out());
        Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
        assertEquals("dvclint", suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        Element dup = (Element) cases.item(0), ok = (Element) cases.item(2), broken = (Element) cases.item(3);
        assertEquals("ok/dvc.lock", ((Element) cases.item(1)).getAttribute("name"));
        assertEquals("dvc.yaml", dup.getAttribute("name"));
        assertEquals("ok/dvc.yaml", ok.getAttribute("name"));
        assertEquals("sub/dvc.yaml", broken.getAttribute("name"));
        assertEquals(0, ok.getElementsByTagName("failure").getLength(), "a clean file passes");
        Element failure = (Element) dup.getElementsByTagName("failure").item(0);
        assertEquals("yaml-syntax", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").contains("duplicate key 'a'"));
        assertTrue(failure.getTextContent().startsWith("dvc.yaml:4:3: error: "), failure.getTextContent());
        assertEquals(1, broken.getElementsByTagName("failure").getLength());
    }
}
