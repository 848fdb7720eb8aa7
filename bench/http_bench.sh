#!/usr/bin/env bash
# Load on 127.0.0.1 with wrk: the reads of the API on the demo data (organization list, one
# organization, the 2016 assessment summary and list), beside a bare cpp-httplib endpoint in
# the same run.
#   bench/http_bench.sh [BUILD_DIR] [CONNECTIONS] [SECONDS] [county|province] [sqlite|postgres|both]
# Defaults: build/release, 64 connections, 10 s per endpoint, county, sqlite. `province` loads the
# 300,000-organization demo CSVs (about 15 s) and loads the filtered lists a province user opens.
# `postgres` copies that database (`grassroots copy-db`) into a throwaway PostgreSQL server of its
# own (scripts/pg-test-server) and serves it from there; `both` runs the same endpoints on SQLite
# and then on PostgreSQL, with the bare endpoint before, between and after. Each backend ends
# with three varied runs (bench/rotate.lua): every request another organization or page.
# Needs wrk (apt-get install wrk); postgres needs postgresql-15 (scripts/install-deps --test).
set -euo pipefail

build=${1:-build/release}
connections=${2:-64}
seconds=${3:-10}
scale=${4:-county}
backends=${5:-sqlite}
case $backends in
  sqlite | postgres) ;;
  both) backends="sqlite postgres" ;;
  *) echo "backend: sqlite, postgres or both, not '$backends'" >&2; exit 2 ;;
esac
bin=$build/src/cli/grassroots
hello=$build/bench/hello_server
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[[ -x $bin && -x $hello ]] || { echo "build first: cmake --preset release && cmake --build build/release" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/grassroots_http_bench.XXXXXX")
pids=()
pg_server=$(cd "$(dirname "$0")/.." && pwd)/scripts/pg-test-server
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ ! -d $dir/pg ]] || "$pg_server" stop "$dir/pg"
  rm -rf "$dir"
}
trap cleanup EXIT

# shellcheck source=bench/bench_server.sh
source "$(dirname "$0")/bench_server.sh"
db=$dir/demo.db
bench_database "$db" "$scale"

api_port=18181
hello_port=18182
"$hello" $hello_port &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$hello_port/hello" >/dev/null && break; sleep 0.1; done

# serve URL: starts the API on $api_port over the database at URL (a file or postgresql://).
serve() {
  "$bin" --db "$1" serve --port $api_port --bind 127.0.0.1 >>"$dir/serve.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
}
stop_serving() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

org=$(sqlite3 "$db" "SELECT code FROM organizations ORDER BY code LIMIT 1 OFFSET 100")

# CPU ticks (1/100 s) used so far by the process PID and, when the PostgreSQL server runs, by
# its postmaster and backends: they say what a request costs whatever else the machine does.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local master total=0 p
  [[ -f $dir/pg/data/postmaster.pid ]] || { echo 0; return; }
  master=$(head -n 1 "$dir/pg/data/postmaster.pid")
  for p in $master $(pgrep -P "$master"); do total=$((total + $(ticks "$p"))); done
  echo "$total"
}

run() {  # name url [cookie] [paths file: each request the next path of it, bench/rotate.lua]
  local name=$1 url=$2
  local out server_before pg_before
  server_before=$(ticks "${server_pid:-0}")
  pg_before=$(pg_ticks)
  out=$(ROTATE_PATHS=${4:-} wrk -t2 -c"$connections" -d"${seconds}s" --latency \
    ${3:+-H "Cookie: $3"} ${4:+-s "$(dirname "$0")/rotate.lua"} "$url")
  local rps p99 requests cpu=""
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  if [[ -n ${server_pid:-} && $url == *"$api_port"* && ${requests:-0} -gt 0 ]]; then
    cpu=$(printf '   CPU/request: server %d us' $((($(ticks "$server_pid") - server_before) * 10000 / requests)))
    [[ ! -f $dir/pg/data/postmaster.pid ]] ||
      cpu+=$(printf ', postgres %d us' $((($(pg_ticks) - pg_before) * 10000 / requests)))
  fi
  # Answers that were not 2xx (a failed login, a wrong path) would make any figure meaningless.
  local failed
  failed=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-28s %12s req/s   p99 %-9s%s%s\n' "$name" "$rps" "$p99" "$cpu" "${failed:+   NOT 2xx: $failed}"
}

echo "wrk: 2 threads, $connections connections, ${seconds} s each, 127.0.0.1 ($(nproc) cores), $scale data"
api=http://127.0.0.1:$api_port/api/v1
endpoints() {  # the reads, on the server now listening
  local cookie
  cookie=$(bench_login $api_port)
  if [[ $scale == province ]]; then
    unit=$(sqlite3 "$db" "SELECT unit_code FROM organizations GROUP BY unit_code LIMIT 1 OFFSET 49")
    run "GET /organizations unit+type" "$api/organizations?unit=$unit&type=village&limit=50" "$cookie"
    run "GET /organizations parent" "$api/organizations?parent=$org&limit=50" "$cookie"
    run "GET /assessments unit" "$api/assessments/2016?unit=$unit&limit=50" "$cookie"
    run "GET /assessments unit+selected" "$api/assessments/2016?unit=$unit&selected=true&limit=50" "$cookie"
    run "GET /organizations (all)" "$api/organizations?limit=50" "$cookie"
    # The first summary after a change aggregates 300,000 results (about 0.5 s); timed alone,
    # then under load, where it is the kept answer (http/read_memo.h).
    curl -s -o /dev/null -H "Cookie: $cookie" \
      -w 'GET /assessments/2016/summary  first request: %{time_total} s, %{size_download} bytes\n' \
      "$api/assessments/2016/summary"
    run "GET /assessments/2016/summary" "$api/assessments/2016/summary" "$cookie"
  else
    run "GET /organizations (20 rows)" "$api/organizations?limit=20" "$cookie"  # the web UI's page
    run "GET /organizations (50 rows)" "$api/organizations?limit=50" "$cookie"
    run "GET /organizations/{code}" "$api/organizations/$org" "$cookie"
    run "GET /assessments/2016/summary" "$api/assessments/2016/summary" "$cookie"
    run "GET /assessments/2016" "$api/assessments/2016?limit=50" "$cookie"
  fi
  # Varied: each request asks another organization or page (up to 1,000 of each, rotating), as
  # many users reading different things do, instead of the same answer again and again.
  run "varied /organizations/{code}" "$api" "$cookie" "$dir/varied-orgs"
  run "varied /organizations pages" "$api" "$cookie" "$dir/varied-pages"
  run "varied /assessments pages" "$api" "$cookie" "$dir/varied-rows"
}

# The paths of the varied runs: up to 1,000 organizations (all 228 of the county), and as many
# pages of 20 organizations and of 50 assessment rows, each starting one row further (distinct
# answers, none past the end).
sqlite3 "$db" "SELECT '/api/v1/organizations/' || code FROM organizations ORDER BY code LIMIT 1000" \
  >"$dir/varied-orgs"
varied=$(wc -l <"$dir/varied-orgs")
seq 0 $((varied - 1)) | awk '{print "/api/v1/organizations?limit=20&offset=" $1}' >"$dir/varied-pages"
seq 0 $((varied - 1)) | awk '{print "/api/v1/assessments/2016?limit=50&offset=" $1}' >"$dir/varied-rows"

run "bare cpp-httplib /hello" "http://127.0.0.1:$hello_port/hello"
for backend in $backends; do
  if [[ $backend == postgres ]]; then
    chmod o+x "$dir"  # the server runs as `postgres` when we are root (pg-test-server)
    url=$("$pg_server" start "$dir/pg")
    "$bin" copy-db "$db" "$url" >/dev/null
    echo "-- PostgreSQL ($(basename "$(ls -d /usr/lib/postgresql/*/ | sort -V | tail -n 1)"), copied from the SQLite file by copy-db)"
    serve "$url"
  else
    echo "-- SQLite"
    serve "$db"
  fi
  endpoints
  stop_serving
  run "bare cpp-httplib /hello" "http://127.0.0.1:$hello_port/hello"
done
