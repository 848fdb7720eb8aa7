#!/usr/bin/env bash
# Reproduces the figures of docs/performance.md at one scale: every benchmark script in bench/,
# one after the other, each printing its own table (`make bench SCALE=province` runs this).
#   bench/run_all.sh [county|province|country] [BUILD_DIR]
# Heavy: the country scale takes about an hour and 15 GB of disk; province a few minutes.
# The engine benchmark (bench/assess_bench) is run by `make bench` before this.
set -euo pipefail

scale=${1:-province}
build=${2:-build/release}
bin=$build/src/cli/grassroots
here=$(cd "$(dirname "$0")" && pwd)
http_scale=$scale
[[ $scale != country ]] || http_scale=province  # the HTTP benchmarks know county and province

run() {
  echo
  echo "== $*"
  "$@"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo);" \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
run "$here/import_bench.sh" "$bin" "" "$scale" sqlite
run "$here/import_bench.sh" "$bin" "" "$scale" postgres
run "$here/assess_e2e_bench.sh" "$bin" "" "$scale"
run "$here/export_bench.sh" "$build" "$http_scale"
run "$here/http_bench.sh" "$build" 64 10 "$http_scale"
run "$here/ledger_bench.sh" "$build" 64 10
run "$here/plans_bench.sh" "$build" 8 10
run "$here/bulletin_bench.sh" "$build"
run "$here/remind_bench.sh" "$build"
