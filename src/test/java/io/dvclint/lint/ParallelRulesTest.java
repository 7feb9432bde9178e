package io.dvclint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dvclint.TestFiles;
import io.dvclint.config.Config;
import io.dvclint.findings.Finding;
import io.dvclint.findings.Findings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules run by two threads through a crew report exactly what a sequential run reports, on a project whose rules
 * share the pipeline graph, the params files and the scripts (the data they fill in lazily).
 */
class ParallelRulesTest {
    @TempDir
    Path dir;

    private void project() {
        StringBuilder yaml = new StringBuilder("stages:\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("  s").append(i).append(":\n")
                    .append("    cmd: python src/step.py --lr 0.01 data/in").append(i % 7).append(" out/o").append(i)
                    .append("\n    deps:\n      - data/in").append(i % 7).append("\n      - missing/d").append(i % 5)
                    .append(i > 0 ? "\n      - out/o" + (i - 1) : "")
                    .append("\n    params:\n      - train.lr\n    outs:\n      - out/o").append(i)
                    .append("\n    metrics:\n      - m").append(i).append(".json\n");
        }
        TestFiles.write(dir, "dvc.yaml", yaml.toString());
        TestFiles.write(dir, "params.yaml", "train:\n  lr: 0.01\n  epochs: 3\nunused: 1\n");
        TestFiles.write(dir, "src/step.py", "import yaml\np = yaml.safe_load(open('params.yaml'))\n"
                + "print(p['train']['epochs'])\n");
        TestFiles.write(dir, ".dvc/config", "");
    }

    private static List<String> render(Findings f) {
        List<String> out = new ArrayList<>();
        for (Finding x : f.sorted()) out.add(x.ruleId() + " " + x.pos() + " " + x.message());
        return out;
    }

    @Test
    void twoThreadsReportWhatOneReports() throws Exception {
        project();
        Findings sequential = new Findings();
        Linter.check(Linter.load(dir), sequential, Config.DEFAULT, null);
        List<String> expected = render(sequential);
        assertTrue(expected.size() > 60, "the project gives the rules work: " + expected.size());
        for (int round = 0; round < 15; round++) {
            Crew crew = new Crew();
            Thread helper = new Thread(crew::help, "helper");
            helper.start();
            Findings parallel = new Findings();
            try {
                Linter.check(Linter.load(dir), parallel, Config.DEFAULT, crew);
            } finally {
                crew.close();
            }
            helper.join(30_000);
            assertEquals(expected, render(parallel), "round " + round);
        }
    }
}
