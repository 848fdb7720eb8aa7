#!/usr/bin/env bash
# Exports of a province's lists (300,000 organizations): how long each download takes and how
# much memory the server holds while writing it (its peak resident size, VmHWM, before the first
# export and after each). Usage: bench/export_bench.sh [build/release] [province|county]
set -euo pipefail

build=${1:-build/release}
scale=${2:-province}
bin=$build/src/cli/grassroots
dir=$(mktemp -d "${TMPDIR:-/tmp}/grassroots_export_bench.XXXXXX")
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$dir"; }
trap cleanup EXIT

# shellcheck source=bench/bench_server.sh
source "$(dirname "$0")/bench_server.sh"
db=$dir/demo.db
bench_database "$db" "$scale"

port=18191
"$bin" --db "$db" serve --port $port --bind 127.0.0.1 >"$dir/serve.log" 2>&1 &
server=$!
pids+=($server)
cookie=$(bench_login $port)

peak() { awk '/VmHWM/ {print $2 " " $3}' "/proc/$server/status"; }
# One curl, one keep-alive connection: every export is served by the same worker thread and its
# one SQLite connection, whose page cache (64 MiB, PRAGMA cache_size in storage/sqlite_db.cc)
# fills once; what grows past that is the exports' own memory. Each export twice, to show it
# does not grow from one to the next.
echo "server peak memory before any export: $(peak)"
paths=(organizations.csv organizations.xlsx scores/2016.csv scores/2016.xlsx
  assessments/2016.csv assessments/2016.xlsx)
args=()
for path in "${paths[@]}" "${paths[@]}"; do
  args+=(-o "$dir/out" "http://127.0.0.1:$port/api/v1/exports/$path")
done
printf '%-32s %10s %12s\n' export seconds bytes
curl -s -H "Cookie: $cookie" -w '%{http_code} %{time_total} %{size_download} %{url_effective}\n' \
  "${args[@]}" | while read -r code seconds bytes url; do
  [[ $code == 200 ]] || { echo "$url answered $code" >&2; exit 1; }
  printf '%-32s %10s %12s\n' "${url#*/api/v1}" "$seconds" "$bytes"
done
echo "server peak memory after the exports: $(peak)"
