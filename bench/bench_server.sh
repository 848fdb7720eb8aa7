# Sourced by the HTTP benchmarks: the database they load and the account they log in with.
# Needs $bin (the grassroots binary) and $dir (a scratch folder the caller removes).

bench_password='Larch-harbor-47'

# bench_database DB county|province: the demo database (county), or the 300,000-organization
# province CSVs imported and 2016 assessed (about 15 s); either with an admin account "bench".
bench_database() {
  local db=$1 scale=$2
  if [[ $scale == province ]]; then
    "$bin" demo --scale province --out "$dir/csv" >/dev/null
    "$bin" --db "$db" import orgs "$dir/csv/orgs.csv" >/dev/null
    "$bin" --db "$db" import scores "$dir/csv/scores.csv" >/dev/null
    "$bin" --db "$db" assess --year 2016 --format json >/dev/null 2>&1
  else
    "$bin" --db "$db" demo --no-serve >/dev/null
  fi
  echo "$bench_password" | "$bin" --db "$db" user add bench --role admin --password-stdin >/dev/null
}

# bench_login PORT: waits for the server on PORT and prints the session cookie of "bench".
bench_login() {
  local port=$1 cookie
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench\",\"password\":\"$bench_password\"}" "http://127.0.0.1:$port/api/v1/session" |
    awk -F'[:;] *' 'tolower($1) == "set-cookie" {print $2; exit}')
  [[ -n $cookie ]] || { echo "login failed" >&2; return 1; }
  echo "$cookie"
}
