#!/usr/bin/env python3
"""Whole-process start-up against image size, side by side in one run:
minilisp at dumps of about 1, 10 and 100 MB of live heap, started as users
start it (default options: a dump verified once, or written by this build,
is trusted by its record), with a full verification (--verify-dump) on the
preferred-address path and on the relocating path (MINILISP_DUMP_RELOCATE=1),
and with --trust-dump; GNU Emacs (emacs -Q --batch); SBCL with its default
core and with cores of similar sizes made by save-lisp-and-die. Installs
emacs-nox and sbcl from Debian if missing. Writes a markdown table and the
issue-9 ratios to stdout, and docs/startup.svg (time vs size).

    python3 scripts/bench-startup-sizes.py [--runs N] [--sizes 1,10,100]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile

from benchlib import MINILISP, ROOT, build_minilisp, ensure, wall


def svg(series, path):
    """A small log-log plot: start-up ms against image MB, one line per system."""
    w, h, m = 720, 420, 60
    import math
    pts = [p for s in series.values() for p in s]
    xs = [max(p[0], 0.01) for p in pts]
    ys = [max(p[1], 0.1) for p in pts]
    x0, x1 = math.log10(min(xs)) - 0.2, math.log10(max(xs)) + 0.2
    y0, y1 = math.log10(min(ys)) - 0.2, math.log10(max(ys)) + 0.2
    X = lambda v: m + (math.log10(max(v, 0.01)) - x0) / (x1 - x0) * (w - 2 * m)
    Y = lambda v: h - m - (math.log10(max(v, 0.1)) - y0) / (y1 - y0) * (h - 2 * m)
    colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<line x1="{m}" y1="{h-m}" x2="{w-m}" y2="{h-m}" stroke="black"/>',
           f'<line x1="{m}" y1="{m}" x2="{m}" y2="{h-m}" stroke="black"/>',
           f'<text x="{w/2}" y="{h-15}" text-anchor="middle">image size (MB, log)</text>',
           f'<text x="15" y="{h/2}" transform="rotate(-90 15 {h/2})" text-anchor="middle">start-up (ms, log)</text>']
    for d in range(int(math.floor(y0)), int(math.ceil(y1)) + 1):
        for mult in (1, 2, 5):
            v = mult * 10 ** d
            if y0 <= math.log10(v) <= y1:
                out.append(f'<text x="{m-5}" y="{Y(v)+4}" text-anchor="end">{v:g}</text>')
                out.append(f'<line x1="{m}" y1="{Y(v)}" x2="{w-m}" y2="{Y(v)}" stroke="#eee"/>')
    for d in range(int(math.floor(x0)), int(math.ceil(x1)) + 1):
        v = 10 ** d
        if x0 <= math.log10(v) <= x1:
            out.append(f'<text x="{X(v)}" y="{h-m+15}" text-anchor="middle">{v:g}</text>')
    for i, (name, s) in enumerate(series.items()):
        c = colors[i % len(colors)]
        s = sorted(s)
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (c, " ".join(f"{X(a):.1f},{Y(b):.1f}" for a, b in s)))
        for a, b in s:
            out.append(f'<circle cx="{X(a):.1f}" cy="{Y(b):.1f}" r="3" fill="{c}"/>')
        out.append(f'<text x="{w-m+5-150}" y="{m+15*i}" fill="{c}">{name}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--sizes", default="1,10,100")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    build_minilisp()
    ml = MINILISP
    tmp = tempfile.mkdtemp(prefix="minilisp-sizes-")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "XDG_CACHE_HOME": os.path.join(tmp, "cache")}
    subprocess.run([ml, "--eval", "(ignore)"], env=env, check=True)  # the default dump
    cases = {}  # name -> (cmd, env, size MB, series)
    default_size = None
    for f in os.listdir(os.path.join(tmp, "cache", "minilisp")):
        default_size = os.path.getsize(os.path.join(tmp, "cache", "minilisp", f)) / 1e6
    reloc = {**env, "MINILISP_DUMP_RELOCATE": "1"}
    kill = "(kill-emacs)"
    modes = (
        ("later start", [], env, "minilisp, default options"),
        ("full verification, preferred", ["--verify-dump"], env, "minilisp --verify-dump, preferred"),
        ("full verification, relocated", ["--verify-dump"], reloc, "minilisp --verify-dump, relocated"),
        ("--trust-dump", ["--trust-dump"], env, "minilisp --trust-dump"),
    )
    for mname, extra, e, line in modes:
        cases[f"minilisp default dump, {mname}"] = ([ml] + extra + ["--eval", kill], e, default_size, line)
    for mb in sizes:
        dump = os.path.join(tmp, f"heap{mb}.pdmp")
        subprocess.run([ml, "--no-dump", "--eval", f"(setq heap-mb {mb})", "-l", os.path.join(ROOT, "benches/lisp/heap.el"),
                        "--dump-file", dump], env=env, check=True)
        size = os.path.getsize(dump) / 1e6
        for mname, extra, e, line in modes:
            cmd = [ml] + extra + ["--load-dump", dump, "--eval", kill]
            cases[f"minilisp {mb} MB heap, {mname}"] = (cmd, e, size, line)
    if ensure("emacs", "emacs-nox"):
        emacs = shutil.which("emacs")
        pdmp = subprocess.run([emacs, "-Q", "--batch", "--eval", "(princ (cdr (assq 'dump-file-name (pdumper-stats))))"],
                              capture_output=True, text=True).stdout.strip()
        esize = os.path.getsize(pdmp) / 1e6 if os.path.exists(pdmp) else 13.6
        cases["emacs -Q --batch"] = ([emacs, "-Q", "--batch", "--eval", kill], env, esize, "emacs")
    if ensure("sbcl", "sbcl"):
        sbcl = shutil.which("sbcl")
        base = [sbcl, "--non-interactive", "--no-sysinit", "--no-userinit"]
        core0 = subprocess.run(base + ["--eval", "(progn (princ sb-ext:*core-pathname*) (terpri))"], capture_output=True, text=True).stdout.strip().splitlines()[-1]
        cases["sbcl default core"] = (base + ["--eval", "(sb-ext:exit)"], env, os.path.getsize(core0) / 1e6, "sbcl")
        for mb in sizes:
            core = os.path.join(tmp, f"sbcl{mb}.core")
            n = mb * 1000 // 16  # lists of 1000 fixnums: 16 kB each
            subprocess.run(base + ["--eval", f"(progn (defvar *heap* (loop repeat {n} collect (make-list 1000 :initial-element 1))) (sb-ext:save-lisp-and-die \"{core}\"))"],
                           env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            cases[f"sbcl core ~{mb} MB heap"] = ([sbcl, "--core", core, "--non-interactive", "--no-sysinit", "--no-userinit", "--eval", "(sb-ext:exit)"],
                                               env, os.path.getsize(core) / 1e6, "sbcl")
    times = {k: [] for k in cases}
    for _ in range(args.runs):
        for k, (cmd, e, _, _) in cases.items():
            times[k].append(wall(cmd, e))
    print(f"| start-up | image MB | median ms ({args.runs} runs) | min ms |")
    print("| --- | ---: | ---: | ---: |")
    series = {}
    for k, (cmd, e, size, line) in cases.items():
        med = statistics.median(times[k]) * 1000
        print(f"| {k} | {size:.1f} | {med:.2f} | {min(times[k]) * 1000:.2f} |")
        series.setdefault(line, []).append((size, med))
    svg(series, os.path.join(ROOT, "docs/startup.svg"))
    print("\nplot: docs/startup.svg")
    med = {k: statistics.median(v) for k, v in times.items()}
    base = med["minilisp default dump, later start"]
    print("\nissue 9 targets (ratios from this run):")
    for mb in sizes:
        size = cases[f"minilisp {mb} MB heap, later start"][2]
        print(f"- {mb} MB heap: later start {med[f'minilisp {mb} MB heap, later start'] / base:.2f}x the default dump's start (goal <= 1.5x); "
              f"first start {size / 1e3 / med[f'minilisp {mb} MB heap, full verification, preferred']:.2f} GB/s preferred, "
              f"{size / 1e3 / med[f'minilisp {mb} MB heap, full verification, relocated']:.2f} GB/s relocated, whole process (goal >= 3)")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
