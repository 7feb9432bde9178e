#!/bin/sh
# No-op status benchmark: `dvclint status` on a project of STAGES stages, each depending on its own directory of
# FILES small files (100 stages of 100 files by default: 10,000 files) and writing one small output, after a
# `dvclint repro` that left everything up to date and its hashes in the hash state (.dvc/tmp/dvclint-state).
# Then, interleaved, RUNS times: a bare `java` hello-world (the JVM's floor), `dvclint status`, and `dvclint dag` on
# the same project (loading it costs that much before any file is looked at); medians and ratios, all measured in
# this one run. The status reads no file, it only stats them.
#
# Usage: bench/status.sh [RUNS] [STAGES] [FILES]
#   DVCLINT=/path/to/bin/dvclint bench/status.sh   times that launcher instead of this checkout's
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${1:-21}; stages=${2:-100}; files=${3:-100}
dvclint=${DVCLINT:-$here/bin/dvclint}
work=$here/target/bench/status
proj=$work/proj
rm -rf "$work"; mkdir -p "$proj/.dvc" "$proj/data" "$proj/out"
printf '[core]\n    no_scm = True\n' > "$proj/.dvc/config"
cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work" "$work/Hello.java"

# the data: STAGES directories of FILES files of 1-4 KiB each (awk writes them all in one process)
awk -v s="$stages" -v f="$files" -v d="$proj/data" 'BEGIN {
  line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz"
  for (i = 0; i < s; i++) {
    dir = sprintf("%s/d%03d", d, i); system("mkdir -p " dir)
    for (j = 0; j < f; j++) {
      p = sprintf("%s/f%04d.txt", dir, j); n = 10 + (i * 7 + j * 13) % 30
      for (k = 0; k < n; k++) printf "%d %d %d %s\n", i, j, k, line > p
      close(p)
    }
  }
}'
{
  echo "stages:"
  i=0
  while [ "$i" -lt "$stages" ]; do
    n=$(printf %03d "$i")
    printf '  s%s:\n    cmd: echo %s > out/s%s.txt\n    deps:\n    - data/d%s\n    outs:\n    - out/s%s.txt\n' \
      "$n" "$n" "$n" "$n" "$n"
    i=$((i + 1))
  done
} > "$proj/dvc.yaml"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_ms() { # command... -> wall milliseconds
  s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
}

"$dvclint" --version >/dev/null 2>&1   # builds the jar and its archive on first use
(cd "$proj" && "$dvclint" repro >/dev/null)
out=$(cd "$proj" && "$dvclint" status)
case $out in *"up to date"*) ;; *) echo "status is not a no-op: $out" >&2; exit 1 ;; esac
# for reference: a status without the hash state (every file read again); it writes the state back
state=$proj/.dvc/tmp/dvclint-state
[ -f "$state" ] || { echo "no hash state after repro: $state" >&2; exit 1; }
rm -f "$state"
cold=$(cd "$proj" && time_ms "$dvclint" status)

: > "$work/hello.txt"; : > "$work/status.txt"; : > "$work/dag.txt"
i=0
while [ "$i" -lt "$runs" ]; do
  time_ms java -cp "$work" Hello >> "$work/hello.txt"
  (cd "$proj" && time_ms "$dvclint" status) >> "$work/status.txt"
  (cd "$proj" && time_ms "$dvclint" dag) >> "$work/dag.txt"
  i=$((i + 1))
done
h=$(median < "$work/hello.txt"); s=$(median < "$work/status.txt"); d=$(median < "$work/dag.txt")
echo "no-op status: $stages stages, each on a directory of $files files ($((stages * files)) files), $runs runs"
awk -v h="$h" -v s="$s" -v d="$d" -v c="$cold" 'BEGIN {
  printf "java hello-world median:   %6.1f ms\n", h
  printf "dvclint status median:     %6.1f ms  (%.2fx hello)\n", s, s / h
  printf "  dvclint dag, same project: %6.1f ms  (%.2fx hello: loading the project, no file looked at)\n", d, d / h
  printf "  status without the hash state (one run): %.0f ms\n", c }'
