package io.dvclint.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.yaml.Pos;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FormatterUnitTest {
    static final Path ROOT = Path.of("/tmp/project").toAbsolutePath();

    static String render(Formatter f, List<Finding> findings, RuleCatalog catalog) {
        Findings all = new Findings();
        all.addAll(findings);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        f.write(findings, new Report(ROOT, List.of(ROOT), all, false, "9.9", catalog), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void githubEscaping() {
        assertEquals("100%25 done%0D%0Anext", GithubFormatter.escapeData("100% done\r\nnext"));
        assertEquals("a%3Ab%2Cc%25d%0A", GithubFormatter.escapeProperty("a:b,c%d\n"));
        assertEquals("keep: this, too", GithubFormatter.escapeData("keep: this, too"));
        Finding f = new Finding("some-rule", Severity.INFO, ROOT.resolve("dvc.yaml"), new Pos(2, 5),
                "50% of\nthe stages", "fix: it");
        assertEquals("::notice file=dvc.yaml,line=2,col=5,title=some-rule::50%25 of%0Athe stages%0Ahint: fix: it\n",
                render(new GithubFormatter(), List.of(f), null));
        Finding w = new Finding("r", Severity.WARNING, ROOT.resolve("dvc.yaml"), new Pos(1, 1), "m");
        assertTrue(render(new GithubFormatter(), List.of(w), null).startsWith("::warning file="));
    }

    @Test
    void xmlFormatsEscapeEverything() throws Exception {
        String nasty = "a <b> & \"c\" 'd'\nline two\u0001 \uD800 end \uD83D\uDE00";
        Finding f = new Finding("r-1", Severity.WARNING, ROOT.resolve("x&y/dvc.yaml"), new Pos(3, 7), nasty);
        String xml = render(new CheckstyleFormatter(), List.of(f), null);
        Element e = (Element) parse(xml).getElementsByTagName("error").item(0);
        assertEquals("a <b> & \"c\" 'd'\nline two\uFFFD \uFFFD end \uD83D\uDE00", e.getAttribute("message"));
        assertEquals("warning", e.getAttribute("severity"));
        assertEquals("x&y/dvc.yaml", ((Element) e.getParentNode()).getAttribute("name"));

        String junit = render(new JunitFormatter(), List.of(f), null);
        Element tc = (Element) parse(junit).getElementsByTagName("testcase").item(0);
        assertEquals(0, tc.getElementsByTagName("failure").getLength(), "warnings do not fail the test case");
        assertTrue(tc.getElementsByTagName("system-out").item(0).getTextContent().contains("a <b> & \"c\""));
    }

    static org.w3c.dom.Document parse(String s) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sarifTakesRulesFromThePluggedCatalog() {
        RuleCatalog catalog = () -> List.of(
                new RuleInfo("unused-param", "Params that no stage uses", "Long text.", Severity.WARNING),
                new RuleInfo("missing-dep", "Command reads a file it does not declare", null, Severity.ERROR));
        List<Finding> fs = List.of(
                new Finding("missing-dep", Severity.ERROR, ROOT.resolve("dvc.yaml"), new Pos(2, 3), "m1"),
                new Finding("not-in-catalog", Severity.INFO, ROOT.resolve("dvc.yaml"), new Pos(5, 1), "m2"));
        JsonNode run = JsonMapper.builder().build().readTree(render(new SarifFormatter(), fs, catalog))
                .get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(3, rules.size());
        assertEquals("unused-param", rules.get(0).get("id").asString());
        assertEquals("warning", rules.get(0).get("defaultConfiguration").get("level").asString());
        assertEquals("Long text.", rules.get(0).get("fullDescription").get("text").asString());
        assertEquals("Command reads a file it does not declare",
                rules.get(1).get("fullDescription").get("text").asString());
        assertEquals(1, run.get("results").get(0).get("ruleIndex").asInt());
        assertEquals(2, run.get("results").get(1).get("ruleIndex").asInt());
        assertEquals("not-in-catalog", rules.get(2).get("id").asString());
        assertEquals("note", run.get("results").get(1).get("level").asString());
    }

    @Test
    void messageNumbersDoNotEnterTheFingerprint() {
        assertEquals("first defined at line #, column #; see x.yaml:#:#",
                Fingerprints.normalizeMessage("first defined at line 2, column 13; see x.yaml:4:5"));
        assertEquals("python3 train.py --epochs 10", Fingerprints.normalizeMessage("python3 train.py --epochs 10"));
    }

    @Test
    void relativeUrisAreEncoded() {
        assertEquals("a%20b/c%23d.yaml", SarifFormatter.relativeUri("a b/c#d.yaml"));
        assertEquals("./c:d/dvc.yaml", SarifFormatter.relativeUri("c:d/dvc.yaml"));
        assertEquals("caf%C3%A9/dvc.yaml", SarifFormatter.relativeUri("café/dvc.yaml"));
    }
}
