#!/usr/bin/env bash
# The rectification ledger of a province (issue 12): 300,000 organizations, 2016 assessed (about
# 27,000 selected), 10 items each (bench/ledger_items.cc). First the whole ledger exported as
# .xlsx and CSV over one keep-alive connection of a fresh server: time, size, the server's CPU
# seconds and its peak resident memory (VmHWM) before and after. Then load on filtered ledger
# pages with wrk: requests per second, p99, and the server's CPU time per request (from
# /proc/PID/stat around the run: what a page costs whatever else the machine is doing).
#   bench/ledger_bench.sh [BUILD_DIR] [CONNECTIONS] [SECONDS] [PREPARED_DB]
# Defaults: build/release, 64 connections, 10 s per endpoint. PREPARED_DB: a copy of the
# database a previous run built (it is copied, not changed), to skip the minutes of loading.
# Needs wrk and sqlite3.
set -euo pipefail

build=${1:-build/release}
connections=${2:-64}
seconds=${3:-10}
bin=$build/src/cli/grassroots
items=$build/bench/ledger_items
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[[ -x $bin && -x $items ]] || { echo "build first: cmake --build build/release --target grassroots ledger_items" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/grassroots_ledger_bench.XXXXXX")
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$dir"; }
trap cleanup EXIT

# shellcheck source=bench/bench_server.sh
source "$(dirname "$0")/bench_server.sh"
db=$dir/province.db
if [[ -n ${4:-} ]]; then
  cp "$4" "$db"
else
  bench_database "$db" province
  "$items" "$db" 2016 10
fi

port=18201
"$bin" --db "$db" serve --port $port --bind 127.0.0.1 >"$dir/serve.log" 2>&1 &
server=$!
pids+=($server)
cookie=$(bench_login $port)
peak() { awk '/VmHWM/ {print $2 " " $3}' "/proc/$server/status"; }
api=http://127.0.0.1:$port/api/v1

ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)

run() {  # name url
  local out rps p99 requests before after first
  # The first request reads its part of the database from disk (cold); it is shown apart, and a
  # 5-second warm-up precedes the measured run (each database connection remembers a filter's
  # count until the data changes; the first count of a type filter reads 100,000 organizations).
  first=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$2")
  wrk -t2 -c"$connections" -d5s -H "Cookie: $cookie" "$2" >/dev/null
  before=$(ticks)
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$2")
  after=$(ticks)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  printf '%-40s first %6.3f s  %9s req/s  p99 %8s  server CPU %s ms/request\n' "$1" "$first" "$rps" "$p99" \
    "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.2f", n ? t * 1000 / hz / n : 0}')"
}

unit=$(sqlite3 "$db" "SELECT unit_code FROM organizations GROUP BY unit_code LIMIT 1 OFFSET 49")
org=$(sqlite3 "$db" "SELECT org_code FROM rectification_items LIMIT 1 OFFSET 135000")
echo "server peak memory before the exports: $(peak)"
for format in xlsx csv; do
  before=$(ticks)
  curl -s -o "$dir/out.$format" -H "Cookie: $cookie" \
    -w "GET /exports/ledger/2016.$format  %{http_code}  %{time_total} s  %{size_download} bytes" \
    "$api/exports/ledger/2016.$format"
  echo "  server CPU $(awk -v t=$(($(ticks) - before)) -v hz="$hz" 'BEGIN {printf "%.2f", t / hz}') s, peak memory $(peak)"
done
echo "wrk: 2 threads, $connections connections, ${seconds} s each ($(nproc) cores); $(sqlite3 "$db" \
  'SELECT COUNT(*) FROM rectification_items') items of $(sqlite3 "$db" \
  'SELECT COUNT(*) FROM rectification_plans') plans"
run "GET /ledger unit" "$api/ledger?year=2016&unit=$unit&limit=50"
run "GET /ledger unit+state+overdue" "$api/ledger?year=2016&unit=$unit&state=open&overdue=true&limit=50"
run "GET /ledger type+overdue" "$api/ledger?year=2016&type=village&overdue=true&limit=50"
run "GET /ledger org" "$api/ledger?year=2016&org=$org"
run "GET /ledger (whole province, first page)" "$api/ledger?year=2016&limit=50"

