#!/usr/bin/env bash
# The plan list of a province (issue 12): 300,000 organizations, 2016 assessed (about 27,000
# selected, each with a plan of 10 items, bench/ledger_items.cc). Load on GET /plans pages with
# wrk as the county (admin) and as the unit admin of one direct organization: one request
# alone, then requests per second, p99, and the server's CPU time per request (from /proc/PID/stat around the run: what a
# page costs whatever else the machine is doing).
#   bench/plans_bench.sh [BUILD_DIR] [CONNECTIONS] [SECONDS] [PREPARED_DB]
# Defaults: build/release, 8 connections, 10 s per endpoint. PREPARED_DB: a copy of the
# database a previous run built (it is copied, not changed), to skip the minutes of loading.
# Needs wrk and sqlite3.
set -euo pipefail

build=${1:-build/release}
connections=${2:-8}
seconds=${3:-10}
bin=$build/src/cli/grassroots
items=$build/bench/ledger_items
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[[ -x $bin && -x $items ]] || { echo "build first: cmake --build build/release --target grassroots ledger_items" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/grassroots_plans_bench.XXXXXX")
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
# The unit admin of the direct organization with the most plans below it.
direct=$(sqlite3 "$db" "WITH RECURSIVE up(code, top) AS (SELECT code, code FROM organizations
  WHERE parent_code IS NULL UNION ALL SELECT o.code, up.top FROM organizations o JOIN up
  ON o.parent_code = up.code) SELECT up.top FROM rectification_plans p JOIN up ON up.code =
  p.org_code GROUP BY up.top ORDER BY COUNT(*) DESC LIMIT 1")
echo "$bench_password" | "$bin" --db "$db" user add bench_unit --role unit_admin --scope "$direct" \
  --password-stdin >/dev/null

port=18202
"$bin" --db "$db" serve --port $port --bind 127.0.0.1 >"$dir/serve.log" 2>&1 &
server=$!
pids+=($server)
admin_cookie=$(bench_login $port)
unit_cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench_unit\",\"password\":\"$bench_password\"}" "http://127.0.0.1:$port/api/v1/session" |
  awk -F'[:;] *' 'tolower($1) == "set-cookie" {print $2; exit}')
api=http://127.0.0.1:$port/api/v1

ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)

# One request alone first (curl: its time and the server's CPU for it); then, when it takes
# under two seconds, the load.
run() {  # name cookie url
  local out rps p99 requests before after single
  before=$(ticks)
  single=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: $2" "$3")
  after=$(ticks)
  printf '%-44s alone: HTTP %s s, server CPU %s ms\n' "$1" "$single" \
    "$(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN {printf "%.0f", t * 1000 / hz}')"
  awk -v s="${single#* }" 'BEGIN {exit !(s < 2)}' || return 0
  before=$(ticks)
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 60s --latency -H "Cookie: $2" "$3")
  after=$(ticks)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  printf '%-44s %9s req/s  p99 %8s  server CPU %s ms/request\n' "  under load" "$rps" "$p99" \
    "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.2f", n ? t * 1000 / hz / n : 0}')"
}

echo "wrk: 2 threads, $connections connections, ${seconds} s each ($(nproc) cores); $(sqlite3 "$db" \
  'SELECT COUNT(*) FROM rectification_plans') plans; the unit admin's direct organization $direct"
run "GET /plans (county, first page)" "$admin_cookie" "$api/plans?year=2016&limit=50"
run "GET /plans?state=active (county)" "$admin_cookie" "$api/plans?year=2016&state=active&limit=50"
run "GET /plans?type=village, page 100 (county)" "$admin_cookie" "$api/plans?year=2016&type=village&offset=5000&limit=50"
run "GET /plans (unit admin, first page)" "$unit_cookie" "$api/plans?year=2016&limit=50"
