#!/usr/bin/env python3
"""Preview benchmark: how long an edit takes to reach the page `studyguide serve` serves.

    python3 bench/serve_benchmark.py [--sizes 10000] [--edits 20] [--no-repo]

For each site (a generated corpus of N questions from bench/corpus.py, cached in
.build/bench-corpus-N/, and this repository's own site), a copy is served by
`.build/release/studyguide serve --port 0`. Then, --edits times, a random question is edited
and its page is fetched over HTTP every 2 ms until it shows the edit:

  body     a paragraph added to the answer: the question's page must show it;
  summary  the summary rewritten: the question's page and its category's page must show it;
  new question  a new file beside it (a copy with a new title): the new page must be served and
           its category's page must list it.

The time from the write to the first response that shows the edit is reported (median, p95,
max), with serve's peak memory (VmHWM) at the end. Edits are half a second apart, so the full
build that follows each edit is usually still running when the next one comes, as when
someone types and saves.
"""
import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("STUDYGUIDE_BIN") or os.path.join(REPO, ".build/release/studyguide")
sys.path.insert(0, os.path.join(REPO, "bench"))


def corpus_site(n):
    folder = os.path.join(REPO, ".build", f"bench-corpus-{n}")
    if not os.path.isdir(os.path.join(folder, "site")):
        import corpus
        corpus.generate(n, folder)
    return os.path.join(folder, "site")


def start_serve(site):
    process = subprocess.Popen([BINARY, "serve", "--source", site, "--themes", os.path.join(REPO, "themes"), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    while True:
        line = process.stdout.readline()
        if not line:
            raise SystemExit("serve stopped:\n" + "".join(lines))
        lines.append(line)
        match = re.match(r"Serving at http://127\.0\.0\.1:(\d+)/", line)
        if match:
            return process, int(match.group(1)), lines


def fetch(url):
    try:
        return urllib.request.urlopen(url, timeout=10).read().decode("utf-8", "replace")
    except Exception:
        return ""


def wait_for(urls, marker, start, limit=60):
    pending = list(urls)
    while pending:
        if fetch(pending[0]).find(marker) >= 0:
            pending.pop(0)
            continue
        if time.monotonic() - start > limit:
            return None
        time.sleep(0.002)
    return (time.monotonic() - start) * 1000


def questions(site):
    content = os.path.join(site, "content")
    result = []
    for category in sorted(os.listdir(content)):
        folder = os.path.join(content, category)
        if not os.path.isdir(folder) or category == "guides":
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md") and name != "_index.md":
                result.append((category, name))
    return result


def peak_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def measure(name, source, edits, seed, verbose=False):
    work = tempfile.mkdtemp(prefix="studyguide-serve-bench-")
    site = os.path.join(work, "site")
    os.makedirs(site)
    shutil.copy(os.path.join(source, "site.yml"), site)
    shutil.copytree(os.path.join(source, "content"), os.path.join(site, "content"))
    process, port, lines = start_serve(site)
    print(f"{name}: " + " / ".join(l.strip() for l in lines))
    chooser = random.Random(seed)
    pool = questions(site)
    times = {"body": [], "summary": [], "new question": []}
    try:
        for number in range(edits):
            category, file = chooser.choice(pool)
            path = os.path.join(site, "content", category, file)
            marker = f"edited{seed}x{number}x{chooser.randrange(1 << 30)}"
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            page = f"http://127.0.0.1:{port}/{category}/{file[:-3]}.html"
            if number % 3 == 0:
                kind, urls = "body", [page]
                text = text.rstrip("\n") + f"\n\nA paragraph {marker}.\n"
            elif number % 3 == 1:
                kind, urls = "summary", [page, f"http://127.0.0.1:{port}/{category}/index.html"]
                text, count = re.subn(r"(?m)^summary: .*$", f'summary: "Rewritten summary {marker}."', text, count=1)
                if count == 0:
                    continue
            else:
                # A new question beside this one: its page, and its category's list showing it.
                file = f"added-{seed}-{number}.md"
                path = os.path.join(site, "content", category, file)
                kind, urls = "new question", [f"http://127.0.0.1:{port}/{category}/{file[:-3]}.html",
                                              f"http://127.0.0.1:{port}/{category}/index.html"]
                text, count = re.subn(r"(?m)^title: .*$", f'title: "A new question {marker}?"', text, count=1)
                text = re.sub(r"(?m)^(slug|aliases): .*$", "", text)
                if count == 0:
                    continue
            start = time.monotonic()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            elapsed = wait_for(urls, marker, start)
            times[kind].append(elapsed if elapsed is not None else float("inf"))
            if verbose:
                print(f"  edit {number + 1}: {kind}, {elapsed:.1f} ms" if elapsed is not None else f"  edit {number + 1}: {kind}, not shown")
            time.sleep(0.5)
        rss = peak_rss_mib(process.pid)
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        shutil.rmtree(work, ignore_errors=True)
    if verbose:
        print("  serve said:\n" + "\n".join("    " + line for line in output.splitlines()))
    shown = [l for l in output.splitlines() if l.startswith("Showed")]
    built = [l for l in output.splitlines() if l.startswith("Built")]
    rows = []
    for kind, values in times.items():
        if not values:
            continue
        values.sort()
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        rows.append(f"| {name} | {kind} | {len(values)} | {statistics.median(values):.1f} ms | {p95:.1f} ms | {values[-1]:.1f} ms |")
    print(f"  serve peak RSS {rss:.0f} MiB; {len(shown)} edits shown alone, {len(built)} full builds")
    return rows, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000], help="generated sites to measure (default 10000)")
    parser.add_argument("--edits", type=int, default=20, help="edits per site (default 20)")
    parser.add_argument("--no-repo", action="store_true", help="skip this repository's own site")
    parser.add_argument("--seed", type=int, default=1203)
    parser.add_argument("--verbose", action="store_true", help="print each edit's time and what serve printed")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        raise SystemExit("no release binary: run make release")
    rows, memory = [], []
    sites = [(f"{n:,} questions", corpus_site(n)) for n in args.sizes]
    if not args.no_repo:
        sites.append(("this repository", REPO))
    for name, source in sites:
        site_rows, rss = measure(name, source, args.edits, args.seed, args.verbose)
        rows += site_rows
        memory.append(f"{name}: {rss:.0f} MiB")
    print()
    print("| site | edit | edits | median | p95 | max |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    print()
    print("serve's peak RSS: " + "; ".join(memory))


if __name__ == "__main__":
    main()
