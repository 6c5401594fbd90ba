"""Covers: a build killed at any moment (SIGKILL) leaves exactly the previous site or exactly the new one."""
import os
import random
import shutil
import signal
import subprocess
import time

from conftest import REPO
from test_serve import binary


def tree(folder):
    """Relative path → bytes of every file."""
    result = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                result[os.path.relpath(path, folder)] = handle.read()
    return result


def build(site, output, check=True):
    return subprocess.run([binary(), "build", "--source", str(site), "--themes", str(REPO / "themes"),
                           "--output", str(output), "--quiet"], check=check)


def test_killed_builds_leave_the_old_or_the_new_site(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(REPO, site, ignore=shutil.ignore_patterns(".build*", ".git", "public", "Tests", "Sources", "bench"))
    output = tmp_path / "public"
    build(site, output)
    old = tree(output)

    # The new version: an edited title and a new page.
    page = site / "content/databases/composite-index.md"
    page.write_text(page.read_text().replace("title: ", "title: Edited ", 1))
    (site / "content/databases/composite-index-copy.md").write_text(
        page.read_text().replace("title: Edited ", "title: Copied ", 1))
    build(site, tmp_path / "expected-new")
    new = tree(tmp_path / "expected-new")
    assert old != new

    pristine = tmp_path / "old-copy"
    shutil.copytree(output, pristine)
    rng = random.Random(20261124)
    outcomes = {"old": 0, "new": 0}
    for attempt in range(30):
        process = subprocess.Popen([binary(), "build", "--source", str(site), "--themes", str(REPO / "themes"),
                                    "--output", str(output), "--quiet"])
        time.sleep(rng.uniform(0.0, 0.8))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = tree(output)
        assert now in (old, new), f"attempt {attempt}: the output is neither the old nor the new site"
        if now == old:
            outcomes["old"] += 1
        else:
            outcomes["new"] += 1
            shutil.rmtree(output)
            shutil.copytree(pristine, output)  # start the next attempt from the old site again
    build(site, output)
    assert tree(output) == new
    assert [name for name in os.listdir(tmp_path) if ".staging-" in name] == [], "the next build cleans up staging folders"
    assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes
