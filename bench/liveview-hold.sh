#!/usr/bin/env bash
# LiveView hold: N VUs each open the demo app's counter page once and hold the joined view, with a heartbeat
# every 10 s, for a hold window (60 s by default) that starts when the last view joined. At the end of the
# window, with every view still held, the load tool measures itself: heap used after a full GC, RSS, threads
# and open file descriptors. A run with 1 VU is the baseline; the table shows (value at N - baseline) / (N - 1)
# per VU. The demo app runs on JDK 25 pinned to CPU 0, the load tool on JDK 25 pinned to CPU 1, a new demo app
# for each size. Usage: bench/liveview-hold.sh [VUS[,VUS...]] [HOLD]
# e.g. bench/liveview-hold.sh (1,000, 5,000 and 10,000 VUs for 60 s) or bench/liveview-hold.sh 2000 30s

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SIZES=${1:-1000,5000,10000}
HOLD=${2:-60s}
HOLD_SECONDS=${HOLD%s}
HEARTBEAT_SECONDS=${BENCH_HEARTBEAT_SECONDS:-10}
# Each VU's page fetch leaves an idle HTTP connection in the VU's pool, next to the websocket. Closing it after
# 10 s instead of OkHttp's 5 min keeps 10,000 held views within a limit of 20,000 open files on each side.
HTTP_IDLE_TIMEOUT=${BENCH_HTTP_IDLE_TIMEOUT:-10s}
OUT=$WORK/liveview-hold/${SIZES//,/-}-$HOLD
DEMO_PID=""
rm -rf "$OUT"
mkdir -p "$OUT"

[[ $HOLD_SECONDS =~ ^[0-9]+$ ]] || { echo "Invalid hold time \"$HOLD\": use whole seconds such as 60s" >&2; exit 2; }

# Starts the demo app on 127.0.0.1:$PORT pinned to $TARGET_CPU, logging to $1.
demo_start() {
    taskset -c "$TARGET_CPU" "$JDK25/bin/java" -cp "$BENCH_CP" io.liveload.demo.DemoApp --port "$PORT" \
        > "$1" 2>&1 &
    DEMO_PID=$!
    for _ in $(seq 100); do
        if (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; then
            log "demo app is up at $BASE_URL (PID $DEMO_PID, CPU $TARGET_CPU)"
            return
        fi
        sleep 0.1
    done
    echo "The demo app did not start on port $PORT; see $1" >&2
    exit 1
}

demo_stop() {
    if [[ -n $DEMO_PID ]]; then
        kill "$DEMO_PID" 2> /dev/null || true
        wait "$DEMO_PID" 2> /dev/null || true
        DEMO_PID=""
    fi
}

trap demo_stop EXIT

# Runs the hold test with $1 VUs; leaves $OUT/hold-$1.{out,err,cpu,summary.json}.
run_hold() {
    local vus=$1 base=$OUT/hold-$1
    # The VUs open their pages over 1 s per 500 VUs; the run lasts long enough for the joins to finish late.
    local ramp=$(((vus + 499) / 500))
    local duration=$((ramp + 30 + HOLD_SECONDS + 10))
    demo_start "$base.demo.log"
    log "liveview-hold: $vus VUs, ${ramp}s ramp, ${HOLD_SECONDS}s hold, run of ${duration}s"
    run_load_test "$base" "$JDK25" "io.liveload.bench.LiveViewHoldLoadTest#holdCounter(io.liveload.core.Vu)" \
        -Dliveload.vus="$vus" -Dliveload.duration="${duration}s" -Dliveload.gracefulStop=10s \
        -Dliveload.httpIdleTimeout="$HTTP_IDLE_TIMEOUT" \
        -Dliveload.env.VIEWS="$vus" -Dliveload.env.RAMP_SECONDS="$ramp" \
        -Dliveload.env.HOLD_SECONDS="$HOLD_SECONDS" -Dliveload.env.HEARTBEAT_SECONDS="$HEARTBEAT_SECONDS"
    demo_stop
    grep -h '^hold-figures' "$base.out" > "$base.figures" || log "no hold-figures line for $vus VUs; see $base.out"
}

# Prints "heapKiB rssKiB osThreads fds checksRate wsSessions failedSessions heartbeats extraReceived rejoins
# foreign" of a run.
hold_figures() {
    local vus=$1 base=$OUT/hold-$1 summary=$OUT/hold-$1.summary.json figures=$OUT/hold-$1.figures
    local heap rss threads fds start end
    heap=$(($(value_of "$figures" heapUsedBytes) / 1024))
    rss=$(value_of "$figures" rssKiB)
    threads=$(value_of "$figures" osThreads)
    fds=$(value_of "$figures" fds)
    start=$(awk '/^hold-start/ { sub(/.*epochMillis=/, ""); printf "%.3f", $1 / 1000 }' "$base.out")
    end=$(awk -v ms="$(value_of "$figures" epochMillis)" 'BEGIN { printf "%.3f", ms / 1000 }')
    local checks sessions failed sent received rejoins
    checks=$(jq -r '.metrics.checks.values.rate' "$summary")
    sessions=$(jq -r '.metrics.ws_sessions.values.count' "$summary")
    failed=$(jq -r '.metrics.ws_session_failed.values.passes' "$summary")
    sent=$(jq -r '.metrics.ws_msgs_sent.values.count' "$summary")
    received=$(jq -r '.metrics.ws_msgs_received.values.count' "$summary")
    rejoins=$(jq -r '.metrics.lv_rejoins.values.count // 0' "$summary")
    # Each view sends a join, heartbeats and a leave at the end. It gets a reply to each, and a phx_close after
    # the leave, so received - sent is one per view when every heartbeat got its reply. It is a little less when
    # the run's end closes sockets before the last replies arrive. A heartbeat without reply fails its session.
    local heartbeats=$((sent - 2 * vus)) extra=$((received - sent))
    echo "$heap $rss $threads $fds $checks $sessions $failed $heartbeats $extra $rejoins $(foreign_percent "$base.cpu" "$start" "$end")"
}

bench_install
bench_build

IFS=, read -ra VUS_LIST <<< "$SIZES"
for vus in 1 "${VUS_LIST[@]}"; do
    run_hold "$vus"
done

read -r base_heap base_rss base_threads base_fds _ < <(hold_figures 1)
{
    echo "| VUs | hold | heap after GC MiB | heap KiB per VU | RSS MiB | RSS KiB per VU | OS threads | threads per VU | fds | checks | ws sessions | failed ws sessions | heartbeats sent | ws msgs received - sent | lv rejoins | foreign % |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for vus in 1 "${VUS_LIST[@]}"; do
        if [[ ! -s $OUT/hold-$vus.figures ]]; then
            echo "| $vus | $HOLD_SECONDS s | not measured: not every view joined, see hold-$vus.out |"
            continue
        fi
        read -r heap rss threads fds checks sessions failed heartbeats extra rejoins foreign < <(hold_figures "$vus")
        awk -v vus="$vus" -v hold="$HOLD_SECONDS" -v heap="$heap" -v rss="$rss" -v threads="$threads" -v fds="$fds" \
            -v bh="$base_heap" -v br="$base_rss" -v bt="$base_threads" -v checks="$checks" -v sessions="$sessions" \
            -v failed="$failed" -v heartbeats="$heartbeats" -v extra="$extra" -v rejoins="$rejoins" -v foreign="$foreign" 'BEGIN {
                if (vus > 1) {
                    heapPer = sprintf("%.1f", (heap - bh) / (vus - 1)); rssPer = sprintf("%.1f", (rss - br) / (vus - 1))
                    threadsPer = sprintf("%.4f", (threads - bt) / (vus - 1))
                } else {
                    heapPer = "baseline"; rssPer = "baseline"; threadsPer = "baseline"
                }
                printf "| %d | %d s | %.1f | %s | %.1f | %s | %d | %s | %d | %s | %d | %d | %d | %d | %d | %s |\n", vus,
                    hold, heap / 1024, heapPer, rss / 1024, rssPer, threads, threadsPer, fds, checks, sessions, failed,
                    heartbeats, extra, rejoins, foreign }'
    done
} > "$OUT/table.md"
cat "$OUT/table.md"
