#!/usr/bin/env python3
"""prune_query.py BIN LANG IN.scm OUT.scm : drop the top-level patterns that ts_query_new rejects
(unknown node types/fields in this grammar version), one at a time, using the driver's error offset."""
import re, subprocess, sys
binp, lang, src, dst = sys.argv[1:5]
text = open(src).read()
def forms(t):  # split before every line that starts at depth 0 with ( [ " or _ (a new top-level pattern)
    out, depth, start, i, n, bol = [], 0, 0, 0, len(t), True
    while i < n:
        c = t[i]
        if bol and depth == 0 and c in '(["_' and t[start:i].strip():
            out.append(t[start:i]); start = i
        bol = False
        if c == ';':
            j = t.find('\n', i); i = n if j < 0 else j; continue
        if c == '"':
            i += 1
            while i < n and t[i] != '"': i += 2 if t[i] == '\\' else 1
        elif c in '([': depth += 1
        elif c in ')]': depth -= 1
        elif c == '\n': bol = True
        i += 1
    out.append(t[start:]); return out
fs = forms(text); dropped = []
while True:
    open(dst, 'w').write(''.join(fs))
    r = subprocess.run([binp, lang, dst, '0', '/dev/null', '/dev/null'], capture_output=True, text=True).stdout
    m = re.search(r'QUERY_ERROR type=(\d) offset=(\d+)', r)
    if not m: break
    off, pos = int(m.group(2)), 0
    for k, f in enumerate(fs):
        if pos + len(f) > off: dropped.append(' '.join(f.split())[:90]); del fs[k]; break
        pos += len(f)
print(f"dropped {len(dropped)} pattern(s):", *dropped, sep="\n  ")
