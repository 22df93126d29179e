# Shared by the benchmark scripts in this folder; source it, do not run it.
#
# What it provides: installing the tools (Debian packages nginx-light, wrk, jq), building the bench module,
# an nginx target on 127.0.0.1 pinned to CPU 0, running a load tool pinned to CPU 1 while sampling its
# /proc/<pid>/stat, and reading CPU seconds and peak RSS over a measured window. Every process it starts is
# ended by its PID.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(dirname "$BENCH_DIR")
PORT=${BENCH_PORT:-18080}
BASE_URL="http://127.0.0.1:$PORT"
WORK=${BENCH_WORK:-$BENCH_DIR/target/run}
JDK17=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
TARGET_CPU=${BENCH_TARGET_CPU:-0}
TOOL_CPU=${BENCH_TOOL_CPU:-1}
CLK_TCK=$(getconf CLK_TCK)
# The last characters of the 40 KiB page; ThroughputLoadTest.PAGE_END checks for the same text.
PAGE_END='<!-- end of page -->'
NGINX_PID=""

log() {
    printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

# Installs what the benchmarks need from Debian's packages, when missing.
bench_install() {
    local missing=()
    command -v nginx > /dev/null || missing+=(nginx-light)
    command -v wrk > /dev/null || missing+=(wrk)
    command -v jq > /dev/null || missing+=(jq)
    command -v taskset > /dev/null || missing+=(util-linux)
    if ((${#missing[@]} > 0)); then
        log "installing ${missing[*]}"
        local sudo=""
        [[ $(id -u) -eq 0 ]] || sudo=sudo
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
    fi
    [[ -x $JDK17/bin/java ]] || { echo "JDK 17 not found at $JDK17: set JDK17_HOME" >&2; exit 1; }
    [[ -x $JDK25/bin/java ]] || { echo "JDK 25 not found at $JDK25: set JDK25_HOME" >&2; exit 1; }
    # 10,000 VUs keep 10,000 connections open on each side.
    ulimit -n "$(ulimit -Hn)" 2> /dev/null || true
    (($(ulimit -n) >= 12000)) || log "the open-files limit $(ulimit -n) is below 12000; the 10,000-VU run may fail"
}

# Builds liveload and the bench module (no tests) and sets BENCH_CP to the bench module's runtime class path.
bench_build() {
    if [[ ${BENCH_SKIP_BUILD:-} != 1 ]]; then
        log "building liveload and the bench module"
        (cd "$ROOT_DIR" && mvn -q -B -Pbench -pl bench -am package -DskipTests)
    fi
    BENCH_CP="$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath.txt")"
}

# Writes the pages and the configuration, and starts nginx on 127.0.0.1:$PORT pinned to $TARGET_CPU.
nginx_start() {
    local dir=$WORK/nginx
    mkdir -p "$dir/html" "$dir/logs"
    head -c 1024 /dev/zero | tr '\0' 'a' > "$dir/html/1k.html"
    { head -c $((40960 - ${#PAGE_END})) /dev/zero | tr '\0' 'b'; printf '%s' "$PAGE_END"; } > "$dir/html/40k.html"
    cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile 65536;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events {
    worker_connections 30000;
}
http {
    access_log off;
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    open_file_cache max=16;
    client_body_temp_path $dir/tmp;
    proxy_temp_path $dir/tmp;
    fastcgi_temp_path $dir/tmp;
    uwsgi_temp_path $dir/tmp;
    scgi_temp_path $dir/tmp;
    server {
        listen 127.0.0.1:$PORT backlog=16384;
        root $dir/html;
    }
}
CONF
    mkdir -p "$dir/tmp"
    taskset -c "$TARGET_CPU" nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
    NGINX_PID=$!
    for _ in $(seq 50); do
        if (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; then
            log "nginx $(nginx -v 2>&1 | sed 's|.*/||') is up at $BASE_URL (PID $NGINX_PID, CPU $TARGET_CPU)"
            return
        fi
        sleep 0.1
    done
    echo "nginx did not start on port $PORT; see $dir/logs/error.log" >&2
    exit 1
}

nginx_stop() {
    if [[ -n $NGINX_PID ]]; then
        kill -QUIT "$NGINX_PID" 2> /dev/null || true
        wait "$NGINX_PID" 2> /dev/null || true
        NGINX_PID=""
    fi
}

# Samples a process every 100 ms until it ends: "epochSeconds cpuTicks vmHwmKiB toolCpuBusyTicks" lines, the
# last being the user, system and steal time of CPU $2 (the tool's) from /proc/stat, used by any process.
# Interrupt time is left out, because the kernel accounts much of the loopback traffic's own work there.
monitor() {
    local pid=$1 cpu=$2 stat rest fields ticks hwm key value name user nice system idle iowait irq softirq steal busy
    while [[ -r /proc/$pid/stat ]]; do
        read -r stat < "/proc/$pid/stat" 2> /dev/null || break
        rest=${stat##*) }
        read -ra fields <<< "$rest"
        # Fields 14 and 15 of /proc/<pid>/stat (utime, stime) are 11 and 12 after the name.
        ticks=$((fields[11] + fields[12]))
        hwm=0
        while read -r key value _; do
            [[ $key == VmHWM: ]] && hwm=$value
        done < "/proc/$pid/status" 2> /dev/null || true
        busy=0
        while read -r name user nice system idle iowait irq softirq steal _; do
            if [[ $name == "cpu$cpu" ]]; then
                busy=$((user + nice + system + steal))
                break
            fi
        done < /proc/stat
        echo "$EPOCHREALTIME $ticks $hwm $busy"
        sleep 0.1
    done
}

# Waits up to BENCH_QUIET_WAIT seconds (default 120) until the machine is idle: less than 10% of all CPU time
# busy over one second, counted from /proc/stat. Other programs on the machine would otherwise share the
# cores with the target and the tool, and the figures would show it. Logs a warning when it gives up.
wait_quiet() {
    local deadline=$((SECONDS + ${BENCH_QUIET_WAIT:-120})) busy
    while ((SECONDS < deadline)); do
        busy=$(busy_percent)
        if ((busy < 10)); then
            return
        fi
        log "waiting for the machine to be idle: ${busy}% of the CPU time is busy"
        sleep 2
    done
    log "WARNING: the machine is still busy (${busy}%); the next figures may be low"
}

busy_percent() {
    local a1 a2 a3 a4 a5 a6 a7 b1 b2 b3 b4 b5 b6 b7
    read -r _ a1 a2 a3 a4 a5 a6 a7 _ < /proc/stat
    sleep 1
    read -r _ b1 b2 b3 b4 b5 b6 b7 _ < /proc/stat
    local busy=$(((b1 - a1) + (b2 - a2) + (b3 - a3) + (b6 - a6) + (b7 - a7)))
    local total=$((busy + (b4 - a4) + (b5 - a5)))
    echo $((total > 0 ? busy * 100 / total : 0))
}

# Runs a command pinned to $TOOL_CPU with its output in $1.out, $1.err and its samples in $1.cpu.
run_measured() {
    local base=$1
    shift
    wait_quiet
    taskset -c "$TOOL_CPU" "$@" > "$base.out" 2> "$base.err" &
    local pid=$!
    taskset -c "$TARGET_CPU" bash -c "$(declare -f monitor); monitor $pid $TOOL_CPU" > "$base.cpu" &
    local monitor_pid=$!
    local status=0
    wait "$pid" || status=$?
    wait "$monitor_pid" || true
    return $status
}

# Prints the CPU seconds that the samples in file $1 show between epoch seconds $2 and $3, interpolated; with
# $4 = 4, the busy seconds of the tool's CPU instead.
cpu_seconds_between() {
    awk -v from="$2" -v to="$3" -v tck="$CLK_TCK" -v column="${4:-2}" '
        function at(t,   i) {
            if (t <= time[1]) return ticks[1]
            for (i = 2; i <= n; i++) {
                if (t <= time[i]) return ticks[i-1] + (ticks[i] - ticks[i-1]) * (t - time[i-1]) / (time[i] - time[i-1])
            }
            return ticks[n]
        }
        { n++; time[n] = $1; ticks[n] = $column }
        END { printf "%.3f", (at(to) - at(from)) / tck }' "$1"
}

# Prints the share of the tool's CPU, in percent, that other processes used between epoch seconds $2 and $3
# of the samples in file $1. Other programs on the machine make the figures of that window low.
foreign_percent() {
    local tool busy
    tool=$(cpu_seconds_between "$1" "$2" "$3")
    busy=$(cpu_seconds_between "$1" "$2" "$3" 4)
    awk -v tool="$tool" -v busy="$busy" -v a="$2" -v b="$3" 'BEGIN {
        f = (busy - tool) / (b - a) * 100; if (f < 0) f = 0; printf "%.0f", f }'
}

# Prints the peak RSS (VmHWM) in MiB from the samples in file $1.
peak_rss_mib() {
    awk '$3 > max { max = $3 } END { printf "%.0f", max / 1024 }' "$1"
}

# Prints epoch seconds (with fractions) of an ISO-8601 instant.
epoch_of() {
    date -d "$1" +%s.%N
}

# Runs one @LoadTest method through the JUnit Platform console launcher on the given JDK, pinned to
# $TOOL_CPU; extra -D options follow the method. Leaves the summary in $base.summary.json.
run_load_test() {
    local base=$1 jdk=$2 method=$3
    shift 3
    local output=$base.liveload
    rm -rf "$output"
    run_measured "$base" "$jdk/bin/java" -cp "$BENCH_CP" \
        -Dliveload.baseUrl="$BASE_URL" -Dliveload.progress=off -Dliveload.outputDir="$output" \
        -Dliveload.summaryTrendStats='avg,min,p(50),p(90),p(99),max' "$@" \
        org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=summary \
        --select-method "$method" || { log "load test $method failed; see $base.out"; }
    find "$output" -name summary.json -exec cp {} "$base.summary.json" \;
}

# Prints "requests seconds p50 p99 cpuSeconds rssMiB checksRate foreignPercent" of a liveload run.
liveload_figures() {
    local base=$1 summary=$1.summary.json
    local start end
    start=$(epoch_of "$(jq -r .liveload.start "$summary")")
    end=$(epoch_of "$(jq -r .liveload.end "$summary")")
    local requests p50 p99 checks
    requests=$(jq -r '.metrics.http_reqs.values.count' "$summary")
    p50=$(jq -r '.metrics.http_req_duration.values["p(50)"]' "$summary")
    p99=$(jq -r '.metrics.http_req_duration.values["p(99)"]' "$summary")
    checks=$(jq -r '.metrics.checks.values.rate' "$summary")
    local seconds cpu
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    cpu=$(cpu_seconds_between "$base.cpu" "$start" "$end")
    echo "$requests $seconds $p50 $p99 $cpu $(peak_rss_mib "$base.cpu") $checks $(foreign_percent "$base.cpu" "$start" "$end")"
}

# Prints the value of key $2 from the key=value line in file $1.
value_of() {
    tr ' ' '\n' < "$1" | awk -F= -v key="$2" '$1 == key { print $2 }'
}

# Prints a ratio of two numbers with two decimals, or "-" when the divisor is zero or missing.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2fx", a / b }'
}

# Prints the JDK's version, e.g. 17.0.15.
jdk_version() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ { print $2 }'
}

trap nginx_stop EXIT
