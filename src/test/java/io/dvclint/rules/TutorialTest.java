package io.dvclint.rules;

import static io.dvclint.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import io.dvclint.lint.Linter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;




/**
 * The pipeline of the tutorial that motivated dvclint, as written there (lock fields in dvc.yaml outs included):
 * every one of its problems is reported at once, although DVC itself would stop at the first.
 */
class TutorialTest {
    static final String CONFIGURATION = """
            # dvc.yaml - Complete training pipeline with three stages
            stages:
              prepare:
                cmd: python src/prepare.py data/raw data/prepared
                deps:
                  - data/raw/train.csv
                  - src/prepare.py
                outs:
                  - data/prepared:
                      hash: md5
                      md5: a1b2c3d4e5f6.dir
                      size: 52428800
                      nfiles: 2

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
                  - models/model.pkl:
                      hash: md5
                      md5: f7g8h9i0j1k2
                      size: 125000000
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

    static final String PARAMS = """
            # params.yaml - Separate hyperparameters that trigger retraining
            train:
              learning_rate: 0.001
              batch_size: 32
              epochs: 10
            preprocess:
              test_split: 0.2
            """;

    @TempDir
    Path dir;

    List<Finding> lint() {
        Findings f = new Findings();
        Linter.lint(dir, f, Config.DEFAULT);
        return f.sorted();
    }

    static List<Finding> of(List<Finding> fs, String rule) {
        return fs.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void configurationGetsEveryProblemAtOnce() {
        write(dir, "dvc.yaml", CONFIGURATION);
        write(dir, "params.yaml", PARAMS);
        List<Finding> fs = lint();

        List<Finding> schema = of(fs, "schema");
        assertEquals(7, schema.size(), schema.toString()); // hash, md5, size, nfiles + hash, md5, size
        assertTrue(schema.get(0).message().contains("'hash'"), schema.get(0).message());
        assertTrue(schema.get(0).hint().contains("dvc.lock"), schema.get(0).hint());

        List<Finding> dup = of(fs, "duplicate-output");
        assertEquals(1, dup.size(), fs.toString());
        assertTrue(dup.get(0).message().contains("'metrics.json' is already specified in stage 'train'"));

        List<String> unused = of(fs, "param-unused").stream().map(Finding::message).toList();
        assertEquals(2, unused.size(), unused.toString());
        assertTrue(unused.get(0).startsWith("parameter 'train.epochs'"), unused.toString());
        assertTrue(unused.get(1).contains("preprocess.test_split"), unused.toString());

        List<Finding> hard = of(fs, "param-hardcoded");
        assertEquals(1, hard.size(), fs.toString());
        assertTrue(hard.get(0).message().startsWith("`--epochs 10`"), hard.get(0).message());
    }

    @Test
    void wrongWayGetsScriptAndOutputFindings() {
        write(dir, "dvc.yaml", """
                stages:
                  train:
                    cmd: python train.py
                  prepare:
                    cmd: python prepare.py
                """);
        write(dir, "train.py", "print('train')\n");
        write(dir, "prepare.py", "print('prepare')\n");
        List<Finding> fs = lint();
        assertEquals(2, of(fs, "no-outputs").size(), fs.toString());
        assertEquals(2, of(fs, "script-not-in-deps").size(), fs.toString());
    }

    @Test
    void rightWayMetricsWithoutCacheFalseAreCachedMetrics() {
        write(dir, "dvc.yaml", """
                stages:
                  evaluate:
                    cmd: python evaluate.py
                    deps: [evaluate.py]
                    metrics:
                      - metrics.json
                """);
        write(dir, "evaluate.py", "print('eval')\n");
        List<Finding> fs = of(lint(), "metrics-cached");
        assertEquals(1, fs.size());
        assertEquals(6, fs.get(0).line());
    }
}
