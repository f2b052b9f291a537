#!/usr/bin/env bash
# Builds the wasm core in release into www/pkg/ and prints the gzipped sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --lib --release --target wasm32-unknown-unknown
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg target/wasm32-unknown-unknown/release/isnad.wasm
# rustc's default wasm features; wasm-opt must be told they are allowed.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/isnad_bg.wasm -o www/pkg/isnad_bg.wasm

size() { printf '%-24s %8s bytes, %7s gzipped\n' "$1" "$(wc -c <"$2")" "$(gzip -9 -c "$2" | wc -c)"; }
echo "Isnad build sizes:"
size "wasm" www/pkg/isnad_bg.wasm
size "wasm-bindgen glue" www/pkg/isnad.js
size "shell (isnad.js)" www/isnad.js
