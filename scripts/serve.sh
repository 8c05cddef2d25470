#!/usr/bin/env bash
# Installs what is missing, builds the page and serves it on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
port=${PORT:-8080}
echo "Building, then serving the calculator at http://127.0.0.1:$port/ (Ctrl-C to stop)"
exec trunk serve --release --port "$port"
