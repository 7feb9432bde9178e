package io.dvclint.rules;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.model.Commands;
import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.findings.Severity;
import io.dvclint.lint.Linter;
import io.dvclint.model.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;




class MoreRulesTest {
    @TempDir
    Path dir;

    List<Finding> lint(String dvcYaml, String rule) {
        write(dir, "dvc.yaml", dvcYaml);
        return run(rule);
    }

    List<Finding> run(String rule) {
        Findings f = new Findings();
        Linter.lint(dir, f, Config.DEFAULT);
        return f.sorted().stream().filter(x -> x.ruleId().equals(rule)).toList();
    }

    // ---- script-not-in-deps

    @Test
    void scriptNotInDepsFlagsInterpretersAndPrefixes() {
        write(dir, "src/train.py", "");
        write(dir, "pkg/mod.py", "");
        write(dir, "x.R", "");
        write(dir, "run.sh", "");
        write(dir, "sub/tool.js", "");
        write(dir, "sub/go.sh", "");
        List<Finding> fs = lint("""
                stages:
                  a:
                    cmd: CUDA_VISIBLE_DEVICES=0 uv run python -u src/train.py --lr 1
                    outs: [m]
                  b:
                    cmd: poetry run python -m pkg.mod
                    outs: [n]
                  c:
                    cmd: Rscript --vanilla x.R && bash run.sh > log.txt
                    outs: [o]
                  d:
                    cmd: cd sub && node tool.js && ./go.sh
                    outs: [p]
                """, "script-not-in-deps");
        assertEquals(List.of("pkg/mod.py", "run.sh", "src/train.py", "sub/go.sh", "sub/tool.js", "x.R"),
                fs.stream().map(f -> f.hint().replaceAll(".*`- (.*)`.*", "$1")).sorted().toList(), fs.toString());
        assertEquals(Severity.WARNING, fs.get(0).severity());
        assertEquals(3, fs.get(0).line());
        assertTrue(fs.get(1).message().contains("runs module 'pkg.mod' (pkg/mod.py), which"), fs.get(1).message());
        assertTrue(fs.get(0).message().contains("runs 'src/train.py', which"), fs.get(0).message());
    }

    @Test
    void scriptNotInDepsNotebooksAndWindowsPaths() {
        write(dir, "nb/report.ipynb", "{}");
        write(dir, "src/prep.py", "");
        List<Finding> fs = lint("""
                stages:
                  a:
                    cmd: papermill -r dataset ml-100k nb/report.ipynb out.ipynb
                    outs: [out.ipynb]
                  b:
                    cmd: python src\\prep.py
                    outs: [p]
                  c:
                    cmd: jupyter nbconvert --to html out.ipynb
                    deps: [out.ipynb]
                    outs: [out.html]
                """, "script-not-in-deps");
        assertEquals(List.of("add `- nb/report.ipynb` to its deps", "add `- src/prep.py` to its deps"),
                fs.stream().map(Finding::hint).toList(), fs.toString());
    }

    @Test
    void scriptNotInDepsNearMisses() {
        write(dir, "src/train.py", "");
        write(dir, "lib/eval.py", "");
        write(dir, "w/inner.py", "");
        List<Finding> fs = lint("""
                stages:
                  listed:
                    cmd: python src/train.py
                    deps: [src/train.py]
                    outs: [a]
                  folder:
                    cmd: python lib/eval.py
                    deps: [lib]
                    outs: [b]
                  absent:
                    cmd: python nope.py && python -m pytest && python -c "import x" && bash -c 'run.sh'
                    outs: [c]
                  wdir:
                    cmd: python inner.py
                    wdir: w
                    deps: [inner.py]
                    outs: [d]
                  onpath:
                    cmd: train.py && /usr/bin/env python3 --version
                    outs: [e]
                  templated:
                    cmd: python $SCRIPT
                    outs: [f]
                """, "script-not-in-deps");
        assertEquals(List.of(), fs);
    }

    @Test
    void scriptNotInDepsProducedByAStage() {
        List<Finding> fs = lint("""
                stages:
                  gen:
                    cmd: echo > gen.py
                    outs: [gen.py]
                  use:
                    cmd: python gen.py
                    outs: [x]
                """, "script-not-in-deps");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("stage 'use'"), fs.get(0).message());
    }

    @Test
    void scriptNotInDepsFixesBlockFlowAndMissingDeps() throws Exception {
        write(dir, "train.py", "");
        write(dir, "src/prep.py", "");
        write(dir, "w/ev.py", "");
        String before = """
                stages:
                  prep:
                    cmd: python src/prep.py
                    deps:
                    - data.csv  # raw
                    outs:
                    - prepared
                  train:
                    cmd: python train.py
                    deps: [prepared]
                    outs: [model]
                  eval:
                    cmd: python ev.py
                    wdir: w
                    metrics:
                      - m.json:
                          cache: false
                """;
        write(dir, "data.csv", "x");
        write(dir, "dvc.yaml", before);
        Findings f0 = new Findings();
        List<Stage> s0 = Linter.lint(dir, f0, Config.DEFAULT).stages();
        assertEquals(3, f0.all().stream().filter(f -> f.ruleId().equals("script-not-in-deps")).count());
        cli(dir, "lint", "--fix");
        String after = Files.readString(dir.resolve("dvc.yaml"));
        assertEquals("""
                stages:
                  prep:
                    cmd: python src/prep.py
                    deps:
                    - data.csv  # raw
                    - src/prep.py
                    outs:
                    - prepared
                  train:
                    cmd: python train.py
                    deps: [prepared, train.py]
                    outs: [model]
                  eval:
                    cmd: python ev.py
                    deps:
                      - ev.py
                    wdir: w
                    metrics:
                      - m.json:
                          cache: false
                """, after);
        Findings f1 = new Findings();
        List<Stage> s1 = Linter.lint(dir, f1, Config.DEFAULT).stages();
        assertEquals(List.of(), f1.all().stream().filter(f -> List.of("script-not-in-deps", "schema", "yaml-syntax")
                .contains(f.ruleId())).toList());
        for (int i = 0; i < s0.size(); i++) {
            assertEquals(s0.get(i).cmd(), s1.get(i).cmd());
            assertEquals(s0.get(i).outs().stream().map(o -> o.path() + o.kind() + o.cache()).toList(),
                    s1.get(i).outs().stream().map(o -> o.path() + o.kind() + o.cache()).toList());
            assertEquals(s0.get(i).wdirAbs(), s1.get(i).wdirAbs());
            assertTrue(s1.get(i).deps().stream().map(d -> d.path()).toList()
                    .containsAll(s0.get(i).deps().stream().map(d -> d.path()).toList()));
            assertEquals(s0.get(i).deps().size() + 1, s1.get(i).deps().size());
        }
    }

    // ---- missing-dependency

    @Test
    void missingDependency() {
        write(dir, "here.csv", "x");
        write(dir, "data/raw.csv.dvc", "outs:\n- md5: 0\n  path: raw.csv\n");
        List<Finding> fs = lint("""
                stages:
                  a:
                    cmd: x
                    deps:
                      - here.csv
                      - data/raw.csv
                      - gone.csv
                      - s3://bucket/k
                      - https://example.com/x
                      - made/by/b.txt
                      - made
                    outs: [o]
                  b:
                    cmd: y
                    outs: [made/by]
                """, "missing-dependency");
        assertEquals(1, fs.size(), fs.toString());
        assertEquals(7, fs.get(0).line());
        assertTrue(fs.get(0).message().contains("'gone.csv'"));
        assertEquals(Severity.WARNING, fs.get(0).severity());
    }

    // ---- lock-stale

    static final String LOCKED_YAML = """
            stages:
              train:
                cmd: python train.py
                deps: [train.py]
                params: [lr, model]
                outs: [model.pkl]
            """;

    static String lock(String cmd, String params) {
        return "schema: '2.0'\nstages:\n  train:\n    cmd: " + cmd + "\n    deps:\n    - path: train.py\n"
                + "      hash: md5\n      md5: d41d8cd98f00b204e9800998ecf8427e\n      size: 0\n"
                + "    params:\n      params.yaml:\n" + params
                + "    outs:\n    - path: model.pkl\n      hash: md5\n      md5: d41d8cd98f00b204e9800998ecf8427e\n"
                + "      size: 0\n";
    }

    @Test
    void lockStaleNearMissesUsePythonEquality() {
        write(dir, "params.yaml", "lr: 1\nmodel: {depth: 2.0, act: [relu, true]}\nother: 5\n");
        write(dir, "dvc.lock", lock("python train.py", "        lr: 1.0\n        model:\n          act: [relu, 1]\n"
                + "          depth: 2\n"));
        assertEquals(List.of(), lint(LOCKED_YAML, "lock-stale"));
    }

    @Test
    void lockStaleReasons() {
        write(dir, "params.yaml", "lr: 2\nmodel: {depth: 2}\n");
        write(dir, "dvc.lock", lock("'python train.py --v2'", "        lr: '2'\n") + "  old:\n    cmd: x\n");
        List<Finding> fs = lint(LOCKED_YAML.replace("outs: [model.pkl]", "outs: [model.pkl, extra.txt]")
                + "  fresh:\n    cmd: y\n    outs: [z]\n", "lock-stale");
        assertEquals(3, fs.size(), fs.toString());
        Finding train = fs.stream().filter(f -> f.message().contains("'train'")).findFirst().orElseThrow();
        assertEquals(Severity.INFO, train.severity());
        assertTrue(train.message().contains("cmd differs from the locked one (locked '...train.py --v2', now '...train.py')"),
                train.message());
        assertTrue(train.message().contains("param lr (locked '2', now 2) changed"), train.message());
        assertTrue(train.message().contains("param 'model' in 'params.yaml' not in the lock entry"), train.message());
        assertTrue(train.message().contains("output 'extra.txt' not in the lock entry"), train.message());
        assertTrue(fs.stream().anyMatch(f -> f.message().contains("'fresh'") && f.message().contains("no entry")));
        Finding orphan = fs.stream().filter(f -> f.file().endsWith("dvc.lock")).findFirst().orElseThrow();
        assertTrue(orphan.message().contains("'old'"), orphan.message());
        assertEquals(18, orphan.line());
    }

    @Test
    void lockStaleCmdStrVersusList() {
        write(dir, "dvc.lock", "schema: '2.0'\nstages:\n  a:\n    cmd: echo\n");
        assertEquals(1, lint("stages:\n  a:\n    cmd: [echo]\n", "lock-stale").size());
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: echo\n", "lock-stale"));
    }

    @Test
    void lockStaleCmdDiffs() {
        assertEquals("item 2: locked 'b', now 'c'", Commands.difference(List.of("a", "b"), List.of("a", "c")));
        assertEquals("locked 1 commands, now 2", Commands.difference(List.of("a"), List.of("a", "c")));
        assertEquals("locked as a string, now a list", Commands.difference("a", List.of("a")));
        assertEquals("no cmd in the lock entry", Commands.difference(null, "a"));
        assertEquals("locked 'python t.py\\n', now 'python t.py'", Commands.difference("python t.py\n", "python t.py"));
    }

    @Test
    void missingDependencySilentWhileAPipelineFileDoesNotResolve() {
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: x ${nope}\n    deps: [gone.csv]\n    outs: [o]\n",
                "missing-dependency"));
    }

    @Test
    void lockStaleWholeFileParams() {
        write(dir, "p.json", "{\"a\": 1, \"b\": 2}");
        write(dir, "dvc.lock", "schema: '2.0'\nstages:\n  a:\n    cmd: echo\n    params:\n      p.json:\n        a: 1\n"
                + "        b: 2\n");
        String yaml = "stages:\n  a:\n    cmd: echo\n    params:\n      - p.json:\n";
        assertEquals(List.of(), lint(yaml, "lock-stale"));
        write(dir, "p.json", "{\"a\": 1, \"b\": 2, \"c\": 3}");
        List<Finding> fs = run("lock-stale");
        assertEquals(1, fs.size());
        assertTrue(fs.get(0).message().contains("param 'c'"), fs.get(0).message());
        write(dir, "p.json", "{\"a\": 1}");
        assertTrue(run("lock-stale").get(0).message().contains("locked param 'b' no longer"));
    }

    @Test
    void lockStaleWithoutLockIsOneFindingPerFileInARepository() throws Exception {
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: x\n  b:\n    cmd: y\n", "lock-stale"), "no .dvc/");
        Files.createDirectories(dir.resolve(".dvc"));
        List<Finding> fs = run("lock-stale");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("never been reproduced"));
    }

    // ---- dir-hash

    @Test
    void dirHash() throws Exception {
        Files.createDirectories(dir.resolve("data/prepared"));
        write(dir, "dvc.lock", """
                schema: '2.0'
                stages:
                  prep:
                    cmd: x
                    deps:
                    - path: raw.csv
                      md5: 22a1a2931c8370d3aeedd7183606fd7f
                      size: 1
                    outs:
                    - path: data/prepared
                      md5: 153aad06d376b6595932470e459ef42a.dir
                      size: 8
                      nfiles: 2
                    - path: data/other/
                      hash: md5
                      md5: 153aad06d376b6595932470e459ef42a
                      size: 8
                    - path: ok
                      hash: md5
                      md5: 153aad06d376b6595932470e459ef42a.dir
                      size: 8
                      nfiles: 2
                """);
        List<Finding> fs = lint("stages:\n  prep:\n    cmd: x\n    deps: [raw.csv]\n    outs: [data/prepared, data/other/, ok]\n",
                "dir-hash");
        assertEquals(3, fs.size(), fs.toString());
        assertEquals(List.of(6, 10, 14), fs.stream().map(Finding::line).toList());
        assertEquals(Severity.INFO, fs.get(0).severity());
        assertTrue(fs.get(0).message().contains("prep:raw.csv"), fs.get(0).message());
        assertEquals(Severity.WARNING, fs.get(1).severity());
        assertTrue(fs.get(1).message().contains("'data/prepared' of stage 'prep'") && fs.get(1).message().contains("`hash: md5`"));
        assertTrue(fs.get(2).message().contains(".dir") && fs.get(2).message().contains("nfiles"), fs.get(2).message());
        assertTrue(fs.get(1).hint().contains("dvc cache migrate --dvc-files"));
    }

    @Test
    void aLockWrittenEntirelyByDvc2IsOneFindingForItsDirectories() throws Exception {
        StringBuilder lock = new StringBuilder("schema: '2.0'\nstages:\n");
        StringBuilder yaml = new StringBuilder("stages:\n");
        for (int i = 0; i < 5; i++) {
            lock.append("  s").append(i).append(":\n    cmd: x\n    outs:\n    - path: d").append(i)
                    .append("\n      md5: 153aad06d376b6595932470e459ef42a.dir\n      size: 8\n      nfiles: 2\n");
            yaml.append("  s").append(i).append(":\n    cmd: x\n    outs: [d").append(i).append("]\n");
        }
        write(dir, "dvc.lock", lock.toString());
        List<Finding> fs = lint(yaml.toString(), "dir-hash");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().startsWith("dvc.lock was written by DVC 2.x: 5 directory entries"),
                fs.get(0).message());
        assertEquals(Severity.WARNING, fs.get(0).severity());
    }

    @Test
    void dirHashNearMiss() {
        write(dir, "dvc.lock", "schema: '2.0'\nstages:\n  a:\n    cmd: x\n    outs:\n    - path: f.txt\n      hash: md5\n"
                + "      md5: 22a1a2931c8370d3aeedd7183606fd7f\n      size: 1\n");
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: x\n    outs: [f.txt]\n", "dir-hash"));
    }

    // ---- cmd-line-continuation / cmd-line-state

    @Test
    void cmdLineContinuationCases() {
        for (String line : List.of("python t.py \\", "a &&", "a |", "a ||", "if true; then", "for f in *; do",
                "while read l; do", "{", "echo 'open", "python -c \"", "echo $(date", "cat <<EOF", "( cd x",
                "case $x in")) {
            assertTrue(CmdLineContinuationRule.openAtEnd(line) != null, line);
        }
        for (String line : List.of("python t.py", "if true; then echo; fi", "for f in *; do echo $f; done",
                "echo 'a | b' \"&&\"", "echo a\\\\", "echo \\\\ done", "{ a; b; }", "(cd x && y)", "echo it's # comment",
                "case $x in a) echo;; esac", "echo $(date) 2>&1 | tee log", "echo if then", "echo done")) {
            if (line.equals("echo it's # comment")) continue; // an open quote for the shell too
            assertNull(CmdLineContinuationRule.openAtEnd(line), line);
        }
    }

    @Test
    void cmdLineContinuationFlagsOnlyMultiLineStrings() {
        List<Finding> fs = lint("stages:\n  a:\n    cmd: |\n      python t.py \\\n        --epochs 3\n    outs: [o]\n",
                "cmd-line-continuation");
        assertEquals(1, fs.size());
        assertEquals(Severity.ERROR, fs.get(0).severity());
        assertTrue(fs.get(0).message().startsWith("line 1 of the cmd of stage 'a'"), fs.get(0).message());
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: >\n      python t.py\n      --epochs 3\n    outs: [o]\n",
                "cmd-line-continuation"));
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: python t.py \\\n    outs: [o]\n", "cmd-line-continuation"));
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd:\n      - python a.py &&\n      - b\n    outs: [o]\n",
                "cmd-line-continuation"), "a list item runs whole; its own syntax is not this rule's business");
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: |\n      echo a\n      echo b &&\n\n", "cmd-line-continuation"),
                "the last line has nothing after it");
    }

    @Test
    void cmdLineState() {
        List<Finding> fs = lint("stages:\n  a:\n    cmd: |\n      cd src\n      python t.py\n  b:\n    cmd:\n"
                + "      - source .venv/bin/activate\n      - python t.py\n  c:\n    cmd: |\n      export A=1; B=2\n      echo\n",
                "cmd-line-state");
        assertEquals(3, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("changes the directory"));
        assertTrue(fs.get(1).message().startsWith("item 1") && fs.get(1).message().contains("activates"));
        assertTrue(fs.get(2).message().contains("exports"), fs.get(2).message());
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: |\n      cd src && python t.py\n      python u.py\n"
                + "  b:\n    cmd: |\n      python t.py\n      cd src\n  c:\n    cmd: cd src\n"
                + "  d:\n    cmd: |\n      X=1 python t.py\n      echo\n", "cmd-line-state"));
    }

    // ---- metrics-binary

    @Test
    void metricsBinary() throws Exception {
        io.dvclint.TestFiles.writeBytes(dir, "real.json", new byte[] {'{', 0, '}'});
        write(dir, "ok.json", "{\"acc\": 0.9}");
        write(dir, "text.pkl", "just text");
        List<Finding> fs = lint(stage("    metrics:\n      - real.json\n      - roc.png\n      - ok.json\n"
                + "      - text.pkl\n      - new.yaml\n      - folder\n"), "metrics-binary");
        assertEquals(2, fs.size(), fs.toString());
        assertEquals(Severity.ERROR, fs.get(0).severity());
        assertTrue(fs.get(0).message().contains("'real.json'") && fs.get(0).message().contains("is a binary file"));
        assertEquals(Severity.WARNING, fs.get(1).severity());
        assertTrue(fs.get(1).hint().contains("plots:"), fs.get(1).hint());
        assertEquals(List.of(), lint(stage("    plots:\n      - roc.png\n    outs:\n      - m.pkl\n"), "metrics-binary"));
    }

    @Test
    void dvcTextTest() throws Exception {
        assertEquals(true, MetricsBinaryRule.isTextFile(write(dir, "e", "")));
        assertEquals(true, MetricsBinaryRule.isTextFile(write(dir, "a", "abc\n")));
        assertEquals(false, MetricsBinaryRule.isTextFile(write(dir, "u", "\u00e9\u00e9\u00e9ab"))); // 6 of 8 bytes non-ASCII
        assertEquals(true, MetricsBinaryRule.isTextFile(write(dir, "v", "\u00e9abcdefghijklmn")));
        assertNull(MetricsBinaryRule.isTextFile(dir.resolve("missing")));
    }

    static String stage(String body) {
        return "stages:\n  train:\n    cmd: python train.py\n" + body;
    }
}
