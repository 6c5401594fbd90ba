#!/usr/bin/env python3
"""view.py FILE.html N [K] : print blocks N..N+K-1 of a highlighted HTML as text with {cls:...} markers."""
import re, sys, html
abbr = {"keyword":"K","type":"T","function":"F","string":"S","number":"N","comment":"C","operator":"O",
        "punctuation":"P","variable":"V","property":"Pr","constant":"Co","other":"?"}
blocks = open(sys.argv[1]).read().split("</code></pre>\n")
n = int(sys.argv[2]); k = int(sys.argv[3]) if len(sys.argv) > 3 else 1
for b in blocks[n:n+k]:
    b = re.sub(r'<span class="(?:hl-)?([a-z]+)">', lambda m: "{" + abbr.get(m.group(1), m.group(1)) + ":", b)
    b = b.replace("</span>", "}").replace("<pre><code>", "")
    b = re.sub(r"<[^>]+>", "", b)
    print(html.unescape(b)); print("-----")
