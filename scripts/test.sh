#!/usr/bin/env bash
# Runs the three test layers and prints a pass count per layer. Exits non-zero if any fails.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
logs="$(mktemp -d)"
status=0
summary=()

# Sums the "N passed; M failed" lines of cargo's test harness output.
count_cargo() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
       END { printf "%d passed, %d failed", p, f }' "$1"
}

passed=0; failed=0
layer() { # name, "N passed, M failed", exit code
  summary+=("$1: $2")
  read -r p _ f _ <<<"${2//,/}"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$3" != 0 ]; then
    status=1
    [ "${f:-0}" != 0 ] || failed=$((failed + 1)) # a layer that failed without a count
  fi
}

echo "== lint: rustfmt and clippy (native and wasm)"
if cargo fmt --all -- --check && cargo clippy --quiet --all-targets -- -D warnings \
   && cargo clippy --quiet --target wasm32-unknown-unknown --all-targets -- -D warnings; then
  summary+=("lint: clean")
else
  summary+=("lint: FAILED"); status=1
fi

echo "== native: cargo test"
cargo test --quiet 2>&1 | tee "$logs/native.log"; rc=${PIPESTATUS[0]}
layer native "$(count_cargo "$logs/native.log")" "$rc"

echo "== fuzz: every parser of outside data, 10 s each (scripts/fuzz.sh short; docs/FUZZING.md)"
bash scripts/fuzz.sh short 2>&1 | tee "$logs/fuzz.log"; rc=${PIPESTATUS[0]}
layer "fuzz (short)" "$(grep -c '^ok: ' "$logs/fuzz.log") passed, $(grep -c '^FAILED: ' "$logs/fuzz.log") failed" "$rc"

# wasm-bindgen-test-runner gives the test page 20 s by default; the debug wasm loading in
# Firefox on a busy 2-core machine took longer (a CI run beside a fuzzer and two builds).
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
echo "== browser: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER="$CHROMEDRIVER_BIN" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test browser 2>&1 | tee "$logs/browser.log"; rc=${PIPESTATUS[0]}
layer browser "$(count_cargo "$logs/browser.log")" "$rc"

echo "== browser (Firefox): wasm-bindgen-test in headless Firefox ESR via geckodriver"
GECKODRIVER="$(command -v geckodriver)" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test browser 2>&1 | tee "$logs/browser-firefox.log"; rc=${PIPESTATUS[0]}
layer "browser (Firefox)" "$(count_cargo "$logs/browser-firefox.log")" "$rc"

echo "== e2e: release build in headless Chromium, at / and under a sub-path"
if build_dist > "$logs/dist.log" 2>&1; then
  node scripts/size.mjs
  # Readable output on the terminal; the TAP copy is for counting.
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$logs/e2e.tap" tests/e2e/; rc=$?
  e2e="$(awk '/^# pass/ { p = $3 } /^# fail/ { f = $3 } END { printf "%d passed, %d failed", p, f }' "$logs/e2e.tap")"
  layer e2e "$e2e" "$rc"

  echo "== e2e (Firefox): the same browser tests in Firefox ESR over WebDriver BiDi"
  E2E_BROWSER=firefox node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$logs/e2e-firefox.tap" \
    $(ls tests/e2e/*.test.mjs | grep -v -e '/dist\.test' -e '/size\.test'); rc=$?
  e2e="$(awk '/^# pass/ { p = $3 } /^# fail/ { f = $3 } END { printf "%d passed, %d failed", p, f }' "$logs/e2e-firefox.tap")"
  layer "e2e (Firefox)" "$e2e" "$rc"
else
  cat "$logs/dist.log"
  layer e2e "0 passed, 0 failed" 1
fi

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
echo "total: $passed passed, $failed failed"
exit $status
