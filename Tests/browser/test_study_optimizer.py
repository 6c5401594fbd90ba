"""Covers: the FSRS-6 optimiser (study-optimizer.js) and the practice page's "Your own schedule"
section over file:// in headless Chromium: on a synthetic reader whose memory follows known
weights (scripts/fsrs_optimizer_vectors.py), the fitted weights predict held-out reviews clearly
better than the defaults and about as well as the reference optimiser (the `fsrs` package);
the scheduler uses a reader's own weights as the reference scheduler does; the button waits for
enough reviews; kept weights change the intervals, go back to the
defaults, and travel through export and import; axe finds nothing serious."""
import json
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, WAIT
from test_study import DAY, DECK, FIRST, NOON, assert_same_schedule, axe_source, exported_file, page, stored, wait_for  # noqa: F401 (page is a fixture)

VECTORS = json.loads((REPO / "Tests" / "browser" / "fsrs-optimizer-vectors.json").read_text(encoding="utf-8"))
TRAIN = [c["log"] for c in VECTORS["cards"] if not c["heldOut"]]
HELD_OUT = [c["log"] for c in VECTORS["cards"] if c["heldOut"]]


def as_cards(logs):
    """Progress cards ({slug: entry}) holding these logs, as the store keeps them."""
    return {"synthetic-%d" % i: {"reps": len(log), "log": log} for i, log in enumerate(logs)}


# Runs the optimiser on the training cards in the page; returns its result, the held-out log loss
# under each set of weights, how far each set's predictions are from the true recall probability,
# and the milliseconds the optimisation took.
FIT = """
var done = arguments[arguments.length - 1], v = arguments[0], O = StudyGuideStudy.optimizer, M = StudyGuideStudy.scheduler;
var train = O.trainingSet(arguments[1]), held = O.trainingSet(arguments[2]);
function distance(w) {   // mean |R(w) - R(true weights)| over the held-out reviews
  var a = M.model(w), b = M.model(v.trueWeights), sum = 0, n = 0;
  held.histories.forEach(function (history) {
    var x = {}, y = {};
    history.forEach(function (step, k) {
      if (k > 0 && step.elapsed >= 1) { sum += Math.abs(a.forgetting(step.elapsed, x.stability) - b.forgetting(step.elapsed, y.stability)); n++; }
      a.review(x, step.g, step.elapsed); b.review(y, step.g, step.elapsed);
    });
  });
  return sum / n;
}
var start = performance.now();
O.optimize(train, function (result) {
  var ms = performance.now() - start;
  var named = {defaults: v.defaultWeights, ours: result.weights, reference: v.referenceWeights, truth: v.trueWeights};
  var loss = {train: {}, heldOut: {}}, far = {};
  for (var name in named) {
    loss.train[name] = O.logLoss(train, named[name]);
    loss.heldOut[name] = O.logLoss(held, named[name]);
    far[name] = distance(named[name]);
  }
  O.optimize(train, function (again) {
    done({result: result, again: again.weights, loss: loss, far: far, ms: ms, reviews: train.reviews, cards: train.cards,
          heldReviews: held.reviews, bounds: [M.LOWER_BOUNDS, M.UPPER_BOUNDS]});
  });
});
"""


def test_optimizer_fits_a_synthetic_reader_like_the_reference(page):
    driver = page("practice.html")
    driver.set_script_timeout(WAIT)
    out = driver.execute_async_script(FIT, VECTORS, as_cards(TRAIN), as_cards(HELD_OUT))
    reference, loss, far = VECTORS["reference"], out["loss"], out["far"]
    print(f"\noptimised {out['reviews']} reviews of {out['cards']} cards in {out['ms']:.0f} ms; "
          f"held-out log loss ({out['heldReviews']} reviews): defaults {loss['heldOut']['defaults']:.4f}, "
          f"ours {loss['heldOut']['ours']:.4f}, reference {loss['heldOut']['reference']:.4f}, truth {loss['heldOut']['truth']:.4f}; "
          f"mean |R - R_true|: defaults {far['defaults']:.4f}, ours {far['ours']:.4f}, reference {far['reference']:.4f}")
    assert out["reviews"] >= 2000

    # The same items and loss as the reference's: its loss of the defaults, the truth and its own weights.
    for part in ("train", "heldOut"):
        for name in ("defaults", "truth", "reference"):
            assert loss[part][name] == pytest.approx(reference[part][name], rel=1e-9), (part, name)

    # Clearly better than the defaults on reviews it never saw, about as good as the reference.
    assert out["result"]["improved"] and out["result"]["defaultLoss"] == pytest.approx(loss["train"]["defaults"])
    assert loss["heldOut"]["ours"] < loss["heldOut"]["defaults"] - 0.005
    assert loss["heldOut"]["ours"] < loss["heldOut"]["reference"] + 0.003
    assert loss["train"]["ours"] == pytest.approx(out["result"]["loss"])
    # Its predictions move toward the true recall probabilities.
    assert far["ours"] < 0.7 * far["defaults"]

    weights = out["result"]["weights"]
    lower, upper = out["bounds"]
    assert len(weights) == 21 and all(lo <= w <= hi for w, lo, hi in zip(weights, lower, upper))
    assert out["again"] == weights, "the same log gives the same weights"


def test_scheduler_uses_the_readers_own_weights_as_the_reference_does(page):
    """Sequences the reference scheduled with its optimised weights, replayed in the page with
    those weights stored as the reader's own: the same due days, stabilities and difficulties."""
    driver = page("index.html")
    key = driver.execute_script("return document.body.getAttribute('data-storage-key')") + ":v1"
    driver.execute_script("localStorage.setItem(arguments[0], JSON.stringify({version: 2, cards: {}, settings: {weights: arguments[1]}}));",
                          key, VECTORS["referenceWeights"])
    driver = page("practice.html")
    results = driver.execute_script("""
        var out = [], S = StudyGuideStudy;
        if (S.scheduler.weights().join() !== arguments[1].join()) return "the stored weights are not in force";
        arguments[0].forEach(function (c) {
          var card = {};
          c.steps.forEach(function (step) {
            card = S.scheduler.schedule(card, step.rating, step.time, c.retention);
            out.push([card.due, card.stability, card.difficulty]);
          });
        });
        return out;""", VECTORS["scheduled"], VECTORS["referenceWeights"])
    expected = [step for case in VECTORS["scheduled"] for step in case["steps"]]
    assert isinstance(results, list) and len(results) == len(expected) >= 100, results
    assert_same_schedule(results, expected)


def test_training_set_skips_incomplete_histories_and_counts_later_day_reviews(page):
    driver = page("practice.html")
    log = [{"rating": "good", "time": NOON, "elapsed": 0}, {"rating": "again", "time": NOON + 3 * DAY, "elapsed": 3},
           {"rating": "good", "time": NOON + 3 * DAY + 600000, "elapsed": 0}, {"rating": "hard", "time": NOON + 5 * DAY, "elapsed": 1}]
    cards = {"whole": {"reps": 4, "log": log}, "cut": {"reps": 140, "log": log}, "one": {"reps": 1, "log": log[:1]}}
    found = driver.execute_script("var s = StudyGuideStudy.optimizer.trainingSet(arguments[0]); return [s.reviews, s.cards];", cards)
    assert found == [2, 1], "only the complete history counts, and only its reviews on a later day"


def readiness(driver):
    return driver.find_element(By.CSS_SELECTOR, ".optimizer-readiness").text


def intervals(driver):
    """The intervals shown on the rating buttons of the current card (revealing it if needed)."""
    reveal = [b for b in driver.find_elements(By.CSS_SELECTOR, ".reveal-button") if b.is_displayed()]
    if reveal:
        reveal[0].click()
    wait_for(driver, ".rate-when")
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".rate-when")]


def serious_violations(driver):
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations'], preload: false}, function (error, results) {"
        " done(error ? {error: String(error)} : results); });")
    assert "error" not in result, result
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_optimise_keep_reset_export_and_import_the_weights(page, tmp_path):
    page.clock.set(NOON)
    driver = page(f"practice.html?cards={FIRST}")
    driver.set_script_timeout(WAIT)
    button = driver.find_element(By.CSS_SELECTOR, ".optimize-schedule")
    assert not button.is_enabled()
    assert readiness(driver) == "Not enough reviews yet: 0 of 512 reviews, 0 of 20 cards."
    assert button.get_attribute("aria-describedby") == "optimizer-readiness"
    assert "In use: the default weights." in driver.find_element(By.CSS_SELECTOR, ".optimizer").text

    # The synthetic reader's log on this site's questions, and one card reviewed 30 days ago.
    slugs = [c["slug"] for c in DECK if c["slug"] != FIRST]
    logs = [c["log"] for c in VECTORS["cards"]][:len(slugs)]
    cards = {slug: {"state": "learning", "due": NOON + 400 * DAY, "reps": len(log), "log": log} for slug, log in zip(slugs, logs)}
    cards[FIRST] = {"state": "learning", "stability": 30, "difficulty": 5, "lastReview": NOON - 30 * DAY, "due": NOON, "reps": 3, "log": []}
    path = tmp_path / "log.json"
    path.write_text(json.dumps({"version": 2, "cards": cards, "settings": {}}))
    driver.find_element(By.ID, "import-progress").send_keys(str(path))
    WebDriverWait(driver, WAIT).until(lambda d: "Imported" in d.find_element(By.CSS_SELECTOR, ".io-status").text)
    WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, ".optimize-schedule").is_enabled())
    assert readiness(driver).startswith("Your log holds ")
    defaults = intervals(driver)

    driver.find_element(By.CSS_SELECTOR, ".optimize-schedule").click()
    status = WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, ".keep-weights") and
                                               d.find_element(By.CSS_SELECTOR, ".optimizer-status").text)
    found = [float(x) for x in re.findall(r"\d+\.\d{4}", status)]
    assert status.startswith("Fitted to ") and "Log loss" in status and len(found) == 2 and found[1] < found[0], status
    assert serious_violations(driver) == []
    assert "weights" not in stored(driver)["settings"], "nothing is kept before the reader says so"

    driver.find_element(By.CSS_SELECTOR, ".keep-weights").click()
    kept = stored(driver)["settings"]["weights"]
    assert len(kept) == 21 and kept != VECTORS["defaultWeights"]
    assert "In use: your own weights." in driver.find_element(By.CSS_SELECTOR, ".optimizer").text
    own = intervals(driver)
    assert own != defaults, "the kept weights change the intervals"
    exported = json.loads(exported_file(driver, tmp_path / "downloads"))
    assert exported["version"] == 2 and exported["settings"]["weights"] == kept

    driver.find_element(By.CSS_SELECTOR, ".default-weights").click()
    assert "weights" not in stored(driver)["settings"]
    assert "The default weights are in use again." in driver.find_element(By.CSS_SELECTOR, ".optimizer-status").text
    assert not driver.find_element(By.CSS_SELECTOR, ".default-weights").is_displayed()
    assert intervals(driver) == defaults

    path.write_text(json.dumps(exported))
    driver.execute_script("document.querySelector('.io-status').textContent = '';")
    driver.find_element(By.ID, "import-progress").send_keys(str(path))
    WebDriverWait(driver, WAIT).until(lambda d: "Imported" in d.find_element(By.CSS_SELECTOR, ".io-status").text)
    assert stored(driver)["settings"]["weights"] == kept
    assert intervals(driver) == own

    # A file without weights (every older one) imports and leaves the weights in use alone;
    # weights out of bounds are not taken.
    del exported["settings"]["weights"]
    for settings in ({}, {"weights": [1] * 21}, {"weights": kept[:20]}):
        exported["settings"] = settings
        path.write_text(json.dumps(exported))
        driver.execute_script("document.querySelector('.io-status').textContent = '';")
        driver.find_element(By.ID, "import-progress").send_keys(str(path))
        WebDriverWait(driver, WAIT).until(lambda d: "Imported" in d.find_element(By.CSS_SELECTOR, ".io-status").text)
        assert stored(driver)["settings"]["weights"] == kept
    driver = page(f"practice.html?cards={FIRST}")
    assert intervals(driver) == own, "the scheduler reads the kept weights on load"
