#!/usr/bin/python3
"""Search benchmark: StudyGuide's client-side search against Pagefind on a generated site.

    /usr/bin/python3 bench/search_benchmark.py [--questions N] [--queries Q] [--keep] [--json FILE] [--cjk]

Generates N questions (bench/generate_site.py), builds them with the release binary, then
types Q queries into search.html in headless Chromium over file:// and reads the page's
own timings (window.__studyguideSearchTimings). If Pagefind can be had (pip package
pagefind-bin), it indexes the same built site and the same queries are run through its JS
API over a local http.server. See bench/README.md for what every number means.

Needs Debian's python3-selenium, chromium and chromium-driver (hence /usr/bin/python3).
"""
import argparse
import datetime
import gzip
import http.server
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate_site  # noqa: E402

BIN = os.path.join(REPO, ".build", "release", "studyguide")
THEMES = os.path.join(REPO, "themes")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
PAGEFIND_SUBDIR = "pagefind_index"

STOPWORDS = set("""a an the and or of to in on for with without at by from into under over is are
was were be been it its this that these those you your we our they their what why how when where
which who whom does do did should would could can will about between instead than then there
me tell time""".split())


def log(message):
    print(message, flush=True)


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, int(-(-p * len(ordered) // 100)))  # ceil(p/100 * n)
    return ordered[min(rank, len(ordered)) - 1]


def tree_bytes(path):
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(folder, name))
    return total


def run(cmd, timeout, **kwargs):
    started = time.perf_counter()
    proc = subprocess.run(cmd, timeout=timeout, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return elapsed, proc


# ---- queries ------------------------------------------------------------------------------

def read_titles(site):
    titles = []
    content = os.path.join(site, "content")
    for category in sorted(os.listdir(content)):
        folder = os.path.join(content, category)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name == "_index.md" or not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for line in f:
                    if line.startswith("title:"):
                        titles.append(line[6:].strip().strip('"'))
                        break
    return titles


def content_words(title):
    return [w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) >= 3 and w not in STOPWORDS]


def misspell(word, rng):
    """One letter changed or dropped, never the first one (see README: shards are keyed by it)."""
    while True:
        i = rng.randrange(1, len(word))
        if rng.random() < 0.5:
            wrong = word[:i] + word[i + 1:]
        else:
            letter = rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != word[i]])
            wrong = word[:i] + letter + word[i + 1:]
        if wrong != word:
            return wrong


# ---- a Chinese copy of the site (--cjk) -----------------------------------------------------

HAN_FIRST, HAN_COUNT = 0x4E00, 3000  # the first 3,000 unified ideographs


def chinese_word(word, cache):
    """The same made-up Chinese word for the same English word every time: 2 or 3 characters."""
    if word not in cache:
        rng = random.Random(word)
        cache[word] = "".join(chr(HAN_FIRST + rng.randrange(HAN_COUNT)) for _ in range(rng.choice((2, 2, 3))))
    return cache[word]


def chinese_text(text, cache):
    """English words become Chinese ones written without spaces between them, as Chinese is."""
    text = re.sub(r"[A-Za-z]+", lambda m: chinese_word(m.group(0).lower(), cache), text)
    return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", text)


def make_chinese(site):
    """Rewrites the titles, summaries and prose of a generated site in made-up Chinese, leaving
    front-matter keys, code blocks and lines with links alone."""
    cache = {}
    for folder, _, names in os.walk(os.path.join(site, "content")):
        for name in names:
            if not name.endswith(".md"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            fences, front = 0, 0
            for i, line in enumerate(lines):
                if line == "---":
                    front += 1
                    continue
                if front < 2:
                    for key in ("title:", "summary:", "description:"):
                        if line.startswith(key):
                            lines[i] = key + " " + chinese_text(line[len(key):].strip(), cache)
                    continue
                if line.startswith("```"):
                    fences += 1
                elif fences % 2 == 0 and "](" not in line:
                    lines[i] = chinese_text(line, cache)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))


def make_chinese_queries(titles, count, seed=7):
    """Runs of 2-5 characters cut from titles (a word, part of one, or across two), as a reader
    types them: 60% one run, 20% two runs, 20% one character (what the first keystroke sends)."""
    rng = random.Random(seed)
    kinds = ["single"] * 60 + ["two"] * 20 + ["prefix"] * 20
    plan = [kinds[int(i * 100 / count)] for i in range(count)]
    rng.shuffle(plan)
    han = [re.sub(r"[^\u4e00-\u9fff]", "", t) for t in titles]
    han = [t for t in han if len(t) >= 6]
    queries, seen = [], set()
    for kind in plan:
        for _ in range(1000):
            title = rng.choice(han)
            def run(length):
                start = rng.randrange(len(title) - length + 1)
                return title[start:start + length]
            q = run(rng.randint(2, 5)) if kind == "single" else run(1) if kind == "prefix" else run(2) + " " + run(2)
            if q not in seen:
                seen.add(q)
                queries.append((kind, q))
                break
    return queries


def make_queries(titles, count, seed=7):
    """A deterministic mix: 25% one word, 20% two words, 15% three words, 20% prefixes (3-5
    letters of a word), 20% misspellings (one letter of a 5+ letter word changed or dropped).
    Multi-word queries are consecutive content words of one title."""
    rng = random.Random(seed)
    kinds = ["single"] * 25 + ["two"] * 20 + ["three"] * 15 + ["prefix"] * 20 + ["typo"] * 20
    plan = [kinds[int(i * 100 / count)] for i in range(count)]
    rng.shuffle(plan)
    queries, seen = [], set()
    for kind in plan:
        for _ in range(1000):
            words = content_words(rng.choice(titles))
            if kind == "single" and words:
                q = rng.choice(words)
            elif kind in ("two", "three"):
                n = 2 if kind == "two" else 3
                if len(words) < n:
                    continue
                start = rng.randrange(len(words) - n + 1)
                q = " ".join(words[start:start + n])
            elif kind == "prefix":
                long = [w for w in words if len(w) >= 6]
                if not long:
                    continue
                q = rng.choice(long)[: rng.randint(3, 5)]
            elif kind == "typo":
                long = [w for w in words if len(w) >= 5]
                if not long:
                    continue
                q = misspell(rng.choice(long), rng)
            else:
                continue
            if q not in seen:
                seen.add(q)
                queries.append((kind, q))
                break
    return queries


# ---- browser ------------------------------------------------------------------------------

def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1280,900", "--no-first-run", "--disable-extensions",
                 "--allow-file-access-from-files"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(120)
    return driver


def stop_browser(driver):
    if driver is None:
        return
    try:
        driver.quit()
    except Exception:  # noqa: BLE001 - the browser may already be gone; make sure the driver is
        try:
            driver.service.process.kill()
        except Exception:  # noqa: BLE001
            pass


WAIT_FOR_ENTRY = """
const [query, timeoutMs, done] = arguments;
const started = performance.now();
(function poll() {
  const timings = window.__studyguideSearchTimings || [];
  for (let i = timings.length - 1; i >= 0; i--) {
    if (timings[i].query === query) {
      done({entry: timings[i], entries: timings.slice(),
            results: document.querySelectorAll('#search-results li').length,
            status: (document.getElementById('search-status') || {}).textContent || ''});
      return;
    }
  }
  if (performance.now() - started > timeoutMs) { done({timeout: true, entries: timings.slice()}); return; }
  setTimeout(poll, 2);
})();
"""

WAIT_FOR_READY = """
const done = arguments[arguments.length - 1];
const started = performance.now();
(function poll() {
  if (window.StudyGuideSearch && Array.isArray(window.__studyguideSearchTimings) &&
      document.getElementById('search-query')) { done(true); return; }
  if (performance.now() - started > 30000) { done(false); return; }
  setTimeout(poll, 10);
})();
"""


def open_search_page(driver, url):
    driver.get(url)
    if not driver.execute_async_script(WAIT_FOR_READY):
        raise RuntimeError("search.html never exposed StudyGuideSearch / __studyguideSearchTimings")


def type_query(driver, query, timeout_s, delay_s):
    """Clear #search-query, type the query one key at a time, wait for its timing entry."""
    from selenium.webdriver.common.by import By
    box = driver.find_element(By.ID, "search-query")
    box.clear()
    driver.execute_script("window.__studyguideSearchTimings.length = 0;")
    for ch in query:
        box.send_keys(ch)
        if delay_s:
            time.sleep(delay_s)
    return driver.execute_async_script(WAIT_FOR_ENTRY, query, int(timeout_s * 1000))


def bench_studyguide(out, queries, args, manifest_bytes, index_bytes):
    url = "file://" + os.path.join(out, "search.html")
    driver = None
    rows, keystroke_ms, timeouts = [], [], 0
    first_bytes = None
    cold = []
    try:
        driver = start_browser()
        open_search_page(driver, url)
        for i, (kind, q) in enumerate(queries):
            got = type_query(driver, q, args.query_timeout, args.type_delay / 1000.0)
            if got.get("timeout"):
                timeouts += 1
                log(f"  timeout waiting for the entry of {q!r}")
                continue
            entry = got["entry"]
            if i == 0:
                first_bytes = manifest_bytes + entry["bytes"]
            for e in got["entries"]:
                if e["query"] and q.startswith(e["query"]):
                    keystroke_ms.append(e["ms"])
            rows.append({"kind": kind, "query": q, "ms": entry["ms"], "bytes": entry["bytes"],
                         "results": got["results"], "status": got["status"]})
            if args.verbose:
                log(f"  {kind:6} {q!r:28} {entry['ms']:8.1f} ms {got['results']:3} results  bytes {entry['bytes']}")
        total_bytes = manifest_bytes + driver.execute_script("return window.StudyGuideSearch.bytesLoaded();")
        # First-query bytes and time on fresh page loads, for a few more queries.
        for kind, q in queries[: args.cold]:
            open_search_page(driver, url)
            got = type_query(driver, q, args.query_timeout, args.type_delay / 1000.0)
            if not got.get("timeout"):
                cold.append({"query": q, "ms": got["entry"]["ms"], "bytes": manifest_bytes + got["entry"]["bytes"]})
    finally:
        stop_browser(driver)
    ms = [r["ms"] for r in rows]
    with_results = sum(1 for r in rows if r["results"] > 0)
    by_kind = {}
    for r in rows:
        k = by_kind.setdefault(r["kind"], {"queries": 0, "with_results": 0, "ms": []})
        k["queries"] += 1
        k["with_results"] += r["results"] > 0
        k["ms"].append(r["ms"])
    return {
        "queries": len(rows), "timeouts": timeouts,
        "median_ms": statistics.median(ms) if ms else None,
        "p95_ms": percentile(ms, 95) if ms else None,
        "max_ms": max(ms) if ms else None,
        "keystroke_entries": len(keystroke_ms),
        "keystroke_p95_ms": percentile(keystroke_ms, 95) if keystroke_ms else None,
        "keystroke_max_ms": max(keystroke_ms) if keystroke_ms else None,
        "first_query": queries[0][1] if queries else None,
        "first_query_bytes": first_bytes,
        "first_query_pct": 100.0 * first_bytes / index_bytes if first_bytes is not None else None,
        "cold_first_query_bytes_median": statistics.median([c["bytes"] for c in cold]) if cold else None,
        "cold_first_query_ms_median": statistics.median([c["ms"] for c in cold]) if cold else None,
        "cold_samples": cold,
        "total_bytes_after_all": total_bytes if rows else None,
        "total_pct_after_all": 100.0 * total_bytes / index_bytes if rows else None,
        "with_results": with_results,
        "by_kind": {k: {"queries": v["queries"], "with_results": v["with_results"],
                        "median_ms": statistics.median(v["ms"])} for k, v in sorted(by_kind.items())},
        "per_query": rows,
    }


# ---- Pagefind ---------------------------------------------------------------------------

def find_pagefind(try_install):
    """The pagefind executable: on PATH, or inside the pagefind-bin wheel of python3."""
    def locate():
        found = shutil.which("pagefind") or shutil.which("pagefind_extended")
        if found:
            return found
        for python in unique_pythons():
            try:
                proc = subprocess.run([python, "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"],
                                      capture_output=True, text=True, timeout=60)
            except (OSError, subprocess.TimeoutExpired):
                continue
            path = proc.stdout.strip()
            if proc.returncode == 0 and path and os.access(path, os.X_OK):
                return path
        return None

    found = locate()
    if found or not try_install:
        return found, None
    errors = []
    for python in unique_pythons():
        try:
            proc = subprocess.run([python, "-m", "pip", "install", "--quiet", "pagefind-bin"],
                                  capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as error:
            errors.append(f"{python}: {error}")
            continue
        if proc.returncode == 0:
            found = locate()
            if found:
                return found, None
        errors.append(f"{python}: {(proc.stderr or proc.stdout).strip().splitlines()[-1:]}")
    return None, "; ".join(errors)


def unique_pythons():
    seen = []
    for candidate in (shutil.which("python3"), sys.executable, "/usr/bin/python3"):
        if candidate and os.path.exists(candidate) and os.path.realpath(candidate) not in [os.path.realpath(s) for s in seen]:
            seen.append(candidate)
    return seen


PAGEFIND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind benchmark</title></head>
<body><p>Pagefind benchmark page (written by bench/search_benchmark.py).</p>
<script type="module">
const pagefind = await import('./%s/pagefind.js');
window.pf = pagefind;
window.pfReady = true;
</script></body></html>
""" % PAGEFIND_SUBDIR

PF_QUERY = """
const [query, done] = arguments;
const t0 = performance.now();
window.pf.search(query)
  .then(r => Promise.all(r.results.slice(0, 10).map(x => x.data())).then(data => {
    done({ms: performance.now() - t0, results: r.results.length, titles: data.map(d => d.meta && d.meta.title)});
  }))
  .catch(err => done({error: String(err)}));
"""


class ByteCounter:
    """Body bytes the server sent for files under /pagefind_index/. Pagefind 1.x fetches its
    index from a Web Worker, whose requests never reach the page's Resource Timing entries,
    so the bytes are counted where they leave the server."""

    ENGINE = re.compile(r"(pagefind(-worker)?\.js|wasm\.[a-z]+\.pagefind)$")

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def add(self, path, size):
        with self.lock:
            self.bytes += size
            self.requests += 1
            if self.ENGINE.search(path):
                self.engine += size

    def snapshot(self):
        with self.lock:
            return {"bytes": self.bytes, "engine": self.engine, "requests": self.requests}

    def reset(self):
        with self.lock:
            self.bytes, self.engine, self.requests = 0, 0, 0


def start_server(root, counter):
    """http.server's static file handler on 127.0.0.1 (a free port) in a thread of this
    process, with Cache-Control: no-store (a fresh page load fetches again) and a byte count."""
    marker = "/" + PAGEFIND_SUBDIR + "/"

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=root, **kw)

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def copyfile(self, source, outputfile):
            start = source.tell()
            super().copyfile(source, outputfile)
            if marker in self.path:
                counter.add(self.path.split("?")[0], source.tell() - start)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


PF_READY = """
const done = arguments[arguments.length - 1];
const started = performance.now();
(function poll() {
  if (window.pfReady) { done(true); return; }
  if (performance.now() - started > 30000) { done(false); return; }
  setTimeout(poll, 10);
})();
"""


def bench_pagefind(out, queries, args):
    pagefind, problem = find_pagefind(not args.no_install)
    if not pagefind:
        return {"available": False, "reason": "Pagefind could not be installed (pip install pagefind-bin): " + (problem or "not found")}
    version = subprocess.run([pagefind, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    target = os.path.join(out, PAGEFIND_SUBDIR)
    shutil.rmtree(target, ignore_errors=True)
    # Only the question pages (the same documents StudyGuide's index holds), and only their
    # <article class="question">: pages without that element are skipped by Pagefind.
    elapsed, proc = run([pagefind, "--site", out, "--output-subdir", PAGEFIND_SUBDIR,
                         "--root-selector", "article.question"], timeout=1800)
    pages = re.search(r"Indexed (\d+) pages", proc.stdout)
    words = re.search(r"Indexed (\d+) words", proc.stdout)
    size = tree_bytes(target)
    data_bytes = sum(tree_bytes(os.path.join(target, d)) for d in ("index", "fragment", "filter") if os.path.isdir(os.path.join(target, d)))
    data_bytes += sum(os.path.getsize(os.path.join(target, f)) for f in os.listdir(target)
                      if f.endswith(".pf_meta") or f == "pagefind-entry.json")
    with open(os.path.join(out, "pagefind-bench.html"), "w") as f:
        f.write(PAGEFIND_PAGE)

    counter = ByteCounter()
    server = start_server(out, counter)
    driver = None
    rows, failures = [], []
    first = total = None
    cold = []
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        driver = start_browser()
        driver.get(base + "pagefind-bench.html")
        if not driver.execute_async_script(PF_READY):
            raise RuntimeError("pagefind.js did not load")
        for i, (kind, q) in enumerate(queries):
            got = driver.execute_async_script(PF_QUERY, q)
            if "error" in got:
                failures.append((q, got["error"]))
                continue
            if i == 0:
                first = counter.snapshot()
            rows.append({"kind": kind, "query": q, "ms": got["ms"], "results": got["results"],
                         "bytes": counter.snapshot()["bytes"]})
            if args.verbose:
                log(f"  pagefind {kind:6} {q!r:28} {got['ms']:8.1f} ms {got['results']:4} results")
        total = counter.snapshot()
        for kind, q in queries[: args.cold]:
            counter.reset()
            driver.get(base + "pagefind-bench.html")
            driver.execute_async_script(PF_READY)
            got = driver.execute_async_script(PF_QUERY, q)
            if "error" not in got:
                cold.append({"query": q, "ms": got["ms"], "bytes": counter.snapshot()["bytes"]})
    finally:
        stop_browser(driver)
        server.shutdown()
        server.server_close()
    ms = [r["ms"] for r in rows]
    by_kind = {}
    for r in rows:
        k = by_kind.setdefault(r["kind"], {"queries": 0, "with_results": 0, "ms": []})
        k["queries"] += 1
        k["with_results"] += r["results"] > 0
        k["ms"].append(r["ms"])
    return {
        "available": True, "version": version, "index_seconds": elapsed,
        "pages": int(pages.group(1)) if pages else None, "words": int(words.group(1)) if words else None,
        "index_bytes": size, "index_data_bytes": data_bytes,
        "queries": len(rows), "failures": failures,
        "median_ms": statistics.median(ms) if ms else None,
        "p95_ms": percentile(ms, 95) if ms else None,
        "max_ms": max(ms) if ms else None,
        "first_query_bytes": first["bytes"] if first else None,
        "first_query_engine_bytes": first["engine"] if first else None,
        "first_query_requests": first["requests"] if first else None,
        "first_query_pct": 100.0 * first["bytes"] / size if first else None,
        "cold_first_query_bytes_median": statistics.median([c["bytes"] for c in cold]) if cold else None,
        "cold_first_query_ms_median": statistics.median([c["ms"] for c in cold]) if cold else None,
        "total_bytes_after_all": total["bytes"] if total else None,
        "total_pct_after_all": 100.0 * total["bytes"] / size if total else None,
        "with_results": sum(1 for r in rows if r["results"] > 0),
        "by_kind": {k: {"queries": v["queries"], "with_results": v["with_results"],
                        "median_ms": statistics.median(v["ms"])} for k, v in sorted(by_kind.items())},
        "per_query": rows,
    }


# ---- report -------------------------------------------------------------------------------

def kb(n):
    if n is None:
        return "n/a"
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.2f} MiB"
    return f"{n / 1024:.1f} KiB"


def fmt_ms(v):
    return "n/a" if v is None else f"{v:.1f} ms"


def table(report):
    sg, pf = report["studyguide"], report["pagefind"]
    have = pf.get("available")

    def pct(value, part):
        return "n/a" if value is None else f"{kb(value)} ({part:.1f}%)"

    def share(d):
        return f"{d['with_results']}/{d['queries']}" if d.get("queries") else "n/a"

    rows = [
        ("build / indexing time", f"{sg['build_seconds']:.1f} s (whole site)",
         f"{pf['index_seconds']:.1f} s (index only)" if have else "n/a"),
        ("index size", f"{kb(sg['index_bytes'])} ({sg['index_files']} files)",
         f"{kb(pf['index_bytes'])} (data {kb(pf['index_data_bytes'])})" if have else "n/a"),
        ("index size, gzip -6 per file", kb(sg["index_gzip_bytes"]),
         "already compressed" if have else "n/a"),
        ("first-query bytes (% of index)", pct(sg["first_query_bytes"], sg["first_query_pct"] or 0),
         pct(pf["first_query_bytes"], pf["first_query_pct"] or 0) if have else "n/a"),
        ("  of which search code (JS, wasm)", "0 (engine JS not counted)",
         kb(pf["first_query_engine_bytes"]) if have else "n/a"),
        (f"  same, median of {report['cold']} fresh loads", kb(sg["cold_first_query_bytes_median"]),
         kb(pf["cold_first_query_bytes_median"]) if have else "n/a"),
        ("bytes after all queries (% of index)", pct(sg["total_bytes_after_all"], sg["total_pct_after_all"] or 0),
         pct(pf["total_bytes_after_all"], pf["total_pct_after_all"] or 0) if have else "n/a"),
        ("median ms per query", fmt_ms(sg["median_ms"]), fmt_ms(pf["median_ms"]) if have else "n/a"),
        ("p95 ms per query", fmt_ms(sg["p95_ms"]), fmt_ms(pf["p95_ms"]) if have else "n/a"),
        ("p95 ms over every keystroke", f"{fmt_ms(sg['keystroke_p95_ms'])} ({sg['keystroke_entries']} entries)", "n/a (not measured)"),
        ("cold first query, median ms", fmt_ms(sg["cold_first_query_ms_median"]),
         fmt_ms(pf["cold_first_query_ms_median"]) if have else "n/a"),
        ("queries with >= 1 result", share(sg), share(pf) if have else "n/a"),
    ]
    kinds = sorted(set(sg.get("by_kind", {})) | set(pf.get("by_kind", {}) if have else {}))
    for kind in kinds:
        a = sg["by_kind"].get(kind)
        b = pf["by_kind"].get(kind) if have else None
        rows.append((f"  {kind}: with results, median",
                     f"{a['with_results']}/{a['queries']}, {a['median_ms']:.1f} ms" if a else "n/a",
                     f"{b['with_results']}/{b['queries']}, {b['median_ms']:.1f} ms" if b else "n/a"))
    widths = [max(len(r[i]) for r in rows + [("", "StudyGuide", "Pagefind")]) for i in range(3)]
    lines = [f"| {'':{widths[0]}} | {'StudyGuide':{widths[1]}} | {'Pagefind' + (' ' + pf['version'].split()[-1] if have else ''):{widths[2]}} |",
             f"|{'-' * (widths[0] + 2)}|{'-' * (widths[1] + 2)}|{'-' * (widths[2] + 2)}|"]
    for r in rows:
        lines.append(f"| {r[0]:{widths[0]}} | {r[1]:{widths[1]}} | {r[2]:{widths[2]}} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=10000, help="questions to generate (default 10000)")
    parser.add_argument("--queries", type=int, default=120, help="queries to type (default 120, at least 1)")
    parser.add_argument("--keep", action="store_true", help="keep the generated site and the built output")
    parser.add_argument("--json", metavar="FILE", help="also write every number (and each query) to FILE")
    parser.add_argument("--workdir", help="where to generate and build, kept afterwards (default: a temporary folder in .build/, removed unless --keep)")
    parser.add_argument("--cold", type=int, default=10, help="extra fresh page loads for first-query numbers (default 10)")
    parser.add_argument("--type-delay", type=float, default=0.0, metavar="MS",
                        help="pause between keystrokes in ms (default 0: as fast as WebDriver types)")
    parser.add_argument("--query-timeout", type=float, default=60.0, help="seconds to wait for one query's timing entry")
    parser.add_argument("--no-pagefind", action="store_true", help="skip the Pagefind comparison")
    parser.add_argument("--cjk", action="store_true",
                        help="rewrite the site's prose in made-up Chinese (no spaces) and type runs of characters")
    parser.add_argument("--no-install", action="store_true", help="do not pip-install pagefind-bin when it is missing")
    parser.add_argument("--verbose", action="store_true", help="print every query")
    args = parser.parse_args()
    if args.queries < 1 or args.questions < 1:
        parser.error("--questions and --queries must be positive")

    if not os.access(BIN, os.X_OK):
        log("building the release binary (make release)")
        run(["make", "release"], timeout=1800, cwd=REPO)

    os.makedirs(os.path.join(REPO, ".build"), exist_ok=True)
    work = args.workdir or tempfile.mkdtemp(prefix="bench-search-", dir=os.path.join(REPO, ".build"))
    site, out = os.path.join(work, "site"), os.path.join(work, "out")
    report = {"date": datetime.date.today().isoformat(), "questions": args.questions,
              "queries_requested": args.queries, "cold": args.cold, "type_delay_ms": args.type_delay}
    try:
        started = time.perf_counter()
        generate_site.generate(args.questions, site)
        if args.cjk:
            make_chinese(site)
        report["generate_seconds"] = time.perf_counter() - started
        report["cjk"] = args.cjk
        log(f"generated {args.questions} questions in {report['generate_seconds']:.1f} s ({site})")

        shutil.rmtree(out, ignore_errors=True)
        build_seconds, _ = run([BIN, "build", "--source", site, "--output", out, "--themes", THEMES, "--quiet"], timeout=1800)
        search_dir = os.path.join(out, "search")
        files = sorted(os.listdir(search_dir))
        index_bytes = tree_bytes(search_dir)
        gzip_bytes = 0
        for name in files:
            with open(os.path.join(search_dir, name), "rb") as f:
                gzip_bytes += len(gzip.compress(f.read(), 6))
        manifest_bytes = os.path.getsize(os.path.join(search_dir, "manifest.js"))
        log(f"built in {build_seconds:.1f} s; search index {index_bytes} bytes in {len(files)} files "
            f"(manifest.js {manifest_bytes} bytes)")

        titles = read_titles(site)
        queries = make_chinese_queries(titles, args.queries) if args.cjk else make_queries(titles, args.queries)
        report["query_list"] = queries
        log(f"typing {len(queries)} queries into search.html (file://)")
        sg = bench_studyguide(out, queries, args, manifest_bytes, index_bytes)
        sg.update({"build_seconds": build_seconds, "index_bytes": index_bytes, "index_files": len(files),
                   "index_gzip_bytes": gzip_bytes, "manifest_bytes": manifest_bytes})
        report["studyguide"] = sg
        log(f"StudyGuide: median {fmt_ms(sg['median_ms'])}, p95 {fmt_ms(sg['p95_ms'])}, "
            f"{sg['with_results']}/{sg['queries']} with results")

        if args.no_pagefind:
            report["pagefind"] = {"available": False, "reason": "skipped (--no-pagefind)"}
        else:
            log("Pagefind: indexing the same site and running the same queries over http://127.0.0.1")
            report["pagefind"] = bench_pagefind(out, queries, args)
            if not report["pagefind"]["available"]:
                log(report["pagefind"]["reason"] + "; skipping the comparison")

        print()
        print(f"Search benchmark, {args.questions} questions{' in made-up Chinese' if args.cjk else ''}, "
              f"{len(queries)} queries, {report['date']}")
        print(table(report))
        if args.json:
            with open(args.json, "w") as f:
                json.dump(report, f, indent=1)
            log(f"wrote {args.json}")
        failed = sg["timeouts"] > 0 or sg["queries"] == 0
        return 1 if failed else 0
    finally:
        if args.keep or args.workdir:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
