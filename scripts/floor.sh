#!/usr/bin/env bash
# Benchmark (by hand, never in the test suite): how much of the first load
# the page's views weigh, measured by building the last commit three ways and
# comparing first-load bytes (brotli, `scripts/sizes.mjs`):
#
#   full      the page as it is
#   core      the headline, the deficit chart and the controls, nothing else
#   headline  the headline alone
#
# The cut-down pages keep everything that is not a view: the Yew runtime, the
# model and every council's figures, the reducer and its hooks (saved work,
# share links, the address bar). So `headline` is the least a Yew page that
# runs this model can weigh, before a single chart or slider.
#
#   scripts/floor.sh
#
# Builds a clone of HEAD (commit first: uncommitted changes are not measured)
# in a temporary directory with its own Cargo target directory, so the main
# build's is never touched. About 5 minutes on a 2-core machine.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/scripts/env.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git clone -q --no-hardlinks "$here" "$tmp/src"
cd "$tmp/src"
export CARGO_TARGET_DIR="$tmp/target"

# Replaces the page's body in src/app.rs with `$1` (Rust, inside App).
cut_to() {
  node - "$1" <<'EOF'
const fs = require('node:fs');
const file = 'src/app.rs';
const s = fs.readFileSync(file, 'utf8');
const from = s.indexOf('    let body = match (st.view, results.clone()) {');
const to = s.indexOf('    html! {\n        <ContextProvider<Ctx>');
if (from < 0 || to < from) {
  console.error('floor.sh: src/app.rs no longer has the markers this script cuts at; update the script');
  process.exit(1);
}
const keep = '    let _ = (&close, &settled, &announcement, settled_now);\n';
fs.writeFileSync(file, s.slice(0, from) + keep + `    let body = html! { <main class="page" id="main">{ notices }${process.argv[2]}</main> };\n` + s.slice(to));
EOF
}

measure() {
  trunk build --release --offline >"$tmp/build-$1.log" 2>&1 || { tail -30 "$tmp/build-$1.log"; exit 1; }
  printf '%-9s %s\n' "$1" "$(node "$here/scripts/sizes.mjs" dist | grep -E '^first load')"
}

echo "first load (raw, gzip, brotli) of HEAD ($(git rev-parse --short HEAD)) built three ways:"
measure full
cut_to '
        if let Some(r) = results.clone() {
            <Headline of={r.clone()} extra_from={st.extra_from} />
            <DeficitChart ..r.clone() />
        }
        <Controls state={Rc::new(st.clone())} projection={results.as_ref().map(|r| r.projection.clone())} />'
measure core
git checkout -q src/app.rs
cut_to '
        if let Some(r) = results.clone() { <Headline of={r.clone()} extra_from={st.extra_from} /> }'
measure headline
