#!/usr/bin/env bash
# LiveView hold: N VUs holding joined views of the demo app for 60 s, reporting heap and RSS per held view and
# the client CPU. Not measured yet: this needs the LiveView client. When it lands, this script starts the demo
# app pinned to CPU 0, runs a @LoadTest that joins and holds views pinned to CPU 1, and prints its table like
# the others; RESULTS.md keeps a section for it.

echo "LiveView hold: not available yet (needs the LiveView client); see bench/RESULTS.md" >&2
exit 0
