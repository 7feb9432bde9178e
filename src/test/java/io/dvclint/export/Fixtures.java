package io.dvclint.export;

import static io.dvclint.TestFiles.write;

import java.nio.file.Path;

/** Small projects the export tests run on (no shared corpus needed). */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * A pipeline with a .dvc data source, foreach and matrix stages (one group with GPU settings), a second
     * dvc.yaml, a stage reading metrics DVC does not cache, and stage names a Kubernetes name cannot keep.
     */
    static Path pipeline(Path dir) {
        write(dir, ".dvc/config", "[core]\n    remote = storage\n");
        write(dir, "params.yaml", "prepare:\n  split: 0.2\n");
        write(dir, "data/raw.csv.dvc", "outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  path: raw.csv\n");
        write(dir, "dvc.yaml", """
                stages:
                  prepare:
                    cmd: python prepare.py
                    deps: [data/raw.csv, prepare.py]
                    params: [prepare.split]
                    outs: [data/prepared]
                  train:
                    foreach:
                      small: 1
                      Large_Model: 2
                    do:
                      cmd: python train.py ${item}
                      deps: [data/prepared/train.tsv, train.py]
                      outs: ["models/${key}.pkl"]
                      meta:
                        owner: ml-team
                        dvclint:
                          resources: {cpu: 4, memory: 16Gi, gpu: 1}
                          nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}
                          tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
                          retries: 2
                          timeout: 2h
                  evaluate:
                    matrix:
                      model: [small, Large_Model]
                    cmd: python evaluate.py ${item.model}
                    deps: ["models/${item.model}.pkl"]
                    metrics:
                      - metrics/${item.model}.json:
                          cache: false
                  report:
                    cmd: python report.py
                    deps: [metrics]
                    outs: [report.html]
                    meta: {dvclint: {resources: {memory: 1Gi}}}
                  Stage_With.Dots:
                    cmd: echo hi > hi.txt
                    outs: [hi.txt]
                  "on":
                    cmd: echo on > on.txt
                    deps: [hi.txt]
                    outs: [on.txt]
                """);
        write(dir, "sub/dvc.yaml", """
                stages:
                  train:
                    cmd: python train.py
                    deps: [../data/prepared]
                    outs: [model.bin]
                """);
        return dir;
    }
}
