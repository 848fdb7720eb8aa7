#!/usr/bin/env bash
# Compares `grassroots import` of two (or more) binaries on PostgreSQL, interleaved as
# bench/import_ab.sh does on SQLite: A, B, A, B, ... each into a fresh database of one throwaway
# server (scripts/pg-test-server, with docs/performance.md's "PostgreSQL's settings").
#   bench/pg_import_ab.sh orgs|scores|year DIR ROUNDS BINARY...
# DIR holds the CSV files (`grassroots demo --scale country --out DIR`: orgs.csv, scores.csv).
# `orgs` imports orgs.csv into a database made by `init`. `scores` imports scores.csv (every
# year) into a copy of a database holding the organizations; `year` is the yearly case: the
# last year of scores.csv (DIR/last_year.csv) imported into a copy of a database holding the
# organizations and the years before. Either base is made once with the first binary and then
# migrated by each binary's `init` into a template of its own, so that no run pays for a
# migration. Before each run the server writes everything out (CHECKPOINT). Each run prints
# wall time, the client's CPU time (user, system) and peak memory, also appended to
# DIR/pg_import_ab.txt. The server lives in DIR/pg_ab and is stopped at the end; its log is
# kept as DIR/pg_import_ab.server.log (PG_SERVER_OPTIONS="-c log_min_duration_statement=0"
# logs every statement with its time).
set -euo pipefail

kind=${1:?orgs, scores or year}
dir=$(cd "${2:?a folder holding orgs.csv and scores.csv}" && pwd)
rounds=${3:?how many rounds}
shift 3
if [[ $kind != orgs && $kind != scores && $kind != year ]] || (($# == 0)); then
  echo "usage: bench/pg_import_ab.sh orgs|scores|year DIR ROUNDS BINARY..." >&2
  exit 2
fi
bins=()
for bin in "$@"; do
  [[ -x $bin ]] || { echo "no binary at $bin" >&2; exit 2; }
  bins+=("$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")")
done
for file in orgs.csv scores.csv; do
  [[ -f $dir/$file ]] || { echo "no $dir/$file: grassroots demo --scale country --out $dir" >&2; exit 2; }
done
here=$(cd "$(dirname "$0")/.." && pwd)
psql=$(ls /usr/lib/postgresql/*/bin/psql | tail -n 1)
server=$dir/pg_ab
rm -rf "$server"
export PG_SERVER_OPTIONS="-c shared_buffers=6GB -c effective_cache_size=16GB \
-c maintenance_work_mem=1GB -c work_mem=64MB ${PG_SERVER_OPTIONS:-}"
url=$("$here/scripts/pg-test-server" start "$server")
trap 'cp "$server/server.log" "$dir/pg_import_ab.server.log"; "$here/scripts/pg-test-server" stop "$server"' EXIT
on() { echo "${url/\/postgres\?//$1?}"; }  # the URL of database $1
sql() { "$psql" -qAt -v ON_ERROR_STOP=1 "$url" -c "$1"; }
log=$dir/pg_import_ab.txt

csv=$dir/scores.csv
if [[ $kind != orgs ]]; then
  what="the organizations"
  if [[ $kind == year ]]; then
    last=$(awk -F, 'NR > 1 && $2 > max { max = $2 } END { print max }' "$dir/scores.csv")
    csv=$dir/last_year.csv
    awk -F, -v last="$last" 'NR == 1 || $2 == last' "$dir/scores.csv" >"$csv"
    awk -F, -v last="$last" 'NR == 1 || $2 != last' "$dir/scores.csv" >"$dir/years_before.csv"
    what="the organizations and the years before $last"
  fi
  echo "making a database of $what with ${bins[0]}" >&2
  sql "CREATE DATABASE ab_base"
  "${bins[0]}" --db "$(on ab_base)" init >/dev/null
  "${bins[0]}" --db "$(on ab_base)" import orgs "$dir/orgs.csv" >/dev/null
  if [[ $kind == year ]]; then
    "${bins[0]}" --db "$(on ab_base)" import scores "$dir/years_before.csv" >/dev/null
  fi
  for i in "${!bins[@]}"; do
    sql "CHECKPOINT"
    sql "CREATE DATABASE ab_template_$i TEMPLATE ab_base STRATEGY FILE_COPY"
    "${bins[$i]}" --db "$(on "ab_template_$i")" init >/dev/null
  done
fi

echo "pg_import_ab $kind, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$log"
for ((round = 1; round <= rounds; ++round)); do
  for i in "${!bins[@]}"; do
    bin=${bins[$i]}
    sql "DROP DATABASE IF EXISTS ab"
    if [[ $kind == orgs ]]; then
      sql "CREATE DATABASE ab"
      "$bin" --db "$(on ab)" init >/dev/null
      args=(import orgs "$dir/orgs.csv")
    else
      sql "CHECKPOINT"
      sql "CREATE DATABASE ab TEMPLATE ab_template_$i STRATEGY FILE_COPY"
      args=(import scores "$csv")
    fi
    sql "CHECKPOINT"
    sync
    line=$( { /usr/bin/time -f "%e s wall, %U s user, %S s system, %M KiB peak" \
      "$bin" --db "$(on ab)" "${args[@]}" >/dev/null; } 2>&1 | tail -n 1)
    echo "round $round, $bin: $line" | tee -a "$log"
  done
done
