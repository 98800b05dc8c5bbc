#!/usr/bin/env bash
# Record the expected outputs of the minilisp conformance corpus from the oracle,
# GNU Emacs 28.x.
#
#   bash tests/conformance/record.sh            # every cases/*.el
#   bash tests/conformance/record.sh NAME ...   # only cases/NAME.el (NAME or cases/NAME.el)
#
# For each case it runs, with the current directory set to tests/conformance/:
#   LC_ALL=C.UTF-8 LANG=C.UTF-8 HOME=<temp dir> timeout 20 emacs -Q --batch -l cases/NAME.el </dev/null
# and writes expected/NAME.out (stdout), expected/NAME.err (stderr) and
# expected/NAME.status (exit status, a number and a newline).
#
# THE FILES IN expected/ ARE GENERATED: NEVER EDIT THEM BY HAND. Change the case
# and re-run this script instead. CI never runs this script (and needs no Emacs):
# it only reads the expected files.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

emacs_bin=${EMACS:-emacs}
if ! version=$("$emacs_bin" --version 2>/dev/null | head -n 1); then
    echo "record.sh: cannot run '$emacs_bin' (install emacs-nox 28.x)" >&2
    exit 2
fi
case "$version" in
    "GNU Emacs 28."*) ;;
    *) echo "record.sh: need GNU Emacs 28.x as the oracle, found: $version" >&2
       exit 2 ;;
esac

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

names=()
if [ "$#" -gt 0 ]; then
    for arg in "$@"; do
        arg=${arg#cases/}
        names+=("${arg%.el}")
    done
else
    for f in cases/*.el; do
        f=${f#cases/}
        names+=("${f%.el}")
    done
fi

mkdir -p expected
total=0; nonzero=0; changed=0
for name in "${names[@]}"; do
    if [ ! -f "cases/$name.el" ]; then
        echo "record.sh: no such case: cases/$name.el" >&2
        exit 2
    fi
    if [ "$(head -n 1 "cases/$name.el")" != ';;; -*- lexical-binding: t -*-' ]; then
        echo "record.sh: cases/$name.el does not start with the lexical-binding cookie" >&2
        exit 2
    fi
    tmp_out=$(mktemp); tmp_err=$(mktemp)
    status=0
    LC_ALL=C.UTF-8 LANG=C.UTF-8 HOME="$home" timeout 20 \
        "$emacs_bin" -Q --batch -l "cases/$name.el" </dev/null \
        >"$tmp_out" 2>"$tmp_err" || status=$?
    before=$( { cat "expected/$name.out" "expected/$name.err" "expected/$name.status" 2>/dev/null || true; } | cksum)
    mv "$tmp_out" "expected/$name.out"
    mv "$tmp_err" "expected/$name.err"
    echo "$status" > "expected/$name.status"
    after=$(cat "expected/$name.out" "expected/$name.err" "expected/$name.status" | cksum)
    total=$((total + 1))
    [ "$status" -ne 0 ] && nonzero=$((nonzero + 1))
    if [ "$before" != "$after" ]; then
        changed=$((changed + 1))
        echo "updated: $name (status $status)"
    fi
    if [ "$status" -eq 124 ]; then
        echo "record.sh: WARNING: $name timed out" >&2
    fi
done

# Warn about expectations that depend on where the repository lives.
if grep -rlF "$here" expected/ >/dev/null 2>&1; then
    echo "record.sh: WARNING: some expected files contain the absolute path $here" >&2
fi

echo "recorded $total case(s) with $version: $changed changed, $nonzero with non-zero exit status"
