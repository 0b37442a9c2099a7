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
build_dist() {
  (cd "$ROOT" && trunk build --release --offline --public-url ./ && node scripts/postbuild.mjs dist)
}
