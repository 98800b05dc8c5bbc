#!/usr/bin/env bash
# The test command: unit, integration and conformance tests, then the whole
# conformance suite again collecting at every allocation.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release "$@"
echo "== conformance and dump tests under MINILISP_GC_STRESS=1 (collect at every allocation)"
MINILISP_GC_STRESS=1 cargo test --release --test conformance --test dump_conformance --test pdump
