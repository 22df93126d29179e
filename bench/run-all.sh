#!/usr/bin/env bash
# Runs every benchmark once, one after another, and prints their tables: 30 minutes or more on a 2-core machine.
# The tables and raw outputs stay under bench/target/run/. Usage: bench/run-all.sh

set -euo pipefail
DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

"$DIR/throughput.sh"
export BENCH_SKIP_BUILD=1
"$DIR/open-model.sh"
"$DIR/scale.sh"
"$DIR/warmup-effect.sh"
"$DIR/metrics-jmh.sh"
"$DIR/metrics-memory.sh"
"$DIR/liveview-hold.sh"
"$DIR/liveview-hold.sh" 2000 30s
