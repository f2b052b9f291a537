#!/usr/bin/env bash
# Builds the wasm core in release into www/pkg/ and prints the gzipped sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --lib --release --target wasm32-unknown-unknown
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg target/wasm32-unknown-unknown/release/isnad.wasm
# rustc's default wasm features; wasm-opt must be told they are allowed.
node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/isnad_bg.wasm -o www/pkg/isnad_bg.wasm

size() { printf '%-24s %8s bytes, %7s gzipped\n' "$1" "$(wc -c <"$2")" "$(gzip -9 -c "$2" | wc -c)"; }
echo "Isnad build sizes:"
size "wasm" www/pkg/isnad_bg.wasm
wasm_gz=$(gzip -9 -c www/pkg/isnad_bg.wasm | wc -c)
printf '%-24s %8s gzipped (budget 256000: 250 KiB)\n' "wasm budget" "$wasm_gz"
if [ "$wasm_gz" -gt 256000 ]; then echo "the wasm is over its 250 KiB budget" >&2; exit 1; fi
size "wasm-bindgen glue" www/pkg/isnad.js
size "shell (isnad.js)" www/isnad.js
# What a newsroom ships: the shell bundled and minified with esbuild, the interface, stores and
# catalogues as chunks loaded only when used, the wasm beside them: target/dist/.
rm -rf target/dist
npx --no-install esbuild www/isnad.js www/stores.js --bundle --splitting --format=esm --minify \
  --outdir=target/dist --outbase=www --external:./pkg/isnad.js --log-level=warning
cp -r www/pkg target/dist/pkg
gz() { gzip -9 -c "$1" | wc -c; }
ui_chunk=$(grep -l 'isnad-popover-title' target/dist/*.js | head -1)
ar_chunk=$(grep -l "dir:\"rtl\"" target/dist/*.js | head -1)
printf '%-24s %8s gzipped\n' "shipped shell" "$(gz target/dist/isnad.js)"
printf '%-24s %8s gzipped\n' "shipped interface" "$(gz "$ui_chunk")"
printf '%-24s %8s gzipped\n' "shipped Arabic strings" "$(gz "$ar_chunk")"
printf '%-24s %8s gzipped\n' "shipped stores" "$(gz target/dist/stores.js)"
shell_total=$(( $(gz target/dist/isnad.js) + $(gz "$ui_chunk") + $(gz "$ar_chunk") ))
printf '%-24s %8s gzipped (budget 15360)\n' "JS for a reader" "$shell_total"
if [ "$shell_total" -gt 15360 ]; then echo "the JavaScript shell is over its 15 KB budget" >&2; exit 1; fi
