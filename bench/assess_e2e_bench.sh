#!/usr/bin/env bash
# Times `grassroots assess` end to end (load, assess, store, print) as a user runs it, on the
# demo data of one scale. Target (issue 11): under 15 s and under 1 GiB at country scale,
# `--format json` included.
#   bench/assess_e2e_bench.sh [BINARY] [DIR] [SCALE]
# Defaults: build/release/src/cli/grassroots, a new temporary folder (removed afterwards),
# province. DIR keeps the CSV files and an imported database (imported.db) for the next run:
# run it once with the binary before a change and once after, on the same DIR, to compare.
# Each measurement starts from a copy of imported.db (organizations and two years of scores,
# nothing assessed):
#   assess_first   `assess --year 2016 --format json`: assesses and stores 2015 first (its
#                  consecutive rule reads 2015's selection), then 2016; prints 2016
#   assess_again   the same again: replaces the stored 2016 (deletes its rows, writes them)
#   assess_table   the same with `--format table`
# printing wall time, CPU time (user + system: steadier than wall on a shared machine) and
# peak memory (/usr/bin/time -v), and the JSON's size. Output goes to a file in DIR.
set -euo pipefail

bin=${1:-build/release/src/cli/grassroots}
dir=${2:-}
scale=${3:-province}
if [[ ! -x $bin ]]; then
  echo "no grassroots binary at $bin: cmake --preset release && cmake --build build/release" >&2
  exit 2
fi
if [[ -z $dir ]]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/grassroots_assess_bench.XXXXXX")
  trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"

timed() {
  local name=$1 out=$2
  shift 2
  local log=$dir/$name.time
  if ! /usr/bin/time -v -o "$log" "$@" >"$out" 2>"$dir/$name.err"; then
    echo "$name failed:" >&2
    tail -n 20 "$dir/$name.err" >&2
    exit 1
  fi
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  cpu=$(awk -F': ' '/(User|System) time/ {sum += $2} END {print sum}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  printf '%-14s %8.2f s %8.2f s %8s MiB\n' "$name" "$wall" "$cpu" "$rss"
}

echo "scale $scale, files and databases in $dir, binary $bin"
printf '%-14s %10s %10s %12s\n' step wall cpu peak_rss
if [[ -f $dir/imported.db && -f $dir/.imported-$scale ]]; then
  echo "(using the imported database already in $dir)"
else
  rm -f "$dir"/imported.db*
  if [[ ! -f $dir/orgs.csv || ! -f $dir/.scale-$scale ]]; then
    timed generate /dev/null "$bin" demo --scale "$scale" --out "$dir"
    touch "$dir/.scale-$scale"
  fi
  timed init /dev/null "$bin" --db "$dir/imported.db" init
  timed import_orgs /dev/null "$bin" --db "$dir/imported.db" import orgs "$dir/orgs.csv"
  timed import_scores /dev/null "$bin" --db "$dir/imported.db" import scores "$dir/scores.csv"
  touch "$dir/.imported-$scale"
fi

db=$dir/run.db
rm -f "$db" "$db-wal" "$db-shm" "$db.audit-heads"
cp "$dir/imported.db" "$db"
[[ -f $dir/imported.db.audit-heads ]] && cp "$dir/imported.db.audit-heads" "$db.audit-heads"
timed assess_first "$dir/assess.json" "$bin" --db "$db" assess --year 2016 --format json
timed assess_again "$dir/assess.json" "$bin" --db "$db" assess --year 2016 --format json
timed assess_table "$dir/assess.txt" "$bin" --db "$db" assess --year 2016 --format table
echo "JSON: $(du -m "$dir/assess.json" | cut -f1) MiB, table: $(du -m "$dir/assess.txt" | cut -f1) MiB," \
  "database: $(du -m "$db" | cut -f1) MiB"
rm -f "$db" "$db-wal" "$db-shm" "$db.audit-heads"
