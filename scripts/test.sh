#!/usr/bin/env bash
# Installs what is missing, then runs every check and test in order:
# format, lints, native tests, the release build with its sizes, and the
# end-to-end suite in headless Chromium with axe-core.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "cargo fmt --all --check"
cargo fmt --all --check
step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings
step "cargo clippy (the page and its simulation worker, for wasm32)"
cargo clippy --target wasm32-unknown-unknown --no-default-features --bin hnb-web --bin hnb-worker -- -D warnings
step "cargo test"
cargo test
step "cargo test (the model as the page builds it, without the ages table)"
cargo test -p hnb-model --no-default-features --lib
step "release build (trunk build --release --offline)"
trunk build --release --offline
step "dist/ sizes"
node scripts/sizes.mjs dist
step "end-to-end tests (Playwright, Debian Chromium, axe-core)"
(cd tests/e2e && npx playwright test)
step "all checks passed"
