#!/usr/bin/env python3
"""Side-by-side timings of minilisp and GNU Emacs in one run.

Each measurement runs in a fresh process and reports the time measured
inside Lisp with `benchmark-run` (so process start-up is excluded); runs
of the systems are interleaved so that machine noise hits them alike.
Prints a markdown table of medians and ratios.

    python3 scripts/bench-vs-emacs.py [--runs N] [--minilisp PATH]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys

from benchlib import MINILISP, ROOT, build_minilisp

FIB = os.path.join(ROOT, "benches/lisp/fib.el")
GC = os.path.join(ROOT, "benches/lisp/gc.el")


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env={**os.environ, "LC_ALL": "C.UTF-8"})
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    return float(out.stdout.strip().split()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--minilisp", default=MINILISP)
    args = ap.parse_args()
    if args.minilisp == MINILISP:
        build_minilisp()  # never time a stale build
    emacs = shutil.which("emacs")
    fib = "(princ (car (benchmark-run 1 (fib 25))))"
    fib_bc = "(progn (byte-compile 'fib) (princ (car (benchmark-run 1 (fib 25)))))"
    gc = "(princ (/ (gc-bench 10) 10.0))"
    systems = {
        "minilisp fib 25": [args.minilisp, "-l", FIB, "--eval", fib],
        "minilisp gc 1M conses": [args.minilisp, "-l", GC, "--eval", gc],
    }
    if emacs:
        systems["emacs fib 25 (interpreted)"] = [emacs, "-Q", "--batch", "-l", FIB, "--eval", fib]
        systems["emacs fib 25 (byte-compiled)"] = [emacs, "-Q", "--batch", "-l", FIB, "--eval", fib_bc]
        systems["emacs gc 1M conses"] = [emacs, "-Q", "--batch", "-l", GC, "--eval", gc]
    else:
        print("emacs not found: install emacs-nox for the comparison", file=sys.stderr)
    times = {k: [] for k in systems}
    for _ in range(args.runs):
        for name, cmd in systems.items():
            times[name].append(run(cmd))
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    print(f"| measure | median ms ({args.runs} runs) | min ms | ratio |")
    print("| --- | ---: | ---: | --- |")
    ref = {
        "minilisp fib 25": ["emacs fib 25 (interpreted)", "emacs fib 25 (byte-compiled)"],
        "minilisp gc 1M conses": ["emacs gc 1M conses"],
    }
    for name in systems:
        ratio = ""
        for other in ref.get(name, []):
            if other in med:
                ratio += f"{med[name] / med[other]:.2f}x of {other}; "
        print(f"| {name} | {med[name]:.2f} | {min(times[name]) * 1000:.2f} | {ratio} |")


if __name__ == "__main__":
    main()
