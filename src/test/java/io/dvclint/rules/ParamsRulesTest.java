package io.dvclint.rules;

import static io.dvclint.TestFiles.cli;
import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class ParamsRulesTest {
    @TempDir
    Path dir;

    List<Finding> lint(String rule) {
        Findings f = new Findings();
        Linter.lint(dir, f, Config.DEFAULT);
        return f.sorted().stream().filter(x -> x.ruleId().equals(rule)).toList();
    }

    List<Finding> lint(String dvcYaml, String rule) {
        write(dir, "dvc.yaml", dvcYaml);
        return lint(rule);
    }

    List<Finding> all() {
        Findings f = new Findings();
        Linter.lint(dir, f, Config.DEFAULT);
        return f.sorted();
    }

    static List<String> messages(List<Finding> fs) {
        return fs.stream().map(Finding::message).toList();
    }

    @Test
    void undeclaredReadInAShellScript() {
        write(dir, "params.yaml", "train:\n  learning_rate: 0.01\n  batch_size: 32\n  epochs: 3\nseed: 1\n");
        write(dir, "src/train.sh", "# the model records lr and epochs; batch_size is not used\nset -e\n"
                + "{ grep -E '^  (learning_rate|epochs):' params.yaml; cat data.txt; } > model.bin\n"
                + "echo seed > log.txt\n");
        List<Finding> fs = lint("stages:\n  train:\n    cmd: sh src/train.sh\n    deps: [src/train.sh, data.txt]\n"
                + "    params:\n      - train.learning_rate\n    outs: [model.bin]\n", "param-undeclared");
        assertEquals(List.of("stage 'train' reads 'train.epochs' from params.yaml (src/train.sh:3) but does not "
                + "declare it under params:"), messages(fs));
        // a word on a line that does not name the params file is no read
        write(dir, "src/train.sh", "echo epochs > log.txt\ncat params.yaml > copy.txt\n");
        assertEquals(List.of(), lint("param-undeclared"));
    }

    @Test
    void aKeyTheCodeReadsIsUndeclaredNotUnused() {
        write(dir, "params.yaml", "train:\n  lr: 0.1\n  max_depth: 5\n  seed: 1\n");
        write(dir, "src/train.py", "import yaml\nparams = yaml.safe_load(open('params.yaml'))['train']\n"
                + "print(params['lr'], params['max_depth'])\n");
        write(dir, "dvc.yaml", "stages:\n  train:\n    cmd: python src/train.py\n    deps: [src/train.py]\n"
                + "    params: [train.lr]\n    outs: [model.bin]\n");
        List<Finding> fs = all();
        assertEquals(List.of("stage 'train' reads 'train.max_depth' from params.yaml (src/train.py:3) but does not "
                + "declare it under params:"), messages(fs.stream().filter(f -> f.ruleId().equals("param-undeclared"))
                .toList()));
        // seed is read by nothing: unused; max_depth is read, so it is not
        assertEquals(List.of("parameter 'train.seed' of params.yaml is not used by any stage: no stage declares it "
                + "under params: and no ${...} reads it, so changing it reruns nothing"),
                messages(fs.stream().filter(f -> f.ruleId().equals("param-unused")).toList()));
    }

    @Test
    void aParamsFileHandedToAScriptOutsideTheProject() {
        write(dir, "params.yaml", "split:\n  ratio: 0.2\nfeatures:\n  n: 10\n");
        write(dir, "dvc.yaml", "stages:\n  split:\n    cmd: python -m splitter --config=params.yaml\n"
                + "    outs: [data/split]\n  featurize:\n    cmd: python featurize.py\n    deps: [featurize.py]\n"
                + "    params: [features.n]\n    outs: [data/features]\n");
        List<Finding> fs = all();
        assertEquals(List.of("stage 'split' passes params.yaml to its command ('--config=params.yaml') but declares "
                + "none of its keys under params:"),
                messages(fs.stream().filter(f -> f.ruleId().equals("param-undeclared")).toList()));
        assertEquals(List.of(), fs.stream().filter(f -> f.ruleId().equals("param-unused")).toList(),
                "the script may read any key of the file it is handed");
        // declaring what it reads (or the whole file) settles it
        write(dir, "dvc.yaml", "stages:\n  split:\n    cmd: python -m splitter -c params.yaml\n"
                + "    params: [split.ratio]\n    outs: [data/split]\n  featurize:\n    cmd: python featurize.py\n"
                + "    deps: [featurize.py]\n    params: [features.n]\n    outs: [data/features]\n");
        assertEquals(List.of(), lint("param-undeclared"));
        assertEquals(List.of(), lint("param-unused"));
        // a command that names another file is no hand-over
        write(dir, "dvc.yaml", "stages:\n  split:\n    cmd: python -m splitter --out params.json\n"
                + "    params: [split.ratio]\n    outs: [data/split]\n");
        assertEquals(List.of(), lint("param-undeclared"));
        assertEquals(List.of("features"), lint("param-unused").stream().map(f -> f.message().split("'")[1]).toList());
    }

    // ------------------------------------------------------------------ tutorial acceptance

    static final String TUTORIAL_DVC = """
            stages:
              prepare:
                cmd: python src/prepare.py data/raw data/prepared
                deps:
                  - data/raw/train.csv
                  - src/prepare.py
                outs:
                  - data/prepared

              train:
                cmd: python src/train.py data/prepared models/model.pkl --epochs 10
                deps:
                  - data/prepared
                  - src/train.py
                  - src/config.yaml
                params:
                  - train.learning_rate
                  - train.batch_size
                outs:
                  - models/model.pkl
                metrics:
                  - metrics.json:
                      cache: false

              evaluate:
                cmd: python src/evaluate.py models/model.pkl data/prepared metrics.json
                deps:
                  - models/model.pkl
                  - data/prepared
                  - src/evaluate.py
                metrics:
                  - metrics.json:
                      cache: false
            """;

    static final String TUTORIAL_PARAMS = """
            train:
              learning_rate: 0.001
              batch_size: 32
              epochs: 10
            preprocess:
              test_split: 0.2
            """;

    @Test
    void tutorialConfiguration() throws Exception {
        write(dir, "params.yaml", TUTORIAL_PARAMS);
        List<Finding> unused = lint(TUTORIAL_DVC, "param-unused");
        assertEquals(2, unused.size(), unused.toString());
        assertTrue(unused.get(0).message().startsWith("parameter 'train.epochs' of params.yaml"), unused.toString());
        assertEquals(4, unused.get(0).line());
        assertTrue(unused.get(1).message().startsWith("section 'preprocess' (preprocess.test_split)"), unused.toString());
        assertEquals(dir.resolve("params.yaml"), unused.get(1).file());

        List<Finding> hard = lint("param-hardcoded");
        assertEquals(1, hard.size(), hard.toString());
        assertEquals(Severity.INFO, hard.get(0).severity());
        assertTrue(hard.get(0).message().startsWith("`--epochs 10` in the command of stage 'train'"), hard.toString());
        assertTrue(hard.get(0).hint().contains("--epochs ${train.epochs}"), hard.get(0).hint());
        assertEquals(11, hard.get(0).line());
        assertEquals(61, hard.get(0).col());

        assertEquals(List.of(), lint("param-undeclared"), "no script: nothing read");
        assertEquals(List.of(), lint("param-missing"));

        write(dir, "src/train.py", """
                import yaml

                with open("params.yaml") as f:
                    params = yaml.safe_load(f)

                lr = params["train"]["learning_rate"]
                for epoch in range(params["train"]["epochs"]):
                    pass
                """);
        List<Finding> und = lint("param-undeclared");
        assertEquals(List.of("stage 'train' reads 'train.epochs' from params.yaml (src/train.py:7) but does not "
                + "declare it under params:"), messages(und));
        assertEquals(16, und.get(0).line(), "at the stage's params: key");

        Stage before = Linter.lint(dir, new Findings(), Config.DEFAULT).stages().get(1);
        cli(dir, "lint", "--fix");
        assertEquals(List.of(), lint("param-undeclared"));
        assertTrue(Files.readString(dir.resolve("dvc.yaml")).contains(
                "      - train.batch_size\n      - train.epochs\n    outs:\n"));
        Stage after = Linter.lint(dir, new Findings(), Config.DEFAULT).stages().get(1);
        assertEquals(List.of("train.learning_rate", "train.batch_size", "train.epochs"),
                after.params().get(0).keys().stream().map(k -> k.key()).toList());
        assertEquals(before.deps(), after.deps());
        assertEquals(before.cmd(), after.cmd());
        assertEquals(before.outs().size(), after.outs().size());
        // train.epochs is declared now: no longer unused
        assertEquals(List.of("section 'preprocess'"), lint("param-unused").stream()
                .map(f -> f.message().substring(0, f.message().indexOf(" ("))).toList());
    }

    // ------------------------------------------------------------------ param-missing

    @Test
    void missingKeyWithSuggestion() {
        write(dir, "params.yaml", "train:\n  learning_rate: 0.1\n  epochs: 3\nlayers: [1, 2]\n");
        List<Finding> fs = lint("stages:\n  t:\n    cmd: x\n    params:\n      - train.learning_rat\n"
                + "      - train.epochs\n      - train\n      - layers.1\n      - nope\n", "param-missing");
        assertEquals(2, fs.size(), fs.toString());
        assertEquals(Severity.WARNING, fs.get(0).severity());
        assertEquals(5, fs.get(0).line());
        assertEquals(9, fs.get(0).col());
        assertEquals("parameter 'train.learning_rat' of stage 't' is missing from 'params.yaml'; did you mean "
                + "'train.learning_rate'?", fs.get(0).message());
        assertEquals(9, fs.get(1).line());
        assertTrue(fs.get(1).hint().contains("Parameters 'nope' are missing from 'params.yaml'."), fs.get(1).hint());
    }

    @Test
    void missingFile() {
        List<Finding> fs = lint("stages:\n  t:\n    cmd: x\n    params:\n      - lr\n      - epochs\n"
                + "      - other.json:\n", "param-missing");
        assertEquals(2, fs.size(), fs.toString());
        assertEquals("params file 'params.yaml' of stage 't' does not exist", fs.get(0).message());
        assertTrue(fs.get(0).hint().contains("Parameters 'lr, epochs' are missing from 'params.yaml'."));
        assertEquals("params file 'other.json' of stage 't' does not exist", fs.get(1).message());
    }

    @Test
    void generatedStagesMissingFilesAreOneFinding() {
        write(dir, "params/a.yaml", "x: 1\n");
        List<Finding> fs = lint("stages:\n  g:\n    foreach: [a, b, c, d, e, f]\n    do:\n      cmd: run ${item}\n"
                + "      params:\n        - params/${item}.yaml:\n", "param-missing");
        assertEquals(List.of("params file 'params/b.yaml' of stage 'g@b' (generated from 'g') does not exist; the same "
                + "for 4 more stages generated from 'g' ('params/c.yaml', 'params/d.yaml', 'params/e.yaml', ...)"),
                messages(fs));
    }

    @Test
    void missingFileAboveAnUncertainRoot() throws Exception {
        String dvc = "stages:\n  t:\n    cmd: x\n    wdir: ..\n    params: [seed]\n";
        assertEquals(List.of(), lint(dvc, "param-missing"));
        Files.createDirectories(dir.resolve(".dvc"));
        assertEquals(1, lint(dvc, "param-missing").size());
    }

    @Test
    void paramsFileIsADirectory() throws Exception {
        Files.createDirectories(dir.resolve("conf.yaml"));
        List<Finding> fs = lint("stages:\n  t:\n    cmd: x\n    params:\n      - conf.yaml: [a]\n", "param-missing");
        assertEquals(List.of("params file 'conf.yaml' of stage 't' is a directory"), messages(fs));
    }

    @Test
    void missingFileProducedByAStageIsNotFlagged() {
        assertEquals(List.of(), lint("stages:\n  gen:\n    cmd: make-params\n    outs:\n      - conf/params.yaml\n"
                + "  t:\n    cmd: x\n    params:\n      - conf/params.yaml: [lr]\n", "param-missing"));
        assertEquals(List.of(), lint("stages:\n  gen:\n    cmd: make-params\n    outs:\n      - conf\n"
                + "  t:\n    cmd: x\n    params:\n      - conf/p.yaml:\n", "param-missing"));
    }

    @Test
    void unreadableFileIsOneFinding() {
        write(dir, "p.json", "{\"a\": 1,,}");
        List<Finding> fs = lint("stages:\n  t:\n    cmd: x\n    params:\n      - p.json: [a, b, c]\n"
                + "  u:\n    cmd: y\n    params:\n      - p.json: [a]\n", "param-missing");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().startsWith("params file 'p.json' of stage 't' cannot be read"), fs.toString());
    }

    @Test
    void missingNearMisses() {
        write(dir, "params.yaml", "a:\n  b: {c: 1}\nlist: [x, y]\n");
        write(dir, "sub/params.yaml", "only_sub: 1\n");
        write(dir, "conf.toml", "[model]\ndepth = 3\n");
        assertEquals(List.of(), lint("stages:\n  t:\n    cmd: x\n    params:\n      - a\n      - a.b.c\n      - list.0\n"
                + "      - conf.toml: [model.depth]\n  s:\n    cmd: y\n    wdir: sub\n    params:\n      - only_sub\n"
                + "  w:\n    cmd: z\n    params:\n      - params.yaml:\n", "param-missing"));
    }

    // ------------------------------------------------------------------ param-unused

    @Test
    void unusedReportsTheHighestUnusedLevel() {
        write(dir, "params.yaml", "train:\n  lr: 1\n  opt:\n    name: adam\n    beta: 0.9\n  epochs: 3\n"
                + "eval:\n  k: 5\n  n: 2\nseed: 1\nfoo: 2\n");
        List<Finding> fs = lint("stages:\n  t:\n    cmd: python t.py ${foo}\n    params:\n      - train.lr\n"
                + "      - train.opt.name\n      - seed\n", "param-unused");
        assertEquals(List.of("train.opt.beta", "train.epochs", "eval"), fs.stream().map(f -> {
            String m = f.message();
            int a = m.indexOf('\'') + 1;
            return m.substring(a, m.indexOf('\'', a));
        }).toList());
        assertEquals(List.of(5, 6, 7), fs.stream().map(Finding::line).toList());
    }

    @Test
    void unusedNearMisses() {
        write(dir, "params.yaml", "a: 1\nb:\n  c: 2\nmodels:\n  - {name: x}\n");
        write(dir, "other.yaml", "x: 1\n");
        write(dir, "display.yaml", "never: 1\n");
        // declared, used through ${} (incl. foreach data), a whole-tracked file; display-only files are not scanned
        assertEquals(List.of(), lint("params:\n  - display.yaml\nstages:\n  t:\n    cmd: echo ${a}\n    params:\n"
                + "      - b\n      - other.yaml:\n  m:\n    foreach: ${models}\n    do:\n      cmd: echo ${item.name}\n",
                "param-unused"));
        // a stage depends on the whole file as a path: any change reruns it
        assertEquals(List.of(), lint("stages:\n  t:\n    cmd: x\n    params: [a]\n  u:\n    cmd: y\n    deps: [params.yaml]\n",
                "param-unused"));
        // a dvc.yaml without stages: its params.yaml is not checked
        assertEquals(List.of(), lint("plots:\n  - p.csv\n", "param-unused"));
        // a broken dvc.yaml: what it declares is unknown, nothing is reported
        assertEquals(List.of(), lint("stages:\n  t:\n    cmd: x\n    params: 3\n", "param-unused"));
    }

    @Test
    void unusedMentionsTopLevelParamsListing() {
        write(dir, "params.yaml", "a: 1\nb: 2\n");
        List<Finding> fs = lint("params:\n  - params.yaml\nstages:\n  t:\n    cmd: x\n    params: [a]\n", "param-unused");
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("only shows it in `dvc params show`"), fs.get(0).message());
    }

    @Test
    void unusedIsCappedPerFile() {
        StringBuilder p = new StringBuilder("used: 1\n");
        for (int i = 0; i < 25; i++) p.append("k").append(i).append(": ").append(i).append('\n');
        write(dir, "params.yaml", p.toString());
        List<Finding> fs = lint("stages:\n  t:\n    cmd: x\n    params: [used]\n", "param-unused");
        assertEquals(21, fs.size());
        assertEquals("5 more keys of params.yaml are not used by any stage (not listed one by one)",
                fs.get(20).message());
        write(dir, ".dvclint.yaml", "rules:\n  param-unused: {options: {max-per-file: 0}}\n");
        Findings all = new Findings();
        Linter.lint(dir, all);
        assertEquals(25, all.all().stream().filter(f -> f.ruleId().equals("param-unused")).count());
    }

    @Test
    void unusedSkipsFilesWithoutDeclaredKeys() {
        // only a vars source for ${...}; nothing declared from it: not checked
        write(dir, "params.yaml", "paths:\n  raw: data/raw\n  out: data/out\nother: 1\n");
        assertEquals(List.of(), lint("stages:\n  t:\n    cmd: cp ${paths.raw} x\n", "param-unused"));
    }

    @Test
    void globKeysAsDpathReadsThem() {
        write(dir, "params.yaml", "data:\n  india_v2: {a: 1}\n  china: {a: 2}\n");
        assertEquals(List.of(), lint("stages:\n  t:\n    cmd: x\n    params:\n      - data.india*\n      - data.ch?na\n",
                "param-missing"));
        assertEquals(List.of(), lint("param-unused"));
        assertEquals(1, lint("stages:\n  t:\n    cmd: x\n    params:\n      - data.japan*\n", "param-missing").size());
    }

    // ------------------------------------------------------------------ param-hardcoded

    @Test
    void hardcodedForms() {
        write(dir, "params.yaml", "train:\n  learning-rate: 0.001\n  batch_size: 32\n  model: resnet\n  shuffle: true\n");
        List<Finding> fs = lint("stages:\n  t:\n    cmd: python t.py --learning_rate=1e-3 --batch-size 32 "
                + "--model \"resnet\"\n", "param-hardcoded");
        assertEquals(3, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().startsWith("`--learning_rate=1e-3`"), fs.toString());
        assertTrue(fs.get(0).hint().contains("`--learning_rate=${train.learning-rate}`"), fs.get(0).hint());
        assertTrue(fs.get(1).message().contains("train.batch_size (32)"));
        assertTrue(fs.get(2).message().contains("train.model (resnet)"));
    }

    @Test
    void hardcodedNearMisses() {
        write(dir, "params.yaml", "train:\n  epochs: 10\n  lr: 0.1\nflag: true\n");
        write(dir, "sub/params.yaml", "epochs: 10\n");
        write(dir, "vals.yaml", "epochs: 10\n");
        assertEquals(List.of(), lint("stages:\n"
                + "  a:\n    cmd: python t.py --epochs ${train.epochs} --lr 0.2 --epoch 10 --n-epochs 10\n"
                + "  b:\n    cmd: python t.py --epochs\n"
                + "  c:\n    cmd: python t.py --flag true --epochs=$EPOCHS\n"
                + "  d:\n    cmd: python t.py --epochs 10\n    wdir: sub2\n", "param-hardcoded"));
        // a file the stage does not read: vals.yaml is not declared
        Files.exists(dir.resolve("vals.yaml"));
        write(dir, "params.yaml", "x: 1\n");
        assertEquals(List.of(), lint("stages:\n  a:\n    cmd: python t.py --epochs 10\n", "param-hardcoded"));
        assertEquals(1, lint("stages:\n  a:\n    cmd: python t.py --epochs 10\n    params:\n"
                + "      - vals.yaml: [epochs]\n", "param-hardcoded").size());
        // several parameters of that name: only a declared one is compared
        write(dir, "params.yaml", "a:\n  direction: min\nb:\n  direction: min\n");
        assertEquals(List.of(), lint("stages:\n  s:\n    cmd: run --direction min\n", "param-hardcoded"));
        assertEquals(List.of("`--direction min` in the command of stage 's' repeats b.direction (min) of params.yaml: "
                + "when the parameter changes, the command still passes the old value"),
                messages(lint("stages:\n  s:\n    cmd: run --direction min\n    params: [b]\n", "param-hardcoded")));
    }

    // ------------------------------------------------------------------ param-undeclared

    void project(String dvcYaml, String params, String script) {
        write(dir, "dvc.yaml", dvcYaml);
        write(dir, "params.yaml", params);
        write(dir, "src/train.py", script);
    }

    @Test
    void undeclaredCommandForms() {
        String params = "train:\n  lr: 1\n  epochs: 2\n";
        String script = "import yaml\np = yaml.safe_load(open('params.yaml'))\nprint(p['train']['epochs'])\n";
        for (String cmd : List.of("python src/train.py", "python3 -u src/train.py --x 1", "uv run python src/train.py",
                "poetry run python src/train.py", "CUDA_VISIBLE_DEVICES=0 python src/train.py", "python -m src.train",
                "cd src && python train.py", "./src/train.py", "echo start; python -W ignore src/train.py")) {
            String p = cmd.startsWith("cd src") ? "../params.yaml" : "params.yaml";
            project("stages:\n  t:\n    cmd: " + cmd + "\n    params:\n      - train.lr\n", params,
                    script.replace("params.yaml", p));
            List<Finding> fs = lint("param-undeclared");
            assertEquals(List.of("stage 't' reads 'train.epochs' from params.yaml (src/train.py:3) but does not "
                    + "declare it under params:"), messages(fs), cmd);
        }
        // an R script
        write(dir, "src/train.R", "library(yaml)\nparams <- yaml::read_yaml(\"params.yaml\") # load\n"
                + "n <- params$train$epochs\nlr <- params[[\"train\"]][[\"lr\"]]\nparams$seed <- 1\n# params$train$x\n");
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: Rscript src/train.R\n    params:\n      - train.lr\n");
        assertEquals(List.of("stage 't' reads 'train.epochs' from params.yaml (src/train.R:3) but does not declare it "
                + "under params:"), messages(lint("param-undeclared")));
        // a shell script that runs the Python script
        write(dir, "run.sh", "#!/bin/sh\nset -e\npython src/train.py \"$@\"\n");
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: bash run.sh\n");
        assertEquals(1, lint("param-undeclared").size());
    }

    @Test
    void undeclaredReadForms() {
        String params = "train:\n  lr: 1\n  epochs: 2\n  opt:\n    name: adam\nseed: 3\ndata:\n  split: 0.2\n";
        String dvc = "stages:\n  t:\n    cmd: python src/train.py\n    params:\n      - train.lr\n";
        project(dvc, params, """
                import json, yaml
                from omegaconf import OmegaConf
                import dvc.api
                PARAMS = "params.yaml"
                cfg = OmegaConf.load(PARAMS)
                a = cfg.train.epochs
                b = yaml.safe_load(open(PARAMS))["seed"]
                all_params = dvc.api.params_show()
                c = all_params.get("data", {}).get("split")
                with open("params.yaml") as fh:
                    params = yaml.safe_load(fh)
                tp = params["train"]
                opt = tp["opt"]
                make(opt)
                print(tp["lr"])
                """);
        List<Finding> fs = lint("param-undeclared");
        assertEquals(java.util.Set.of("train.epochs (src/train.py:6)", "seed (src/train.py:7)",
                "data.split (src/train.py:9)", "train.opt (src/train.py:13)"), fs.stream().map(f -> {
                    String m = f.message();
                    int a = m.indexOf("reads '") + 7;
                    return m.substring(a, m.indexOf('\'', a)) + " (" + m.substring(m.indexOf("(") + 1, m.indexOf(")"))
                            + ")";
                }).collect(java.util.stream.Collectors.toSet()));
        assertEquals(4, fs.size());
    }

    @Test
    void undeclaredNearMisses() {
        String params = "train:\n  lr: 1\n  epochs: 2\nseed: 3\n";
        project("stages:\n  t:\n    cmd: python src/train.py\n    params:\n      - train\n", params, """
                import yaml, json
                params = yaml.safe_load(open("params.yaml"))
                print(params["train"]["epochs"])       # covered by 'train'
                print(params["missing"])               # not in the file
                other = json.load(open("other.json"))  # not a params file of the stage
                print(other["seed"])
                d = {"seed": 1}
                print(d["seed"])                       # not loaded from a params file
                params["seed"] = 4                     # a write, not a read
                # params["seed"]
                s = "params['seed']"
                """);
        assertEquals(List.of(), lint("param-undeclared"));
        // the file is a dependency of the stage, or the key reaches the command through ${...}
        write(dir, "src/train.py", "import yaml\np = yaml.safe_load(open('params.yaml'))\nprint(p['seed'])\n");
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: python src/train.py\n    params: [train]\n");
        assertEquals(1, lint("param-undeclared").size());
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: python src/train.py\n    deps: [params.yaml]\n");
        assertEquals(List.of(), lint("param-undeclared"));
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: python src/train.py --s ${seed}\n    params: [train]\n");
        assertEquals(List.of(), lint("param-undeclared"));
        // rebinding ends the binding
        write(dir, "src/train.py", "import yaml\nparams = yaml.safe_load(open('params.yaml'))\nparams = {}\n"
                + "print(params['seed'])\n");
        assertEquals(List.of(), lint("param-undeclared"));
        // whole-file tracking covers everything
        write(dir, "src/train.py", "import yaml\np = yaml.safe_load(open('params.yaml'))\nprint(p['seed'])\n");
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: python src/train.py\n    params:\n      - params.yaml:\n");
        assertEquals(List.of(), lint("param-undeclared"));
        // a script outside the project is not read
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: python ../train.py\n");
        write(dir.getParent(), "train.py", "import yaml\np = yaml.safe_load(open('params.yaml'))\nprint(p['seed'])\n");
        assertEquals(List.of(), lint("param-undeclared"));
        // a script that does not tokenize
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: python src/train.py\n");
        write(dir, "src/train.py", "p = yaml.safe_load(open('params.yaml'))\nprint(p['seed'\n");
        assertEquals(List.of(), lint("param-undeclared"));
    }

    @Test
    void undeclaredFixCreatesParamsAndUsesFileForm() throws Exception {
        write(dir, "params.yaml", "seed: 1\n");
        write(dir, "conf/train.json", "{\"lr\": 0.1, \"epochs\": 3}");
        write(dir, "src/train.py", """
                import json, yaml
                p = yaml.safe_load(open("params.yaml"))
                c = json.load(open("conf/train.json"))
                print(p["seed"], c["lr"], c["epochs"])
                """);
        String dvc = "stages:\n  t:\n    cmd: python src/train.py\n    deps:\n    - src/train.py\n    outs:\n    - m\n"
                + "  u:\n    cmd: python other.py\n    params:\n    - conf/train.json: [lr]\n";
        write(dir, "dvc.yaml", dvc);
        assertEquals(3, lint("param-undeclared").size());
        cli(dir, "lint", "--fix");
        String fixed = Files.readString(dir.resolve("dvc.yaml"));
        assertEquals(List.of(), lint("param-undeclared"), fixed);
        assertEquals(List.of(), all().stream().filter(f -> f.severity() == Severity.ERROR).toList(), fixed);
        assertTrue(fixed.startsWith("stages:\n  t:\n    cmd: python src/train.py\n    deps:\n    - src/train.py\n"
                + "    params:\n    - "), fixed);
        assertTrue(fixed.contains("\n    - seed\n"), fixed);
        assertTrue(fixed.contains("    - conf/train.json: [lr, epochs]\n") || fixed.contains(
                "    - conf/train.json: [epochs, lr]\n"), fixed);
        assertTrue(fixed.contains("    outs:\n    - m\n  u:\n"), fixed);

        // flow style params list
        write(dir, "dvc.yaml", "stages:\n  t:\n    cmd: python src/train.py\n    params: [seed]\n"
                + "  u:\n    cmd: python other.py\n    params:\n    - conf/train.json: [lr]\n");
        cli(dir, "lint", "--fix");
        fixed = Files.readString(dir.resolve("dvc.yaml"));
        assertEquals(List.of(), lint("param-undeclared"), fixed);
        assertTrue(fixed.contains("params: [seed, {conf/train.json: [") , fixed);
    }
}
