#!/usr/bin/env bash
# Runs one fuzz target (fuzz/fuzz_targets/) for a given time, installing cargo-fuzz if missing.
#
#   bash scripts/fuzz.sh TARGET [SECONDS] [libFuzzer flags...]   # e.g. detect 600
#   bash scripts/fuzz.sh cmin TARGET                             # minimize TARGET's corpus in place
#                                                   (named seeds and regression-* files are kept)
#   bash scripts/fuzz.sh list                                    # the targets
#
# Targets: text (normalization, segmentation, quantities), detect, annotation_json, anchor.
# New inputs go to fuzz/corpus/TARGET (run `cmin` before committing it); a crash is written to
# fuzz/artifacts/TARGET/ and the script exits non-zero: keep it as a regression test.
#
# Each input must finish within FUZZ_TIMEOUT seconds (10) and 2 GB, so an input that hangs or
# blows up counts as a crash. The machine is shared: one process (no -jobs), `nice -n 19`.
# FUZZ_SANITIZER=address runs under AddressSanitizer (the crate has no `unsafe`, so the default
# is none: more executions in the same time); debug assertions and overflow checks are on.
set -euo pipefail
cd "$(dirname "$0")/.."

targets="text detect annotation_json anchor"
usage() {
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
[ $# -ge 1 ] || usage

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "installing cargo-fuzz (once)" >&2
  nice -n 19 cargo install cargo-fuzz --locked
fi

# libFuzzer's flags are nightly-only; the stable toolchain accepts them with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
sanitizer="${FUZZ_SANITIZER:-none}"
build_flags=(--sanitizer "$sanitizer" --debug-assertions)

case "$1" in
  list)
    echo "$targets"
    exit 0
    ;;
  cmin)
    [ $# -eq 2 ] || usage
    target="$2"
    cd fuzz
    # Seeds and regressions have names (seed.txt, regression-*.json); what the fuzzer found
    # is named by hash. Named files are kept as they are; the rest is minimized to what covers
    # new code edges (hit counts left out: the corpus stays a few hundred KB).
    keep="$(mktemp -d)"
    trap 'mv "$keep"/* "corpus/$target/" 2>/dev/null; rmdir "$keep"' EXIT
    for f in "corpus/$target"/*; do
      [[ "$(basename "$f")" =~ ^[0-9a-f]{40}$ ]] || mv "$f" "$keep/"
    done
    # Detection's inputs are whole articles: kept to their first 1,200 bytes (94 % of the
    # edges the full inputs cover, at a tenth of the size).
    cmin_len=4096
    [ "$target" = detect ] && cmin_len=1200
    nice -n 19 cargo fuzz cmin "${build_flags[@]}" "$target" -- -timeout="${FUZZ_TIMEOUT:-10}" \
      -max_len="${FUZZ_CMIN_MAX_LEN:-$cmin_len}" -use_counters=0
    exit
    ;;
esac

target="$1"
seconds="${2:-600}"
shift $(($# >= 2 ? 2 : 1))
case " $targets " in
  *" $target "*) ;;
  *)
    echo "unknown target $target (one of: $targets)" >&2
    exit 2
    ;;
esac
case "$seconds" in
  '' | *[!0-9]*)
    echo "SECONDS must be a number, not $seconds" >&2
    exit 2
    ;;
esac

# Articles run to tens of kilobytes: give detection and anchoring room to show slow paths.
max_len=4096
case "$target" in
  detect | anchor) max_len=32768 ;;
esac

cd fuzz
mkdir -p "artifacts/$target"
exec nice -n 19 cargo fuzz run "${build_flags[@]}" "$target" -- \
  -max_total_time="$seconds" \
  -timeout="${FUZZ_TIMEOUT:-10}" \
  -rss_limit_mb=2048 \
  -malloc_limit_mb=2048 \
  -max_len="$max_len" \
  -report_slow_units=2 \
  -print_final_stats=1 \
  "$@"
