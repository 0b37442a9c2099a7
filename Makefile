# The two commands of the README: `make serve` and `make test`. Both install what is missing.
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c
.PHONY: setup serve dist test bench

LIB := source scripts/lib.sh

setup:
	bash scripts/setup.sh

## Build and serve the app at http://127.0.0.1:8080 (rebuilds on change). The debug build
## goes to target/serve, so dist/ only ever holds a release build.
serve: setup
	$(LIB)
	trunk serve --offline --address 127.0.0.1 --port 8080 --dist target/serve

## Production build into dist/ (relative URLs: works at a root or under any sub-path).
dist: setup
	$(LIB)
	build_dist
	node scripts/size.mjs

## Every test layer, each with its pass count; fails if any layer fails.
test: setup
	bash scripts/test.sh

## The benchmark: size, start-up, interactions, saving, capacity (release build, headless
## Chromium); prints the table and writes BENCHMARKS.md.
bench: dist
	$(LIB)
	node scripts/bench.mjs
