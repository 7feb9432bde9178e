package io.dvclint.cli;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class DagCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void pipeline() {
        write(dir, "dvc.yaml", """
                stages:
                  prepare:
                    cmd: python prepare.py
                    deps: [data/data.xml]
                    outs: [data/prepared]
                  featurize:
                    cmd: python featurize.py
                    deps: [data/prepared/train.tsv]
                    outs: [data/features]
                  train:
                    cmd: python train.py
                    deps: [data/features]
                    outs: [model.pkl]
                  evaluate:
                    cmd: python evaluate.py
                    deps: [model.pkl, data/features]
                    metrics:
                      - eval.json:
                          cache: false
                  other:
                    cmd: echo > other.txt
                    outs: [other.txt]
                """);
        write(dir, "data/data.xml.dvc", "outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  path: data.xml\n");
    }

    @Test
    void mermaidAndMarkdownAsDvcPrintsThem() {
        Run r = cli(dir, "dag", "--mermaid");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                flowchart TD
                \tnode1["data/data.xml.dvc"]
                \tnode2["evaluate"]
                \tnode3["featurize"]
                \tnode4["prepare"]
                \tnode5["train"]
                \tnode1-->node4
                \tnode3-->node2
                \tnode3-->node5
                \tnode4-->node3
                \tnode5-->node2
                \tnode6["other"]
                """, r.out());
        Run md = cli(dir, "dag", "--md");
        assertTrue(md.out().startsWith("```mermaid\nflowchart TD\n") && md.out().endsWith("\n```\n"), md.out());
    }

    @Test
    void targetKeepsItsUpstreamAndFullItsWholePipeline() {
        Run up = cli(dir, "dag", "--mermaid", "featurize");
        assertEquals("flowchart TD\n\tnode1[\"data/data.xml.dvc\"]\n\tnode2[\"featurize\"]\n\tnode3[\"prepare\"]\n"
                + "\tnode1-->node3\n\tnode3-->node2\n", up.out());
        Run full = cli(dir, "dag", "--mermaid", "--full", "featurize");
        assertTrue(full.out().contains("evaluate") && !full.out().contains("other"), full.out());
        Run missing = cli(dir, "dag", "nope");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("'nope' does not exist"), missing.err());
    }

    @Test
    void outputsGraph() {
        Run r = cli(dir, "dag", "--outs", "--dot");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"data/prepared\" -> \"data/features\";"), r.out());
        assertTrue(r.out().contains("\"data/features\" -> \"eval.json\";"), r.out());
        assertTrue(r.out().contains("\"model.pkl\" -> \"eval.json\";"), r.out());
    }

    @Test
    void dotHasADeterministicOrder() {
        Run a = cli(dir, "dag", "--dot");
        assertEquals(a.out(), cli(dir, "dag", "--format", "dot").out());
        assertTrue(a.out().startsWith("strict digraph {\n\"prepare\";\n"), a.out());
        assertTrue(a.out().contains("\"prepare\" -> \"featurize\";\n"), a.out());
    }

    @Test
    void jsonGivesPositionsDefinitionsAndEdgePaths() throws Exception {
        Run r = cli(dir, "dag", "--format", "json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode train = null;
        for (JsonNode n : doc.get("nodes")) if (n.get("id").asString().equals("train")) train = n;
        assertEquals("stage", train.get("kind").asString());
        assertEquals("dvc.yaml", train.get("file").asString());
        assertEquals(10, train.get("line").asInt());
        assertEquals("python train.py", train.get("definition").get("cmd").asString());
        boolean found = false;
        for (JsonNode e : doc.get("edges")) {
            if (e.get("from").asString().equals("prepare") && e.get("to").asString().equals("featurize")) {
                assertEquals("data/prepared/train.tsv", e.get("paths").get(0).get("dep").asString());
                assertEquals("data/prepared", e.get("paths").get(0).get("out").asString());
                found = true;
            }
        }
        assertTrue(found, r.out());
    }

    @Test
    void asciiDrawsBoxesUpstreamFirst() {
        Run r = cli(dir, "dag");
        assertEquals(0, r.exit());
        assertTrue(r.out().indexOf("| prepare |") < r.out().indexOf("| featurize |"), r.out());
        assertTrue(r.out().contains("+---------+"), r.out());
        assertTrue(r.out().contains("| other |"), r.out());
    }

    @Test
    void aPipelineDvcRefusesIsAnErrorNotAGraph() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n    deps: [b.txt]\n    outs: [a.txt]\n"
                + "  b:\n    cmd: x\n    deps: [a.txt]\n    outs: [b.txt]\n");
        Run r = cli(dir, "dag", "--mermaid");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("[cycle]"), r.err());
    }
}
