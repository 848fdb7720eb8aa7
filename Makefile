# The two commands of the README. Each installs what is missing, builds, then runs.
#   make demo   build (server and web UI) and start the demo on the embedded database (SQLite)
#   make test   build and pass every test: release (with the browser tests of the web UI), then
#               debug under ASan + UBSan
#   make web    build the web UI only (web/dist)
#   make package  the Debian package (binary, web UI, policy, systemd unit): docs/deploy.md
JOBS ?= $(shell nproc)
DEMO_DB ?= demo.db
BIN = build/release/src/cli/grassroots

.PHONY: deps deps-test build build-debug web demo test test-release test-debug test-e2e bench package format clean

deps:
	@scripts/install-deps

deps-test:
	@scripts/install-deps --test

# The web UI. `npm ci` runs only when package.json or package-lock.json changed since the last
# one (the stamp lives in node_modules, which npm ci replaces); the build only when a source did.
WEB_STAMP = web/node_modules/.grassroots-npm-ci
WEB_SOURCES = $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/vite.config.js

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

web/dist/index.html: $(WEB_STAMP) $(WEB_SOURCES)
	cd web && npm run build
	touch $@

web: deps web/dist/index.html

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

build-debug: deps
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)

demo: build web
	$(BIN) --db $(DEMO_DB) demo --web web/dist

test: deps-test test-release test-debug

# The browser tests (web_e2e_*) are part of the release preset; they run one at a time.
test-release: build web
	ctest --preset release -j $(JOBS)

test-e2e: build web
	ctest --preset release -L e2e

test-debug: build-debug
	ctest --preset debug -j $(JOBS)

package: build web
	cd build/release && cpack -G DEB
	@ls build/release/grassroots_*.deb

# make bench: the engine benchmark; make bench SCALE=province (or county, country): then every
# script in bench/ at that scale (bench/run_all.sh; figures in docs/performance.md).
SCALE ?=
bench: build
	build/release/bench/assess_bench
	@if [ -n "$(SCALE)" ]; then bench/run_all.sh $(SCALE) build/release; fi

format:
	git ls-files '*.h' '*.cc' | xargs clang-format -i

clean:
	rm -rf build web/dist
