#!/usr/bin/env bash
# Fuzzes every parser of outside data (docs/FUZZING.md) with cargo fuzz, natively.
#
#   scripts/fuzz.sh short [target…]   CI: 10 s per target
#   scripts/fuzz.sh long  [target…]   10,000,000 runs per target
#   scripts/fuzz.sh cmin  [target…]   minimise each corpus (libFuzzer's -merge=1): keep the
#                                     smallest inputs that together reach the same coverage
#
# Targets: backup_import pack_parse csv_import template markdown (all when none is named).
# Environment:
#   FUZZ_SECONDS     seconds per target in short mode (default 10)
#   FUZZ_RUNS        runs per target in long mode (default 10000000)
#   FUZZ_MAX_SECONDS in long mode, also stop a target after this many seconds (default: none)
#   FUZZ_TOOLCHAIN   toolchain for cargo (default: the pinned one of rust-toolchain.toml)
#   FUZZ_SANITIZER   none (default; the app's code has no `unsafe`) or address (needs
#                    FUZZ_TOOLCHAIN=nightly)
#   CARGO_TARGET_DIR build directory (default target/fuzz)
# Exits non-zero when any target crashes, panics, times out or runs out of memory, after
# printing the path of the input that did it; the other targets still run.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

mode="${1:-}"
case "$mode" in
  short | long | cmin) shift ;;
  *) echo "usage: scripts/fuzz.sh short|long|cmin [target…]" >&2; exit 2 ;;
esac
ALL_TARGETS=(backup_import pack_parse csv_import template markdown)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")
for t in "${targets[@]}"; do
  [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || { echo "unknown target: $t" >&2; exit 2; }
done

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/fuzz}"
sanitizer="${FUZZ_SANITIZER:-none}"
toolchain=()
[ -z "${FUZZ_TOOLCHAIN:-}" ] || toolchain=("+$FUZZ_TOOLCHAIN")

if ! command -v cargo-fuzz > /dev/null; then
  echo "== installing cargo-fuzz"
  (cd /tmp && cargo install cargo-fuzz --locked) || exit 1
fi

# Release build with debug assertions and overflow checks, like `cargo build --release` plus
# the checks a test build has; coverage instrumentation without a sanitizer works on stable.
build_flags=(-O -a -s "$sanitizer")

echo "== building the fuzz targets (sanitizer: $sanitizer)"
start=$SECONDS
cargo "${toolchain[@]}" fuzz build "${build_flags[@]}" || exit 1
echo "built in $((SECONDS - start)) s"
# The binaries of that one build are run directly, so every target runs the same code even
# if the sources change meanwhile (`cargo fuzz run` would rebuild first).
host=$(rustc "${toolchain[@]}" -vV | awk '/^host:/ { print $2 }')
bin_dir="$CARGO_TARGET_DIR/$host/release"

# Per target: the longest input tried and the dictionary.
max_len() {
  case "$1" in
    backup_import | pack_parse) echo 8192 ;;
    *) echo 4096 ;;
  esac
}
dict() {
  case "$1" in
    backup_import | pack_parse) echo fuzz/dicts/json.dict ;;
    csv_import) echo fuzz/dicts/csv.dict ;;
    template) echo fuzz/dicts/template.dict ;;
    markdown) echo fuzz/dicts/markdown.dict ;;
  esac
}

logs="$CARGO_TARGET_DIR/fuzz-logs"
mkdir -p "$logs"

# A corpus grown over millions of runs fills with inputs near the longest allowed, and the
# runs slow down with it (csv_import: from about 2,000 to 800 a second at 30,000 files). The
# merge keeps, smallest first, the inputs that add coverage; nothing is lost but redundancy.
if [ "$mode" = cmin ]; then
  status=0
  for t in "${targets[@]}"; do
    corpus="fuzz/corpus/$t"
    [ -d "$corpus" ] || { echo "== $t: no corpus yet"; continue; }
    before_files=$(find "$corpus" -type f | wc -l)
    merged="$corpus.merging"
    rm -rf "$merged" && mkdir -p "$merged"
    if "$bin_dir/$t" -merge=1 -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
      "$merged" "$corpus" > "$logs/$t.cmin.log" 2>&1; then
      rm -rf "$corpus" && mv "$merged" "$corpus"
      after_files=$(find "$corpus" -type f | wc -l)
      echo "ok: $t: corpus $before_files → $after_files files ($(du -sh "$corpus" | cut -f1))"
    else
      rm -rf "$merged"
      status=1
      echo "FAILED: $t: the merge failed, corpus unchanged (log: $logs/$t.cmin.log)"
    fi
  done
  exit $status
fi
status=0
rows=()
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  artifacts="fuzz/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  libfuzzer=(-max_len="$(max_len "$t")" -dict="$(dict "$t")" -timeout=10 -rss_limit_mb=2048
    -print_final_stats=1)

  if [ "$mode" = short ]; then
    budget=(-max_total_time="${FUZZ_SECONDS:-10}")
  else
    budget=(-runs="${FUZZ_RUNS:-10000000}")
    [ -z "${FUZZ_MAX_SECONDS:-}" ] || budget+=(-max_total_time="$FUZZ_MAX_SECONDS")
  fi
  echo "== $t: fuzzing (${budget[*]})"
  before=$(date +%s)
  # Newer than this marker = found by this run.
  marker="$logs/$t.start"
  touch "$marker"
  # New inputs go to the first directory; the seeds and the regression inputs (inputs that
  # once failed, which must pass) are read and run first.
  inputs=("$corpus" "fuzz/seeds/$t")
  [ ! -d "fuzz/regressions/$t" ] || inputs+=("fuzz/regressions/$t")
  "$bin_dir/$t" -artifact_prefix="$artifacts/" "${libfuzzer[@]}" "${budget[@]}" "${inputs[@]}" \
    > "$logs/$t.log" 2>&1
  rc=$?
  seconds=$(($(date +%s) - before))
  runs=$(awk '/stat::number_of_executed_units/ { print $NF }' "$logs/$t.log" | tail -n 1)
  speed=$(awk '/stat::average_exec_per_sec/ { print $NF }' "$logs/$t.log" | tail -n 1)
  files=$(find "$corpus" -type f | wc -l)
  kib=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s / 1024 }')
  crashes=$(find "$artifacts" -type f -newer "$marker" | sort)
  if [ "$rc" = 72 ] && [ -z "$crashes" ] && grep -q "run interrupted" "$logs/$t.log"; then
    # Stopped by a signal (libFuzzer's exit 72): not a crash, but not the runs asked for.
    status=1
    echo "INTERRUPTED: $t after ${runs:-?} runs, no crash (log: $logs/$t.log)"
    rows+=("| $t | ${runs:-?} | ${speed:-?} | ${seconds} s | $files files, $kib KiB | none (interrupted) |")
  elif [ "$rc" != 0 ] || [ -n "$crashes" ]; then
    status=1
    grep -E -m 1 -A 12 "panicked at|ERROR: libFuzzer|SUMMARY" "$logs/$t.log" || tail -n 30 "$logs/$t.log"
    echo "FAILED: $t (exit $rc, log: $logs/$t.log)"
    for c in $crashes; do
      echo "crashing input: $c"
      echo "  reproduce: cargo fuzz run ${build_flags[*]} $t $c"
      echo "  minimise:  cargo fuzz tmin ${build_flags[*]} $t $c"
    done
    [ -n "$crashes" ] || grep -m 1 "Test unit written to" "$logs/$t.log" || true
    rows+=("| $t | ${runs:-?} | ${speed:-?} | ${seconds} s | $files files, $kib KiB | yes |")
  else
    echo "ok: $t: ${runs:-?} runs, ${speed:-?} exec/s, ${seconds} s, corpus $files files ($kib KiB)"
    rows+=("| $t | ${runs:-?} | ${speed:-?} | ${seconds} s | $files files, $kib KiB | none |")
  fi
done

echo
echo "== summary ($mode)"
echo "| target | runs | exec/s | time | corpus | crashes |"
echo "|---|---:|---:|---:|---|---|"
printf '%s\n' "${rows[@]}"
exit $status
