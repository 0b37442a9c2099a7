# Shared by the scripts: paths, PATH and the release build. Source it; it changes nothing on disk.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
# Trunk must never try to download wasm-bindgen or wasm-opt: the set-up installs both.
export TRUNK_OFFLINE=true
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER_BIN=/usr/bin/chromedriver
FIREFOX=/usr/bin/firefox-esr

say() { printf '%-22s %s\n' "$1" "$2"; }

# The exact wasm-bindgen version in Cargo.lock (wasm-bindgen-cli must match it).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# The channel pinned in rust-toolchain.toml.
toolchain_channel() {
  awk -F'"' '/^channel *=/ { print $2; exit }' "$ROOT/rust-toolchain.toml"
}

# The release build into dist/. Relative asset URLs (`./`): the same files work at a domain
# root and under any sub-path. Then the service worker with the build's file list, and
# precompressed .br/.gz copies (scripts/postbuild.mjs).
#
# The release wasm is built with the standard library rebuilt for size: `build-std` with
# `optimize_for_size`, and `panic=immediate-abort` (a panic traps instead of formatting a
# message nobody sees: the release build has no panic hook). That is 17 KiB brotli of the
# 250 KiB budget. These are unstable options of the pinned compiler, enabled for this one
# build by RUSTC_BOOTSTRAP=1; they need the rust-src component (rust-toolchain.toml). Only
# the wasm target gets the flags; build scripts, proc macros and every test build are plain.
# wasm-opt (flags in index.html) also gets `--low-memory-unused`: Rust lays the stack out
# first, below the data at 1 MiB, so the low 1 KiB is touched only by a stack that has already
# overflowed; knowing that lets wasm-opt fold address arithmetic (2 KiB brotli). After the
# first `-Oz`, `--flatten --rereloop` rebuilds the control flow and a second `-Oz --converge`
# runs until nothing shrinks: 1.6 KiB brotli for about 30 s more of build time. (Measured
# and not used: `--traps-never-happen`, 0.6 KiB more, lets wasm-opt assume no panic happens,
# so a panic would go on with undefined behaviour instead of stopping the app.)
# `-Zfmt-debug=none` compiles `{:?}` formatting out (nothing the app shows uses it: the JSON
# float writer and the error messages are written without it, and a test holds the float
# writer to what `{:?}` writes) and `-Zlocation-detail=none` drops the file names and lines
# that panics would report, which `immediate-abort` never prints: 3.6 KiB brotli together.
# A toolchain bump must pass the release smoke tests, which run on this very build. The
# variable replaces the wasm rustflags of .cargo/config.toml, so it repeats them.
build_dist() {
  (cd "$ROOT" &&
    RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none" \
    trunk build --release --offline --public-url ./ &&
    node scripts/postbuild.mjs dist)
}
