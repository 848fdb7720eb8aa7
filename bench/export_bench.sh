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

db=$dir/demo.db
if [[ $scale == province ]]; then
  "$bin" demo --scale province --out "$dir/csv" >/dev/null
  "$bin" --db "$db" import orgs "$dir/csv/orgs.csv" >/dev/null
  "$bin" --db "$db" import scores "$dir/csv/scores.csv" >/dev/null
  "$bin" --db "$db" assess --year 2016 --format json >/dev/null 2>&1
else
  "$bin" --db "$db" demo --no-serve >/dev/null
fi
password=bench-password-123
echo "$password" | "$bin" --db "$db" user add bench --role admin --password-stdin >/dev/null

port=18191
"$bin" --db "$db" serve --port $port --bind 127.0.0.1 >"$dir/serve.log" 2>&1 &
server=$!
pids+=($server)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/session" |
  awk -F'[:;] *' 'tolower($1) == "set-cookie" {print $2; exit}')
[[ -n $cookie ]] || { echo "login failed" >&2; exit 1; }

peak() { awk '/VmHWM/ {print $2 " " $3}' "/proc/$server/status"; }
echo "server peak memory before any export: $(peak)"
printf '%-40s %10s %12s %14s\n' export seconds bytes "server peak"
for path in organizations.csv organizations.xlsx scores/2016.csv scores/2016.xlsx \
  assessments/2016.csv assessments/2016.xlsx; do
  stats=$(curl -s -o "$dir/out" -w '%{http_code} %{time_total} %{size_download}' \
    -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/exports/$path")
  read -r code seconds bytes <<<"$stats"
  [[ $code == 200 ]] || { echo "$path answered $code" >&2; exit 1; }
  printf '%-40s %10s %12s %14s\n' "/exports/$path" "$seconds" "$bytes" "$(peak)"
done
