#!/usr/bin/env bash
# Scale: client CPU per 1,000 requests at 100, 1,000 and 10,000 VUs, each VU requesting the 1 KiB page and then
# thinking for 50 ms, 500 ms and 5 s on average, so that every size sends about 2,000 requests/s and the
# difference in CPU per request is the cost of the extra VUs (threads, clients, connections, metrics). 5 s of
# warm-up, then 20 s measured, through JUnit on JDK 17 and JDK 25. Usage: bench/scale.sh [SECONDS]

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SECONDS_MEASURED=${1:-20}
OUT=$WORK/scale
rm -rf "$OUT"
mkdir -p "$OUT"

bench_install
bench_build
nginx_start

echo "| JDK | VUs | mean think time | req/s | CPU-s per 1,000 req | p50 ms | p99 ms | peak RSS MiB | foreign % |" > "$OUT/table.md"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|" >> "$OUT/table.md"
for pair in "17:$JDK17" "25:$JDK25"; do
    name=${pair%%:*}
    jdk=${pair#*:}
    for size in "100:50" "1000:500" "10000:5000"; do
        vus=${size%%:*}
        think=${size#*:}
        base=$OUT/liveload-$name-$vus
        log "scale: $vus VUs, $think ms think time, JDK $name"
        run_load_test "$base" "$jdk" "io.liveload.bench.ScaleLoadTest#thinkTime(io.liveload.core.Vu)" \
            -Dliveload.vus="$vus" -Dliveload.env.THINK_MS="$think" -Dliveload.duration="${SECONDS_MEASURED}s" \
            -Dliveload.warmup=5s -Dliveload.gracefulStop=10s
        read -r requests seconds p50 p99 cpu rss _ foreign < <(liveload_figures "$base")
        awk -v jdk="$name" -v vus="$vus" -v think="$think" -v req="$requests" -v s="$seconds" -v cpu="$cpu" \
            -v p50="$p50" -v p99="$p99" -v rss="$rss" -v foreign="$foreign" 'BEGIN {
                printf "| %s | %d | %d ms | %.0f | %.3f | %.2f | %.2f | %s | %s |\n", jdk, vus, think, req / s,
                    cpu / req * 1000, p50, p99, rss, foreign }' >> "$OUT/table.md"
    done
done

nginx_stop
cat "$OUT/table.md"
