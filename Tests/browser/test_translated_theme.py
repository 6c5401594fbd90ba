"""Covers: a German site over file://: the words the scripts write come from the table the build
wrote (assets/strings.js), the site's own override included, with no console errors."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import WAIT, build_fixture, console_problems


@pytest.fixture(scope="module")
def german(tmp_path_factory):
    return build_fixture(tmp_path_factory, "translated")


def open_page(browser, german, path, query=""):
    console_problems(browser)
    browser.get((german / path).as_uri() + query)
    return browser


def test_search_page_speaks_german(browser, german):
    driver = open_page(browser, german, "search.html")
    status = driver.find_element(By.ID, "search-status")
    WebDriverWait(driver, WAIT).until(lambda d: "Tippen Sie" in status.text)
    assert status.text == "Tippen Sie, um 3 Fragen zu durchsuchen, oder wählen Sie einen Filter."
    driver.find_element(By.ID, "search-query").send_keys("Index")
    WebDriverWait(driver, WAIT).until(lambda d: "passt" in status.text)
    assert status.text in ("1 Frage passt.", "2 Fragen passen.")
    assert console_problems(driver) == []


def test_practice_page_speaks_german_with_the_sites_own_words(browser, german):
    driver = open_page(browser, german, "practice.html", "?deck=all&limit=all")
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".reveal-button"))
    assert driver.find_element(By.ID, "deck-heading").text == "Karten auswählen"
    assert driver.find_element(By.CSS_SELECTOR, ".reveal-button").text.startswith("Lösung zeigen")
    assert driver.find_element(By.CSS_SELECTOR, ".card-position .position").text == "Karte 1 von 3"
    assert console_problems(driver) == []


def test_search_results_name_difficulty_and_kind_in_german(browser, german):
    driver = open_page(browser, german, "search.html", "?q=Isolationsstufen")
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .result-meta"))
    meta = driver.find_element(By.CSS_SELECTOR, "#search-results .result-meta").text
    assert "Experte" in meta and "Fachlich" in meta
    assert console_problems(driver) == []
