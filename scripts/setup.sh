#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there at the right
# version. Sources: the Rust crate registry, npm and Debian packages only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# The toolchain pinned in rust-toolchain.toml, with the wasm target. Only asks rustup's
# server when something is missing.
channel="$(toolchain_channel)"
if ! rustup toolchain list | grep -q "^$channel-"; then
  say "rust" "installing $channel"
  rustup toolchain install "$channel" --profile minimal --component rustfmt,clippy,rust-src --target wasm32-unknown-unknown
fi
if ! rustup target list --installed --toolchain "$channel" | grep -qx wasm32-unknown-unknown; then
  rustup target add --toolchain "$channel" wasm32-unknown-unknown
fi
# The release build rebuilds the standard library for size (scripts/lib.sh, build_dist).
if ! rustup component list --installed --toolchain "$channel" | grep -q '^rust-src'; then
  rustup component add --toolchain "$channel" rust-src
fi
say "rust" "$(rustc --version)"

# Trunk 0.21.x: 0.22 needs a newer rustc than the pinned toolchain.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "trunk" "installing 0.21.x (about 10 minutes on 2 cores)"
  cargo install trunk --version '^0.21' --locked
fi
say "trunk" "$(trunk --version)"

# wasm-bindgen-cli exactly at the Cargo.lock version (it also brings the test runner).
want="$(wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
  say "wasm-bindgen" "installing $want"
  cargo install wasm-bindgen-cli --version "$want" --force
fi
say "wasm-bindgen" "$(wasm-bindgen --version)"

# npm packages: wasm-opt from npm's binaryen (never Debian's binaryen 108: its output
# crashes at start) and playwright-core (drives the system Chromium; downloads no browser).
stamp="node_modules/.package-lock.sha"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(sha256sum package-lock.json | cut -d' ' -f1)" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  sha256sum package-lock.json | cut -d' ' -f1 > "$stamp"
fi
say "wasm-opt" "$(wasm-opt --version)"

# Chromium and its driver from Debian, for the in-browser and end-to-end tests.
if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER_BIN" ]; then
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq chromium chromium-driver
fi
say "chromium" "$("$CHROMIUM" --version 2>/dev/null | tail -n1)"
say "chromedriver" "$("$CHROMEDRIVER_BIN" --version | cut -d' ' -f1-2)"

# The second browser: Debian's Firefox ESR (driven over WebDriver BiDi by playwright-core for
# the end-to-end tests) and geckodriver from crates.io (for the in-browser tests).
if [ ! -x "$FIREFOX" ]; then
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq firefox-esr
fi
if ! command -v geckodriver >/dev/null; then
  say "geckodriver" "installing from crates.io (a few minutes)"
  cargo install geckodriver --locked
fi
say "firefox" "$("$FIREFOX" --version 2>/dev/null | tail -n1)"
say "geckodriver" "$(geckodriver --version | head -n1)"

cargo fetch --quiet
# The standard library's own dependencies, for the release build's `build-std` (Trunk builds
# offline, and a fresh machine has none of them in its cache).
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  cargo fetch --quiet --target wasm32-unknown-unknown
