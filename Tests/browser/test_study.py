"""Covers: the study features over file:// in headless Chromium: practice mode and its FSRS-6
scheduler (with an injected clock, checked against vectors from the reference `fsrs` package),
progress in localStorage (one versioned key, migration from the v0 shape and from SM-2 progress),
the desired-retention setting, the review log, export / reset / import, progress bars, question-page study tools, the mock
interview, pages without JavaScript, blocked storage, and an axe-core accessibility scan."""
import datetime
import html
import json
import os
import pathlib
import re
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, WAIT, _options, console_problems

DAY = 86400000
MINUTE = 60000
# Local noon, so that "due today" (due before the end of the local day) is unambiguous.
NOON = int(datetime.datetime(2026, 1, 15, 12, 0).timestamp() * 1000)


def assert_same_schedule(results, expected):
    """Each (due, stability, difficulty) the page computed is the reference's step: the same day,
    stability and difficulty within float rounding."""
    for (due, stability, difficulty), step in zip(results, expected):
        assert due // DAY == step["due"] // DAY, step
        assert stability == pytest.approx(step["stability"], rel=1e-5, abs=1e-6), step
        assert difficulty == pytest.approx(step["difficulty"], abs=1e-5), step


# The site under test, as the `site` fixture finds it: the tests name cards and count them from
# its deck, so new content does not break them.
ROOT = pathlib.Path(os.environ.get("STUDYGUIDE_SITE", REPO / "public")).resolve()


def _registered(path):
    """The data a study script registers: the JSON argument after the chunk number, if any."""
    text = (ROOT / path).read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1 if path.startswith("study/cards-") else text.index("(") + 1:text.rindex(")")])


DECK = _registered("study/deck.js")["cards"]
FIRST = DECK[0]["slug"]                                      # the first card of the deck
CATEGORY = DECK[0]["category"]                               # its category (the first one)
SECOND = next(c["slug"] for c in DECK[1:] if c["category"] == CATEGORY)  # another card of it
IN_CATEGORY = sum(1 for c in DECK if c["category"] == CATEGORY)
IN_DATABASES = sum(1 for c in DECK if c["category"] == "databases")
OUTSIDE = next(c["slug"] for c in DECK if c["category"] != CATEGORY)     # a card of another category
FIRST_SUMMARY = _registered("study/cards-0.js")[FIRST]["summary"]
TITLE = html.unescape(re.search(r"<h1[^>]*>([^<]*)</h1>", (ROOT / CATEGORY / "index.html").read_text(encoding="utf-8")).group(1))


class Clock:
    """Sets window.__studyguideNow on every new document, and on the current one."""

    def __init__(self, driver):
        self.driver = driver
        self.identifier = None

    def set(self, ms):
        self.clear()
        source = "window.__fakeNow = %d; window.__studyguideNow = function () { return window.__fakeNow; };" % ms
        self.identifier = self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})["identifier"]
        try:
            self.driver.execute_script("window.__fakeNow = arguments[0];", ms)
        except Exception:  # no document yet
            pass

    def clear(self):
        if self.identifier is not None:
            self.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.identifier})
            self.identifier = None


@pytest.fixture
def page(browser, site):
    """The shared browser with empty storage before and after the test; page(path) opens a page."""
    injected = []

    def clean():
        browser.get((site / "index.html").as_uri())
        browser.execute_script("localStorage.clear();")
        console_problems(browser)

    clean()

    def open_page(path, check_console=True):
        file, _, query = path.partition("?")
        browser.get((site / file).as_uri() + ("?" + query if query else ""))
        if check_console:
            problems = console_problems(browser)
            assert problems == [], f"console errors on {path}: {problems}"
        return browser

    open_page.driver = browser
    open_page.clock = Clock(browser)
    open_page.inject = lambda source: injected.append(
        browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})["identifier"])
    yield open_page
    open_page.clock.clear()
    for identifier in injected:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": identifier})
    clean()


def storage_key(driver):
    return driver.execute_script("return document.body.getAttribute('data-storage-key')") + ":v1"


def stored(driver):
    text = driver.execute_script("return localStorage.getItem(arguments[0])", storage_key(driver))
    return json.loads(text) if text else None


def press(driver, keys):
    ActionChains(driver).send_keys(keys).perform()


def wait_for(driver, css, timeout=WAIT):
    return WebDriverWait(driver, timeout).until(lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()), None))


def current_slug(driver):
    return driver.find_element(By.CSS_SELECTOR, ".practice-card").get_attribute("data-slug")


def session_slugs(driver):
    """The cards of the practice session, in order, read by stepping through them with j."""
    slugs = []
    while driver.find_elements(By.CSS_SELECTOR, ".practice-card"):
        slugs.append(current_slug(driver))
        press(driver, "j")
    return slugs


def exported_file(driver, folder):
    """Clicks Export progress and returns the JSON of the file the browser saved."""
    folder.mkdir(exist_ok=True)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    driver.find_element(By.CSS_SELECTOR, ".export-progress").click()
    # The file can appear before Chromium has written it: wait until it holds a whole JSON document.
    def whole(_):
        for path in folder.glob("studyguide-progress-*.json"):
            text = path.read_text(encoding="utf-8")
            try:
                json.loads(text)
                return text
            except ValueError:
                return None
        return None
    return WebDriverWait(driver, WAIT).until(whole)


def rate(driver, rating):
    """Reveals the current card and clicks a rating; returns the rated slug."""
    slug = current_slug(driver)
    driver.find_element(By.CSS_SELECTOR, ".reveal-button").click()
    wait_for(driver, ".card-summary")
    driver.find_element(By.CSS_SELECTOR, ".rate-" + rating).click()
    return slug


# ---- Practice mode ----

def test_reveal_with_space_rate_with_keys_and_state_survives_reload(page):
    driver = page(f"practice.html?cards={FIRST},{SECOND}")
    page.clock.set(NOON)
    driver.refresh()
    assert not driver.find_element(By.CSS_SELECTOR, ".study-fallback").is_displayed(), "the no-JS fallback should hide"
    assert driver.find_element(By.ID, "practice-app").is_displayed()
    assert current_slug(driver) == FIRST
    assert not driver.find_element(By.CSS_SELECTOR, ".card-back").is_displayed(), "the answer shows before it is revealed"
    press(driver, " ")
    summary = wait_for(driver, ".card-summary")
    assert FIRST_SUMMARY[:40] in summary.text
    assert driver.find_element(By.CSS_SELECTOR, ".card-answer").get_attribute("innerHTML").strip(), "the full answer is empty"
    note = driver.find_element(By.CSS_SELECTOR, ".card-back textarea")
    note.send_keys("remember the event loop")
    note.send_keys("\t")  # blur: the note is saved on change
    driver.find_element(By.CSS_SELECTOR, ".card-title").click()  # focus away from the textarea, keys go to the page
    press(driver, "3")    # Good
    assert current_slug(driver) == SECOND
    entry = stored(driver)["cards"][FIRST]
    # FSRS-6, Good on a new card: stability w2 = 2.3065 days, due in round(2.3065) = 2 days.
    assert entry["state"] == "learning" and entry["stability"] == pytest.approx(2.3065) and entry["reps"] == 1
    assert entry["due"] == NOON + 2 * DAY and entry["lastReview"] == NOON
    assert entry["log"] == [{"rating": "good", "time": NOON, "elapsed": 0}]
    assert entry["note"] == "remember the event loop"
    assert "Rated good" in driver.find_element(By.CSS_SELECTOR, ".practice-status").text

    driver.refresh()
    assert stored(driver)["cards"][FIRST]["due"] == NOON + 2 * DAY
    assert "Learning" in driver.find_element(By.CSS_SELECTOR, ".practice-card .card-state").text
    driver = page(f"{CATEGORY}/{FIRST}.html")
    tools = driver.find_element(By.CSS_SELECTOR, ".study-tools")
    assert tools.is_displayed() and "Learning" in tools.text
    assert tools.find_element(By.TAG_NAME, "textarea").get_attribute("value") == "remember the event loop"


def test_scheduler_brings_a_card_back_after_its_interval(page):
    page.clock.set(NOON)
    driver = page("practice.html?deck=new&limit=1")
    assert rate(driver, "good") == FIRST
    assert "Session complete" in driver.find_element(By.ID, "session-heading").text
    assert stored(driver)["cards"][FIRST]["due"] == NOON + 2 * DAY

    page.clock.set(NOON + 10 * 3600 * 1000)   # 22:00 the same day: not due yet
    driver = page("practice.html?deck=due")
    assert "Nothing to practise" in driver.find_element(By.ID, "session-heading").text
    assert "next card is due in 2 days" in driver.find_element(By.CSS_SELECTOR, ".session-empty").text

    page.clock.set(NOON + 2 * DAY)            # on time: due
    driver = page("practice.html?deck=due")
    assert current_slug(driver) == FIRST
    rate(driver, "good")                      # stability 10.96 days: due in 11
    entry = stored(driver)["cards"][FIRST]
    assert entry["due"] == NOON + 13 * DAY and entry["stability"] == pytest.approx(10.9643, abs=1e-4)

    page.clock.set(NOON + 13 * DAY)
    driver = page("practice.html?deck=due")
    assert current_slug(driver) == FIRST
    assert rate(driver, "again") == FIRST     # a lapse: due in 2 days, and again this session
    entry = stored(driver)["cards"][FIRST]
    assert entry["reps"] == 3 and entry["lapses"] == 1
    assert entry["due"] == NOON + 15 * DAY and entry["stability"] == pytest.approx(1.5383, abs=1e-4)
    assert [e["elapsed"] for e in entry["log"]] == [0, 2, 11]
    assert current_slug(driver) == FIRST, "a card rated Again comes back later in the session"

    driver = page(f"{CATEGORY}/{FIRST}.html")
    assert "next review in 2 days" in driver.find_element(By.CSS_SELECTOR, ".study-state").text
    page.clock.set(NOON + 15 * DAY)
    driver.refresh()
    assert "due for review now" in driver.find_element(By.CSS_SELECTOR, ".study-state").text


def test_easy_ratings_grow_the_interval_until_the_card_is_known(page):
    page.clock.set(NOON)
    driver = page(f"practice.html?cards={FIRST}")
    rate(driver, "easy")
    entry = stored(driver)["cards"][FIRST]
    assert (entry["due"], entry["state"]) == (NOON + 8 * DAY, "learning")
    page.clock.set(NOON + 8 * DAY)
    driver = page(f"practice.html?cards={FIRST}")
    rate(driver, "easy")                      # stability 65.6 days: known
    entry = stored(driver)["cards"][FIRST]
    assert (entry["due"], entry["state"]) == (NOON + 74 * DAY, "known")
    assert entry["difficulty"] == pytest.approx(1.0)


def test_decks_from_filters_starred_and_url(page):
    driver = page("practice.html?category=databases&difficulty=advanced&limit=all")
    expected = [c["slug"] for c in DECK if c["category"] == "databases" and c["difficulty"] == "advanced"]
    assert driver.find_element(By.ID, "practice-category").get_attribute("value") == "databases"
    driver.find_element(By.CSS_SELECTOR, ".practice-card .star-toggle").click()
    assert session_slugs(driver) == expected and expected

    driver = page("practice.html?deck=starred")
    assert session_slugs(driver) == [expected[0]]

    driver = page("practice.html?cards=nope,%s,also-nope" % SECOND)
    assert session_slugs(driver) == [SECOND]
    driver.find_element(By.ID, "practice-deck").send_keys("New")
    driver.find_element(By.ID, "practice-kind").send_keys("System design")
    driver.find_element(By.CSS_SELECTOR, ".deck-form button[type=submit]").click()
    kind = {c["slug"]: c["kind"] for c in DECK}
    kinds = [kind[slug] for slug in session_slugs(driver)]
    assert kinds and set(kinds) == {"system-design"}


def test_keyboard_navigation_and_shortcuts_dialog(page):
    driver = page(f"practice.html?cards={FIRST},{SECOND}")
    press(driver, "j")
    assert current_slug(driver) == SECOND
    press(driver, "k")
    assert current_slug(driver) == FIRST
    dialog = driver.find_element(By.CSS_SELECTOR, "dialog.shortcuts-dialog")
    assert not dialog.is_displayed()
    press(driver, "?")
    assert dialog.is_displayed()
    assert driver.execute_script("return arguments[0].matches(':modal')", dialog), "a modal dialog: focus trap, inert page"
    labelled = driver.find_element(By.ID, dialog.get_attribute("aria-labelledby")).text
    assert labelled == "Keyboard shortcuts"
    assert driver.switch_to.active_element.text == "Close"
    press(driver, "j")  # ignored while the dialog is open
    assert current_slug(driver) == FIRST
    press(driver, "\ue00c")  # Escape
    assert not dialog.is_displayed()
    assert stored(driver) is None, "navigating must not record progress"

    opener = driver.find_element(By.CSS_SELECTOR, ".shortcuts-button")
    opener.click()
    assert dialog.is_displayed()
    driver.switch_to.active_element.click()  # Close
    assert not dialog.is_displayed()
    assert driver.switch_to.active_element == opener, "closing gives focus back to what opened the dialog"
    opener.click()
    ActionChains(driver).move_to_element(dialog).click().perform()
    assert dialog.is_displayed(), "a click in the dialog keeps it open"
    ActionChains(driver).move_to_element(dialog).move_by_offset(0, dialog.size["height"] // 2 + 20).click().perform()
    assert not dialog.is_displayed(), "a click on the backdrop closes the dialog"


# ---- Export, reset, import ----

def test_export_reset_import_restores_the_same_state(page, tmp_path):
    page.clock.set(NOON)
    driver = page(f"practice.html?cards={FIRST},{SECOND}")
    rate(driver, "good")
    driver.find_element(By.CSS_SELECTOR, ".practice-card .star-toggle").click()
    rate(driver, "hard")
    before = stored(driver)
    assert set(before["cards"]) == {FIRST, SECOND}

    exported = exported_file(driver, tmp_path / "downloads")
    assert json.loads(exported)["version"] == 2
    assert json.loads(exported)["cards"] == before["cards"]
    assert before["cards"][SECOND]["log"] == [{"rating": "hard", "time": NOON, "elapsed": 0}]
    assert "Exported 2 cards" in driver.find_element(By.CSS_SELECTOR, ".io-status").text

    driver.execute_script("window.confirm = function () { return false; };")
    driver.find_element(By.CSS_SELECTOR, ".reset-progress").click()
    assert stored(driver) == before, "a cancelled reset must keep progress"
    driver.execute_script("window.confirm = function () { return true; };")
    driver.find_element(By.CSS_SELECTOR, ".reset-progress").click()
    assert stored(driver) is None
    assert "0 known" in driver.find_element(By.CSS_SELECTOR, ".progress-summary").text

    path = tmp_path / "progress.json"
    path.write_text(exported)
    driver.find_element(By.ID, "import-progress").send_keys(str(path))
    WebDriverWait(driver, WAIT).until(lambda d: "Imported" in d.find_element(By.CSS_SELECTOR, ".io-status").text)
    assert "Imported 2 cards. Nothing was ignored." in driver.find_element(By.CSS_SELECTOR, ".io-status").text
    assert stored(driver)["cards"] == before["cards"], "the review log and memory state survive export and import"
    assert "2 learning" in driver.find_element(By.CSS_SELECTOR, ".progress-summary").text


def test_import_reports_what_it_ignored(page, tmp_path):
    driver = page("practice.html")
    data = {"version": 1, "cards": {
        FIRST: {"state": "known", "ease": 2.6, "interval": 30, "due": NOON, "reps": 4, "lapses": 0, "starred": True, "note": "ok", "lastReview": NOON},
        SECOND: {"state": "learning", "ease": "high"},
        "no-such-question": {"state": "known"},
    }}
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(data))
    driver.find_element(By.ID, "import-progress").send_keys(str(path))
    status = WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, ".io-status").text)
    assert "Imported 1 card. Ignored 2:" in status
    assert "no-such-question: unknown question" in status
    assert f"{SECOND}: bad ease" in status
    assert set(stored(driver)["cards"]) == {FIRST}
    first = stored(driver)["cards"][FIRST]       # a version 1 (SM-2) file is converted on import
    assert first["stability"] == 30 and first["state"] == "known" and "ease" not in first

    path.write_text(json.dumps({"version": 7, "cards": {}}))
    driver.find_element(By.ID, "import-progress").send_keys(str(path))
    WebDriverWait(driver, WAIT).until(lambda d: "Import failed" in d.find_element(By.CSS_SELECTOR, ".io-status").text)
    assert "Unsupported version" in driver.find_element(By.CSS_SELECTOR, ".io-status").text
    assert set(stored(driver)["cards"]) == {FIRST}


def test_migration_from_the_v0_progress_key(page):
    driver = page("index.html")
    base = driver.execute_script("return document.body.getAttribute('data-storage-key')")
    assert base.startswith("studyguide:")
    driver.execute_script("localStorage.setItem(arguments[0], JSON.stringify(arguments[1]));", base + ":progress",
                          {FIRST: "known", SECOND: "learning", OUTSIDE: "weird"})
    driver = page("index.html")
    data = stored(driver)
    assert data["version"] == 2
    assert data["cards"][FIRST]["state"] == "known" and data["cards"][FIRST]["stability"] >= 21
    assert data["cards"][SECOND]["state"] == "learning"
    assert OUTSIDE not in data["cards"]
    assert driver.execute_script("return localStorage.getItem(arguments[0])", base + ":progress") is None
    bar = driver.find_element(By.CSS_SELECTOR, f".study-progress[data-category={CATEGORY}]")
    assert f"1 known · 1 learning · {IN_CATEGORY - 2} new" in bar.text


# ---- Progress bars and question tools ----

def test_progress_bars_reflect_ratings(page):
    page.clock.set(NOON)
    driver = page(f"practice.html?cards={FIRST},{SECOND}")
    rate(driver, "easy")
    rate(driver, "good")
    page.clock.set(NOON + 8 * DAY)                   # Easy 8 -> 66 days: known
    driver = page(f"practice.html?cards={FIRST}")
    rate(driver, "easy")

    driver = page("index.html")
    bar = driver.find_element(By.CSS_SELECTOR, f".study-progress[data-category={CATEGORY}]")
    assert f"1 known · 1 learning · {IN_CATEGORY - 2} new" in bar.text
    image = bar.find_element(By.CSS_SELECTOR, "[role=img]")
    assert image.get_attribute("aria-label") == f"Your progress in {TITLE}: 1 known, 1 learning, {IN_CATEGORY - 2} new"
    other = driver.find_element(By.CSS_SELECTOR, ".study-progress[data-category=databases]")
    assert f"0 known · 0 learning · {IN_DATABASES} new" in other.text

    driver = page(f"{CATEGORY}/index.html")
    bar = driver.find_element(By.CSS_SELECTOR, ".study-progress")
    assert f"1 known · 1 learning · {IN_CATEGORY - 2} new" in bar.text
    assert [s.get_attribute("class") for s in bar.find_elements(By.CSS_SELECTOR, ".segment")] == \
        ["segment segment-known", "segment segment-learning", "segment segment-new"]


def test_home_page_says_when_it_finds_no_progress(page):
    driver = page("index.html")
    assert "No practice progress found" in driver.find_element(By.CSS_SELECTOR, ".study-progress").text
    assert f"0 known · 0 learning · {IN_CATEGORY} new" in driver.find_element(By.CSS_SELECTOR, f".study-progress[data-category={CATEGORY}]").text


def test_question_page_star_notes_self_test_and_print(page):
    driver = page(f"{CATEGORY}/{FIRST}.html")
    tools = driver.find_element(By.CSS_SELECTOR, ".study-tools")
    assert tools.is_displayed()
    assert "New: not practised yet" in tools.text
    star = tools.find_element(By.CSS_SELECTOR, ".star-toggle")
    assert star.get_attribute("aria-pressed") == "false"
    star.click()
    assert star.get_attribute("aria-pressed") == "true"
    note = tools.find_element(By.TAG_NAME, "textarea")
    assert tools.find_element(By.CSS_SELECTOR, "label[for='%s']" % note.get_attribute("id")).text == "Your notes"
    note.send_keys("ask about backpressure")
    WebDriverWait(driver, WAIT).until(lambda d: (stored(d) or {}).get("cards", {}).get(FIRST, {}).get("note") == "ask about backpressure")

    answers = ".short-answer, .answer, .areas, .follow-ups, .red-flags"
    hide = tools.find_element(By.CSS_SELECTOR, ".hide-toggle")
    hide.click()
    assert hide.get_attribute("aria-pressed") == "true"
    assert all(not e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, answers))
    driver.refresh()
    assert all(not e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, answers)), "the preference was not remembered"
    assert driver.find_element(By.CSS_SELECTOR, ".star-toggle").get_attribute("aria-pressed") == "true"
    assert driver.find_element(By.CSS_SELECTOR, ".study-tools textarea").get_attribute("value") == "ask about backpressure"
    driver.find_element(By.CSS_SELECTOR, ".reveal-answers").click()
    assert all(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, answers))
    driver.find_element(By.CSS_SELECTOR, ".hide-toggle").click()
    assert stored(driver)["settings"]["hideAnswers"] is False

    driver.execute_script("window.__printed = []; window.print = function () { window.__printed.push(document.body.className); };")
    driver.find_element(By.CSS_SELECTOR, ".print-questions").click()
    driver.find_element(By.CSS_SELECTOR, ".print-answers").click()
    printed = driver.execute_script("return window.__printed")
    assert "print-questions-only" in printed[0] and "print-with-answers" in printed[1]
    # The class goes after printing (a timeout of 0, or afterprint): wait for that, not for a guessed delay.
    WebDriverWait(driver, WAIT).until(lambda d: "print-" not in d.execute_script("return document.body.className"))
    # The print stylesheet drops the answers for "questions only".
    driver.execute_script("document.body.classList.add('print-questions-only');")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element(By.CSS_SELECTOR, ".answer").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, "article.question h1").is_displayed()
        driver.execute_script("document.body.classList.remove('print-questions-only');")
        assert driver.find_element(By.CSS_SELECTOR, ".answer").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# ---- Mock interview ----

def run_interview(page, seed, shaky_at=(1,)):
    page.clock.set(NOON)
    driver = page(f"interview.html?seed={seed}")
    assert not driver.find_element(By.CSS_SELECTOR, ".study-fallback").is_displayed()
    driver.find_element(By.CSS_SELECTOR, ".start-interview").click()
    titles, kinds = [], []
    now = NOON
    while True:
        question = driver.find_element(By.CSS_SELECTOR, ".interview-question")
        titles.append(question.find_element(By.CSS_SELECTOR, "h2").text)
        kinds.append(question.get_attribute("data-kind"))
        if kinds[-1] in ("behavioral", "situational"):
            prompts = [dt.text for dt in question.find_elements(By.CSS_SELECTOR, ".star-prompts dt")]
            assert prompts == ["Situation", "Task", "Action", "Result"]
            WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".interview-areas li"))
        if len(titles) - 1 in shaky_at:
            question.find_element(By.CSS_SELECTOR, ".shaky").click()
        now += 90 * 1000 * len(titles)   # 1:30 on the first question, 3:00 on the second...
        page.clock.set(now)   # the timer shows it at its next tick, within a second
        expected = "%02d:%02d" % divmod(90 * len(titles), 60)
        WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, ".question-clock").text == expected)
        button = driver.find_element(By.CSS_SELECTOR, ".next-question")
        last = button.text == "Finish the interview"
        button.click()
        if last:
            break
    return driver, titles, kinds


def test_mock_interview_runs_to_its_summary(page):
    driver, titles, kinds = run_interview(page, 7)
    # The default mix, in order: 3 technical (or practical), 1 system design, 2 behavioral (or situational).
    assert len(kinds) == 6
    assert all(k in ("technical", "practical") for k in kinds[:3])
    assert kinds[3] == "system-design"
    assert all(k in ("behavioral", "situational") for k in kinds[4:])
    assert driver.find_element(By.CSS_SELECTOR, ".interview-done").text == "Interview finished"
    rows = driver.find_elements(By.CSS_SELECTOR, ".interview-times tbody tr")
    assert [r.find_element(By.CSS_SELECTOR, ".time").text for r in rows] == ["01:30", "03:00", "04:30", "06:00", "07:30", "09:00"]
    review = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".review-list a")]
    assert review == [titles[1]]
    link = driver.find_element(By.CSS_SELECTOR, ".practise-link")
    slug = rows[1].get_attribute("data-slug")
    assert link.get_attribute("href").endswith("practice.html?cards=" + slug)
    link.click()
    assert session_slugs(driver) == [slug]

    again, titles_again, _ = run_interview(page, 7, shaky_at=())
    assert titles_again == titles, "the same seed must pick the same questions"
    assert len(again.find_elements(By.CSS_SELECTOR, ".review-list a")) == 6, "nothing marked shaky: review everything"
    _, other, _ = run_interview(page, 8, shaky_at=())
    assert other != titles


# ---- Without JavaScript, and without storage ----

@pytest.fixture(scope="module")
def no_js_browser():
    driver = webdriver.Chrome(options=_options(javascript=False),
                              service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_every_page_kind_is_usable_without_javascript(no_js_browser, site):
    driver = no_js_browser
    driver.get((site / "index.html").as_uri())
    assert len(driver.find_elements(By.CSS_SELECTOR, ".category-tile h3 a")) >= 10
    assert all(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, ".category-tile h3 a"))
    assert driver.find_element(By.CSS_SELECTOR, ".study-progress").text == ""

    driver.get((site / f"{CATEGORY}/index.html").as_uri())
    assert len([c for c in driver.find_elements(By.CSS_SELECTOR, ".question-card") if c.is_displayed()]) == IN_CATEGORY

    driver.get((site / f"{CATEGORY}/{FIRST}.html").as_uri())
    for css in (".short-answer", ".answer", "article.question h1"):
        assert driver.find_element(By.CSS_SELECTOR, css).is_displayed(), css
    assert all(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, ".areas, .follow-ups, .red-flags"))
    assert not driver.find_element(By.CSS_SELECTOR, ".study-tools").is_displayed()

    driver.get((site / "search.html").as_uri())
    assert "needs JavaScript" in driver.find_element(By.ID, "search-status").text
    assert len([a for a in driver.find_elements(By.CSS_SELECTOR, ".search-fallback a") if a.is_displayed()]) >= 10

    driver.get((site / "practice.html").as_uri())
    assert driver.find_element(By.CSS_SELECTOR, ".study-fallback").is_displayed()
    assert not driver.find_element(By.ID, "practice-app").is_displayed()
    assert [a for a in driver.find_elements(By.CSS_SELECTOR, ".anki a[download]") if a.is_displayed()]

    driver.get((site / "interview.html").as_uri())
    fallback = driver.find_element(By.CSS_SELECTOR, ".study-fallback")
    assert fallback.is_displayed() and "45 minutes" in fallback.text
    assert len(fallback.find_elements(By.TAG_NAME, "a")) >= 10


def test_pages_work_when_local_storage_throws(page):
    page.inject("Object.defineProperty(window, 'localStorage', {configurable: true, get: function () {"
                " throw new DOMException('The operation is insecure.', 'SecurityError'); }});")
    driver = page("practice.html?cards=%s" % FIRST)
    assert "does not let the page store data" in driver.find_element(By.CSS_SELECTOR, "#practice-app .study-note").text
    rate(driver, "good")
    assert "Session complete" in driver.find_element(By.ID, "session-heading").text
    assert "1 learning" in driver.find_element(By.CSS_SELECTOR, ".progress-summary").text, "progress is kept in memory"
    driver = page("index.html")
    assert "does not let the page store data" in driver.find_element(By.CSS_SELECTOR, ".study-progress").text
    assert f"0 known · 0 learning · {IN_CATEGORY} new" in driver.find_element(By.CSS_SELECTOR, f".study-progress[data-category={CATEGORY}]").text
    driver = page(f"{CATEGORY}/{FIRST}.html")
    tools = driver.find_element(By.CSS_SELECTOR, ".study-tools")
    tools.find_element(By.CSS_SELECTOR, ".star-toggle").click()
    assert tools.find_element(By.CSS_SELECTOR, ".star-toggle").get_attribute("aria-pressed") == "true"
    driver = page("interview.html")
    assert driver.find_element(By.ID, "interview-app").is_displayed()


# ---- Accessibility ----

def axe_source() -> str:
    path = pathlib.Path(os.environ.get("AXE_JS", REPO / ".build" / "axe" / "axe.min.js"))
    if not path.is_file():
        pytest.fail(f"axe-core not found at {path}: run `make test-deps` (or set AXE_JS)")
    return path.read_text(encoding="utf-8")


def test_no_serious_accessibility_violations(page, site):
    source = axe_source()
    pages = ["index.html", f"{CATEGORY}/index.html", f"{CATEGORY}/{FIRST}.html", "search.html?q=cache",
             "practice.html?cards=%s" % FIRST, "practice.html?cards=%s#shortcuts" % FIRST, "interview.html"]
    found = {}
    for path in pages:
        driver = page(path)
        if path.endswith("#shortcuts"):       # the keyboard shortcuts dialog open
            driver.find_element(By.CSS_SELECTOR, ".shortcuts-button").click()
            assert driver.find_element(By.CSS_SELECTOR, "dialog.shortcuts-dialog").is_displayed()
        elif path.startswith("practice"):
            driver.find_element(By.CSS_SELECTOR, ".reveal-button").click()
            wait_for(driver, ".card-summary")
        driver.execute_script(source)
        driver.set_script_timeout(60)
        result = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations'], preload: false}, function (error, results) {"
            " done(error ? {error: String(error)} : results); });")
        assert "error" not in result, result
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        if bad:
            found[path] = bad
    assert found == {}, f"serious or critical accessibility violations: {found}"


# ---- FSRS-6 ----

VECTORS = json.loads((REPO / "Tests" / "browser" / "fsrs-vectors.json").read_text(encoding="utf-8"))


def test_scheduler_matches_the_reference_vectors(page):
    """Every step of scripts/fsrs_vectors.py's sequences (on time, early, late, same day, several
    retentions), replayed in the page: the due day, stability and difficulty of the reference."""
    driver = page("practice.html")
    results = driver.execute_script("""
        var out = [];
        arguments[0].forEach(function (c) {
          var card = {};
          c.steps.forEach(function (step) {
            card = StudyGuideStudy.scheduler.schedule(card, step.rating, step.time, c.retention);
            out.push([card.due, card.stability, card.difficulty]);
          });
        });
        return out;""", VECTORS["cases"])
    expected = [step for case in VECTORS["cases"] for step in case["steps"]]
    assert len(results) == len(expected) >= 200
    assert_same_schedule(results, expected)


def test_sm2_progress_migrates_once_to_fsrs_and_says_so(page):
    driver = page("index.html")
    sm2 = {"version": 1, "settings": {"hideAnswers": True}, "cards": {
        FIRST: {"state": "known", "ease": 2.5, "interval": 30, "due": NOON + 30 * DAY, "reps": 4, "lapses": 0,
                "starred": True, "note": "kept", "lastReview": NOON},
        SECOND: {"state": "learning", "ease": 1.3, "interval": 0, "due": NOON, "reps": 0, "lapses": 1,
                 "starred": False, "note": "", "lastReview": NOON},
    }}
    driver.execute_script("localStorage.setItem(arguments[0], JSON.stringify(arguments[1]));", storage_key(driver), sm2)
    page.clock.set(NOON)
    driver = page("practice.html")
    notice = driver.find_element(By.CSS_SELECTOR, ".fsrs-notice")
    assert "now uses FSRS scheduling" in notice.text
    data = stored(driver)
    assert data["version"] == 2 and "notice" not in data and data["settings"] == {"hideAnswers": True}
    first, second = data["cards"][FIRST], data["cards"][SECOND]
    assert "ease" not in first and "interval" not in first
    assert first["stability"] == 30 and first["difficulty"] == pytest.approx(10 - 1.2 / 1.7 * 9)
    assert first["state"] == "known" and first["due"] == NOON + 30 * DAY and first["note"] == "kept" and first["starred"]
    assert second["stability"] == 0.1 and second["difficulty"] == 10 and second["state"] == "learning"
    driver = page("practice.html")
    assert not driver.find_elements(By.CSS_SELECTOR, ".fsrs-notice"), "the notice shows once"


def test_desired_retention_setting_changes_the_next_interval(page, tmp_path):
    page.clock.set(NOON)
    driver = page(f"practice.html?cards={FIRST}")
    choice = driver.find_element(By.ID, "practice-retention")
    assert choice.get_attribute("value") == "0.9"
    values = [o.get_attribute("value") for o in choice.find_elements(By.TAG_NAME, "option")]
    assert values[0] == "0.8" and values[-1] == "0.97"
    driver.execute_script("arguments[0].value = '0.8'; arguments[0].dispatchEvent(new Event('change'));", choice)
    assert stored(driver)["settings"]["desiredRetention"] == 0.8
    assert "Desired retention set to 80%" in driver.find_element(By.CSS_SELECTOR, ".io-status").text
    rate(driver, "easy")                          # stability 8.3 days: 8 days at 0.9, 28 at 0.8
    entry = stored(driver)["cards"][FIRST]
    assert entry["due"] == NOON + 28 * DAY and entry["state"] == "known"
    driver = page(f"practice.html?cards={FIRST}")
    assert driver.find_element(By.ID, "practice-retention").get_attribute("value") == "0.8"
    exported = json.loads(exported_file(driver, tmp_path / "downloads"))
    assert exported["settings"]["desiredRetention"] == 0.8

    path = tmp_path / "retention.json"
    for given, kept in ((0.855, 0.8), (0.85, 0.85)):  # whole percents only, as the page offers them
        exported["settings"]["desiredRetention"] = given
        path.write_text(json.dumps(exported))
        driver.execute_script("document.querySelector('.io-status').textContent = '';")
        driver.find_element(By.ID, "import-progress").send_keys(str(path))
        WebDriverWait(driver, WAIT).until(lambda d: "Imported" in d.find_element(By.CSS_SELECTOR, ".io-status").text)
        assert stored(driver)["settings"]["desiredRetention"] == kept
    assert driver.find_element(By.ID, "practice-retention").get_attribute("value") == "0.85"
