#!/usr/bin/env bash
# How the warm-up changes the figures: W1 (100 users, 1 KiB page) measured for 10 s after 0, 5 and 15 s of
# warm-up, for liveload (its warm-up option) and the OkHttp loop, on JDK 17 and JDK 25. The load tool has one
# core, so the JIT compilers take their CPU time from the load. Usage: bench/warmup-effect.sh [WARMUPS...]

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WARMUPS=("${@:-0 5 15}")
read -ra WARMUPS <<< "${WARMUPS[*]}"
OUT=$WORK/warmup-effect
rm -rf "$OUT"
mkdir -p "$OUT"

bench_install
bench_build
nginx_start

echo "| JDK | warm-up | OkHttp loop req/s | liveload req/s | liveload vs loop | liveload req per CPU-s | liveload p99 ms | foreign % (loop / liveload) |" > "$OUT/table.md"
echo "|---|---:|---:|---:|---:|---:|---:|---|" >> "$OUT/table.md"
for pair in "17:$JDK17" "25:$JDK25"; do
    name=${pair%%:*}
    jdk=${pair#*:}
    for warmup in "${WARMUPS[@]}"; do
        loop=$OUT/okhttp-$name-$warmup
        log "OkHttp loop, JDK $name, warm-up ${warmup}s"
        run_measured "$loop" "$jdk/bin/java" -cp "$BENCH_CP" io.liveload.bench.OkHttpLoop "$BASE_URL/1k.html" 100 \
            "$warmup" 10
        start=$(awk -v ms="$(value_of "$loop.out" windowStartMs)" 'BEGIN { printf "%.3f", ms / 1000 }')
        end=$(awk -v ms="$(value_of "$loop.out" windowEndMs)" 'BEGIN { printf "%.3f", ms / 1000 }')
        loop_foreign=$(foreign_percent "$loop.cpu" "$start" "$end")
        loop_rate=$(awk -v r="$(value_of "$loop.out" requests)" 'BEGIN { printf "%.0f", r / 10 }')

        base=$OUT/liveload-$name-$warmup
        log "liveload, JDK $name, warm-up ${warmup}s"
        run_load_test "$base" "$jdk" "io.liveload.bench.ThroughputLoadTest#smallPage(io.liveload.core.Vu)" \
            -Dliveload.vus=100 -Dliveload.duration=10s -Dliveload.warmup="${warmup}s"
        read -r requests seconds _ p99 cpu _ _ foreign < <(liveload_figures "$base")
        awk -v jdk="$name" -v w="$warmup" -v loop="$loop_rate" -v r="$requests" -v s="$seconds" -v cpu="$cpu" \
            -v p99="$p99" -v lf="$loop_foreign" -v f="$foreign" 'BEGIN {
                rate = r / s
                printf "| %s | %d s | %.0f | %.0f | %.2fx | %.0f | %.2f | %s / %s |\n", jdk, w, loop, rate,
                    (loop > 0 ? rate / loop : 0), (cpu > 0 ? r / cpu : 0), p99, lf, f }' >> "$OUT/table.md"
    done
done

nginx_stop
cat "$OUT/table.md"
