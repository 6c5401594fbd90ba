"""Covers: search in any script over file://: a page in each of nine languages is found by words of its own text,
Han/kana/Hangul by any run of two or more characters, with highlights and right-to-left results."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import build_fixture, console_problems
from test_search import results_after_typing

# (query as a reader types it, the page it must find first)
QUERIES = [
    ("索引", "chinese"),
    ("数据库", "chinese"),
    ("查询速度", "chinese"),                 # a run inside a sentence, not a word of its own
    ("キャッシュ", "japanese"),
    ("読み取り", "japanese"),
    ("인덱스", "korean"),
    ("검색 속도", "korean"),
    ("кэш", "russian"),                      # typed: a prefix of "кэширование" too
    ("Кэширование", "russian"),
    ("нагрузку", "russian"),
    ("μνήμη", "greek"),
    ("μνημη", "greek"),                      # without the accent
    ("οδος", "greek"),                       # lower case of ΟΔΟΣ, final sigma included
    ("البيانات", "arabic"),
    ("נתונים", "hebrew"),
    ("अनुक्रमण", "hindi"),
    ("Größe", "german"),
    ("grosse", "german"),                    # ö without its dots, ß as ss
    ("Strasse", "german"),
]


@pytest.fixture(scope="module")
def multilingual_site(tmp_path_factory):
    return build_fixture(tmp_path_factory, "multilingual")


def opened(browser, page):
    """The page open in the browser; no console errors when the test is done."""
    browser.get(page.as_uri())
    yield browser
    assert console_problems(browser) == []


@pytest.fixture
def search_page(browser, multilingual_site):
    yield from opened(browser, multilingual_site / "search.html")


@pytest.mark.parametrize("query,page", QUERIES)
def test_a_word_of_the_page_finds_it_first(search_page, multilingual_site, query, page):
    hrefs = results_after_typing(search_page, query)
    assert hrefs[:1] == [(multilingual_site / "languages" / f"{page}.html").as_uri()], f"{query!r} → {hrefs}"


def test_a_query_loads_only_the_index_files_it_needs(search_page):
    results_after_typing(search_page, "数据库")
    loaded = search_page.execute_script("return window.StudyGuideSearch.manifest().files")
    fetched = search_page.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('script[src]'), function (s) { return s.src; })")
    index_files = [name for name in loaded if name.startswith("search/post-") or name.startswith("search/vocab-")]
    fetched_index = [url for url in fetched if "/search/post-" in url or "/search/vocab-" in url]
    assert len(index_files) > 50
    assert 0 < len(fetched_index) <= 4, fetched_index


def test_paired_characters_are_highlighted_where_they_match(search_page):
    results_after_typing(search_page, "索引")
    first = search_page.find_element(By.CSS_SELECTOR, "#search-results li")
    marks = [m.text for m in first.find_elements(By.CSS_SELECTOR, ".result-title mark")]
    assert marks == ["索引"], marks


def test_right_to_left_results_take_their_own_direction(search_page):
    results_after_typing(search_page, "البيانات")
    first = search_page.find_element(By.CSS_SELECTOR, "#search-results li")
    for selector in (".result-title", ".result-snippet"):
        element = first.find_element(By.CSS_SELECTOR, selector)
        assert element.get_attribute("dir") == "auto"
        assert search_page.execute_script("return getComputedStyle(arguments[0]).direction", element) == "rtl"
    results_after_typing(search_page, "Größe")
    title = search_page.find_element(By.CSS_SELECTOR, "#search-results li .result-title")
    assert search_page.execute_script("return getComputedStyle(arguments[0]).direction", title) == "ltr"


def searched_terms(browser, query):
    """The index terms the search engine looks up for a finished query (a space after it)."""
    return browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "StudyGuideSearch.search({query: arguments[0] + ' '}).then(function (r) { done(r.terms); });", query)


@pytest.fixture(scope="module")
def german_site(tmp_path_factory):
    return build_fixture(tmp_path_factory, "german")


@pytest.fixture
def german_search(browser, german_site):
    yield from opened(browser, german_site / "search.html")


# (query, pages that must be found). The site is stemmed by Snowball's German stemmer, which the
# browser does not run: queries map through the forms and endings the index ships.
GERMAN_QUERIES = [
    ("Datenbanken ", ["normalform"]),                  # inflected; only "Datenbank" is written
    ("Tabelle ", ["indizes", "sperren"]),              # the pages say "Tabellen"
    ("Transaktion ", ["sperren"]),                     # the page says "Transaktionen"
    ("Änderungen ", ["indizes", "normalform", "sperren"]),
]


@pytest.mark.parametrize("query,pages", GERMAN_QUERIES)
def test_an_inflected_german_query_finds_the_base_form(german_search, german_site, query, pages):
    hrefs = results_after_typing(german_search, query)
    expected = {(german_site / "datenbanken" / f"{page}.html").as_uri() for page in pages}
    assert set(hrefs) == expected, f"{query!r} → {hrefs}"


def test_the_inflected_word_is_highlighted_in_the_german_snippet(german_search):
    results_after_typing(german_search, "Datenbanken ")
    marks = [m.text for m in german_search.find_elements(By.CSS_SELECTOR, "#search-results li mark")]
    assert "Datenbank" in marks, marks


@pytest.mark.parametrize("query,term", [("Datenbanken", "datenbank"), ("Tabellen", "tabell"), ("Tabelle", "tabell"),
                                        ("Sperre", "sperr"), ("Indizes", "indiz")])
def test_a_german_query_word_is_searched_as_the_term_the_build_made(german_search, query, term):
    # Not through typo tolerance, which would also find some of these: the word maps to the term.
    assert searched_terms(german_search, query) == [term]


@pytest.fixture(scope="module")
def russian_site(tmp_path_factory):
    return build_fixture(tmp_path_factory, "russian")


@pytest.fixture
def russian_search(browser, russian_site):
    yield from opened(browser, russian_site / "search.html")


# Cyrillic words go through the same forms and endings as German ones, in vocabulary files
# picked by their first character.
@pytest.mark.parametrize("query,term,page", [
    ("Кэширование", "кэширован", "kesh"),        # a form the site writes
    ("кэширования", "кэширован", "kesh"),        # one it does not: the ending "ия" goes
    ("репликации", "репликац", "replikatsiya"),
    ("Транзакция", "транзакц", "tranzaktsiya"),
])
def test_a_russian_query_word_is_searched_as_its_stem(russian_search, russian_site, query, term, page):
    assert searched_terms(russian_search, query) == [term]
    hrefs = results_after_typing(russian_search, query + " ")
    assert hrefs[:1] == [(russian_site / "dannye" / f"{page}.html").as_uri()], hrefs
