package io.dvclint.rules;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles.Run;
import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.fix.Fixer;
import io.dvclint.lint.DocsGenerator;
import io.dvclint.lint.Linter;
import io.dvclint.lint.RuleDocs;
import io.dvclint.lint.RuleRegistry;
import io.dvclint.model.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionConfigFixTest {
    @TempDir
    Path dir;

    List<Finding> lint() {
        Findings f = new Findings();
        Linter.lint(dir, f);
        return f.sorted();
    }

    static List<String> ids(List<Finding> fs) {
        return fs.stream().map(f -> f.ruleId() + "@" + f.line()).toList();
    }

    @Test
    void trailingOwnLineAndFileWideSuppressions() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n    metrics:\n      - m.json  # dvclint: disable=metrics-cached\n"
                + "      # dvclint: disable=metrics-cached\n      - n.json\n      - o.json\n"
                + "  b:  # dvclint: disable=no-outputs,no-outputz\n    cmd: 'echo # dvclint: disable=empty-cmd'\n"
                + "  c:\n    cmd: |\n      echo # dvclint: disable=stage-name\n");
        List<Finding> fs = lint();
        assertEquals(List.of("metrics-cached@8", "unknown-suppression@9", "no-outputs@11"), ids(fs), fs.toString());
        assertTrue(fs.get(1).message().contains("did you mean 'no-outputs'"), fs.get(1).message());
        write(dir, "dvc.yaml", "# dvclint: disable-file=no-outputs\nstages:\n  a:\n    cmd: x\n"
                + "    outs: [o]  # dvclint: disable=empty-cmd\n");
        assertEquals(List.of("unused-suppression@1", "unused-suppression@5"), ids(lint()));
    }

    @Test
    void configDisablesRetargetsAndIgnores() {
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n    metrics: [m.json]\n");
        write(dir, "sub/dvc.yaml", "stages:\n  b:\n    cmd: x\n");
        write(dir, ".dvclint.yaml", "rules:\n  metrics-cached: error\n  no-outputs: {severity: warning}\n"
                + "ignore:\n  - path: sub/**\n    rules: [no-outputs]\n");
        List<Finding> fs = lint();
        assertEquals(1, fs.size(), fs.toString());
        assertEquals("metrics-cached", fs.get(0).ruleId());
        assertEquals(io.dvclint.findings.Severity.ERROR, fs.get(0).severity());
        write(dir, ".dvclint.yaml", "rules:\n  metrics-cached: off\n  no-outputs: warning\n");
        assertEquals(List.of("no-outputs@2"), ids(lint()));
    }

    @Test
    void badConfigIsPositionedAndExitsTwo() {
        write(dir, "dvc.yaml", "stages: {}\n");
        write(dir, ".dvclint.yaml", "rules:\n  metrics-cahed: off\n");
        Run r = cli(dir, "lint");
        assertEquals(2, r.exit(), r.err());
        assertEquals(".dvclint.yaml:2:3: unknown rule 'metrics-cahed'; did you mean 'metrics-cached'? "
                + "(run 'dvclint rules' for the list)\n", r.err());
        write(dir, ".dvclint.yaml", "rules:\n  no-outputs: loud\n");
        r = cli(dir, "lint");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(".dvclint.yaml:2:15: "), r.err());
        write(dir, ".dvclint.yaml", "fail-on: [x\n");
        assertEquals(2, cli(dir, "lint").exit());
        write(dir, ".dvclint.yaml", "fail-on: info\n");
        write(dir, "dvc.yaml", "stages:\n  a:\n    cmd: x\n");
        assertEquals(1, cli(dir, "lint").exit());
        assertEquals(0, cli(dir, "lint", "--fail-on", "error").exit());
    }

    @Test
    void rulesAndExplain() {
        Run r = cli(dir, "rules");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("metrics-cached") && r.out().contains("yaml-syntax"), r.out());
        r = cli(dir, "explain", "no-outputs");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("# no-outputs"), r.out());
        r = cli(dir, "explain", "no-output");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("did you mean 'no-outputs'"), r.err());
        r = cli(dir, "explain");
        assertEquals(2, r.exit(), "a usage error, not an internal one");
        assertTrue(r.err().startsWith("Missing required parameter: 'RULE'"), r.err());
    }

    static final String BEFORE = """
            # pipeline
            stages:
              train:
                cmd: python train.py
                deps:
                  - train.py  # the script
                  - params.yaml:train
                outs:
                  - model.pkl
                metrics:
                  # evaluation
                  - metrics.json
                  - scores.json:
                      persist: true
                plots: [loss.csv]
            """;

    @Test
    void fixAppliesCleanlyKeepsCommentsAndModel() throws Exception {
        write(dir, "dvc.yaml", BEFORE);
        write(dir, "params.yaml", "train:\n  lr: 1\n");
        Run d = cli(dir, "lint", "--diff");
        assertEquals(1, d.exit());
        assertTrue(d.out().contains("+++ b/dvc.yaml") && d.out().contains("-      - params.yaml:train"), d.out());
        assertEquals(BEFORE, Files.readString(dir.resolve("dvc.yaml")), "--diff must not write");

        Findings before = new Findings();
        Stage s0 = Linter.lint(dir, before, Config.DEFAULT).stages().get(0);
        Run r = cli(dir, "lint", "--fix");
        String after = Files.readString(dir.resolve("dvc.yaml"));
        for (String line : BEFORE.split("\n")) {
            if (line.contains("#")) assertTrue(after.contains(line.substring(line.indexOf('#'))), after);
        }
        Findings fs = new Findings();
        Stage s1 = Linter.lint(dir, fs, Config.DEFAULT).stages().get(0);
        assertEquals(List.of(), fs.all().stream().filter(f -> List.of("metrics-cached", "plots-cached",
                "param-as-dependency", "schema", "yaml-syntax").contains(f.ruleId())).toList(), after);
        assertEquals(List.of("train.py"), s1.deps().stream().map(x -> x.path()).toList());
        assertEquals(List.of("train"), s1.params().get(0).keys().stream().map(k -> k.key()).toList());
        assertEquals(s0.outs().stream().map(o -> o.path() + o.kind()).toList(),
                s1.outs().stream().map(o -> o.path() + o.kind()).toList());
        assertTrue(s1.outs().stream().filter(o -> o.kind() != io.dvclint.model.OutKind.OUTS).noneMatch(o -> o.cache()));
        assertTrue(s1.outs().stream().filter(o -> o.path().equals("scores.json")).allMatch(o -> o.persist()));
        assertEquals(s0.cmd(), s1.cmd());
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void fixCreatesParamsWhenItWasTheOnlyDep() throws Exception {
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: x\n    deps:\n      - params.yaml:a,b\n    outs:\n      - o\n");
        cli(dir, "lint", "--fix");
        assertEquals("stages:\n  t:\n    cmd: x\n    params:\n      - a\n      - b\n    outs:\n      - o\n",
                Files.readString(dir.resolve("dvc.yaml")));
    }

    /**
     * iterative/example-get-started with {@code train.seed} dropped from {@code params:} and the script reading a new
     * {@code max_depth}: two keys to add at one place. {@code --diff} shows both, exactly what {@code --fix} does.
     */
    @Test
    void diffShowsExactlyWhatFixDoes() throws Exception {
        String dvc = "stages:\n  train:\n    cmd: python src/train.py data/features model.pkl\n    deps:\n"
                + "      - data/features\n      - src/train.py\n    params:\n      - train.n_est\n"
                + "      - train.min_split\n    outs:\n      - model.pkl\n";
        write(dir, "dvc.yaml", dvc);
        write(dir, "params.yaml", "train:\n  seed: 20170428\n  n_est: 50\n  min_split: 0.01\n  max_depth: 6\n");
        write(dir, "src/train.py", "import yaml\nparams = yaml.safe_load(open('params.yaml'))['train']\n"
                + "seed = params['seed']\nn_est = params['n_est']\nmin_split = params['min_split']\n"
                + "max_depth = params[\"max_depth\"]\n");
        Run d = cli(dir, "lint", "--diff");
        assertEquals(1, d.exit(), d.err());
        assertEquals("--- a/dvc.yaml\n+++ b/dvc.yaml\n@@ -7,5 +7,7 @@\n     params:\n       - train.n_est\n"
                + "       - train.min_split\n+      - train.max_depth\n+      - train.seed\n     outs:\n       - model.pkl\n",
                d.out());
        assertEquals(dvc, Files.readString(dir.resolve("dvc.yaml")), "--diff writes nothing");
        Run f = cli(dir, "lint", "--fix", "--format", "gcc");
        String fixed = Files.readString(dir.resolve("dvc.yaml"));
        assertEquals(d.out(), Fixer.unifiedDiff("dvc.yaml", dvc, fixed), f.err());
        assertEquals("", cli(dir, "lint", "--diff").out(), "nothing left to fix");
    }

    @Test
    void unifiedDiffAndApply() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        String b = Fixer.apply(a, List.of(new io.dvclint.findings.TextEdit(dir, 2, 4, "X\n"),
                new io.dvclint.findings.TextEdit(dir, 4, 4, "Y\n")));
        assertEquals("1\nX\nY\n3\n4\n5\n6\n7\n8\n9\n10\n", b);
        assertEquals("--- a/f\n+++ b/f\n@@ -1,5 +1,6 @@\n 1\n-2\n+X\n+Y\n 3\n 4\n 5\n", Fixer.unifiedDiff("f", a, b));
    }

    @Test
    void everyRuleHasItsPageAndEveryPageARule() throws Exception {
        Path docs = Path.of("docs/rules");
        Set<String> pages = new TreeSet<>();
        for (String n : docs.toFile().list()) if (n.endsWith(".md") && !n.equals("README.md")) pages.add(n);
        Set<String> ids = new TreeSet<>();
        for (Rule r : RuleRegistry.all()) {
            ids.add(r.id() + ".md");
            String page = Files.readString(docs.resolve(r.id() + ".md"));
            assertTrue(page.startsWith("# " + r.id() + "\n\n## What it flags\n"), r.id() + ": title, then What it flags");
            assertEquals(page, RuleDocs.source(r.id()), r.id() + ": the jar holds the page as written");
            String shown = RuleDocs.page(r);
            assertTrue(shown.contains(r.summary() + ".\n"), shown);
            assertTrue(shown.contains(page.substring(page.indexOf("## What it flags"))), "explain shows the page");
        }
        assertEquals(ids, pages, "docs/rules holds a page per rule and no other");
    }

    @Test
    void committedIndexIsCurrent() throws Exception {
        assertEquals(DocsGenerator.index(), Files.readString(Path.of("docs/rules/README.md")),
                "docs/rules/README.md is stale: run mvn process-classes and commit it");
    }
}
