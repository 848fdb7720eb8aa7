#!/usr/bin/env bash
# Compares `grassroots import` of two (or more) binaries on the same files, interleaved: A, B,
# A, B, ... each on a fresh database, so that a machine whose speed drifts between runs favours
# neither (docs/performance.md, "Imports: the first pass's parsing ..."). SQLite only.
#   bench/import_ab.sh orgs|scores DIR ROUNDS BINARY...
# DIR holds the CSV files (`grassroots demo --scale country --out DIR`: orgs.csv, scores.csv).
# `orgs` imports orgs.csv into a new database made by `init`; `scores` imports scores.csv into
# a copy of DIR/orgs_only.db, which the first run makes (init and import orgs with the first
# binary) when it is missing. Before each run the file system's dirty pages are written out
# (sync) and, with DROP_CACHES=1 (root only), the page cache is dropped; the CSV file (and the
# database copy) is then read once, so every run starts from the same cache. Each run prints
# wall time, CPU time (user + system) and peak memory (/usr/bin/time), also appended to
# DIR/import_ab.txt.
set -euo pipefail

kind=${1:?orgs or scores}
dir=${2:?a folder holding orgs.csv and scores.csv}
rounds=${3:?how many rounds}
shift 3
if [[ $kind != orgs && $kind != scores ]] || (($# == 0)); then
  echo "usage: bench/import_ab.sh orgs|scores DIR ROUNDS BINARY..." >&2
  exit 2
fi
for bin in "$@"; do
  [[ -x $bin ]] || { echo "no binary at $bin" >&2; exit 2; }
done
csv=$dir/$kind.csv
[[ -f $csv ]] || { echo "no $csv: grassroots demo --scale country --out $dir" >&2; exit 2; }
db=$dir/import_ab.db
base=$dir/orgs_only.db

fresh() {
  rm -f "$db" "$db-wal" "$db-shm" "$db-journal" "$db.audit-heads"
}

if [[ $kind == scores && ! -f $base ]]; then
  echo "making $base (init and import orgs with $1)" >&2
  rm -f "$base" "$base-wal" "$base-shm" "$base.audit-heads"
  "$1" --db "$base" init >/dev/null
  "$1" --db "$base" import orgs "$dir/orgs.csv" >/dev/null
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
    /usr/bin/time -f "$kind round $round $bin: %e s wall, %U s user, %S s system, %M KiB peak" \
      "$bin" --db "$db" import "$kind" "$csv" 2>&1 >/dev/null | tail -n 1 | tee -a "$dir/import_ab.txt"
  done
done
fresh
