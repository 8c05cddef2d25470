# Sourced by the serve and test scripts: puts the project's tools first on
# PATH. npm's binaryen wasm-opt must win over Debian's older one.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
