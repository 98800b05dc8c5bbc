#!/usr/bin/env bash
# Records the expectations of the dump conformance cases: for each
# split/NAME.setup.el + split/NAME.check.el, GNU Emacs 28 runs both parts in
# one process; minilisp must print the same when the setup part is dumped and
# the check part runs after loading the dump (tests/dump_conformance.rs).
# Expected files are never edited by hand: rerun this script instead.
set -euo pipefail
cd "$(dirname "$0")"
emacs --version | head -1 | grep -q 'GNU Emacs 28\.' || { echo "needs GNU Emacs 28" >&2; exit 1; }
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
n=0
for setup in split/*.setup.el; do
  name=$(basename "$setup" .setup.el)
  out=expected/split-$name
  set +e
  LC_ALL=C.UTF-8 LANG=C.UTF-8 HOME="$home" timeout 20 emacs -Q --batch -l "$setup" -l "split/$name.check.el" \
    >"$out.out" 2>"$out.err" </dev/null
  echo $? >"$out.status"
  set -e
  n=$((n + 1))
done
echo "recorded $n split cases"
