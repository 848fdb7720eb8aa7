#!/usr/bin/env bash
# Compares `grassroots import` of two (or more) binaries on the same files, interleaved: A, B,
# A, B, ... each on a fresh database, so that a machine whose speed drifts between runs favours
# neither (docs/performance.md, "Imports: the first pass's parsing ..."). SQLite only.
#   bench/import_ab.sh orgs|scores|year DIR ROUNDS BINARY...
# DIR holds the CSV files (`grassroots demo --scale country --out DIR`: orgs.csv, scores.csv).
# `orgs` imports orgs.csv into a new database made by `init`; `scores` imports scores.csv into
# a copy of DIR/orgs_only.db, which the first run makes (init and import orgs with the first
# binary) when it is missing. `year` is the yearly case: the last year of scores.csv
# (DIR/last_year.csv) imported into a copy of DIR/years_before.db, which holds the
# organizations and the years before (made from orgs_only.db with the first binary when
# missing). Before each run the file system's dirty pages are written out
# (sync) and, with DROP_CACHES=1 (root only), the page cache is dropped; the CSV file (and the
# database copy) is then read once, so every run starts from the same cache. Each run prints
# wall time, CPU time (user + system), peak memory and what it wrote to the file system
# (/usr/bin/time's %O, in 512-byte blocks), also appended to DIR/import_ab.txt.
set -euo pipefail

kind=${1:?orgs, scores or year}
dir=${2:?a folder holding orgs.csv and scores.csv}
rounds=${3:?how many rounds}
shift 3
if [[ $kind != orgs && $kind != scores && $kind != year ]] || (($# == 0)); then
  echo "usage: bench/import_ab.sh orgs|scores|year DIR ROUNDS BINARY..." >&2
  exit 2
fi
for bin in "$@"; do
  [[ -x $bin ]] || { echo "no binary at $bin" >&2; exit 2; }
done
for file in orgs.csv scores.csv; do
  [[ -f $dir/$file ]] || { echo "no $dir/$file: grassroots demo --scale country --out $dir" >&2; exit 2; }
done
csv=$dir/$kind.csv
db=$dir/import_ab.db
base=$dir/orgs_only.db

fresh() {
  rm -f "$db" "$db-wal" "$db-shm" "$db-journal" "$db.audit-heads"
}

if [[ $kind != orgs && ! -f $base ]]; then
  echo "making $base (init and import orgs with $1)" >&2
  rm -f "$base" "$base-wal" "$base-shm" "$base.audit-heads"
  "$1" --db "$base" init >/dev/null
  "$1" --db "$base" import orgs "$dir/orgs.csv" >/dev/null
fi
if [[ $kind == year ]]; then
  csv=$dir/last_year.csv
  if [[ ! -f $dir/years_before.db ]]; then
    echo "making $dir/years_before.db (the years before the last, imported with $1)" >&2
    last=$(awk -F, 'NR > 1 && $2 > max { max = $2 } END { print max }' "$dir/scores.csv")
    awk -F, -v last="$last" 'NR == 1 || $2 == last' "$dir/scores.csv" >"$csv"
    awk -F, -v last="$last" 'NR == 1 || $2 != last' "$dir/scores.csv" >"$dir/years_before.csv"
    cp "$base" "$dir/years_before.db"
    "$1" --db "$dir/years_before.db" import scores "$dir/years_before.csv" >/dev/null
  fi
  base=$dir/years_before.db
fi

for ((round = 1; round <= rounds; ++round)); do
  for bin in "$@"; do
    fresh
    if [[ $kind == orgs ]]; then
      "$bin" --db "$db" init >/dev/null
    else
      # The database only: its audit head file records the base's own later entries, if any.
      cp "$base" "$db"
    fi
    sync
    if [[ ${DROP_CACHES:-0} == 1 ]]; then echo 3 >/proc/sys/vm/drop_caches; fi
    cat "$csv" >/dev/null
    [[ $kind == orgs ]] || cat "$db" >/dev/null
    /usr/bin/time -f "$kind round $round $bin: %e s wall, %U s user, %S s system, %M KiB peak, %O blocks written" \
      "$bin" --db "$db" import "${kind/year/scores}" "$csv" 2>&1 >/dev/null | tail -n 1 | tee -a "$dir/import_ab.txt"
  done
done
fresh
