#!/usr/bin/env bash
# Open model: constant arrival rate of 2,000 iterations/s for 10 s after a 5 s warm-up, each one request for
# the 1 KiB page, through JUnit on JDK 17 and JDK 25. Prints the achieved rate and the scheduled-start latencies
# (iteration_start_delay: scheduled start to actual start; iteration_latency: scheduled start to end).
# Usage: bench/open-model.sh [RATE] [SECONDS]

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RATE=${1:-2000}
SECONDS_MEASURED=${2:-10}
OUT=$WORK/open-model
rm -rf "$OUT"
mkdir -p "$OUT"

bench_install
bench_build
nginx_start

echo "| JDK | target /s | achieved /s | achieved / target | dropped | iteration_start_delay p50 / p99 / max ms | iteration_latency p50 / p99 / max ms | http_req_duration p50 / p99 ms | req per CPU-s | peak RSS MiB | foreign % |" > "$OUT/table.md"
echo "|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|" >> "$OUT/table.md"
for pair in "17:$JDK17" "25:$JDK25"; do
    name=${pair%%:*}
    jdk=${pair#*:}
    base=$OUT/liveload-$name
    log "open model at $RATE/s on JDK $name"
    run_load_test "$base" "$jdk" "io.liveload.bench.OpenModelLoadTest#arrivals(io.liveload.core.Vu)" \
        -Dliveload.rate="$RATE" -Dliveload.duration="${SECONDS_MEASURED}s" -Dliveload.warmup=5s
    read -r requests seconds _ _ cpu rss _ foreign < <(liveload_figures "$base")
    summary=$base.summary.json
    iterations=$(jq -r '.metrics.iterations.values.count' "$summary")
    dropped=$(jq -r '.metrics.dropped_iterations.values.count' "$summary")
    stat() {
        jq -r --arg m "$1" '.metrics[$m].values | [.["p(50)"], .["p(99)"], .max] | map(. * 1000 | round / 1000)
            | map(tostring) | join(" / ")' "$summary"
    }
    http=$(jq -r '.metrics.http_req_duration.values | [.["p(50)"], .["p(99)"]] | map(. * 1000 | round / 1000)
        | map(tostring) | join(" / ")' "$summary")
    awk -v jdk="$name" -v rate="$RATE" -v it="$iterations" -v s="$SECONDS_MEASURED" -v d="$dropped" \
        -v delay="$(stat iteration_start_delay)" -v latency="$(stat iteration_latency)" -v http="$http" \
        -v req="$requests" -v cpu="$cpu" -v rss="$rss" -v foreign="$foreign" 'BEGIN {
            printf "| %s | %d | %.1f | %.4f | %d | %s | %s | %s | %.0f | %s | %s |\n", jdk, rate, it / s, it / s / rate,
                d, delay, latency, http, (cpu > 0 ? req / cpu : 0), rss, foreign }' >> "$OUT/table.md"
done

nginx_stop
cat "$OUT/table.md"
