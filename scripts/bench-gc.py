#!/usr/bin/env python3
"""Building a long list, side by side with GNU Emacs in one run: is the
collector paced by the live heap (issue 12, item 1)?

Each run is a fresh process that evaluates, with lexical binding,

    (benchmark-run 1 (let (keep) (dotimes (i N) (setq keep (cons i keep)))))

then times `(garbage-collect)` with the list live (the mean of three),
and reports the time measured inside Lisp, the collections that ran during
it and their time (`gcs-done`, `gc-elapsed`), the process's CPU time
(user + system; steadier than wall time on a loaded machine) and its peak
resident memory. Systems are
interleaved run by run so that machine noise hits them alike. Prints a
markdown table of medians, and the 10M/1M ratio (linear growth is 10x).

    python3 scripts/bench-gc.py [--runs N] [--sizes 1000000,3000000,10000000]
                                [--minilisp PATH] [--baseline PATH] [--no-emacs]

`--baseline` names another minilisp binary to compare with (say, one built
from the commit before a change: `git worktree add /tmp/base REV && cd
/tmp/base && cargo build --release`, then `--baseline
/tmp/base/target/release/minilisp`).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from benchlib import MINILISP, build_minilisp

PROGRAM = """;;; -*- lexical-binding: t -*-
(let* (keep
       (r (benchmark-run 1 (dotimes (i {n}) (setq keep (cons i keep)))))
       (g (benchmark-run 3 (garbage-collect))))
  (princ (format "%S %S %S %S\\n" (nth 0 r) (nth 1 r) (nth 2 r) (/ (nth 0 g) 3)))
  (length keep))
"""


def run(cmd):
    """(seconds inside Lisp, collections, seconds in them, process CPU
    seconds, peak resident MB)."""
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    env.pop("MINILISP_GC_STRESS", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode()
        if p.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{err.read().decode()[:500]}")
    secs, gcs, gc_secs, full_gc = text.split()[-4:]
    return float(secs), int(gcs), float(gc_secs), ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, float(full_gc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1000000,3000000,10000000")
    ap.add_argument("--minilisp", default=MINILISP)
    ap.add_argument("--baseline", help="another minilisp binary to compare with")
    ap.add_argument("--no-emacs", action="store_true")
    args = ap.parse_args()
    if args.minilisp == MINILISP:
        build_minilisp()  # never time a stale build
    sizes = [int(s) for s in args.sizes.split(",")]
    systems = {"minilisp": [args.minilisp]}
    if args.baseline:
        systems["minilisp (baseline)"] = [args.baseline]
    emacs = shutil.which("emacs")
    if emacs and not args.no_emacs:
        systems["emacs -Q --batch"] = [emacs, "-Q", "--batch", "-l"]
    elif not args.no_emacs:
        print("emacs not found: install emacs-nox for the comparison", file=sys.stderr)
    files = {}
    tmp = tempfile.mkdtemp(prefix="bench-gc-")
    for n in sizes:
        files[n] = os.path.join(tmp, f"list-{n}.el")
        with open(files[n], "w") as f:
            f.write(PROGRAM.format(n=n))
    results = {(name, n): [] for name in systems for n in sizes}
    for _ in range(args.runs):
        for n in sizes:
            for name, cmd in systems.items():
                results[(name, n)].append(run(cmd + [files[n]]))
    med = {k: tuple(statistics.median(r[i] for r in v) for i in range(6)) for k, v in results.items()}
    print(f"medians of {args.runs} runs; time = inside Lisp (benchmark-run), CPU = the whole process")
    print()
    print("| system | N | time s | CPU s | collections | in collections s | peak RSS MB | then a full GC ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in systems:
        for n in sizes:
            t, g, gt, cpu, rss, full = med[(name, n)]
            print(f"| {name} | {n:,} | {t:.2f} | {cpu:.2f} | {g:.0f} | {gt:.2f} | {rss:.0f} | {full * 1e3:.1f} |")
    print()
    lo, hi = min(sizes), max(sizes)
    for name in systems:
        t_lo, t_hi = med[(name, lo)][0], med[(name, hi)][0]
        c_lo, c_hi = med[(name, lo)][3], med[(name, hi)][3]
        print(f"- {name}: {hi:,} / {lo:,} = {t_hi / t_lo:.1f}x time, {c_hi / c_lo:.1f}x CPU (linear: {hi / lo:.0f}x)")
    if "emacs -Q --batch" in systems:
        for name in systems:
            if name.startswith("minilisp"):
                for n in sizes:
                    r = med[(name, n)][0] / med[("emacs -Q --batch", n)][0]
                    print(f"- {name} / emacs at {n:,}: {r:.2f}x time")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
