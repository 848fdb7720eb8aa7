#!/usr/bin/env bash
# The Debian package `make package` builds (cmake/packaging.cmake): it carries the binary, the
# web UI, the policy as a configuration file, the systemd unit and the guide; its dependencies
# name the shared libraries the binary needs; and the binary and web UI, unpacked where the
# package puts them, serve. Usage: tests/package_test.sh BUILD_DIR
set -euo pipefail

build=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/grassroots-package.XXXXXX")
server=
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/out/grassroots_*_amd64.deb 2>/dev/null | head -1)
[[ -f $deb ]] || fail "no .deb in $work/out"

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/grassroots ./usr/share/grassroots/web/index.html \
  ./etc/grassroots/policy.toml ./etc/default/grassroots \
  ./lib/systemd/system/grassroots.service ./usr/share/doc/grassroots/deploy.md; do
  grep -q " $path\$" <<<"$contents" || fail "$path is not in the package"
done
grep -q ' ./usr/share/grassroots/web/assets/.*\.js$' <<<"$contents" || fail "no web assets"

depends=$(dpkg-deb -f "$deb" Depends)
for library in libsqlite3 libsodium libxlsxwriter libzip libpq5 adduser; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done

dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/grassroots/policy.toml "$work/control/conffiles" || fail "policy is not a conffile"
grep -qx /etc/default/grassroots "$work/control/conffiles" || fail "settings are not a conffile"
[[ -x $work/control/postinst ]] || fail "postinst is not executable"

# Unpacked, the binary runs with the packaged policy and serves the packaged web UI.
dpkg-deb -x "$deb" "$work/root"
bin=$work/root/usr/bin/grassroots
db=$work/county.db
"$bin" --db "$db" --policy "$work/root/etc/grassroots/policy.toml" init >/dev/null ||
  fail "init with the packaged policy failed"
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 20000))
  "$bin" --db "$db" --policy "$work/root/etc/grassroots/policy.toml" serve --bind 127.0.0.1 \
    --port $port --web "$work/root/usr/share/grassroots/web" >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break 2
    kill -0 $server 2>/dev/null || break
    sleep 0.1
  done
  kill $server 2>/dev/null || true
  server=
done
[[ -n $server ]] || { cat "$work/serve.log" >&2; fail "the packaged binary did not serve"; }
page=$(curl -sf "http://127.0.0.1:$port/")
grep -q '<div id="app"></div>' <<<"$page" || fail "/ is not the packaged web UI: $page"
echo "package_test: $(basename "$deb") carries and serves what it should"
