#!/usr/bin/env bash
# The demo: a tour of the language, then the dumper at work on an
# application library (demo/app.el): load it from source, dump it, look
# inside the dump, start from it, and compare the two start-ups.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
ml=target/release/minilisp
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"   # a fresh default dump and fresh records

# Median wall time of 5 runs of a command, in milliseconds.
median_ms() {
  local times=()
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "%.1f", $1 / 1000}'
}

echo "== 1. The language: demo/hello.el (started from the default dump)"
"$ml" demo/hello.el

echo
echo "== 2. An application library, loaded from source"
"$ml" -l demo/app.el --eval '(app-main)'

echo
echo "== 3. Dumped: minilisp -l demo/app.el --dump-file app.pdmp"
"$ml" -l demo/app.el --dump-file "$work/app.pdmp"
"$ml" --dump-info "$work/app.pdmp"

echo
echo "== 4. Started from the dump: minilisp --load-dump app.pdmp"
"$ml" --load-dump "$work/app.pdmp" --eval '(app-main)' \
  --eval '(princ (format "dump stats: %S\n" (minilisp-dump-stats)))'

echo
echo "== 5. Start-up, median of 5 whole processes"
src=$(median_ms "$ml" -l demo/app.el --eval '(app-main)')
dump=$(median_ms "$ml" --load-dump "$work/app.pdmp" --eval '(app-main)')
full=$(median_ms "$ml" --verify-dump --load-dump "$work/app.pdmp" --eval '(app-main)')
echo "from source:                         ${src} ms"
echo "from its dump:                       ${dump} ms"
echo "from its dump, fully verified again: ${full} ms"
awk -v a="$src" -v b="$dump" 'BEGIN { printf "the dump starts %.0fx faster\n", a / b }'
