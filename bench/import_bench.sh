#!/usr/bin/env bash
# Times a country-scale import: generate the CSV files with `grassroots demo --scale country`,
# then `init` and `import orgs` into a fresh SQLite database, each under /usr/bin/time -v for
# wall time and peak memory. Target (the issue): the import under 30 s.
#   bench/import_bench.sh [BINARY] [DIR] [SCALE]
# Defaults: build/release/src/cli/grassroots, a new temporary folder (removed afterwards), country.
set -euo pipefail

bin=${1:-build/release/src/cli/grassroots}
dir=${2:-}
scale=${3:-country}
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
rm -f "$db" "$db-wal" "$db-shm"

# Runs a step under /usr/bin/time -v and prints: step, wall seconds, peak RSS in MiB.
timed() {
  local name=$1
  shift
  local log=$dir/$name.time
  if ! /usr/bin/time -v -o "$log" "$@" >"$dir/$name.out" 2>&1; then
    echo "$name failed:" >&2
    tail -n 20 "$dir/$name.out" >&2
    exit 1
  fi
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  printf '%-14s %8.2f s %8s MiB\n' "$name" "$wall" "$rss"
}

echo "scale $scale, files and database in $dir"
printf '%-14s %10s %12s\n' step wall peak_rss
timed generate "$bin" demo --scale "$scale" --out "$dir"
timed init "$bin" --db "$db" init
timed import_orgs "$bin" --db "$db" import orgs "$dir/orgs.csv"
echo "orgs.csv: $(du -m "$dir/orgs.csv" | cut -f1) MiB, $(($(wc -l <"$dir/orgs.csv") - 1)) rows;" \
  "database: $(du -m "$db" | cut -f1) MiB"
