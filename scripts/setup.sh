#!/usr/bin/env bash
# Installs whatever the build (and, with `--test`, the test suite) needs and is
# missing on a Debian machine, reaching only crates.io, npm and Debian's
# package archive. Tools already present at the right version are skipped.
# See docs/BUILD.md for the measurements behind each step.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the crate pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
for_tests=0
[ "${1:-}" = "--test" ] && for_tests=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  say "installing Debian packages: $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "cargo (rustup) is required" >&2; exit 1; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Rust toolchain and the wasm target, as rust-toolchain.toml names them.
channel=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup run "$channel" rustc --version >/dev/null 2>&1; then
  say "installing Rust $channel"
  rustup toolchain install "$channel" --profile minimal -c rustfmt -c clippy
fi
if ! rustup +"$channel" target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup +"$channel" target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  rustup +"$channel" component list --installed | grep -q "^$c" || rustup +"$channel" component add "$c"
done

# Trunk and the wasm-bindgen CLI, from crates.io (the slow part: ~30 min cold).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 20 minutes on a 2-core machine)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 10 minutes)"
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Node.js runs the build hook, wasm-opt (npm binaryen) and the browser tests.
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
lock=tests/e2e/package-lock.json
stamp=tests/e2e/node_modules/.installed-lock
if ! cmp -s "$lock" "$stamp" 2>/dev/null; then
  say "installing npm packages in tests/e2e (binaryen for wasm-opt, Playwright, axe-core)"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$lock" "$stamp"
fi

if [ "$for_tests" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
say "ready"
