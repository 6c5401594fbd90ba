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


def command(site, output):
    return [binary(), "build", "--source", str(site), "--themes", str(REPO / "themes"), "--output", str(output), "--quiet"]


def build(site, output, check=True):
    return subprocess.run(command(site, output), check=check)


def timed_build(site, output):
    """Seconds from launch to exit, measured the way the kill moments below are."""
    started = time.monotonic()
    build(site, output)
    return time.monotonic() - started


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

    # How long the build being interrupted takes on this machine: the new site over the old one.
    durations = []
    for _ in range(3):
        scratch = tmp_path / "measured"
        shutil.copytree(pristine, scratch)
        durations.append(timed_build(site, scratch))
        shutil.rmtree(scratch)
    measured = max(durations)

    # Kill moments spread evenly over [0, 1.2 × the slowest measured build], one at a random
    # point of each of 30 equal slices, in a seeded random order: the early ones interrupt the
    # build before the new site is in place, the late ones come around and after the swap,
    # whatever the machine's speed. Three more builds are let finish first (their SIGKILL comes
    # too late to matter), so the new site is an outcome even if the machine slows down now.
    rng = random.Random(20261124)
    slices = 30
    moments = [(index + rng.random()) / slices * 1.2 * measured for index in range(slices)] + [None] * 3
    rng.shuffle(moments)

    outcomes = {"old": 0, "new": 0}
    interrupted = {"old": 0, "new": 0}  # outcomes of the builds a kill really stopped
    for attempt, moment in enumerate(moments):
        started = time.monotonic()
        process = subprocess.Popen(command(site, output))
        if moment is None:
            process.wait()
        else:
            time.sleep(max(0.0, started + moment - time.monotonic()))
        process.send_signal(signal.SIGKILL)  # a no-op once the build has exited and been waited for
        status = process.wait()
        now = tree(output)
        when = "after it exited" if moment is None else f"at {moment:.3f} s"
        assert now in (old, new), f"attempt {attempt} (kill {when}): the output is neither the old nor the new site"
        outcome = "old" if now == old else "new"
        outcomes[outcome] += 1
        if status == -signal.SIGKILL:
            interrupted[outcome] += 1
        if outcome == "new":
            shutil.rmtree(output)
            shutil.copytree(pristine, output)  # start the next attempt from the old site again
    build(site, output)
    assert tree(output) == new
    assert [name for name in os.listdir(tmp_path) if ".staging-" in name] == [], "the next build cleans up staging folders"
    summary = f"builds took {[round(d, 3) for d in durations]} s; outcomes {outcomes}; of builds stopped by the kill {interrupted}"
    print(summary)
    # An old site can only come from a build the kill stopped; the three finished builds make
    # the new site an outcome on any machine, and kills late in the range usually do too.
    assert outcomes["old"] > 0 and outcomes["new"] > 0, summary

