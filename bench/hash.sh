#!/bin/sh
# Hashing benchmark, all figures from this one run:
#  1. a 1 GiB file: dvclint's MD5 (in a fresh JVM, the time of the hashing itself) against md5sum on the same file,
#     interleaved, medians; throughput ratio. The JVM runs with the launcher's options for `repro` (C1 and C2);
#     then, as the launcher runs `status` and every other command, with C1 only (-XX:TieredStopAtLevel=1), which
#     leaves MD5 without the JIT's intrinsic: that figure is printed too.
#  2. a directory of 10,000 small files (1-4 KiB): hashed cold (no hash state: every file read, on all cores; and on
#     one core, for the parallel speed-up), then warm (the state written by the previous run: stat only), each in a
#     fresh JVM, interleaved, medians. Files are in the page cache (the cold figure is CPU and system calls, not the
#     disk); with python3 at hand, cold again with these files dropped from the page cache.
#  3. the same for 1,000 files of 256 KiB, where reading and hashing outweigh walking the directory.
#
# Usage: bench/hash.sh [RUNS] [FILES]      (RUNS default 5, FILES default 10000; data under target/bench/hash)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${1:-5}; files=${2:-10000}
work=$here/target/bench/hash
mkdir -p "$work"
jar=$here/target/dvclint.jar
"$here/bin/dvclint" --version >/dev/null   # builds the jar and its class-data archive when missing or stale
javac -cp "$jar" -d "$work" "$here/bench/HashBench.java"
# bin/dvclint's options (its class-data archive too) without C1-only compilation, and the same with it
base="-XX:+UseG1GC -Xss8m -XX:-UsePerfData -Xshare:auto -XX:Tier3InvocationThreshold=1000 \
-XX:Tier3MinInvocationThreshold=500 -XX:Tier3CompileThreshold=5000 -XX:Tier3BackEdgeThreshold=20000"
[ -f "$here/target/dvclint.jsa" ] && base="$base -XX:SharedArchiveFile=$here/target/dvclint.jsa -Xlog:cds=off"
c1="$base -XX:TieredStopAtLevel=1"
cp="$jar:$work"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s%N; }

# ---- 1. one large file
big=$work/1GiB.bin
if [ ! -f "$big" ] || [ "$(wc -c < "$big")" -ne 1073741824 ]; then
  head -c 1073741824 /dev/urandom > "$big"
fi
expected=$(md5sum "$big" | cut -c1-32)   # also brings the file into the page cache
: > "$work/md5sum.txt"; : > "$work/java.txt"; : > "$work/java-c1.txt"
i=0
while [ "$i" -lt "$runs" ]; do
  s=$(now); md5sum "$big" >/dev/null; e=$(now)
  echo "$(( (e - s) / 1000000 ))" >> "$work/md5sum.txt"
  # shellcheck disable=SC2086
  out=$(java $base -cp "$cp" HashBench file "$big")
  [ "${out#* }" = "$expected" ] || { echo "wrong MD5: $out (md5sum: $expected)" >&2; exit 1; }
  echo "$out" | awk '{print $1 * 1000}' >> "$work/java.txt"
  if [ "$i" -lt 2 ]; then
    # shellcheck disable=SC2086
    java $c1 -cp "$cp" HashBench file "$big" | awk '{print $1 * 1000}' >> "$work/java-c1.txt"
  fi
  i=$((i + 1))
done
m=$(median < "$work/md5sum.txt"); j=$(median < "$work/java.txt"); j1=$(median < "$work/java-c1.txt")
echo "1 GiB file, $runs runs (medians)"
awk -v m="$m" -v j="$j" -v j1="$j1" 'BEGIN {
  printf "  md5sum:                        %7.0f ms  %5.0f MiB/s\n", m, 1024000 / m
  printf "  dvclint MD5 (C1 and C2):       %7.0f ms  %5.0f MiB/s  %.2fx md5sum throughput\n", j, 1024000 / j, m / j
  printf "  dvclint MD5, C1 only (as status): %.0f ms  %5.0f MiB/s  %.2fx\n", j1, 1024000 / j1, m / j1 }'

# ---- 2. many small files
proj=$work/proj
if [ ! -f "$proj/.files-$files" ]; then
  rm -rf "$proj"; mkdir -p "$proj/.dvc" "$proj/data"
  printf '[core]\n    no_scm = True\n' > "$proj/.dvc/config"
  awk -v f="$files" -v d="$proj/data" 'BEGIN {
    line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghij"
    for (j = 0; j < f; j++) {
      if (j % 1000 == 0) { dir = sprintf("%s/part%02d", d, j / 1000); system("mkdir -p " dir) }
      p = sprintf("%s/f%05d.csv", dir, j); n = 10 + (j * 13) % 30
      for (k = 0; k < n; k++) printf "%d,%d,%s\n", j, k, line > p
      close(p)
    }
  }'
  : > "$proj/.files-$files"
fi
state=$proj/.dvc/tmp/dvclint-state
# cold: no hash state; one core (-XX:ActiveProcessorCount=1: no hashing threads) and all cores
dir_runs() { # project label -> fills $work/<label>-{cold1,cold,warm}.txt
  : > "$work/$2-cold.txt"; : > "$work/$2-cold1.txt"; : > "$work/$2-warm.txt"
  st=$1/.dvc/tmp/dvclint-state
  i=0
  while [ "$i" -lt "$runs" ]; do
    rm -f "$st"
    # shellcheck disable=SC2086
    java $base -XX:ActiveProcessorCount=1 -cp "$cp" HashBench dir "$1" data | awk '{print $1}' >> "$work/$2-cold1.txt"
    rm -f "$st"
    # shellcheck disable=SC2086
    cold=$(java $base -cp "$cp" HashBench dir "$1" data)
    echo "$cold" | awk '{print $1}' >> "$work/$2-cold.txt"
    # shellcheck disable=SC2086
    warm=$(java $base -cp "$cp" HashBench dir "$1" data)
    [ "${warm#* }" = "${cold#* }" ] || { echo "warm and cold differ: $warm / $cold" >&2; exit 1; }
    echo "$warm" | awk '{print $1}' >> "$work/$2-warm.txt"
    i=$((i + 1))
  done
}
dir_runs "$proj" small
c=$(median < "$work/small-cold.txt"); c1=$(median < "$work/small-cold1.txt"); w=$(median < "$work/small-warm.txt")
echo "directory of $files small files (1-4 KiB, in the page cache), $runs runs (medians; $(nproc) cores)"
awk -v c="$c" -v c1="$c1" -v w="$w" 'BEGIN {
  printf "  cold, one core:    %7.1f ms\n", c1
  printf "  cold, all cores:   %7.1f ms  (%.2fx faster than one core)\n", c, c1 / c
  printf "  warm (hash state): %7.1f ms  (%.3f of cold)\n", w, w / c }'
if command -v python3 >/dev/null 2>&1; then
  # the same cold hashing with the files out of the page cache (posix_fadvise DONTNEED on these files only)
  : > "$work/small-disk.txt"
  i=0
  while [ "$i" -lt "$runs" ]; do
    python3 -c 'import os, sys
for r, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        fd = os.open(os.path.join(r, f), os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED); os.close(fd)' \
      "$proj/data"
    rm -f "$state"
    # shellcheck disable=SC2086
    java $base -cp "$cp" HashBench dir "$proj" data | awk '{print $1}' >> "$work/small-disk.txt"
    i=$((i + 1))
  done
  d=$(median < "$work/small-disk.txt")
  awk -v d="$d" -v w="$w" 'BEGIN {
    printf "  cold, not in the page cache: %7.1f ms  (warm is %.3f of it)\n", d, w / d }'
fi

# ---- 3. fewer, larger files (1,000 of 256 KiB): where reading and hashing outweigh the walk
mid=$work/mid
if [ ! -f "$mid/.done" ]; then
  rm -rf "$mid"; mkdir -p "$mid/.dvc" "$mid/data"
  i=0
  while [ "$i" -lt 1000 ]; do
    [ $((i % 100)) -eq 0 ] && mkdir -p "$mid/data/p$((i / 100))"
    head -c 262144 /dev/urandom > "$mid/data/p$((i / 100))/f$i.bin"
    i=$((i + 1))
  done
  : > "$mid/.done"
fi
dir_runs "$mid" mid
c=$(median < "$work/mid-cold.txt"); c1=$(median < "$work/mid-cold1.txt"); w=$(median < "$work/mid-warm.txt")
echo "directory of 1,000 files of 256 KiB (250 MiB, in the page cache), $runs runs (medians)"
awk -v c="$c" -v c1="$c1" -v w="$w" 'BEGIN {
  printf "  cold, one core:    %7.1f ms\n", c1
  printf "  cold, all cores:   %7.1f ms  (%.2fx faster than one core)\n", c, c1 / c
  printf "  warm (hash state): %7.1f ms  (%.3f of cold)\n", w, w / c }'
