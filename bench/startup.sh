#!/bin/sh
# Start-up benchmark: median wall time of `bin/dvclint lint <project>` against the JVM's own floor (a bare
# `java` hello-world), measured in the same run on the same machine. Usage: bench/startup.sh [RUNS] [PROJECT]
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
h=$(median < "$work/hello.txt"); l=$(median < "$work/lint.txt")
echo "runs: $runs  project: $project"
echo "java hello-world median: ${h} ms"
echo "dvclint lint median:     ${l} ms"
awk -v h="$h" -v l="$l" 'BEGIN { printf "ratio lint/hello: %.2f (target <= 2.00)\n", l / h }'
