#!/bin/sh
# Generates a DVC project for the templating/graph scale benchmark: a foreach over N items (default 10000) plus
# an M x M matrix (default 100 x 100), chained so the graph has real edges (each matrix stage reads one of the
# foreach outputs). Usage: bench/gen-scale.sh DIR [N] [M]
set -eu
dir=$1; n=${2:-10000}; m=${3:-100}
mkdir -p "$dir/.dvc" "$dir/src"
# a project without git: the generated folder lies in this checkout's git-ignored target/, whose rules DVC (and
# dvclint) would otherwise apply, leaving the whole pipeline out
printf '[core]\n    no_scm = True\n' > "$dir/.dvc/config"
: > "$dir/src/prep.py"; : > "$dir/src/train.py"
{
  echo "items:"
  i=0; while [ "$i" -lt "$n" ]; do echo "  - {id: s$i, rate: 0.$((i % 97 + 1))}"; i=$((i + 1)); done
  echo "models:"
  i=0; while [ "$i" -lt "$m" ]; do echo "  - m$i"; i=$((i + 1)); done
  echo "seeds:"
  i=0; while [ "$i" -lt "$m" ]; do echo "  - $i"; i=$((i + 1)); done
} > "$dir/params.yaml"
cat > "$dir/dvc.yaml" <<'YAML'
stages:
  prep:
    foreach: ${items}
    do:
      cmd: python src/prep.py --id ${item.id} --rate ${item.rate}
      deps:
        - src/prep.py
      outs:
        - data/prep/${item.id}.csv
  train:
    matrix:
      model: ${models}
      seed: ${seeds}
    cmd: python src/train.py ${item.model} ${item.seed}
    deps:
      - src/train.py
      - data/prep/s${item.seed}.csv
    outs:
      - models/${item.model}/${item.seed}.pkl
YAML
