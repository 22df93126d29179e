#!/usr/bin/env bash
# The cost of recording one sample with tags (JMH 1.37): a cached series, a registry lookup, and a tag set built
# per sample, with 1 and with 8 writer threads, on JDK 17 and JDK 25, on every core of the machine, so that the
# 8 writers contend for the same cache lines across cores. Usage: bench/metrics-jmh.sh [EXTRA_JMH_OPTIONS...]

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap - EXIT

OUT=$WORK/metrics-jmh
rm -rf "$OUT"
mkdir -p "$OUT"

bench_install
bench_build

echo "| JDK | benchmark | writer threads | ns per sample | error (99.9%) |" > "$OUT/table.md"
echo "|---|---|---:|---:|---:|" >> "$OUT/table.md"
for pair in "17:$JDK17" "25:$JDK25"; do
    name=${pair%%:*}
    jdk=${pair#*:}
    for threads in 1 8; do
        log "JMH on JDK $name with $threads writer threads"
        wait_quiet
        "$jdk/bin/java" -cp "$BENCH_CP" org.openjdk.jmh.Main RecordBenchmark \
            -t "$threads" -jvm "$jdk/bin/java" -rf csv -rff "$OUT/jdk$name-t$threads.csv" "$@" > "$OUT/jdk$name-t$threads.log"
        # CSV columns: Benchmark, Mode, Threads, Samples, Score, Score Error (99.9%), Unit
        awk -F, -v jdk="$name" 'NR > 1 { gsub(/"/, ""); sub(/.*\./, "", $1);
            printf "| %s | %s | %s | %.1f | %.1f |\n", jdk, $1, $3, $5, $6 }' "$OUT/jdk$name-t$threads.csv" \
            >> "$OUT/table.md"
    done
done
cat "$OUT/table.md"
