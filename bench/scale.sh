#!/bin/sh
# Scale benchmark: whole-process `dvclint lint` on a generated project (foreach over N items + 100x100 matrix),
# at N and at 2N, medians of RUNS runs each. Before each of those runs a script the stages run is edited, as in a
# commit that touched it (dvc.yaml is unchanged: its schema verdict is cached). Then the N project again with
# nothing changed, which is linted in full all the same (the schema verdict is lint's only cache).
# Usage: bench/scale.sh [N] [RUNS]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
n=${1:-10000}; runs=${2:-5}
work=$here/target/bench/scale
rm -rf "$work"; mkdir -p "$work"
"$here/bench/gen-scale.sh" "$work/n1" "$n" 100
"$here/bench/gen-scale.sh" "$work/n2" "$((n * 2))" 100
"$here/bin/dvclint" --version >/dev/null 2>&1
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
measure() { # project [edit]
  : > "$work/t.txt"; i=0
  while [ "$i" -lt "$runs" ]; do
    if [ -n "${2:-}" ]; then echo "# edit $i" >> "$1/src/train.py"; fi
    s=$(date +%s%N); "$here/bin/dvclint" lint --fail-on error "$1" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 )) >> "$work/t.txt"; i=$((i + 1))
  done
  median < "$work/t.txt"
}
"$here/bin/dvclint" lint "$work/n1" > "$work/n1.out" 2>&1 || true
"$here/bin/dvclint" lint "$work/n2" >/dev/null 2>&1 || true
stages=$(( n + 100 * 100 ))
t1=$(measure "$work/n1" edit); t2=$(measure "$work/n2" edit)
"$here/bin/dvclint" lint "$work/n1" >/dev/null 2>&1 || true
tc=$(measure "$work/n1")
echo "stages: $stages and $(( 2 * n + 100 * 100 ))"
echo "lint median, N=$n:        ${t1} ms (target <= 2000 ms)"
echo "lint median, N=$((2 * n)):        ${t2} ms"
awk -v a="$t1" -v b="$t2" -v n="$n" 'BEGIN { printf "ratio 2N/N: %.2f (stages ratio %.2f; target <= 2.20)\n", b / a, (2*n+10000)/(n+10000) }'
echo "lint median, N=$n, unchanged since the last run: ${tc} ms"
head -5 "$work/n1.out"
