#!/usr/bin/env python3
"""Sizes of the Rust code: each file's lines of code (tests apart) and every
function longer than a limit. `scripts/sizes.py [REV] [--limit N]` reads the
working tree, or a commit."""
import re, subprocess, sys

args = sys.argv[1:]
limit = 80
if '--limit' in args:
    limit = int(args[args.index('--limit') + 1]); del args[args.index('--limit'):args.index('--limit') + 2]
rev = args[0] if args else None

def files():
    out = subprocess.run(['git', 'ls-files', '*.rs'] if not rev else ['git', 'ls-tree', '-r', '--name-only', rev], capture_output=True, text=True).stdout.split()
    return [f for f in out if f.endswith('.rs') and (f.startswith('src/') or f.startswith('core/src/'))]

def text(f):
    if rev:
        return subprocess.run(['git', 'show', f'{rev}:{f}'], capture_output=True, text=True).stdout
    return open(f).read()

def split_tests(lines):
    for i, l in enumerate(lines):
        if re.match(r'\s*#\[cfg\(test\)\]', l):
            return lines[:i], lines[i:]
    return lines, []

rows, long = [], []
for f in files():
    lines = text(f).split('\n')
    code, tests = ([], lines) if f.endswith('/tests.rs') else split_tests(lines)
    rows.append((len(code), len(tests), f))
    for i, l in enumerate(code):
        m = re.match(r'(\s*)(pub(\([a-z]+\))? )?(async )?fn (\w+)', l)
        if not m:
            continue
        indent = m.group(1)
        for j in range(i, len(code)):
            if code[j] == indent + '}':
                if j - i + 1 > limit:
                    long.append((j - i + 1, f'{f}:{i + 1}', m.group(5)))
                break
rows.sort(reverse=True)
print(f'files over 600 lines of code ({rev or "working tree"}):')
for c, t, f in rows:
    if c > 600:
        print(f'  {c:5} code + {t:5} tests  {f}')
print(f'largest: ' + ', '.join(f'{f} {c}' for c, t, f in rows[:5]))
print(f'functions over {limit} lines:')
for n, at, name in sorted(long, reverse=True):
    print(f'  {n:4}  {name}  {at}')
