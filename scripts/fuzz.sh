#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers and the reducer (fuzz/README.md).
# Usage: scripts/fuzz.sh [TARGET] [EXECUTIONS]   (default: all, 10,000,000)
# Run by hand; not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(link file saved edits ages messages)
[ $# -ge 1 ] && targets=("$1")
runs=${2:-10000000}

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cargo build --quiet --bin hnb
hnb=target/debug/hnb

seed() {
  local dir=fuzz/corpus/$1
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] && return
  for id in average haringey southwark isle-of-wight wokingham medway la:E10000015; do
    local f
    f=$(echo "$id" | tr ':' '-')
    "$hnb" preset "$id" > "/tmp/hnb-seed-$f.json" 2>/dev/null || continue
    case $1 in
      file) cp "/tmp/hnb-seed-$f.json" "$dir/$f.json" ;;
      messages)
        printf 'hnb-work 1\nrun 3\nspread 0.02 0.01 0.015 0.5 1.1\n%s' "$(cat "/tmp/hnb-seed-$f.json")" > "$dir/$f.request"
        printf 'hnb-work 1\nrun 4\ntornado growth -0.02 0.02 cost -0.1 0.1 delivery 0.5 1\n%s' "$(cat "/tmp/hnb-seed-$f.json")" > "$dir/$f.tornado"
        printf 'hnb-work 1\nrun 5\ngoal inmss 0010000000 balance 2025\n%s' "$(cat "/tmp/hnb-seed-$f.json")" > "$dir/$f.goal"
        printf 'goal 5\nfound 0.031 -12\n%s' "$(cat "/tmp/hnb-seed-$f.json")" > "$dir/$f.goal-reply"
        printf 'goal 5\nunreachable 0.5 1200000' > "$dir/goal-unreachable"
        printf 'tornado 4\n-120.5\ngrowth -0.02 0.02 -150 -90 -0.02:-150 0:-120.5 0.02:-90\ncost -0.1 0.1 -130 -110' > "$dir/tornado-reply"
        printf 'progress 3 1000 10000' > "$dir/progress"
        printf 'fan 3\n2024 2 2026 1 2\n0 3ff0000000000000\n0 0 0 0 0 0 0 0 0\n1 1 1 1 1 1 1 1 1' > "$dir/fan" ;;
      ages)
        for code in E09000014 E06000001 E10000014; do
          printf '\x90\x80\xa0%s' "$(sed -n "s/^export default '\(.*\)';$/\1/p" "assets/ages/$code.js")" > "$dir/$code"
        done ;;
      link)
        printf '0%s' "$("$hnb" link "/tmp/hnb-seed-$f.json" "$id")" > "$dir/$f.link"
        printf '1{"demand":{"growth":{"start":"0.09"}}}' > "$dir/patch.json" ;;
      saved)
        printf '{"name":"x","preset":"%s","saved":"2026-12-02T00:00:00Z","scenario":%s}' \
          "$id" "$(cat "/tmp/hnb-seed-$f.json")" > "$dir/$f.saved" ;;
      edits) head -c 256 /dev/urandom > "$dir/random" ;;
    esac
  done
}

for t in "${targets[@]}"; do
  seed "$t"
  printf '\n\033[1m== fuzz %s: %s executions\033[0m\n' "$t" "$runs"
  (cd fuzz && cargo +nightly fuzz run --sanitizer none "$t" "corpus/$t" -- \
      -runs="$runs" -max_len=65536 -print_final_stats=1 -rss_limit_mb=4096 2>&1) \
    > "fuzz/$t.log" || true
  grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^==[0-9]+== ERROR|panicked' "fuzz/$t.log" || true
  (cd fuzz && cargo +nightly fuzz cmin --sanitizer none "$t" "corpus/$t" >/dev/null 2>&1) || true
  echo "corpus: $(ls "fuzz/corpus/$t" | wc -l) inputs"
done
