"""Covers: the built site opened from disk (file://) in headless Chromium: navigation, console, resources."""
import pathlib
import urllib.parse

from selenium.webdriver.common.by import By

from conftest import console_problems


def open_page(browser, url):
    browser.get(url)
    problems = console_problems(browser)
    assert problems == [], f"console errors on {url}: {problems}"
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    outside = [name for name in loaded if not name.startswith("file://")]
    assert outside == [], f"requests off the machine from {url}: {outside}"
    missing = [name for name in loaded if not pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(name).path)).is_file()]
    assert missing == [], f"resources that do not exist, loaded by {url}: {missing}"


def click(browser, css):
    link = browser.find_element(By.CSS_SELECTOR, css)
    href = link.get_attribute("href")
    link.click()
    open_page(browser, browser.current_url)
    return href


def test_walk_home_category_question_tag_home(browser, site):
    open_page(browser, (site / "index.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text
    stylesheet = browser.execute_script("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle")
    assert stylesheet == "solid", "the theme stylesheet did not load"

    click(browser, ".category-tile h3 a")
    assert browser.current_url.endswith("/index.html")
    assert browser.find_elements(By.CSS_SELECTOR, ".question-card")

    click(browser, ".question-card h3 a")
    assert browser.current_url.endswith(".html")
    assert browser.find_element(By.CSS_SELECTOR, "article.question h1").text
    assert browser.find_element(By.CSS_SELECTOR, ".short-answer p").text

    click(browser, "ul.tags a")
    assert "/tags/" in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, ".question-card")

    click(browser, ".brand")
    assert browser.current_url == (site / "index.html").as_uri()


def test_every_page_kind_loads_without_console_errors(browser, site):
    pages = ["index.html", "search.html", "404.html", "tags/index.html", "guides/index.html"]
    pages.append(next(p for p in sorted(site.glob("*/index.html")) if p.parent.name not in ("tags", "guides")).relative_to(site).as_posix())
    pages.append(sorted(site.glob("guides/*.html"))[-1].relative_to(site).as_posix())
    for page in pages:
        open_page(browser, (site / page).as_uri())


def test_search_page_finds_a_question_from_the_header_form(browser, site):
    open_page(browser, (site / "index.html").as_uri())
    box = browser.find_element(By.ID, "site-search")
    box.send_keys("index")
    box.submit()
    open_page(browser, browser.current_url)
    assert "search.html?q=index" in browser.current_url
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li a")
    assert results, "no search results for 'index'"
    assert browser.find_element(By.ID, "search-query").get_attribute("value") == "index"


def test_slash_focuses_the_search_box(browser, site):
    open_page(browser, (site / "tags" / "index.html").as_uri())
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "site-search"


def test_skip_link_moves_focus_to_main(browser, site):
    open_page(browser, (site / "index.html").as_uri())
    browser.find_element(By.TAG_NAME, "body").send_keys("\t")
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    assert active.is_displayed()


def test_table_of_contents_numbers_sections_only(browser, site):
    # Subsections share the list with their sections, marked with a circle; they take no number,
    # so the section after one is not numbered as if it had been skipped.
    open_page(browser, (site / "databases" / "sql-vs-nosql.html").as_uri())
    items = browser.execute_script(
        "return [...document.querySelectorAll('.toc li')].map(li => [li.classList.contains('nested'), getComputedStyle(li).counterIncrement])")
    nested = [increment for is_nested, increment in items if is_nested]
    assert nested and all(increment == "list-item 0" for increment in nested), items
    assert any(not is_nested for is_nested, _ in items)
