#!/usr/bin/env bash
# Shows that metrics memory does not grow with the sample count. It records 10 million samples into one trend
# series in a 64 MiB heap and prints the heap used after a full GC at 0, 1 million and 10 million samples, on
# JDK 17 and JDK 25.
# Usage: bench/metrics-memory.sh

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap - EXIT

OUT=$WORK/metrics-memory
rm -rf "$OUT"
mkdir -p "$OUT"

bench_install
bench_build

echo "| JDK | heap limit | samples recorded | heap used after GC |" > "$OUT/table.md"
echo "|---|---|---:|---:|" >> "$OUT/table.md"
for pair in "17:$JDK17" "25:$JDK25"; do
    name=${pair%%:*}
    jdk=${pair#*:}
    log "10 million samples on JDK $name"
    "$jdk/bin/java" -Xmx64m -cp "$BENCH_CP" io.liveload.bench.MetricsMemory > "$OUT/jdk$name.out"
    awk -v jdk="$name" -F'[ =]' '$1 == "samples" {
        printf "| %s | -Xmx64m | %\047d | %.1f MiB |\n", jdk, $2, $4 / 1048576 }' "$OUT/jdk$name.out" >> "$OUT/table.md"
    grep recordedCount "$OUT/jdk$name.out" >&2
done
cat "$OUT/table.md"
