#!/usr/bin/env bash
# Regenerate src/interp/unicode/tables.rs from the oracle, GNU Emacs 28.2
# (case mappings, special casing, the *scratch* syntax table and the Unicode
# predicates that regexp classes use). Takes about half a minute.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
emacs_bin=${EMACS:-emacs}
case "$("$emacs_bin" --version | head -n 1)" in
    "GNU Emacs 28.2"*) ;;
    *) echo "gen-char-tables.sh: need GNU Emacs 28.2" >&2; exit 2 ;;
esac
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
LC_ALL=C.UTF-8 "$emacs_bin" -Q --batch -l scripts/gen-char-tables.el > "$tmp"
mv "$tmp" src/interp/unicode/tables.rs
trap - EXIT
echo "wrote src/interp/unicode/tables.rs"
