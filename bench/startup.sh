#!/bin/sh
# Start-up benchmark: median wall time of `bin/dvclint lint <project>` against the JVM's own floor (a bare
# `java` hello-world), measured in the same run on the same machine: first linting the unchanged project again and
# again (as a pre-commit hook or an editor does; the result cache answers), then after an edit before each run (a
# full lint). Usage: bench/startup.sh [RUNS] [PROJECT]
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
"$here/bin/dvclint" lint "$project" >/dev/null 2>&1 || true   # build + archive on first use

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_ms() { # command... -> wall milliseconds
  s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
}
: > "$work/hello.txt"; : > "$work/lint.txt"
i=0
while [ "$i" -lt "$runs" ]; do   # interleave so both see the same machine load
  time_ms java -cp "$work" Hello >> "$work/hello.txt"
  time_ms "$here/bin/dvclint" lint "$project" >> "$work/lint.txt"
  i=$((i + 1))
done
# The same after an edit: a copy of the project whose params.yaml (else dvc.yaml) gets a comment line before each
# run, so the result cache cannot answer and the lint runs in full (an unchanged dvc.yaml keeps its schema verdict).
edited=$work/edited
rm -rf "$edited"; cp -R "$project" "$edited"
target=$edited/params.yaml; [ -f "$target" ] || target=$edited/dvc.yaml
"$here/bin/dvclint" lint "$edited" >/dev/null 2>&1 || true
: > "$work/hello2.txt"; : > "$work/edit.txt"
i=0
while [ "$i" -lt "$runs" ]; do
  time_ms java -cp "$work" Hello >> "$work/hello2.txt"
  echo "# edit $i" >> "$target"
  time_ms "$here/bin/dvclint" lint "$edited" >> "$work/edit.txt"
  i=$((i + 1))
done
h=$(median < "$work/hello.txt"); l=$(median < "$work/lint.txt")
h2=$(median < "$work/hello2.txt"); l2=$(median < "$work/edit.txt")
echo "runs: $runs  project: $project"
echo "java hello-world median: ${h} ms"
echo "dvclint lint median:     ${l} ms"
awk -v h="$h" -v l="$l" 'BEGIN { printf "ratio lint/hello: %.2f (target <= 2.00)\n", l / h }'
echo "after an edit (full lint): hello ${h2} ms, lint ${l2} ms"
awk -v h="$h2" -v l="$l2" 'BEGIN { printf "ratio lint/hello after an edit: %.2f\n", l / h }'
