#!/usr/bin/env python3
"""Extract fenced code blocks (``` / ~~~, CommonMark-ish) with their info-string language.
usage: extract.py OUTDIR ROOT...   -> OUTDIR/<lang>/<n>.txt, OUTDIR/index.tsv (lang, raw_info, file, bytes)
Aliases are normalised (js->javascript, ts->typescript, py->python, sh/shell->bash, yml->yaml, ...)."""
import os, re, sys, collections
ALIAS = {"js": "javascript", "ts": "typescript", "py": "python", "sh": "bash", "shell": "bash",
         "console": "bash", "zsh": "bash", "yml": "yaml", "docker": "dockerfile", "golang": "go",
         "postgres": "sql", "postgresql": "sql", "psql": "sql", "mysql": "sql", "jsonc": "json"}
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
out, roots = sys.argv[1], sys.argv[2:]
blocks = []
for root in roots:
    for dp, _, fs in os.walk(root):
        for f in sorted(fs):
            if not f.endswith(".md"):
                continue
            path = os.path.join(dp, f)
            lines = open(path, encoding="utf-8").read().split("\n")
            i = 0
            while i < len(lines):
                m = FENCE.match(lines[i])
                if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
                    ind, fence, info = len(m.group(1)), m.group(2), m.group(3).strip()
                    body = []
                    i += 1
                    while i < len(lines):
                        c = re.match(r"^ {0,3}(" + re.escape(fence[0]) + "{%d,})\s*$" % len(fence), lines[i])
                        if c:
                            break
                        l = lines[i]
                        k = 0
                        while k < ind and k < len(l) and l[k] == " ":
                            k += 1
                        body.append(l[k:])
                        i += 1
                    raw = info.split()[0] if info else ""
                    raw = raw.split("{")[0].split(",")[0].lower()
                    blocks.append((ALIAS.get(raw, raw) or "(none)", info, path, "\n".join(body) + "\n"))
                i += 1
os.makedirs(out, exist_ok=True)
cnt = collections.Counter()
with open(os.path.join(out, "index.tsv"), "w") as idx:
    for lang, info, path, body in blocks:
        d = os.path.join(out, lang.replace("/", "_"))
        os.makedirs(d, exist_ok=True)
        n = cnt[lang]; cnt[lang] += 1
        open(os.path.join(d, "%05d.txt" % n), "w", encoding="utf-8").write(body)
        idx.write(f"{lang}\t{info}\t{path}\t{len(body.encode())}\n")
size = collections.Counter()
for lang, _, _, body in blocks:
    size[lang] += len(body.encode())
for lang, n in cnt.most_common():
    print(f"{lang:14} {n:6} blocks {size[lang]:9} bytes")
