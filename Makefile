# The two commands of the README. Each installs what is missing, builds, then runs.
#   make demo   build and start the demo on the embedded database (SQLite)
#   make test   build and pass every test: release, then debug under ASan + UBSan
JOBS ?= $(shell nproc)
DEMO_DB ?= demo.db
BIN = build/release/src/cli/grassroots

.PHONY: deps build build-debug demo test test-release test-debug bench format clean

deps:
	@scripts/install-deps

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

build-debug: deps
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)

demo: build
	$(BIN) --db $(DEMO_DB) demo

test: test-release test-debug

test-release: build
	ctest --preset release -j $(JOBS)

test-debug: build-debug
	ctest --preset debug -j $(JOBS)

bench: build
	build/release/bench/assess_bench

format:
	git ls-files '*.h' '*.cc' | xargs clang-format -i

clean:
	rm -rf build
