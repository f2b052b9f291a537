#!/usr/bin/env bash
# The demo: set up, build the wasm in release into www/pkg/, serve www/ on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8000}"
