#!/usr/bin/env bash
# Memcheck over the code that uses `unsafe`: the collector's unit tests,
# the dump round trips (tests/it/pdump.rs, tests/it/pdump_mutation.rs,
# tests/own_process/pdump.rs), the soak test's rounds
# (tests/own_process/soak.rs, 30 of them) and a
# command-line dump/load round trip (boot, dump, map at the preferred
# address, map elsewhere and relocate). Release build with its debug line
# tables (profile.release has debug = 1). About 2 minutes.
#
#   scripts/valgrind.sh                  # exit 1 on any memcheck error or definite leak
#   VALGRIND_ALL=1 scripts/valgrind.sh   # also mutations_under_gc_stress (+100 s)
#   VALGRIND_LEAKS=0 scripts/valgrind.sh # report definite leaks without failing
#
# Logs: target/valgrind/NAME.log. Results are recorded in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v valgrind >/dev/null; then
    echo "== installing valgrind"
    apt-get install -y valgrind >/dev/null
fi

logs=target/valgrind
mkdir -p "$logs"
leaks=definite
[ "${VALGRIND_LEAKS:-1}" = 0 ] && leaks=none

echo "== building (release, with debug line tables)"
cargo build --release --bin minilisp
json=$(cargo test --release --no-run --message-format=json --lib --test it --test own_process 2>/dev/null)
# The test executable of the target of kind KIND (lib, test) named NAME.
exe() {
    grep '"reason":"compiler-artifact"' <<<"$json" | grep "\"kind\":\[\"$1\"\],[^}]*\"name\":\"$2\"" |
        sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | head -1
}
bin=target/release/minilisp

failed=0
# run NAME EXPECTED_STDOUT_OR_- COMMAND...: runs COMMAND under memcheck.
run() {
    local name=$1 expected=$2
    shift 2
    local start end status=ok out
    start=$(date +%s.%N)
    if ! out=$(env ${VG_ENV:-} valgrind --tool=memcheck --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=$leaks \
        --num-callers=40 --log-file="$logs/$name.log" "$@" 2>&1); then
        status=FAILED
    fi
    end=$(date +%s.%N)
    if [ "$expected" != - ] && [ "$out" != "$expected" ]; then
        status="FAILED (printed '$out', expected '$expected')"
    fi
    [ "$status" = ok ] || failed=1
    printf '%-34s %6.1f s  %-30s %s\n' "$name" "$(echo "$end - $start" | bc)" \
        "$(grep -o 'ERROR SUMMARY: [0-9]* errors' "$logs/$name.log" | tail -1)" \
        "$(grep -o 'definitely lost: [0-9,]* bytes in [0-9,]* blocks' "$logs/$name.log" | tail -1 || echo 'no leaks')"
    [ "$status" = ok ] || { echo "   $status; see $logs/$name.log"; echo "$out" | tail -5 | sed 's/^/   | /'; }
}

echo "== memcheck"
run gc-unit-tests - "$(exe lib minilisp)" gc:: --test-threads=1
run tests-pdump - "$(exe test it)" pdump:: --test-threads=1
run tests-pdump-own-process - "$(exe test own_process)" pdump::
# The embedding API: handles across collections, a handle used with another
# interpreter after its own is dropped, host functions, dumps and clones.
run tests-embedding - "$(exe test it)" embedding:: --test-threads=1
# Host objects: finalizers run by the sweep and by the heap's drop.
run tests-host_objects - "$(exe test it)" host_objects:: --test-threads=1
# mutations_under_gc_stress collects at every allocation: 100 s under memcheck.
skip=(--skip mutations_under_gc_stress)
[ "${VALGRIND_ALL:-0}" = 1 ] && skip=()
run tests-pdump_mutation - "$(exe test it)" pdump_mutation:: --test-threads=1 "${skip[@]}"
# The soak test's rounds (three interpreters from one dump mutating dumped
# structure) for its minimum of 30 rounds each; its RSS check is off
# (memcheck's quarantine of freed blocks grows the resident set).
VG_ENV="MINILISP_SOAK_SECS=1 MINILISP_SOAK_RSS=0" run tests-soak - "$(exe test own_process)" soak::

# The command line: boot from the prelude, build hash tables, bignums,
# floats, strings and a long list, collect, dump; load it at the preferred
# address and check; load it relocated, mutate dumped objects (a dumped
# table grows), collect, check.
cat >"$logs/round-trip.el" <<'EOF'
;;; -*- lexical-binding: t -*-
(defvar vg-table (let ((h (make-hash-table :test 'equal)))
                   (dotimes (i 200) (puthash (format "k%d" i) (list i (* i 1.5) (expt 3 (+ 40 i))) h))
                   h))
(defun vg-sum () (let ((s 0)) (maphash (lambda (_k v) (setq s (+ s (car v)))) vg-table) s))
(defvar vg-list (number-sequence 1 5000))
(garbage-collect)
EOF
check='(progn (garbage-collect) (princ (list (vg-sum) (length vg-list) (gethash "k7" vg-table))))'
mutate='(progn (dotimes (i 300) (puthash (format "new%d" i) (list 1) vg-table)) (setcar vg-list "x")
               (garbage-collect) (princ (list (vg-sum) (car vg-list) (hash-table-count vg-table))))'
rm -f "$logs/round-trip.pdmp"
run cli-boot-and-dump '' $bin --no-dump -l "$logs/round-trip.el" --dump-file "$logs/round-trip.pdmp"
run cli-load-dump '(19900 5000 (7 10.5 26588814358957503287787))' \
    $bin --load-dump "$logs/round-trip.pdmp" --eval "$check"
VG_ENV=MINILISP_DUMP_RELOCATE=1 run cli-load-dump-relocated '(20200 x 500)' \
    $bin --load-dump "$logs/round-trip.pdmp" --eval "$mutate"

if [ $failed = 0 ]; then echo "== valgrind: no errors"; else echo "== valgrind: FAILED"; fi
exit $failed
