#!/usr/bin/env python3
"""Generate a StudyGuide site written in Chinese, for measuring search on a language whose
words are pairs of characters.

    python3 bench/generate_cjk_site.py [N] [OUTDIR]

N questions (default 10000) in 12 categories, written to OUTDIR (default .build/bench-cjk) as
site.yml (language: zh), content/<category>/_index.md and content/<category>/q<n>.md. The text
is random Han characters drawn from 3,500 of the CJK Unified Ideographs with Zipf-like weights,
in clauses joined by full-width commas and ended by full stops, under headings: about the
Markdown volume of the English benchmark corpus. Random pairs make far more distinct terms
than real Chinese does (2.3 million at 10,000 pages), so this is a worst case for the index's
vocabulary. The same N always gives byte-identical output (fixed seed).

    python3 bench/generate_cjk_site.py 10000 /dev/shm/zh
    /usr/bin/time -f '%e s %M KB' .build/release/studyguide build --source /dev/shm/zh --output /dev/shm/zh-out --verbose
"""
import os
import random
import shutil
import sys

SEED = 20261206


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    out = sys.argv[2] if len(sys.argv) > 2 else ".build/bench-cjk"
    rng = random.Random(SEED)
    characters = rng.sample([chr(c) for c in range(0x4E00, 0x9FA6)], 3500)
    weights = [1.0 / (rank + 1) for rank in range(len(characters))]

    def run(length):
        return "".join(rng.choices(characters, weights=weights, k=length))

    def sentence():
        return "，".join(run(rng.randint(4, 12)) for _ in range(rng.randint(2, 4))) + "。"

    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "content"))
    with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: 中文基准\ndescription: 生成的站点\nlanguage: zh\n")
    categories = [f"cat{n}" for n in range(12)]
    tags = [f"tag{n}" for n in range(200)]
    for category in categories:
        os.makedirs(os.path.join(out, "content", category))
        with open(os.path.join(out, "content", category, "_index.md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "{run(4)}"\ndescription: "{run(10)}"\n---\n\n{sentence()}\n')
    for number in range(count):
        category = categories[number % len(categories)]
        blocks = []
        for _ in range(rng.randint(3, 6)):
            blocks.append("## " + run(rng.randint(3, 8)))
            for _ in range(rng.randint(2, 4)):
                blocks.append("".join(sentence() for _ in range(rng.randint(3, 7))))
        front = (f'---\ntitle: "{run(rng.randint(6, 14))}"\n'
                 f'difficulty: {rng.choice(["beginner", "intermediate", "advanced"])}\n'
                 f'kind: technical\nsummary: "{sentence()}"\n'
                 f'tags: [{", ".join(rng.sample(tags, 3))}]\n---\n\n')
        with open(os.path.join(out, "content", category, f"q{number}.md"), "w", encoding="utf-8") as f:
            f.write(front + "\n\n".join(blocks) + "\n")


if __name__ == "__main__":
    main()
