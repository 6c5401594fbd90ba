"""Shared fixtures for the browser tests: a headless Chromium and the built site on disk."""
import os
import pathlib
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]

def build_fixture(tmp_path_factory, name):
    """Tests/Fixtures/<name> built with the repository's themes into a fresh folder."""
    from test_serve import binary  # test_serve imports this module
    output = tmp_path_factory.mktemp(name) / "site"
    subprocess.run([binary(), "build", "--source", str(REPO / "Tests" / "Fixtures" / name),
                    "--themes", str(REPO / "themes"), "--output", str(output), "--quiet"], check=True)
    return output


# The ceiling of every wait in these tests. A wait ends as soon as what it waits for happens;
# this only turns "never" into a failure, so it is long enough for a slow or busy machine.
WAIT = 60


@pytest.fixture(scope="session")
def site() -> pathlib.Path:
    """The generated site: STUDYGUIDE_SITE (set by `make test`) or the committed public/."""
    root = pathlib.Path(os.environ.get("STUDYGUIDE_SITE", REPO / "public")).resolve()
    assert (root / "index.html").is_file(), f"no built site at {root}; run make site"
    return root


def _options(javascript: bool = True) -> Options:
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1280,900", "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


@pytest.fixture(scope="session")
def browser():
    driver = webdriver.Chrome(options=_options(),
                              service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def console_problems(driver) -> list:
    """Console errors and failed resource loads since the last call (reading clears the log)."""
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
