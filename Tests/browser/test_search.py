"""Covers: search on the real site over file://: ranking, typos, prefixes, filters, keyboard, URL state, tokenizer vectors."""
import pathlib
import time
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, WAIT, console_problems

# (query, page expected among the first three results)
QUERIES = [
    ("sql injection", "security/sql-injection.html"),
    ("cap theorem", "distributed-systems/cap-theorem.html"),
    ("idempotency", "distributed-systems/idempotency.html"),
    ("star method", "behavioral/star-method.html"),
    ("event loop", "languages-and-runtimes/node-event-loop.html"),
    ("clustered vs non-clustered index", "databases/clustered-vs-nonclustered-index.html"),
    ("idempotncy", "distributed-systems/idempotency.html"),             # misspelt: one letter dropped
    ("rate limitter", "system-design/design-rate-limiter.html"),         # misspelt: a letter doubled
    ("normalisation", "databases/database-normalization.html"),          # British spelling, one edit
    ("websock", "apis-and-http/websockets.html"),                        # prefix while typing
    ("introduce yoursel", "career-and-motivation/tell-me-about-yourself.html"),  # prefix of the last word
]


def results_after_typing(browser, text, selector="#search-results li a.result-title"):
    box = browser.find_element(By.ID, "search-query")
    box.clear()
    box.send_keys(text)
    # The last key started the newest search; the list is busy until that one is shown.
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.ID, "search-results").get_attribute("aria-busy") != "true")
    return [link.get_attribute("href") for link in browser.find_elements(By.CSS_SELECTOR, selector)]


@pytest.fixture
def search_page(browser, site):
    browser.get((site / "search.html").as_uri())
    yield browser
    assert console_problems(browser) == []


@pytest.mark.parametrize("query,expected", QUERIES)
def test_expected_page_is_in_the_top_three(search_page, site, query, expected):
    hrefs = results_after_typing(search_page, query)
    assert (site / expected).as_uri() in hrefs[:3], f"{query!r} → {hrefs[:3]}"


def test_results_show_category_badge_and_highlighted_snippet(search_page):
    results_after_typing(search_page, "sql injection")
    first = search_page.find_element(By.CSS_SELECTOR, "#search-results li")
    assert first.find_element(By.CSS_SELECTOR, ".badge").text in ("Beginner", "Intermediate", "Advanced")
    assert first.find_element(By.CSS_SELECTOR, ".result-category").text == "Security"
    marks = [m.text.lower() for m in first.find_elements(By.CSS_SELECTOR, "mark")]
    assert any(m.startswith("inject") for m in marks), marks


def test_filters_work_with_and_without_a_query(search_page, site):
    search_page.get((site / "search.html").as_uri() + "?difficulty=advanced&category=databases")
    WebDriverWait(search_page, WAIT).until(lambda d: d.find_element(By.ID, "search-results").get_attribute("aria-busy") != "true")
    cards = search_page.find_elements(By.CSS_SELECTOR, "#search-results li")
    category_page = (site / "databases" / "index.html").read_text()
    assert len(cards) == category_page.count('data-difficulty="advanced"') > 0
    for card in cards:
        assert card.find_element(By.CSS_SELECTOR, ".badge").text == "Advanced"
        assert card.find_element(By.CSS_SELECTOR, ".result-category").text == "Databases"
    assert search_page.find_element(By.ID, "filter-difficulty").get_attribute("value") == "advanced"

    hrefs = results_after_typing(search_page, "index")
    assert hrefs and all("/databases/" in h for h in hrefs)


def test_the_state_is_kept_in_the_url(search_page, site):
    results_after_typing(search_page, "cache")
    search_page.find_element(By.CSS_SELECTOR, "#filter-kind option[value=technical]").click()
    WebDriverWait(search_page, WAIT).until(lambda d: "kind=technical" in d.current_url)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(search_page.current_url).query)
    assert query == {"q": ["cache"], "kind": ["technical"]}
    bookmarked = search_page.current_url
    search_page.get((site / "index.html").as_uri())
    search_page.get(bookmarked)
    WebDriverWait(search_page, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    assert search_page.find_element(By.ID, "search-query").get_attribute("value") == "cache"


def test_arrow_keys_move_through_results_and_enter_opens(search_page, site):
    hrefs = results_after_typing(search_page, "cap theorem")
    box = search_page.find_element(By.ID, "search-query")
    box.send_keys(Keys.ARROW_DOWN)
    assert search_page.switch_to.active_element.get_attribute("href") == hrefs[0]
    search_page.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert search_page.switch_to.active_element.get_attribute("href") == hrefs[1]
    search_page.switch_to.active_element.send_keys(Keys.ARROW_UP, Keys.ARROW_UP)
    assert search_page.switch_to.active_element.get_attribute("id") == "search-query"
    box.send_keys(Keys.ARROW_DOWN)
    search_page.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(search_page, WAIT).until(lambda d: d.current_url == hrefs[0])


def test_header_box_shows_results_as_you_type_on_every_page(browser, site):
    browser.get((site / "databases" / "composite-index.html").as_uri())
    box = browser.find_element(By.ID, "site-search")
    box.send_keys("/")  # typing in the box itself is not the shortcut
    box.clear()
    box.send_keys("idempot")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-popup [role=option]"))
    assert box.get_attribute("aria-expanded") == "true"
    options = browser.find_elements(By.CSS_SELECTOR, "#search-popup [role=option] a")
    first = options[0].get_attribute("href")
    assert first == (site / "distributed-systems" / "idempotency.html").as_uri()
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == "search-option-0"
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, WAIT).until(lambda d: d.current_url == first)
    assert console_problems(browser) == []


def test_the_search_page_has_one_search_box_and_it_works(search_page):
    """Regression: search.html showed the header's box too, and typing there did nothing."""
    boxes = [box for box in search_page.find_elements(By.CSS_SELECTOR, "input[type=search]") if box.is_displayed()]
    assert [box.get_attribute("id") for box in boxes] == ["search-query"]
    assert results_after_typing(search_page, "idempotency")


def test_enter_without_a_choice_opens_the_search_page(browser, site):
    browser.get((site / "index.html").as_uri())
    box = browser.find_element(By.ID, "site-search")
    box.send_keys("transactions", Keys.ENTER)
    WebDriverWait(browser, WAIT).until(lambda d: "search.html?q=transactions" in d.current_url)
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))


def test_javascript_tokenizer_agrees_with_the_shared_vectors(browser, site):
    browser.get((site / "search.html").as_uri())
    rows = (REPO / "Tests" / "search-vectors" / "tokenizer.tsv").read_text(encoding="utf-8").split("\n")[1:]
    cases = [row.split("\t") for row in rows if "\t" in row]
    mismatches = browser.execute_script("""
        return arguments[0].filter(function (c) {
          return window.StudyGuideTokenizer.tokens(c[0]).join(" ") !== c[1];
        });""", cases)
    assert len(cases) >= 120
    assert mismatches == []


def test_search_page_explains_itself_without_javascript(site):
    html = (site / "search.html").read_text()
    assert "needs JavaScript" in html
    assert 'href="databases/index.html"' in html
