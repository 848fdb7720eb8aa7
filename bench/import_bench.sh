#!/usr/bin/env bash
# Times a country-scale import: generate the CSV files with `grassroots demo --scale country`
# (unless DIR holds them from an earlier run),
# then `init`, `import orgs` and `import scores` into a fresh SQLite database, `import orgs`
# again (nothing changes: every row is compared and none written) and `audit verify` (the
# chain and every change record), each under /usr/bin/time -v for wall time and peak memory.
# Target (the issue): the import under 30 s.
# With postgres it then times `assess --year 2016` twice (the first run stores 2015 and 2016,
# the second replaces 2016) and `copy-db` of the same rows from an SQLite file (imported
# untimed into DIR/copy_source.db) into a second, empty database of the server, with
# `audit verify` there. COPY_DB_TIMEOUT=SECONDS stops a copy that takes longer (reported, the
# script goes on); PG_EXTRAS=0 leaves out the assess and copy-db steps. PG_TUNED=1 starts the
# server with the settings docs/deploy.md gives for a province or the country ("The database
# server's settings"); without it the server keeps PostgreSQL's defaults. PG_SERVER_OPTIONS
# ("-c name=value ...") gives it others, with PG_TUNED or without (scripts/pg-test-server).
#   bench/import_bench.sh [BINARY] [DIR] [SCALE] [sqlite|postgres]
# Defaults: build/release/src/cli/grassroots, a new temporary folder (removed afterwards), country,
# sqlite. With postgres, a throwaway server (scripts/pg-test-server) in DIR/pg holds the database
# and is stopped at the end; its own CPU is not in the figures (it is another process).
# Each step prints wall time, CPU time (user + system: steadier than wall on a shared machine)
# and peak memory.
set -euo pipefail

bin=${1:-build/release/src/cli/grassroots}
dir=${2:-}
scale=${3:-country}
backend=${4:-sqlite}
if [[ ! -x $bin ]]; then
  echo "no grassroots binary at $bin: cmake --preset release && cmake --build build/release" >&2
  exit 2
fi
if [[ -z $dir ]]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/grassroots_import_bench.XXXXXX")
  trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"
db=$dir/bench.db
rm -f "$db" "$db-wal" "$db-shm" "$db.audit-heads"
if [[ $backend == postgres ]]; then
  here=$(cd "$(dirname "$0")/.." && pwd)
  rm -rf "$dir/pg"
  if [[ ${PG_TUNED:-0} == 1 ]]; then
    # Keep in step with docs/deploy.md.
    export PG_SERVER_OPTIONS="-c shared_buffers=6GB -c effective_cache_size=16GB \
-c maintenance_work_mem=1GB -c work_mem=64MB ${PG_SERVER_OPTIONS:-}"
  fi
  db=$("$here/scripts/pg-test-server" start "$dir/pg")
  trap '"$here/scripts/pg-test-server" stop "$dir/pg"; [[ -z ${2:-} ]] && rm -rf "$dir"' EXIT
fi

# The PostgreSQL server's CPU seconds so far (postgres only): the postmaster's reaped children
# (each command's backend ends with it) and its living ones (checkpointer, WAL writer, ...).
server_cpu() {
  [[ $backend == postgres ]] || return 0
  local pm
  pm=$(head -n 1 "$dir/pg/data/postmaster.pid")
  {
    awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat"
    for child in $(cat "/proc/$pm/task/$pm/children"); do
      awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true
    done
  } | awk -v hz="$(getconf CLK_TCK)" '{sum += $1} END {printf "%.2f", sum / hz}'
}

# Runs a step under /usr/bin/time -v and prints: step, wall seconds, CPU seconds, peak RSS in
# MiB, and with postgres the server's CPU seconds during the step.
timed() {
  local name=$1
  shift
  local log=$dir/$name.time
  local server_before
  server_before=$(server_cpu)
  if ! /usr/bin/time -v -o "$log" "$@" >"$dir/$name.out" 2>&1; then
    echo "$name failed:" >&2
    tail -n 20 "$dir/$name.out" >&2
    return 1
  fi
  # A backend ends (and its CPU is counted) a moment after its client.
  [[ $backend != postgres ]] || sleep 1
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  cpu=$(awk -F': ' '/(User|System) time/ {sum += $2} END {print sum}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  printf '%-14s %8.2f s %8.2f s %8s MiB' "$name" "$wall" "$cpu" "$rss"
  if [[ $backend == postgres ]]; then
    printf ' %8.2f s' "$(awk -v a="$server_before" -v b="$(server_cpu)" 'BEGIN {print b - a}')"
  fi
  printf '\n'
}

echo "scale $scale on $backend${PG_SERVER_OPTIONS:+ ($PG_SERVER_OPTIONS)}, files and database in $dir (load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-14s %10s %10s %12s %10s\n' step wall cpu peak_rss "$([[ $backend == postgres ]] && echo server_cpu)"
# CSV files left by an earlier run of the same scale are used again.
if [[ -f $dir/orgs.csv && -f $dir/scores.csv && -f $dir/.scale-$scale ]]; then
  echo "(using the CSV files already in $dir)"
else
  timed generate "$bin" demo --scale "$scale" --out "$dir"
  touch "$dir/.scale-$scale"
fi
timed init "$bin" --db "$db" init
timed import_orgs "$bin" --db "$db" import orgs "$dir/orgs.csv"
timed import_scores "$bin" --db "$db" import scores "$dir/scores.csv"
timed reimport_orgs "$bin" --db "$db" import orgs "$dir/orgs.csv"
timed audit_verify "$bin" --db "$db" audit verify
if [[ $backend == postgres && ${PG_EXTRAS:-1} != 0 ]]; then
  timed assess_first "$bin" --db "$db" assess --year 2016
  timed assess_again "$bin" --db "$db" assess --year 2016
  src=$dir/copy_source.db
  rm -f "$src" "$src-wal" "$src-shm" "$src.audit-heads"
  "$bin" --db "$src" init >/dev/null
  "$bin" --db "$src" import orgs "$dir/orgs.csv" >/dev/null
  "$bin" --db "$src" import scores "$dir/scores.csv" >/dev/null
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  sock=${db#*host=}
  sock=${sock%%&*}
  port=${db#*port=}
  port=${port%%&*}
  "$pgbin/psql" -q -h "$sock" -p "$port" -U postgres -d postgres -c "CREATE DATABASE copied"
  target=${db/\/postgres\?/\/copied?}
  if timed copy_db ${COPY_DB_TIMEOUT:+timeout "$COPY_DB_TIMEOUT"} "$bin" copy-db "$src" "$target"; then
    timed copy_verify "$bin" --db "$target" audit verify
  else
    echo "copy_db did not finish${COPY_DB_TIMEOUT:+ within $COPY_DB_TIMEOUT s}"
  fi
  rm -f "$src" "$src-wal" "$src-shm" "$src.audit-heads"
fi
echo "orgs.csv: $(du -mL "$dir/orgs.csv" | cut -f1) MiB, $(($(wc -l <"$dir/orgs.csv") - 1)) rows;" \
  "scores.csv: $(du -mL "$dir/scores.csv" | cut -f1) MiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $backend == postgres ]] || echo "database: $(du -m "$db" | cut -f1) MiB"
