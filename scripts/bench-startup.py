#!/usr/bin/env python3
"""Whole-process start-up, side by side in one run: minilisp on its default
dump, minilisp booting from source (--no-dump), GNU Emacs; and a
library-shaped workload (3000 defuns plus tables computed at load) started
from its dump (as users start it: trusted by its verification record; and
with --verify-dump) versus loaded from source. Runs are interleaved; medians.

    python3 scripts/bench-startup.py [--runs N]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile

from benchlib import MINILISP, build_minilisp, wall


def library_source(n):
    # Mirrors benches/common/heaps.rs `library_program`.
    out = [";;; -*- lexical-binding: t -*-\n"]
    for i in range(n):
        out.append(
            f'(defun lib-fn-{i} (x &optional y)\n  "Function {i}."\n  (let ((acc (list x {i})))\n'
            f"    (when y (push y acc))\n    (dolist (e acc) (setq x (+ x (if (numberp e) e 0))))\n    (cons x acc)))\n"
        )
    out.append(
        f"(defvar lib-table (let ((h (make-hash-table :test 'equal))) (dotimes (i {n}) "
        f'(puthash (format "lib-fn-%d" i) (intern (format "lib-fn-%d" i)) h)) h))\n'
    )
    out.append(
        "(defvar lib-primes (let (ps) (dotimes (i 20000) (let ((n (+ i 2))) (unless (let ((d 2) (c nil)) "
        "(while (and (not c) (<= (* d d) n)) (when (= 0 (% n d)) (setq c t)) (setq d (1+ d))) c) (push n ps)))) (nreverse ps)))\n"
    )
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    args = ap.parse_args()
    build_minilisp()
    ml = MINILISP
    tmp = tempfile.mkdtemp(prefix="minilisp-startup-")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "XDG_CACHE_HOME": os.path.join(tmp, "cache")}
    lib = os.path.join(tmp, "lib.el")
    with open(lib, "w") as f:
        f.write(library_source(3000))
    lib_dump = os.path.join(tmp, "lib.pdmp")
    subprocess.run([ml, "-l", lib, "--dump-file", lib_dump], env=env, check=True)
    subprocess.run([ml, "--eval", "(ignore)"], env=env, check=True)  # builds the default dump
    kill = "(kill-emacs)"
    cases = {
        "minilisp start (default dump)": [ml, "--eval", kill],
        "minilisp start (--no-dump, boot from source)": [ml, "--no-dump", "--eval", kill],
        "minilisp library from source": [ml, "--no-dump", "-l", lib, "--eval", "(lib-fn-2999 1 2)"],
        "minilisp library from its dump": [ml, "--load-dump", lib_dump, "--eval", "(lib-fn-2999 1 2)"],
        "minilisp library from its dump, --verify-dump": [ml, "--verify-dump", "--load-dump", lib_dump, "--eval", "(lib-fn-2999 1 2)"],
    }
    emacs = shutil.which("emacs")
    if emacs:
        cases["emacs -Q --batch start"] = [emacs, "-Q", "--batch", "--eval", kill]
    times = {k: [] for k in cases}
    for _ in range(args.runs):
        for k, cmd in cases.items():
            times[k].append(wall(cmd, env))
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    print(f"| measure | median ms ({args.runs} runs) | min ms |")
    print("| --- | ---: | ---: |")
    for k in cases:
        print(f"| {k} | {med[k]:.2f} | {min(times[k]) * 1000:.2f} |")
    print()
    if emacs:
        print(f"ordinary start: {med['emacs -Q --batch start'] / med['minilisp start (default dump)']:.1f}x faster than Emacs")
    print(f"library: later starts from its dump {med['minilisp library from source'] / med['minilisp library from its dump']:.1f}x faster than source (goal >= 20x); "
          f"with --verify-dump {med['minilisp library from source'] / med['minilisp library from its dump, --verify-dump']:.1f}x")
    print(f"library dump size: {os.path.getsize(lib_dump)} bytes")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
