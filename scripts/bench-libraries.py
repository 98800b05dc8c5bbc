#!/usr/bin/env python3
"""Loading dash.el and s.el (Debian's elpa-dash and elpa-s), side by side in
one run (issue 11, item 6): minilisp from source, minilisp from a dump made
after loading them, and GNU Emacs 28.2 loading the byte-compiled files.

    python3 scripts/bench-libraries.py [--runs N] [MINILISP]

Whole processes, interleaved; medians of N runs (default 11). Each process
loads both libraries and evaluates one call of each.
"""
import os, statistics, subprocess, sys, tempfile, time

SRC = '/usr/share/emacs/site-lisp/elpa-src'
ELC = '/usr/share/emacs/site-lisp/elpa'
CALL = '(princ (list (-sum (-map (lambda (x) (* x x)) (number-sequence 1 10))) (s-upper-camel-case "hello world")))'

def load_forms(root, ext):
    return (f'(progn (add-to-list (quote load-path) "{root}/dash-2.19.1") '
            f'(add-to-list (quote load-path) "{root}/s-1.12.0") '
            f'(load "{root}/dash-2.19.1/dash{ext}" nil t) (load "{root}/s-1.12.0/s{ext}" nil t))')

def main():
    args = sys.argv[1:]
    runs = 11
    if '--runs' in args:
        runs = int(args[args.index('--runs') + 1])
        del args[args.index('--runs'):args.index('--runs') + 2]
    minilisp = args[0] if args else 'target/release/minilisp'
    tmp = tempfile.mkdtemp()
    dump = os.path.join(tmp, 'dash-s.pdmp')
    subprocess.run([minilisp, '--eval', load_forms(SRC, '.el'), '--dump-file', dump], check=True)
    subprocess.run([minilisp, '--load-dump', dump, '--eval', '(kill-emacs)'], check=True)  # leaves its record
    cases = {
        'minilisp, from source (.el)': [minilisp, '--eval', load_forms(SRC, '.el'), '--eval', CALL],
        'minilisp, from a dump made after loading them': [minilisp, '--load-dump', dump, '--eval', CALL],
        'emacs -Q --batch, byte-compiled (.elc)': ['emacs', '-Q', '--batch', '--eval', load_forms(ELC, '.elc'), '--eval', CALL],
        'emacs -Q --batch, from source (.el)': ['emacs', '-Q', '--batch', '--eval', load_forms(SRC, '.el'), '--eval', CALL],
    }
    outputs = {name: subprocess.run(cmd, capture_output=True, text=True).stdout for name, cmd in cases.items()}
    assert len(set(outputs.values())) == 1, outputs
    times = {name: [] for name in cases}
    for _ in range(runs):
        for name, cmd in cases.items():
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - t)
    base = statistics.median(times['emacs -Q --batch, byte-compiled (.elc)'])
    print(f'{"":50} {"median":>10} {"vs Emacs .elc":>14}')
    for name, ts in times.items():
        m = statistics.median(ts)
        print(f'{name:50} {m * 1e3:8.1f} ms {m / base:13.2f}x')

if __name__ == '__main__':
    main()
