#!/usr/bin/env python3
"""Run the README examples of Debian's elpa-dash and elpa-s in minilisp and
in GNU Emacs 28 (the oracle) and compare the printed results.

    python3 scripts/check-elpa.py [MINILISP] [--keep DIR]

Needs the packages elpa-dash and elpa-s (their sources in
/usr/share/emacs/site-lisp/elpa-src/, READMEs in /usr/share/doc/) and emacs.
Every line `EXPR ;; => RESULT` of an ```el block of a README becomes one
example; the value of EXPR (or the error it signals) is printed with %S by
both implementations.  See docs/libraries.md.
"""
import glob, gzip, os, subprocess, sys, tempfile

def balanced(s):
    depth, i, instr = 0, 0, False
    while i < len(s):
        c = s[i]
        if instr:
            if c == '\\': i += 1
            elif c == '"': instr = False
        elif c == '"': instr = True
        elif c == '?' and (i == 0 or s[i - 1] in ' (\'`,'):
            i += 1 if i + 1 < len(s) and s[i + 1] != '\\' else 2
        elif c == '(': depth += 1
        elif c == ')': depth -= 1
        i += 1
    return depth == 0 and not instr

def examples(readme):
    out, incode, skipped = [], False, 0
    for line in gzip.open(readme, 'rt', encoding='utf-8').read().split('\n'):
        if line.startswith('```'):
            incode = not incode and line.strip() != '```'
            continue
        if incode and ' ;; => ' in line:
            src = line.split(' ;; => ')[0]
            if balanced(src): out.append(src)
            else: skipped += 1
    return out, skipped

HEADER = ''';;; -*- lexical-binding: t -*-
%s
(require '%s)
(defun even? (num) (= 0 (%% num 2)))
(defun square (num) (* num num))
(defun ex (n form)
  (princ (format "%%d: %%s\\n" n
                 (condition-case err (format "%%S" (eval form t))
                   (error (format "ERROR %%S" err))))))
'''

def main():
    args = sys.argv[1:]
    keep = None
    if '--keep' in args:
        keep = args[args.index('--keep') + 1]
        del args[args.index('--keep'):args.index('--keep') + 2]
    minilisp = args[0] if args else 'target/release/minilisp'
    src = '/usr/share/emacs/site-lisp/elpa-src'
    dirs = {'dash': glob.glob(src + '/dash-*'), 's': glob.glob(src + '/s-*')}
    loads = '\n'.join('(add-to-list \'load-path "%s")' % d[0] for d in dirs.values() if d)
    work = keep or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    total_diff = 0
    for lib in ('dash', 's'):
        readme = '/usr/share/doc/elpa-%s/README.md.gz' % lib
        if not dirs[lib] or not os.path.exists(readme):
            print('%s: not installed (apt-get install elpa-%s)' % (lib, lib)); continue
        exs, skipped = examples(readme)
        test = os.path.join(work, lib + '-test.el')
        with open(test, 'w') as f:
            f.write(HEADER % (loads, lib))
            for n, e in enumerate(exs, 1):
                f.write('(ex %d (quote %s))\n' % (n, e))
        env = dict(os.environ, LC_ALL='C.UTF-8', LANG='C.UTF-8')
        emacs = subprocess.run(['emacs', '-Q', '--batch', '-l', test], capture_output=True, text=True, env=env).stdout
        ml = subprocess.run([minilisp, '-l', test], capture_output=True, text=True, env=env).stdout
        # an example's output may span lines: split on the "N: " prefixes
        def split(out):
            res, cur = {}, None
            for line in out.split('\n'):
                head = line.split(': ', 1)[0]
                if head.isdigit() and int(head) == (cur or 0) + 1:
                    cur = int(head); res[cur] = line
                elif cur: res[cur] += '\n' + line
            return res
        e, m = split(emacs), split(ml)
        bad = [n for n in range(1, len(exs) + 1) if e.get(n) != m.get(n)]
        print('%s: %d examples (%d unbalanced ones skipped), %d match Emacs, %d differ'
              % (lib, len(exs), skipped, len(exs) - len(bad), len(bad)))
        for n in bad:
            print('  %s\n    emacs:    %s\n    minilisp: %s' % (exs[n - 1], e.get(n), m.get(n)))
        total_diff += len(bad)
    sys.exit(1 if total_diff else 0)

main()
