"""Covers: question pages on a 390 x 844 phone screen (mobile emulation over file://): the short
answer ends within the first screen, the study panel is one row of controls with the notes
collapsed behind a Notes button that opens them, nothing overflows sideways, the German words of
a translated theme, an axe-core scan at that size; and on a 1280 x 900 screen the panel as before
(notes shown, no Notes button)."""
import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import WAIT, build_fixture, console_problems
from test_study import axe_source

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True}
# One row of buttons (about 36 px) under a line of state text (about 20 px), plus padding and
# borders, is about 75 px; a second row of buttons would take the panel past this.
PANEL_MAX = 100


def _registered(path):
    text = path.read_text(encoding="utf-8")
    start = text.index(",") + 1 if path.name.startswith("cards-") else text.index("(") + 1
    return json.loads(text[start:text.rindex(")")])


def longest_questions(root, count=3):
    """The site's question pages with the most words before the short answer ends (title, tags
    and summary): the hardest to fit on a phone screen."""
    cards = _registered(root / "study" / "deck.js")["cards"]
    summaries = {}
    for chunk in sorted((root / "study").glob("cards-*.js")):
        summaries.update({slug: entry["summary"] for slug, entry in _registered(chunk).items()})
    weight = lambda card: len(card["title"]) + len(" ".join(card["tags"])) + len(summaries.get(card["slug"], ""))
    return [card["url"] for card in sorted(cards, key=weight, reverse=True)[:count]]


@pytest.fixture
def phone(browser):
    """The shared browser as a phone, with empty storage; back to the desktop window afterwards."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    yield browser
    browser.execute_script("localStorage.clear();")
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture(scope="module")
def german(tmp_path_factory):
    return build_fixture(tmp_path_factory, "translated")


def open_question(driver, root, path):
    console_problems(driver)
    driver.get((root / path).as_uri())
    driver.execute_script("localStorage.clear();")
    driver.refresh()
    WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, ".study-tools").is_displayed())
    assert console_problems(driver) == [], f"console errors on {path}"
    return driver


def rect(driver, css):
    return driver.execute_script("return arguments[0].getBoundingClientRect().toJSON();",
                                 driver.find_element(By.CSS_SELECTOR, css))


def assert_fits_a_phone(driver, path):
    assert driver.execute_script("return [innerWidth, innerHeight]") == [390, 844]
    assert rect(driver, ".short-answer")["bottom"] <= 844, f"{path}: the short answer ends below the first screen"
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 390, f"{path}: the page is wider than the screen"
    assert rect(driver, ".study-tools")["height"] <= PANEL_MAX, f"{path}: the study panel is too tall"
    tops = [b.rect["y"] for b in driver.find_elements(By.CSS_SELECTOR, ".study-buttons button")]
    assert len(tops) == 5 and max(tops) - min(tops) <= 3, f"{path}: the study controls are not one row: {tops}"
    assert not driver.find_element(By.CSS_SELECTOR, ".study-notes").is_displayed(), f"{path}: the notes are not collapsed"


def test_question_pages_fit_a_phone_screen(phone, site):
    for path in ["databases/sql-vs-nosql.html"] + longest_questions(site):
        if (site / path).is_file():
            assert_fits_a_phone(open_question(phone, site, path), path)


def test_notes_open_from_the_notes_button_and_stay_collapsed_after_a_reload(phone, site):
    driver = open_question(phone, site, "databases/sql-vs-nosql.html")
    toggle = driver.find_element(By.CSS_SELECTOR, ".notes-toggle")
    note = driver.find_element(By.CSS_SELECTOR, ".study-tools textarea")
    assert toggle.text == "Notes" and toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == driver.find_element(By.CSS_SELECTOR, ".study-notes").get_attribute("id")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and note.is_displayed()
    assert driver.switch_to.active_element == note, "opening the notes does not move focus into them"
    note.send_keys("draw the CAP triangle")
    WebDriverWait(driver, WAIT).until(lambda d: "draw the CAP triangle" in (d.execute_script(
        "return localStorage.getItem(document.body.getAttribute('data-storage-key') + ':v1')") or ""))

    driver.refresh()
    toggle = WebDriverWait(driver, WAIT).until(lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, ".notes-toggle")), None))
    WebDriverWait(driver, WAIT).until(lambda d: toggle.is_displayed())
    assert not driver.find_element(By.CSS_SELECTOR, ".study-notes").is_displayed()
    assert toggle.text == "Notes •", "the button does not show that a note is kept"
    # From the keyboard: the button opens and closes the notes with Enter and Space.
    toggle.send_keys(Keys.ENTER)
    note = driver.find_element(By.CSS_SELECTOR, ".study-tools textarea")
    assert note.is_displayed() and note.get_attribute("value") == "draw the CAP triangle"
    toggle.send_keys(Keys.SPACE)
    assert toggle.get_attribute("aria-expanded") == "false" and not note.is_displayed()


def test_translated_question_page_fits_a_phone_screen(phone, german):
    path = "datenbanken/indizes.html"
    driver = open_question(phone, german, path)
    assert_fits_a_phone(driver, path)
    assert driver.find_element(By.CSS_SELECTOR, ".notes-toggle").text == "Notizen"


def test_desktop_keeps_the_notes_open_and_every_control_visible(browser, site):
    driver = open_question(browser, site, "databases/sql-vs-nosql.html")
    assert driver.execute_script("return innerWidth") > 1000
    assert not driver.find_element(By.CSS_SELECTOR, ".notes-toggle").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".study-tools textarea").is_displayed()
    width = driver.execute_script("return innerWidth")
    for button in driver.find_elements(By.CSS_SELECTOR, ".study-buttons button"):
        if "notes-toggle" not in button.get_attribute("class"):
            assert button.is_displayed() and button.rect["x"] + button.rect["width"] <= width
    driver.execute_script("localStorage.clear();")


def test_no_serious_accessibility_violations_on_a_phone(phone, site):
    driver = open_question(phone, site, "databases/sql-vs-nosql.html")
    source = axe_source()
    driver.set_script_timeout(60)
    found = {}
    for state in ("notes collapsed", "notes open"):
        if state == "notes open":
            driver.find_element(By.CSS_SELECTOR, ".notes-toggle").click()
        driver.execute_script(source)
        result = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations'], preload: false}, function (error, results) {"
            " done(error ? {error: String(error)} : results); });")
        assert "error" not in result, result
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        if bad:
            found[state] = bad
    assert found == {}, f"serious or critical accessibility violations: {found}"
