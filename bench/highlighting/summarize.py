#!/usr/bin/env python3
"""summarize.py results.txt : per library x corpus, bytes covered and seconds per pass (sum bytes / MB/s)."""
import re, sys, collections
tot = collections.defaultdict(lambda: [0, 0.0])
for line in open(sys.argv[1]):
    f = line.split(); lib, corpus, lang = f[:3]
    b = re.search(r"bytes=(\d+)", line); m = re.search(r"MB/s=([\d.]+)", line)
    if b and m:
        tot[(lib, corpus)][0] += int(b.group(1)); tot[(lib, corpus)][1] += int(b.group(1)) / float(m.group(1)) / 1e6
for (lib, corpus), (b, s) in sorted(tot.items()):
    print(f"{lib} {corpus:8} covered_bytes={b:8} seconds/pass={s:.3f} -> x10 (10,000 q) = {s*10:.2f} s single-thread" if corpus == "bench" else f"{lib} {corpus:8} covered_bytes={b:8} seconds/pass={s:.3f}")
