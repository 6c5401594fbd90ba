"""Covers: the installable offline app over HTTP in headless Chromium: visited once on 127.0.0.1 under
a sub-path, the site opens a never-visited question, searches and practises with the network cut;
the manifest is valid and installable; a new build replaces the cache; nothing of it under file://
or under `studyguide serve`."""
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import threading
import urllib.error
import urllib.request

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, WAIT, _options, console_problems
from test_serve import binary, free_port


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        # Last-Modified has whole seconds: a test's second build can land in the same second as its
        # first, and a browser revalidating sw.js (as its update check does) would get 304 Not
        # Modified for a changed file. Every answer is the file itself.
        del self.headers["If-Modified-Since"]
        return super().send_head()


class StaticServer:
    """A plain static host (python's http.server) serving `folder` under /<prefix>/ on 127.0.0.1."""

    def __init__(self, site: pathlib.Path, tmp: pathlib.Path, prefix="guide", port=None):
        root = tmp / "www"
        root.mkdir(exist_ok=True)
        if prefix and not (root / prefix).exists():
            (root / prefix).symlink_to(site, target_is_directory=True)
        served = root if prefix else site
        self.port = port or free_port()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), functools.partial(Quiet, directory=str(served)))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.port}/" + (prefix + "/" if prefix else "")

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def driver():
    """A browser of its own: service workers and caches live in the profile, which no other test shares."""
    chrome = webdriver.Chrome(options=_options(), service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    chrome.set_page_load_timeout(30)
    yield chrome
    chrome.quit()


def run_async(driver, script, *args):
    driver.set_script_timeout(WAIT)
    return driver.execute_async_script("var done = arguments[arguments.length - 1];" + script, *args)


def wait_until_controlled(driver):
    """Waits for the worker to have precached everything, activated and taken the page over."""
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script(
        "return Boolean(navigator.serviceWorker && navigator.serviceWorker.controller"
        " && navigator.serviceWorker.controller.state === 'activated')"))


def registrations(driver):
    """How many workers the page's origin has; -1 while the page is being replaced."""
    try:
        return run_async(driver, "navigator.serviceWorker.getRegistrations().then(function (r) { done(r.length); });")
    except WebDriverException:
        return -1


def cache_names(driver):
    """The names of the origin's caches; None while the page is being replaced."""
    try:
        return run_async(driver, "caches.keys().then(done, function (e) { done(String(e)); });")
    except WebDriverException:
        return None


def wait_for_cache(driver, name):
    """Waits until `name` is the origin's only cache. The browser looks for a new sw.js when a page
    opens, but that check is best-effort (Chromium may put it off, and a download that fails drops
    the new worker until the next visit), so each poll asks the registration to look again, as a
    later visit would. On timeout, says what the workers and caches were."""
    def settled(d):
        names = cache_names(d)
        if names == [name]:
            return True
        try:
            run_async(d, "navigator.serviceWorker.getRegistration().then(function (r) {"
                         " if (r) r.update().catch(function () {}); done(0); }, function () { done(0); });")
        except WebDriverException:
            pass
        return False
    try:
        WebDriverWait(driver, WAIT, poll_frequency=1).until(settled)
    except Exception:
        state = run_async(driver, "navigator.serviceWorker.getRegistration().then(function (r) {"
                                  " function url(w) { return w ? w.scriptURL + ' ' + w.state : null; }"
                                  " done(r ? [url(r.installing), url(r.waiting), url(r.active)] : 'no registration'); });")
        raise AssertionError(f"caches {cache_names(driver)}, not [{name!r}]; workers (installing, waiting, active): {state}")


def cut_the_network(driver, server):
    """DevTools' offline mode for the page, and the server gone, so no request of the worker gets through either."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    server.stop()


def precache_list(site: pathlib.Path):
    text = (site / "sw.js").read_text()
    data = json.loads(text[text.index("= ") + 2:text.index(";\nimportScripts")])
    return data["version"], data["precache"]


def a_question(site: pathlib.Path):
    deck = (site / "study" / "deck.js").read_text()
    cards = json.loads(deck[deck.index("(") + 1:deck.rindex(")")])["cards"]
    return cards[-1]


def test_visit_once_then_read_search_and_practise_offline(driver, site, tmp_path):
    server = StaticServer(site, tmp_path)
    driver.get(server.base + "index.html")
    wait_until_controlled(driver)
    version, precached = precache_list(site)
    assert cache_names(driver) == [f"studyguide {server.base} {version}"]
    assert console_problems(driver) == []

    cut_the_network(driver, server)
    card = a_question(site)
    page = f"{card['category']}/{card['slug']}.html"
    assert page in precached
    driver.get(server.base + page)  # never visited
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == card["title"]
    assert driver.execute_script("return getComputedStyle(document.body).fontFamily") != ""  # the stylesheet came too
    assert driver.find_element(By.CSS_SELECTOR, ".site-header").value_of_css_property("border-bottom-style") == "solid"

    driver.get(server.base + "search.html")
    box = driver.find_element(By.ID, "search-query")
    word = card["title"].split()[-1].strip("?")
    box.send_keys(word)
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a.result-title"))
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a.result-title")]
    assert hrefs and all(h.startswith(server.base) for h in hrefs)

    driver.get(server.base + f"practice.html?cards={card['slug']}")
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".practice-card .reveal-button"))
    driver.find_element(By.CSS_SELECTOR, ".reveal-button").click()
    WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, ".card-summary").is_displayed())
    driver.find_element(By.CSS_SELECTOR, ".rate-good").click()
    key = driver.execute_script("return document.body.getAttribute('data-storage-key')") + ":v1"
    stored = json.loads(driver.execute_script("return localStorage.getItem(arguments[0])", key))
    assert stored["cards"][card["slug"]]["reps"] == 1

    # A page the worker never saw goes to 404.html, which says why.
    driver.get(server.base + "no-such-page.html")
    assert driver.current_url == server.base + "404.html?offline"
    assert "offline" in driver.find_element(By.CSS_SELECTOR, ".offline-note").text
    assert [p for p in console_problems(driver) if "no-such-page" not in p["message"]] == []


def test_the_manifest_is_linked_valid_and_installable(driver, site, tmp_path):
    server = StaticServer(site, tmp_path)
    driver.get(server.base + "index.html")
    wait_until_controlled(driver)
    link = driver.execute_script("var l = document.querySelector('link[rel=manifest]'); return l && l.href")
    assert link == server.base + "manifest.webmanifest"
    manifest = json.loads(urllib.request.urlopen(link, timeout=WAIT).read())
    title = next(line.split(":", 1)[1].strip() for line in (REPO / "site.yml").read_text().splitlines() if line.startswith("title:"))
    assert manifest["name"] == title and manifest["short_name"]
    assert manifest["start_url"] == "index.html" and manifest["scope"] == "./"
    style = (site / "assets" / "style.css").read_text()
    assert f"--surface: {manifest['theme_color']};" in style
    for icon in manifest["icons"]:
        with urllib.request.urlopen(server.base + icon["src"], timeout=WAIT) as response:
            assert response.status == 200 and response.headers["Content-Type"] == icon["type"]
    parsed = driver.execute_cdp_cmd("Page.getAppManifest", {})
    assert parsed["errors"] == [] and parsed["url"] == link
    assert driver.execute_cdp_cmd("Page.getInstallabilityErrors", {})["installabilityErrors"] == []
    server.stop()


def test_a_new_build_replaces_the_cache(driver, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(REPO / "Tests" / "Fixtures" / "basic", source)
    output = tmp_path / "site"

    def build():
        subprocess.run([binary(), "build", "--source", str(source), "--themes", str(REPO / "themes"),
                        "--output", str(output), "--quiet"], check=True)
        return precache_list(output)[0]

    first = build()
    server = StaticServer(output, tmp_path)
    question = next(p for p in sorted(output.glob("*/*.html")) if p.name != "index.html" and p.parent.name not in ("tags", "guides"))
    page = server.base + question.relative_to(output).as_posix()
    driver.get(page)
    wait_until_controlled(driver)
    assert cache_names(driver) == [f"studyguide {server.base} {first}"]

    markdown = source / "content" / question.parent.name / (question.stem + ".md")
    markdown.write_text(markdown.read_text() + "\nA sentence added by the new build.\n")
    second = build()
    assert second != first
    driver.refresh()  # the browser finds the new sw.js; its worker takes over and the page reloads once
    wait_for_cache(driver, f"studyguide {server.base} {second}")
    WebDriverWait(driver, WAIT).until(lambda d: "A sentence added by the new build." in d.find_element(By.TAG_NAME, "main").text)

    cut_the_network(driver, server)
    driver.refresh()
    assert "A sentence added by the new build." in driver.find_element(By.TAG_NAME, "main").text


def test_nothing_of_it_under_file_urls(browser, site):
    card = a_question(site)
    for page in ["index.html", f"{card['category']}/{card['slug']}.html", "search.html", "practice.html"]:
        browser.get((site / page).as_uri())
        WebDriverWait(browser, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
        assert browser.execute_script("return document.querySelector('link[rel=manifest]')") is None
        registrations = run_async(browser, "navigator.serviceWorker ? navigator.serviceWorker.getRegistrations()"
                                           ".then(function (r) { done(r.length); }, function () { done(0); }) : done(0);")
        assert registrations == 0
        assert console_problems(browser) == []


def test_serve_never_has_a_worker_and_removes_one_left_on_its_address(driver, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(REPO / "Tests" / "Fixtures" / "basic", source)
    output = tmp_path / "built"
    subprocess.run([binary(), "build", "--source", str(source), "--themes", str(REPO / "themes"), "--output", str(output), "--quiet"],
                   check=True)
    # A static server on the address first: its worker is registered there...
    port = free_port()
    server = StaticServer(output, tmp_path, prefix="", port=port)
    driver.get(f"http://127.0.0.1:{port}/index.html")
    wait_until_controlled(driver)
    server.stop()

    # ...then `studyguide serve` on the same address removes it, and registers none.
    process = subprocess.Popen([binary(), "serve", "--source", str(source), "--themes", str(REPO / "themes"), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        while not process.stdout.readline().startswith("Serving at"):
            assert process.poll() is None, "serve ended"
        retiring = urllib.request.urlopen(f"http://127.0.0.1:{port}/sw.js", timeout=WAIT).read().decode()
        assert "unregister()" in retiring and "precache" not in retiring
        assert not (source / "public").exists()
        driver.get(f"http://127.0.0.1:{port}/index.html")  # answered by the old worker, which looks for a new sw.js
        WebDriverWait(driver, WAIT).until(lambda d: registrations(d) == 0)
        WebDriverWait(driver, WAIT).until(lambda d: cache_names(d) == [])
        driver.refresh()
        WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
        assert driver.execute_script("return window.studyguidePreview") is True
        assert driver.execute_script("return navigator.serviceWorker.controller") is None
        assert driver.execute_script("return document.querySelector('link[rel=manifest]')") is None
        assert registrations(driver) == 0
        assert console_problems(driver) == []
    finally:
        process.terminate()
        process.wait(timeout=10)
