"""Covers: `studyguide serve`: serving, live reload, the problem overlay, and no file outside the output."""
import http.client
import os
import pathlib
import re
import shutil
import socket
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, WAIT


def binary() -> str:
    for candidate in (os.environ.get("STUDYGUIDE_BIN"), REPO / ".build/release/studyguide", REPO / ".build/debug/studyguide"):
        if candidate and pathlib.Path(candidate).is_file():
            return str(candidate)
    pytest.fail("no studyguide binary; run make release")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """A copy of the basic fixture site, served on a free port; yields (site folder, port)."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "Tests/Fixtures/basic", site)
    (tmp_path / "secret.txt").write_text("TOP-SECRET outside the output\n")
    port = free_port()
    process = subprocess.Popen([binary(), "serve", "--source", str(site), "--themes", str(REPO / "themes"), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        lines.append(line)
        if line.startswith("Serving at"):
            break
    assert any(l.startswith(f"Serving at http://127.0.0.1:{port}/") for l in lines), lines
    yield site, port, process
    process.terminate()
    process.wait(timeout=10)


def get(port, raw_path):
    """Sends the path exactly as given (no client-side normalisation)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT)
    connection.putrequest("GET", raw_path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, response.getheader("Content-Type"), body


def test_pages_are_served_with_types_and_the_reload_script(served):
    site, port, _ = served
    status, kind, body = get(port, "/databases/indexes.html")
    assert status == 200 and kind == "text/html; charset=utf-8"
    assert "What is an index &amp; why use one?" in body
    assert re.search(r'<script src="/__studyguide/live\.js" data-version="\d+"></script>', body), body[-300:]
    assert get(port, "/")[0] == 200
    assert get(port, "/databases/")[0] == 200
    assert get(port, "/assets/style.css")[1] == "text/css; charset=utf-8"
    assert get(port, "/assets/site.js")[1] == "text/javascript; charset=utf-8"
    status, _, body = get(port, "/no-such-page.html")
    assert status == 404 and "Page not found" in body


def test_build_output_never_contains_the_reload_script(tmp_path):
    output = tmp_path / "out"
    subprocess.run([binary(), "build", "--source", str(REPO / "Tests/Fixtures/basic"), "--themes", str(REPO / "themes"),
                    "--output", str(output), "--quiet"], check=True)
    for page in output.rglob("*.html"):
        assert "__studyguide" not in page.read_text()


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt",
    "/assets%2f..%2f..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
    "//etc/passwd", "/etc/passwd", "/%2fetc%2fpasswd", "/./index.html", "/.%2e/secret.txt", "/%00index.html",
    "/assets/%2e%2e/%2e%2e/secret.txt", "/%252e%252e/secret.txt", "http://127.0.0.1/../secret.txt",
])
def test_nothing_outside_the_output_is_served(served, path):
    status, _, body = get(served[1], path)
    assert "TOP-SECRET" not in body and "root:" not in body
    assert status in (400, 404), (path, status)


def test_symlinks_inside_the_output_do_not_lead_out(served):
    site, port, process = served
    output = pathlib.Path(f"/tmp/studyguide-serve-{process.pid}/site")
    (output / "leak.txt").symlink_to(site.parent / "secret.txt")
    status, _, body = get(port, "/leak.txt")
    assert status == 404 and "TOP-SECRET" not in body


def test_an_edited_file_appears_without_reloading_the_page(served, browser):
    site, port, _ = served
    browser.get(f"http://127.0.0.1:{port}/databases/indexes.html")
    page = site / "content/databases/indexes.md"
    page.write_text(page.read_text().replace("What is an index & why use one?", "Edited while serving?"))
    WebDriverWait(browser, WAIT, poll_frequency=0.05).until(
        lambda d: d.execute_script("var h = document.querySelector('h1'); return h && h.textContent") == "Edited while serving?")


def test_a_page_that_connects_after_a_rebuild_still_reloads(served, browser):
    """A page whose event stream connects only after the rebuild it should have heard about
    (a busy machine, a slow tab) learns the site's version on connecting and reloads."""
    site, port, _ = served
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/__studyguide/events*"]})
    try:
        browser.get(f"http://127.0.0.1:{port}/databases/indexes.html")
        page = site / "content/databases/indexes.md"
        page.write_text(page.read_text().replace("What is an index & why use one?", "Rebuilt while the page was not listening?"))
        deadline = time.monotonic() + WAIT
        while "Rebuilt while the page was not listening?" not in get(port, "/databases/indexes.html")[2]:
            assert time.monotonic() < deadline, "the edit was never served"
            time.sleep(0.05)
        assert browser.execute_script("return document.querySelector('h1').textContent") == "What is an index & why use one?"
    finally:
        # The stream's automatic reconnection now gets through.
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    WebDriverWait(browser, WAIT, poll_frequency=0.05).until(
        lambda d: d.execute_script("var h = document.querySelector('h1'); return h && h.textContent") == "Rebuilt while the page was not listening?")
    browser.execute_cdp_cmd("Network.disable", {})


def test_an_edited_answer_shows_at_once_and_the_full_build_follows(served, browser):
    """The page and its category's list show the edit first; the search index catches up."""
    site, port, _ = served
    browser.get(f"http://127.0.0.1:{port}/databases/indexes.html")
    page = site / "content/databases/indexes.md"
    text = page.read_text()
    summary = re.search(r"(?m)^summary: (.*)$", text).group(1)
    page.write_text(text.replace(summary, '"A summary rewritten while serving."')
                    + "\nA paragraph added while serving.\n")
    WebDriverWait(browser, WAIT, poll_frequency=0.05).until(
        lambda d: "A paragraph added while serving." in d.execute_script("return document.body.textContent"))
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        listing = get(port, "/databases/index.html")[2]
        docs = get(port, "/search/docs-0.js")[2]
        if "A summary rewritten while serving." in listing and "A summary rewritten while serving." in docs:
            break
        time.sleep(0.05)
    assert "A summary rewritten while serving." in listing
    assert "A summary rewritten while serving." in docs


def test_a_new_question_and_a_deleted_one_show_in_the_open_list(served, browser):
    """The category's list, open in the browser, reloads with a new question, then without it."""
    site, port, _ = served
    browser.get(f"http://127.0.0.1:{port}/databases/index.html")
    page = site / "content/databases/added-while-serving.md"
    original = (site / "content/databases/indexes.md").read_text()
    page.write_text(re.sub(r"(?m)^title: .*$", 'title: "Added while serving?"', original, count=1))
    WebDriverWait(browser, WAIT, poll_frequency=0.05).until(
        lambda d: "Added while serving" in d.execute_script("return document.body.textContent"))
    status, _, body = get(port, "/databases/added-while-serving.html")
    assert status == 200 and "Added while serving" in body
    page.unlink()
    WebDriverWait(browser, WAIT, poll_frequency=0.05).until(
        lambda d: "Added while serving" not in d.execute_script("return document.body.textContent"))
    assert get(port, "/databases/added-while-serving.html")[0] == 404


def test_a_broken_file_shows_the_overlay_and_keeps_the_last_good_site(served, browser):
    site, port, _ = served
    browser.get(f"http://127.0.0.1:{port}/databases/indexes.html")
    page = site / "content/databases/indexes.md"
    good = page.read_text()
    page.write_text(good.replace("difficulty: beginner", "difficulty: expert"))
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.ID, "studyguide-overlay"))
    overlay = browser.execute_script("return document.getElementById('studyguide-overlay').textContent")
    assert "content/databases/indexes.md:3:13: error: 'expert' is not a valid difficulty" in overlay
    assert "Build failed" in overlay
    status, _, body = get(port, "/databases/indexes.html")
    assert status == 200 and "What is an index &amp; why use one?" in body
    # A page opened while the site is broken shows the problems straight away.
    browser.get(f"http://127.0.0.1:{port}/index.html")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "studyguide-overlay"))
    page.write_text(good)
    WebDriverWait(browser, WAIT).until(lambda d: not d.find_elements(By.ID, "studyguide-overlay"))


def raw_exchange(port, payload, timeout=5):
    """Sends raw bytes and returns whatever comes back before the server closes or goes quiet."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        try:
            connection.sendall(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass
        chunks = []
        try:
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except (socket.timeout, ConnectionResetError):
            pass
    return b"".join(chunks)


def still_serving(port):
    status, _, body = get(port, "/index.html")
    return status == 200 and "Fixture Guide" in body


def test_oversized_and_malformed_requests_are_refused_and_the_server_survives(served):
    _, port, process = served
    huge_header = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 1_000_000 + b"\r\n\r\n"
    reply = raw_exchange(port, huge_header)
    assert not reply.startswith(b"HTTP/1.1 200"), reply[:80]
    for garbage in (b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"\x00\x01\x02\x03\r\n\r\n", b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\n\r\n",
                    b"POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
                    b"GET /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"):
        reply = raw_exchange(port, garbage)
        assert not reply.startswith(b"HTTP/1.1 200"), (garbage[:30], reply[:80])
    assert process.poll() is None
    assert still_serving(port)


def still_open(connection):
    """The server has neither answered nor closed this connection."""
    connection.setblocking(False)
    try:
        connection.recv(1, socket.MSG_PEEK)
    except BlockingIOError:
        return True
    return False


def test_slow_clients_do_not_block_others(served):
    _, port, _ = served
    slow = []
    for _ in range(50):
        connection = socket.create_connection(("127.0.0.1", port), timeout=5)
        connection.sendall(b"GET /index.html HTTP/1.1\r\nHost: slow\r\n")  # never finishes its headers
        slow.append(connection)
    try:
        for _ in range(20):
            assert still_serving(port)
        # Served while every slow client still holds its connection, so none of them was in the way.
        assert all(still_open(connection) for connection in slow)
    finally:
        for connection in slow:
            connection.close()
    assert still_serving(port)


def read_responses(connection, methods):
    """Reads one response per request method from a socket: (status, headers, body) each."""
    data, responses = b"", []
    for method in methods:
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            assert chunk, (method, data[:200])
            data += chunk
        head, data = data.split(b"\r\n\r\n", 1)
        lines = head.decode().split("\r\n")
        headers = {name.lower(): value for name, value in (line.split(": ", 1) for line in lines[1:])}
        length = 0 if method == "HEAD" else int(headers["content-length"])
        while len(data) < length:
            data += connection.recv(65536)
        responses.append((int(lines[0].split(" ")[1]), headers, data[:length]))
        data = data[length:]
    assert data == b""
    return responses


def test_requests_on_one_connection_are_answered_in_order(served):
    _, port, _ = served
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"
                           b"POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                           b"HEAD /index.html HTTP/1.1\r\nHost: x\r\n\r\n"
                           b"\r\nGET /assets/style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        (page, refused, head, style) = read_responses(connection, ["GET", "POST", "HEAD", "GET"])
        assert connection.recv(1) == b""  # closed, as the last request asked
    assert page[0] == 200 and b"Fixture Guide" in page[2] and page[1]["cache-control"] == "no-store"
    assert refused[0] == 405
    assert head[0] == 200 and head[2] == b"" and head[1]["content-length"] == page[1]["content-length"]
    assert style[0] == 200 and style[1]["content-type"] == "text/css; charset=utf-8" and style[1]["connection"] == "close"


def test_http_1_0_clients_may_keep_the_connection(served):
    _, port, _ = served
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET /index.html HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        ((status, headers, _),) = read_responses(connection, ["GET"])
        assert status == 200 and headers["connection"] == "keep-alive"
        connection.sendall(b"GET /index.html HTTP/1.0\r\n\r\n")
        ((status, headers, _),) = read_responses(connection, ["GET"])
        assert status == 200 and headers["connection"] == "close"
        assert connection.recv(1) == b""


@pytest.mark.parametrize("payload, status", [
    (b"GARBAGE\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 1_000_000 + b"\r\n\r\n", 431),
    (b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\n\r\n", 431),
    (b"GET / HTTP/2.0\r\n\r\n", 505),
    (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411),
    (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n" + b"a" * 100_000, 413),
], ids=["garbage", "huge-header", "huge-target", "http2", "negative-length", "chunked-body", "huge-body"])
def test_refused_requests_get_their_status_before_the_connection_closes(served, payload, status):
    reply = raw_exchange(served[1], payload)
    assert reply.startswith(b"HTTP/1.1 %d " % status), reply[:80]


def test_the_server_survives_running_out_of_file_descriptors(tmp_path):
    import resource
    site = tmp_path / "site"
    shutil.copytree(REPO / "Tests/Fixtures/basic", site)
    port = free_port()
    process = subprocess.Popen([binary(), "serve", "--source", str(site), "--themes", str(REPO / "themes"), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64)))
    try:
        while not process.stdout.readline().startswith("Serving at"):
            assert process.poll() is None
        held = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(100)]
        for connection in held:
            connection.close()
        assert still_serving(port)
        assert process.poll() is None
    finally:
        process.terminate()
        process.wait(timeout=10)
