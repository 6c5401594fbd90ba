#!/usr/bin/env python3
"""Rebuild benchmark: a second `studyguide build --cache` after a one-file change, against a cold build.

    python3 bench/cache_benchmark.py [--sizes 10000] [--runs 5] [--no-repo]

STUDYGUIDE_BIN=path measures another binary (the default is .build/release/studyguide).

For each site (a generated corpus of N questions from bench/corpus.py, cached in
.build/bench-corpus-N/, and this repository's own site), a copy is made in a temporary folder:

  cold     no cache, into a fresh output folder (the median of --runs builds);
  cached   with --cache, into the output folder of the build before (as a contributor's second
           `studyguide build` writes over public/), after one random question's answer got a new
           paragraph: the cache holds the previous build's answers and the ledger of the pages it
           wrote, so only the edited answer is rendered again, and only the pages that show it.

Both are timed in the same run, alternating, and the ratio cached / cold is reported with the
--verbose stages of the last cached build. The outputs of a cached and a cold build of the same
sources are compared byte for byte.
"""
import argparse
import filecmp
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("STUDYGUIDE_BIN") or os.path.join(REPO, ".build/release/studyguide")
sys.path.insert(0, os.path.join(REPO, "bench"))


def corpus_site(n):
    import corpus  # bench/corpus.py
    root = os.path.join(REPO, ".build", f"bench-corpus-{n}")
    site = os.path.join(root, "site")
    if not os.path.isdir(site):
        corpus.generate(n, root)
    return site


def build(site, output, cache=None, verbose=False, fresh=True):
    if fresh:
        shutil.rmtree(output, ignore_errors=True)
    command = [BINARY, "build", "--source", site, "--output", output, "--themes", os.path.join(REPO, "themes"), "--quiet"]
    if cache:
        command += ["--cache", cache]
    if verbose:
        command.append("--verbose")
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"build failed: {result.stdout}{result.stderr}")
    return elapsed, result.stdout


def same_tree(a, b):
    comparison = filecmp.dircmp(a, b)
    if comparison.left_only or comparison.right_only or comparison.diff_files or comparison.funny_files:
        return False
    return all(same_tree(os.path.join(a, sub), os.path.join(b, sub)) for sub in comparison.common_dirs)


def measure(name, source, runs, seed):
    work = tempfile.mkdtemp(prefix="studyguide-cache-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    try:
        site = os.path.join(work, "site")
        os.makedirs(site)
        shutil.copy(os.path.join(source, "site.yml"), site)
        shutil.copytree(os.path.join(source, "content"), os.path.join(site, "content"))
        cache = os.path.join(work, "cache")
        chooser = random.Random(seed)
        files = sorted(os.path.join(root, f) for root, _, names in os.walk(os.path.join(site, "content"))
                       for f in names if f.endswith(".md") and f != "_index.md" and "/guides/" not in root)
        build(site, os.path.join(work, "prime"), cache)
        cold, cached, stages = [], [], ""
        for run in range(runs):
            path = chooser.choice(files)
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(f"\nA paragraph added in run {run}.\n")
            elapsed, stages = build(site, os.path.join(work, "prime"), cache, verbose=True, fresh=False)
            cached.append(elapsed)
            cold.append(build(site, os.path.join(work, "cold"))[0])
        identical = same_tree(os.path.join(work, "prime"), os.path.join(work, "cold"))
        size = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache)) / 1048576
    finally:
        shutil.rmtree(work, ignore_errors=True)
    c, w = statistics.median(cold), statistics.median(cached)
    print(f"{name}: cold {c * 1000:.0f} ms, cached after a one-file change {w * 1000:.0f} ms "
          f"({w / c:.2f}x); outputs identical: {identical}; cache {size:.0f} MiB")
    print("  each run (cached / cold, ms): " + ", ".join(f"{a * 1000:.0f} / {b * 1000:.0f}" for a, b in zip(cached, cold)))
    print("  last cached build: " + " / ".join(line.strip() for line in stages.splitlines() if line.strip()))
    return f"| {name} | {c * 1000:.0f} ms | {w * 1000:.0f} ms | {w / c:.2f}× | {size:.0f} MiB | {identical} |"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000], help="generated sites to measure (default 10000)")
    parser.add_argument("--runs", type=int, default=5, help="edits, each followed by a cached and a cold build (default 5)")
    parser.add_argument("--no-repo", action="store_true", help="skip this repository's own site")
    args = parser.parse_args()
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"{BINARY} is missing: run `make release` first")
    rows = []
    for n in args.sizes:
        rows.append(measure(f"{n:,} questions", corpus_site(n), args.runs, seed=n))
    if not args.no_repo:
        rows.append(measure("this repository", REPO, args.runs, seed=1))
    print("\n| site | cold build | cached build after a one-file change | ratio | cache size | same bytes |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
