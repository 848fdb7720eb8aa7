#!/usr/bin/env bash
# A province's weekly reminder (issue 13): 300,000 organizations, 2016 assessed (about 27,000
# selected), 10 items each (bench/ledger_items.cc, deadlines over 2017 in every state), and a
# unit_admin account for each of the first 200 direct organizations. `grassroots remind --week
# 2017-W20 --out DIR` records the week's digests (per responsible person and per direct
# organization), delivers them and writes a file per digest; then the same week again (nothing
# new). Each run: wall time, CPU seconds and peak resident memory (GNU time), and what it wrote.
#   bench/remind_bench.sh [BUILD_DIR] [PREPARED_DB]
# PREPARED_DB: a copy of a database a previous run built (it is copied, not changed), to skip
# the minutes of loading. Needs sqlite3 and GNU time (/usr/bin/time).
set -euo pipefail

build=${1:-build/release}
bin=$build/src/cli/grassroots
items=$build/bench/ledger_items
[[ -x $bin && -x $items ]] || { echo "build first: cmake --build build/release --target grassroots ledger_items" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "GNU time is not installed (apt-get install time)" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/grassroots_remind_bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# shellcheck source=bench/bench_server.sh
source "$(dirname "$0")/bench_server.sh"
db=$dir/province.db
if [[ -n ${2:-} ]]; then
  cp "$2" "$db"
else
  bench_database "$db" province
  "$items" "$db" 2016 10
  n=0
  for code in $(sqlite3 "$db" "SELECT code FROM organizations WHERE parent_code IS NULL ORDER BY code LIMIT 200"); do
    echo "$bench_password" | "$bin" --db "$db" user add "ua$n" --role unit_admin --scope "$code" \
      --password-stdin >/dev/null
    n=$((n + 1))
  done
fi

echo "$(sqlite3 "$db" 'SELECT COUNT(*) FROM rectification_items') items of $(sqlite3 "$db" \
  'SELECT COUNT(*) FROM rectification_plans') plans; $(nproc) cores, $(awk '/MemTotal/ {print $2 " " $3}' /proc/meminfo)"
run() {  # label args...
  local label=$1
  shift
  /usr/bin/time -f "%e s wall  %U+%S s CPU  %M KiB peak" -o "$dir/time" "$bin" --db "$db" "$@" >"$dir/out" 2>"$dir/err"
  printf '%-22s %s  |  %s\n' "$label" "$(cat "$dir/time")" "$(tr '\n' ' ' <"$dir/out")"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (wall time waits for the CPU when others run)"
run "remind (first run)" remind --week 2017-W20 --out "$dir/digests"
echo "  $(sqlite3 "$db" 'SELECT COUNT(*) FROM reminder_digests') digests, $(sqlite3 "$db" \
  'SELECT COUNT(*) FROM reminder_digest_items') digest items, $(sqlite3 "$db" \
  'SELECT COUNT(*) FROM reminder_deliveries') deliveries, $(find "$dir/digests" -type f | wc -l) files ($(du -sh "$dir/digests" | cut -f1))"
run "remind (again)" remind --week 2017-W20
run "remind (no --out)" remind --week 2017-W21
