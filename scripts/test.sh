#!/usr/bin/env bash
# The test command: unit, integration and conformance tests; then the
# conformance and dump suites again on the relocating load path
# (MINILISP_DUMP_RELOCATE=1) and collecting at every allocation
# (MINILISP_GC_STRESS=1), on both load paths. The soak test
# (tests/own_process/soak.rs) runs for two minutes here (MINILISP_SOAK_SECS
# overrides). Last, the
# corruption and fuzz-regression suites in a debug build, where an integer
# overflow on a crafted size panics instead of wrapping, and the unit tests
# there, where the collector poisons freed cells and the heap's accessors
# assert that a cell is allocated (a rooting bug fails loudly).
set -euo pipefail
cd "$(dirname "$0")/.."
# dash.el and s.el (Debian's elpa-dash and elpa-s), which the
# libraries-* conformance cases load unchanged from where Debian puts them.
elpa=/usr/share/emacs/site-lisp/elpa-src
if [ ! -d "$elpa/dash-2.19.1" ] || [ ! -d "$elpa/s-1.12.0" ]; then
    echo "== installing elpa-dash and elpa-s"
    sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends elpa-dash elpa-s >/dev/null
fi
# Lints first: it fails fast. The same profile as the tests, so build
# scripts and proc macros are built once for both. Among the lints, every
# `unsafe` block must carry a `// SAFETY:` comment (src/lib.rs).
echo "== clippy (all targets, warnings are errors)"
cargo clippy --release --all-targets -- -D warnings
# Verification records of the dumps tests load in-process go to a private
# directory, not the user's cache (tests of the default location unset it).
records=$(mktemp -d)
trap 'rm -rf "$records"' EXIT
export MINILISP_RECORD_DIR="$records"
# Unit, integration and doc tests (the API docs' and the README's examples).
MINILISP_SOAK_SECS=${MINILISP_SOAK_SECS:-120} cargo test --release "$@"
echo "== the embedding examples (each checks its own results)"
cargo run --release --quiet --example rules_engine >/dev/null
cargo run --release --quiet --example snapshot_tests >/dev/null
# The integration tests are two binaries (tests/it: one module per suite;
# tests/own_process: the tests that need the process to themselves); a suite
# is picked by its module path. `conformance::` also matches
# `dump_conformance::`.
dump_suites=(--test it --test own_process -- conformance:: pdump::)
echo "== conformance and dump tests, relocating load path (MINILISP_DUMP_RELOCATE=1)"
MINILISP_DUMP_RELOCATE=1 cargo test --release "${dump_suites[@]}"
echo "== conformance and dump tests under MINILISP_GC_STRESS=1 (collect at every allocation; every eighth major)"
MINILISP_GC_STRESS=1 cargo test --release "${dump_suites[@]}"
echo "== conformance under MINILISP_GC_STRESS=1, relocating load path"
MINILISP_GC_STRESS=1 MINILISP_DUMP_RELOCATE=1 cargo test --release --test it -- --exact conformance::conformance_with_emacs
echo "== dump corruption and fuzz regressions in a debug build (integer overflow checks on)"
cargo test --test it -- pdump_corrupt:: fuzz_regressions::
echo "== the unit tests in a debug build (freed cells poisoned, accessors assert the allocated bit)"
cargo test --lib
