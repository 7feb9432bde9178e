#!/bin/sh
# Parallel repro benchmark: a pipeline of WIDTH independent stages, each `sleep SECONDS` and then writing its own
# output, plus a join stage reading all of them. `dvclint repro` from scratch with -j 1 and with -j JOBS, RUNS
# times each, interleaved; medians and their ratio, all measured in this one run. Every run's dvc.lock must have
# the same bytes as the first -j 1 run's (the script stops if not): the parallel run changes the time, not the result.
# The critical path is the sleeps one chain must wait (ceil(WIDTH/JOBS) x SECONDS) plus everything else a -j JOBS
# run does: the same runs with the sleeps set to 0 (start-up, hashing, cache and lock writes, the join).
#
# Usage: bench/parallel.sh [RUNS] [WIDTH] [JOBS] [SECONDS]     (defaults: 3 8 4 1)
#   DVCLINT=/path/to/bin/dvclint bench/parallel.sh   times that launcher instead of this checkout's
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${1:-3}; width=${2:-8}; jobs=${3:-4}; seconds=${4:-1}
dvclint=${DVCLINT:-$here/bin/dvclint}
work=$here/target/bench/parallel
rm -rf "$work"; mkdir -p "$work/proj/.dvc"
proj=$work/proj
printf '[core]\n    no_scm = True\n' > "$proj/.dvc/config"
{
  echo "stages:"
  i=0; joined=""
  while [ "$i" -lt "$width" ]; do
    printf '  s%02d:\n    cmd: sleep $BENCH_SLEEP && echo %d > out%02d.txt\n    outs: [out%02d.txt]\n' \
      "$i" "$i" "$i" "$i"
    joined="$joined out$(printf %02d "$i").txt"
    i=$((i + 1))
  done
  printf '  join:\n    cmd: cat%s > all.txt\n    deps: [%s]\n    outs: [all.txt]\n' \
    "$joined" "$(echo $joined | sed 's/ /, /g')"
} > "$proj/dvc.yaml"
"$dvclint" --version >/dev/null # builds on first use, outside the timings

# one run from scratch (JOBS [SLEEP]): outputs, lock and cache removed first; prints milliseconds
run() {
  rm -rf "$proj/.dvc/cache" "$proj/.dvc/tmp" "$proj"/*.txt "$proj/dvc.lock"
  start=$(date +%s%N)
  (cd "$proj" && BENCH_SLEEP=${2:-$seconds} "$dvclint" repro -j "$1" >/dev/null 2>&1)
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

serial=""; parallel=""; overhead=""; reference=""
n=0
while [ "$n" -lt "$runs" ]; do
  serial="$serial $(run 1)"
  if [ -z "$reference" ]; then reference=$(cat "$proj/dvc.lock"); fi
  [ "$(cat "$proj/dvc.lock")" = "$reference" ] || { echo "dvc.lock differs after -j 1" >&2; exit 1; }
  parallel="$parallel $(run "$jobs")"
  [ "$(cat "$proj/dvc.lock")" = "$reference" ] || { echo "dvc.lock differs after -j $jobs" >&2; exit 1; }
  overhead="$overhead $(run "$jobs" 0)"
  n=$((n + 1))
done
s=$(echo $serial | tr ' ' '\n' | median)
p=$(echo $parallel | tr ' ' '\n' | median)
o=$(echo $overhead | tr ' ' '\n' | median)
echo "$width stages of sleep $seconds + a join, $runs runs each, dvc.lock identical in every run"
echo "repro -j 1:     $s ms"
echo "repro -j $jobs:     $p ms"
echo "repro -j $jobs, sleep 0: $o ms"
awk -v s="$s" -v p="$p" -v o="$o" -v w="$width" -v j="$jobs" -v d="$seconds" 'BEGIN {
  waits = int((w + j - 1) / j) * d * 1000
  printf "speed-up:       %.2fx\n", s / p
  printf "critical path:  %d ms (%d ms of sleeps + %d ms); -j %d takes %.2fx of it\n", waits + o, waits, o, j, p / (waits + o)
}'
