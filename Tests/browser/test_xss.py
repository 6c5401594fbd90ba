"""Covers: a site built from hostile content runs none of the injected scripts on any page, in search results included."""
import html

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import WAIT, build_fixture, console_problems

# Installed before the page's own scripts run: any alert/confirm/prompt or write to
# window.__pwned by a payload is recorded.
TRAP = """
Object.defineProperty(window, '__pwned', {set: function (v) { (window.__hits = window.__hits || []).push('set:' + v); },
                                          get: function () { return undefined; }, configurable: false});
['alert', 'confirm', 'prompt'].forEach(function (name) {
  window[name] = function (m) { (window.__hits = window.__hits || []).push(name + ':' + m); };
});
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return build_fixture(tmp_path_factory, "hostile-site")


@pytest.fixture
def trapped(browser):
    command = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})
    yield browser
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": command["identifier"]})


def written_title(page):
    source = page.read_text(encoding="utf-8")
    return html.unescape(source[source.index("<title>") + 7:source.index("</title>")])


def assert_nothing_ran(browser, where, title=None):
    try:
        alert = browser.switch_to.alert
        text = alert.text
        alert.dismiss()
        pytest.fail(f"an alert opened on {where}: {text}")
    except NoAlertPresentException:
        pass
    hits = browser.execute_script("return window.__hits || []")
    assert hits == [], f"injected script ran on {where}: {hits}"
    if title is not None:
        assert browser.title == title, "the document title was changed by a script"
    assert browser.execute_script("return document.querySelectorAll('script:not([src])').length") == 0


def test_no_page_runs_an_injected_script(trapped, hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        trapped.get(page.as_uri())
        trapped.execute_script("document.querySelectorAll('[onmouseover],div,img,a').forEach(function (e) {"
                               " e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })")
        assert_nothing_ran(trapped, page.name, written_title(page))
        console_problems(trapped)


def test_search_results_show_hostile_titles_as_text(trapped, hostile_site):
    trapped.get((hostile_site / "search.html").as_uri())
    box = trapped.find_element(By.ID, "search-query")
    box.send_keys("pwned")
    WebDriverWait(trapped, WAIT).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results li")) >= 2)
    titles = [e.text for e in trapped.find_elements(By.CSS_SELECTOR, "#search-results .result-title")]
    assert any("</script><script>window.__pwned='question-title'</script>" in t for t in titles), titles
    assert_nothing_ran(trapped, "search results")

    trapped.get((hostile_site / "basics" / "index.html").as_uri())
    header = trapped.find_element(By.ID, "site-search")
    header.send_keys("pwned")
    WebDriverWait(trapped, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-popup [role=option]"))
    assert_nothing_ran(trapped, "header results")


def test_practice_cards_and_the_mock_interview_show_hostile_text_as_text(trapped, hostile_site):
    trapped.get((hostile_site / "practice.html").as_uri() + "?cards=pwned-question,second-question")
    WebDriverWait(trapped, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".card-title"))
    assert "window.__pwned='question-title'" in trapped.find_element(By.CSS_SELECTOR, ".card-title").text
    trapped.find_element(By.CSS_SELECTOR, ".reveal-button").click()
    WebDriverWait(trapped, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".card-summary"))
    trapped.execute_script("document.querySelectorAll('.practice-card *').forEach(function (e) {"
                           " e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })")
    assert_nothing_ran(trapped, "practice card")
    trapped.get((hostile_site / "interview.html").as_uri() + "?seed=1")
    WebDriverWait(trapped, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".start-interview"))
    trapped.find_element(By.CSS_SELECTOR, ".start-interview").click()
    assert_nothing_ran(trapped, "mock interview")
