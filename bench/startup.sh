#!/bin/sh
# Start-up benchmark: median wall time of `bin/dvclint lint <project>` against the JVM's own floor (a bare `java`
# hello-world), measured in the same run on the same machine, each run interleaved with the others so that all see
# the same load: first the unchanged project linted again and again (as an editor does), then after an edit before
# each run (as a pre-commit hook does: params.yaml, else dvc.yaml, gets a comment line).
#
# Usage: bench/startup.sh [RUNS] [PROJECT]
#   BASELINE=/path/to/other/checkout/bin/dvclint bench/startup.sh   also times that launcher (e.g. an older commit)
#   in the same interleaved runs, and prints both.
#   EDIT=src/train.py bench/startup.sh   edits that file of the project before each run instead of params.yaml
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${1:-21}
project=${2:-$here/examples/get-started}
work=$here/target/bench
mkdir -p "$work"
cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
[ -f "$work/Hello.class" ] || javac -d "$work" "$work/Hello.java"

launchers="$here/bin/dvclint"
[ -n "${BASELINE:-}" ] && launchers="$launchers $BASELINE"
for l in $launchers; do "$l" lint "$project" >/dev/null 2>&1 || true; done   # build + archive on first use

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_ms() { # command... -> wall milliseconds
  s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
}
# the edited copy lies outside this checkout: in its git-ignored target/, git's rules would leave the pipeline of a
# project that uses git out of the walk (as DVC does), and the runs would lint nothing
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
edited=$tmp/edited
cp -R "$project" "$edited"
# EDIT=path (relative to the project) chooses the file edited: a script (EDIT=src/train.py) as well as params.yaml
target=$edited/${EDIT:-params.yaml}; [ -f "$target" ] || target=$edited/dvc.yaml

: > "$work/hello.txt"
n=0
for l in $launchers; do : > "$work/same-$n.txt"; : > "$work/edit-$n.txt"; n=$((n + 1)); done
i=0
while [ "$i" -lt "$runs" ]; do
  time_ms java -cp "$work" Hello >> "$work/hello.txt"
  n=0
  for l in $launchers; do
    time_ms "$l" lint "$project" >> "$work/same-$n.txt"
    echo "# edit $i $n" >> "$target"
    time_ms "$l" lint "$edited" >> "$work/edit-$n.txt"
    n=$((n + 1))
  done
  i=$((i + 1))
done

h=$(median < "$work/hello.txt")
echo "runs: $runs  project: $project"
echo "java hello-world median: ${h} ms"
n=0
for l in $launchers; do
  s=$(median < "$work/same-$n.txt"); e=$(median < "$work/edit-$n.txt")
  echo "$l"
  awk -v h="$h" -v s="$s" -v e="$e" 'BEGIN {
    printf "  unchanged project: %6.1f ms  (%.2fx hello)\n", s, s / h
    printf "  after an edit:     %6.1f ms  (%.2fx hello)\n", e, e / h }'
  n=$((n + 1))
done
