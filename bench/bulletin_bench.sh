#!/usr/bin/env bash
# The quarterly bulletin of a province (issue 13): 300,000 organizations, 2016 assessed (about
# 27,000 selected), 10 items each (bench/ledger_items.cc), their deadlines moved into 2016 and
# the closed ones given a closing day (so that 2016-Q2 has closings, items due and overdue).
# `grassroots bulletin --quarter 2016-Q2` written as HTML and as .xlsx, a draft (counted) and,
# after `--issue`, the issued one (read back from its stored figures): wall time, CPU seconds and
# peak resident memory of each run (GNU time). Targets: under 10 s and 1 GiB.
#   bench/bulletin_bench.sh [BUILD_DIR] [PREPARED_DB]
# PREPARED_DB: a copy of a province database with its items and no 2016-Q2 bulletin (as
# ledger_bench.sh builds), copied, not changed. Needs sqlite3 and /usr/bin/time.
set -euo pipefail

build=${1:-build/release}
bin=$build/src/cli/grassroots
items=$build/bench/ledger_items
[[ -x /usr/bin/time ]] || { echo "GNU time is not installed (apt-get install time)" >&2; exit 2; }
[[ -x $bin && -x $items ]] || { echo "build first: cmake --build build/release --target grassroots ledger_items" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/grassroots_bulletin_bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# shellcheck source=bench/bench_server.sh
source "$(dirname "$0")/bench_server.sh"
db=$dir/province.db
if [[ -n ${2:-} ]]; then
  cp "$2" "$db"
else
  bench_database "$db" province
  "$items" "$db" 2016 10
fi
sqlite3 "$db" "UPDATE rectification_items SET deadline = '2016' || substr(deadline, 5),
  closed_on = CASE WHEN state = 'closed' THEN '2016' || substr(deadline, 5) END WHERE year = 2016;"
echo "$(sqlite3 "$db" 'SELECT COUNT(*) FROM rectification_items') items of $(sqlite3 "$db" \
  'SELECT COUNT(*) FROM rectification_plans') plans; $(nproc) cores"

measure() {  # label, then the bulletin's arguments
  local label=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$dir/time" \
    env GRASSROOTS_NOW=2016-10-08T09:00:00+08:00 "$bin" --db "$db" bulletin --quarter 2016-Q2 "$@" \
    2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
  read -r wall user sys rss <"$dir/time"
  printf '%-28s wall %6.2f s  CPU %6.2f s  peak %6.1f MiB  %s bytes\n' "$label" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')" \
    "$(stat -c %s "${@: -1}")"
}

measure "draft html" --format html --out "$dir/draft.html"
measure "draft xlsx" --format xlsx --out "$dir/draft.xlsx"
measure "issue + html" --issue --format html --out "$dir/issued.html"
measure "issued html (stored)" --format html --out "$dir/issued2.html"
measure "issued xlsx (stored)" --format xlsx --out "$dir/issued.xlsx"
cmp -s "$dir/issued.html" "$dir/issued2.html" && echo "the issued HTML reads back identical"
echo "stored figures: $(sqlite3 "$db" "SELECT LENGTH(figures) FROM bulletins WHERE quarter = '2016-Q2'") bytes of JSON"
