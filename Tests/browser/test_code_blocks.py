"""Covers: code blocks highlighted at build time, over file://: the token spans and the exact
source text, line numbers drawn by CSS, marked lines, the copy button (the Clipboard API, the
execCommand fallback, a shell session's commands only, the keyboard, hover and focus, the site's
language, the practice page's answers), the page without JavaScript, and every colour's contrast
in light and dark mode, computed here and by axe-core."""
import os
import pathlib
import re
import shutil
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, WAIT, _options, build_fixture, console_problems
from test_study import axe_source

FIXTURE = REPO / "Tests" / "Fixtures" / "highlighting"
PAGE = "code/code-blocks.html"
SOURCE = FIXTURE / "content" / "code" / "code-blocks.md"
TOKEN_CLASSES = ("keyword type function string escape number constant comment operator punctuation "
                 "variable property attribute prompt output").split()


def source_blocks() -> list:
    """(language, text) of each fenced block of the fixture question, as the Markdown has them."""
    text = SOURCE.read_text(encoding="utf-8")
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w+)[^\n]*\n(.*?)^```$", text, re.S | re.M)]


BLOCKS = source_blocks()
LANGUAGES = [language for language, _ in BLOCKS]
CONSOLE_COMMANDS = 'psql -d shop -c "SELECT count(*) FROM orders"\ncurl -s http://localhost:8080/orders \\\n    | jq length'


@pytest.fixture(scope="module")
def code_site(tmp_path_factory):
    return build_fixture(tmp_path_factory, "highlighting")


@pytest.fixture
def page(browser, code_site):
    """The fixture question in the shared browser, in light mode unless a test says otherwise."""
    def open_page(scheme="light"):
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        console_problems(browser)
        browser.get((code_site / PAGE).as_uri())
        return browser
    yield open_page
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def code(driver, language):
    return driver.find_element(By.CSS_SELECTOR, f"pre > code.language-{language}")


def classes_of(driver, language) -> set:
    return set(driver.execute_script(
        "return Array.prototype.map.call(arguments[0].querySelectorAll('span'), function (s) { return s.className; });",
        code(driver, language)))


def test_the_fixture_has_the_blocks_the_tests_expect():
    assert LANGUAGES == ["sql", "js", "console", "http", "python", "brainfuck"]


def test_tokens_are_spans_and_the_text_is_the_source(page):
    driver = page()
    for language, text in BLOCKS:
        assert code(driver, language).get_attribute("textContent") == text, language
        classes = classes_of(driver, language)
        if language == "brainfuck":
            assert classes == set(), "an unknown language is left as plain text"
        else:
            assert classes & set(TOKEN_CLASSES), language
    assert {"keyword", "string", "number", "comment", "punctuation"} <= classes_of(driver, "sql")
    assert {"prompt", "output", "function"} <= classes_of(driver, "console")
    assert {"keyword", "attribute", "string"} <= classes_of(driver, "http")
    assert console_problems(driver) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_line_numbers_come_from_css_and_the_marked_line_stands_out(page, scheme):
    driver = page(scheme)
    element = code(driver, "js")
    lines = element.find_elements(By.CSS_SELECTOR, ".line")
    assert len(lines) == 4
    numbers = [driver.execute_script("return getComputedStyle(arguments[0], '::before').content;", line) for line in lines]
    assert numbers == ['"1"', '"2"', '"3"', '"4"']
    assert element.get_attribute("textContent") == dict(BLOCKS)["js"], "no digit is added to the text"
    assert [line.get_attribute("class") for line in lines] == ["line", "line marked", "line", "line"]
    background = lambda node: node.value_of_css_property("background-color")
    pre = element.find_element(By.XPATH, "..")
    assert background(lines[1]) not in (background(lines[0]), background(pre), "rgba(0, 0, 0, 0)")
    # hl_lines without linenos: marked lines, no numbers.
    python = code(driver, "python").find_elements(By.CSS_SELECTOR, ".line")
    assert [line.get_attribute("class") for line in python] == ["line", "line marked"]
    assert driver.execute_script("return getComputedStyle(arguments[0], '::before').content;", python[0]) == "none"
    assert background(python[1]) == background(lines[1])
    # The mark spans the longest line, which is wider than the block.
    width = driver.execute_script("return [arguments[0].scrollWidth, arguments[0].clientWidth, arguments[1].getBoundingClientRect().width];",
                                  pre, lines[1])
    assert width[0] > width[1] and width[2] >= width[0] - 2, width


def stub_clipboard(driver):
    """navigator.clipboard.writeText replaced by one that records what it is given."""
    driver.execute_script(
        "window.__copied = [];"
        "Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: function (text) {"
        " window.__copied.push(text); return Promise.resolve(); }}});")


def watch_labels(driver, button):
    """Every text the button shows from now on, in order."""
    driver.execute_script(
        "var button = arguments[0]; window.__labels = [];"
        "new MutationObserver(function () { window.__labels.push(button.textContent); })"
        ".observe(button, {childList: true, characterData: true, subtree: true});", button)


def copy_button(driver, language):
    return code(driver, language).find_element(By.XPATH, "../following-sibling::button[@class='copy-code']")


def test_every_block_has_a_named_copy_button_that_copies_its_text(page):
    driver = page()
    stub_clipboard(driver)
    assert len(driver.find_elements(By.CSS_SELECTOR, ".copy-code")) == len(BLOCKS)
    for language, text in BLOCKS:
        button = copy_button(driver, language)
        assert button.text == "Copy"
        assert button.get_attribute("aria-label") == "Copy code"
        assert button.accessible_name == "Copy code"
        watch_labels(driver, button)
        button.click()
        WebDriverWait(driver, WAIT).until(lambda d: "Copied" in d.execute_script("return window.__labels;"))
        copied = driver.execute_script("return window.__copied;")
        expected = CONSOLE_COMMANDS if language == "console" else text
        assert copied[-1] == expected, language
        assert button.get_attribute("aria-label") in ("Copied", "Copy code")
    WebDriverWait(driver, WAIT).until(lambda d: copy_button(d, "brainfuck").text == "Copy")
    assert console_problems(driver) == []


def test_copying_falls_back_to_exec_command_without_the_clipboard_api(page):
    driver = page()
    driver.execute_script(
        "window.__copied = [];"
        "Object.defineProperty(navigator, 'clipboard', {configurable: true, value: undefined});"
        "document.execCommand = function (command) { window.__copied.push([command, document.activeElement.value]); return true; };")
    textareas = len(driver.find_elements(By.TAG_NAME, "textarea"))  # the page's own note box
    button = copy_button(driver, "console")
    watch_labels(driver, button)
    button.click()
    assert driver.execute_script("return window.__copied;") == [["copy", CONSOLE_COMMANDS]]
    assert driver.switch_to.active_element == button, "focus goes back to the button"
    WebDriverWait(driver, WAIT).until(lambda d: "Copied" in d.execute_script("return window.__labels;"))
    assert len(driver.find_elements(By.TAG_NAME, "textarea")) == textareas, "the copy buffer is gone"


def test_the_copy_button_is_reached_and_pressed_with_the_keyboard(page):
    driver = page()
    stub_clipboard(driver)
    pre = code(driver, "sql").find_element(By.XPATH, "..")
    assert pre.get_attribute("tabindex") == "0"
    driver.execute_script("arguments[0].focus();", pre)
    driver.switch_to.active_element.send_keys(Keys.TAB)
    button = copy_button(driver, "sql")
    assert driver.switch_to.active_element == button
    assert button.value_of_css_property("opacity") == "1"
    button.send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return window.__copied.length;") == 1)
    assert driver.execute_script("return window.__copied[0];") == dict(BLOCKS)["sql"]


def test_with_a_mouse_the_button_shows_on_hover_and_on_focus(code_site):
    """Headless Chromium reports a touch screen (hover: none), where the button always shows;
    these settings make it a desktop with a mouse."""
    options = _options()
    options.add_argument("--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4")
    driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    try:
        driver.get((code_site / PAGE).as_uri())
        assert driver.execute_script("return matchMedia('(hover: hover)').matches;")
        button = copy_button(driver, "sql")
        pre = code(driver, "sql").find_element(By.XPATH, "..")
        assert button.value_of_css_property("opacity") == "0"
        ActionChains(driver).move_to_element(pre).perform()
        assert button.value_of_css_property("opacity") == "1"
        ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
        assert button.value_of_css_property("opacity") == "0"
        driver.execute_script("arguments[0].focus();", pre)
        assert button.value_of_css_property("opacity") == "1"
    finally:
        driver.quit()


def test_answers_the_practice_page_loads_get_copy_buttons(browser, code_site):
    console_problems(browser)
    browser.get((code_site / "practice.html").as_uri() + "?cards=code-blocks")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".reveal-button"))
    browser.find_element(By.CSS_SELECTOR, ".reveal-button").click()
    WebDriverWait(browser, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".card-answer pre"))
    assert len(browser.find_elements(By.CSS_SELECTOR, ".card-answer .code-block > pre + .copy-code")) == len(BLOCKS)
    assert console_problems(browser) == []


def test_the_button_speaks_the_sites_language(tmp_path):
    """The same question on a German site: the words come from the build's strings.js."""
    from test_serve import binary
    source = tmp_path / "source"
    shutil.copytree(FIXTURE, source)
    with open(source / "site.yml", "a", encoding="utf-8") as config:
        config.write("language: de\n")
    output = tmp_path / "site"
    subprocess.run([binary(), "build", "--source", str(source), "--themes", str(REPO / "themes"),
                    "--output", str(output), "--quiet"], check=True)
    driver = webdriver.Chrome(options=_options(), service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    try:
        driver.get((output / PAGE).as_uri())
        button = copy_button(driver, "sql")
        assert (button.text, button.get_attribute("aria-label")) == ("Kopieren", "Code kopieren")
    finally:
        driver.quit()


def test_without_javascript_the_code_is_highlighted_and_has_no_button(code_site):
    driver = webdriver.Chrome(options=_options(javascript=False),
                              service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    try:
        driver.get((code_site / PAGE).as_uri())
        assert driver.find_elements(By.CSS_SELECTOR, ".copy-code") == []
        assert driver.find_elements(By.CSS_SELECTOR, ".code-block") == []
        keyword = driver.find_element(By.CSS_SELECTOR, "code.language-sql .keyword")
        assert keyword.value_of_css_property("color") != driver.find_element(By.TAG_NAME, "body").value_of_css_property("color")
        assert code(driver, "js").get_attribute("textContent") == dict(BLOCKS)["js"]
    finally:
        driver.quit()


# Each token's colour (and each line number's) against the background it is drawn on: the
# nearest ancestor with an opaque background, a marked line's or the pre's.
CONTRAST = """
function rgb(text) { var m = text.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
function luminance(c) {
  var v = [c.r, c.g, c.b].map(function (x) { x /= 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
function ratio(a, b) { var x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
function background(node) {
  for (; node; node = node.parentElement) { var c = rgb(getComputedStyle(node).backgroundColor); if (c.a === 1) return c; }
}
var found = [];
document.querySelectorAll('pre code span:not(.line)').forEach(function (span) {
  var colour = rgb(getComputedStyle(span).color);
  found.push([span.className, span.closest('code').className, ratio(colour, background(span)), colour.a]);
});
document.querySelectorAll('pre code .line[data-n]').forEach(function (line) {
  var colour = rgb(getComputedStyle(line, '::before').color);
  found.push(['line number', line.className, ratio(colour, background(line)), colour.a]);
});
return found;
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_token_colour_has_aa_contrast(page, scheme):
    driver = page(scheme)
    found = driver.execute_script(CONTRAST)
    assert {row[0] for row in found} == set(TOKEN_CLASSES) | {"line number"}
    low = [row for row in found if row[2] < 4.5 or row[3] != 1]
    assert low == [], f"{scheme}: colours under 4.5:1 (class, block, ratio, alpha): {low}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_contrast_problem(page, scheme):
    driver = page(scheme)
    driver.execute_script(axe_source())
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}, resultTypes: ['violations']},"
        " function (error, results) { done(error ? {error: String(error)} : results); });")
    assert "error" not in result, result
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
    assert result["passes"], "axe checked some text"
