#!/usr/bin/env bash
# Every test of Isnad: the native core, the web layer in headless Chromium and Firefox, and the
# demo pages end to end. Each suite prints its summary; the run fails if a suite fails or runs
# no test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

# Sums "N passed" over a suite's output; a suite that passed nothing has not tested anything.
require_tests() {
  local name=$1 file=$2 passed
  passed=$(grep -oE '([0-9]+) passed' "$file" | awk '{s += $1} END {print s + 0}')
  if [ "$passed" -eq 0 ]; then
    echo "[test] $name ran no test" >&2
    exit 1
  fi
  echo "[test] $name: $passed passed"
}

echo "== native core (cargo test)"
cargo test --workspace --all-targets 2>&1 | tee "$log/native"
require_tests "native core" "$log/native"

echo "== web layer in headless Chromium and Firefox ESR (wasm-pack test)"
# wasm-bindgen-test-runner picks Firefox when GECKODRIVER is set; wasm-pack sets each in turn.
unset GECKODRIVER CHROMEDRIVER
for browser in chrome firefox; do
  wasm-pack test --headless "--$browser" 2>&1 | tee "$log/web-$browser"
  require_tests "web layer ($browser)" "$log/web-$browser"
done

echo "== demo pages end to end (Playwright, Chromium)"
bash scripts/build.sh
cargo build --release --bin isnad   # the store server the persistence tests run
node --test tests/e2e/ 2>&1 | tee "$log/e2e"
sed -i -E 's/^# pass ([0-9]+)/\1 passed/' "$log/e2e"
require_tests "end to end" "$log/e2e"

echo "All suites passed."
