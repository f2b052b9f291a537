#!/usr/bin/env bash
# Installs what Isnad's build, demo and tests need, and only what is missing: safe to run again.
# Nothing here downloads a prebuilt binary or a browser: tools are built with cargo, browsers
# come from Debian, wasm-opt from the npm `binaryen` package.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '[setup] %s\n' "$*" >&2; }

# The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli at exactly the version Cargo.lock pins (the CLI and the crate must agree).
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  say "Cargo.lock names no wasm-bindgen version"; exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "building wasm-bindgen-cli $want with cargo (a few minutes)"
  # --locked can fail when the registry mirror lacks a version the CLI's lock file pins.
  cargo install wasm-bindgen-cli --version "=$want" --locked \
    || cargo install wasm-bindgen-cli --version "=$want"
fi

# Browsers and chromedriver from Debian.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "missing: ${missing[*]}. Install them as root: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

# wasm-pack (runs the browser tests) and geckodriver (drives Firefox), built with cargo.
for tool in wasm-pack geckodriver; do
  if ! command -v "$tool" >/dev/null; then
    say "building $tool with cargo (about two minutes)"
    cargo install "$tool" --locked
  fi
done

# npm packages: playwright-core (drives Debian's Chromium) and binaryen (wasm-opt).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null
fi
