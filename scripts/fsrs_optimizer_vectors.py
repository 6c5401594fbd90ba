#!/usr/bin/env python3
"""Writes Tests/browser/fsrs-optimizer-vectors.json: a synthetic review log of a reader whose
memory follows FSRS-6 with known "true" weights (not the defaults), and what the reference
optimiser (the `fsrs` package on PyPI, Optimizer) makes of it. The browser tests run
themes/default/static/assets/study-optimizer.js on the same log and compare.

Needs the package with its optimiser (torch, pandas); it is not a dependency of the site:
    python3 -m venv /tmp/fsrs-venv && /tmp/fsrs-venv/bin/pip install "fsrs[optimizer]==6.3.2"
    /tmp/fsrs-venv/bin/python scripts/fsrs_optimizer_vectors.py

The simulation (fixed seed): 240 cards start over 60 days; the site schedules them with the
default weights at 90% retention (no learning steps, no fuzzing) and the reader comes back when a
card is due, up to two days late, at an odd hour. Whether the reader recalls it is drawn from the
TRUE weights' retrievability; a recalled card is rated Hard, Good or Easy (15/70/15%), a
forgotten one Again, and half the Agains are practised again the same day (rated Good). Every
fourth card is held out: the optimisers train on the others and are judged on those. A few
review sequences scheduled with the reference's optimised weights check that the site's
scheduler uses a reader's own weights as the reference does.
"""
import json
import random
from datetime import datetime, timedelta, timezone
from importlib import metadata
from pathlib import Path

import fsrs
from fsrs import Optimizer, Rating, ReviewLog
from fsrs_vectors import sequence

DEFAULTS = list(fsrs.scheduler.DEFAULT_PARAMETERS)
# A reader who forgets new cards sooner and whose memories grow more slowly than the defaults say.
TRUE = list(DEFAULTS)
TRUE[0:4] = [0.1, 0.5, 1.0, 4.0]
TRUE[8] = 1.3
TRUE[10] = 1.2
TRUE[11] = 1.0
TRUE[20] = 0.4

START = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
DAYS = 300
CARDS = 240
NAMES = {Rating.Again: "again", Rating.Hard: "hard", Rating.Good: "good", Rating.Easy: "easy"}
OUT = Path(__file__).resolve().parent.parent / "Tests" / "browser" / "fsrs-optimizer-vectors.json"


def ms(moment):
    return round(moment.timestamp() * 1000)


def simulate(rng):
    site = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    truth = fsrs.Scheduler(parameters=TRUE, learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    end = START + timedelta(days=DAYS)
    cards = []
    for index in range(CARDS):
        when = START + timedelta(days=rng.randrange(0, 60), minutes=rng.randrange(0, 600))
        shown = fsrs.Card(card_id=index + 1, due=when)    # as the site schedules it
        memory = fsrs.Card(card_id=index + 1, due=when)   # the reader's true memory
        log = []
        while when < end and len(log) < 60:
            if not log:
                rating = rng.choices((Rating.Again, Rating.Hard, Rating.Good, Rating.Easy), weights=(3, 2, 4, 1))[0]
            elif rng.random() < truth.get_card_retrievability(memory, when):
                rating = rng.choices((Rating.Hard, Rating.Good, Rating.Easy), weights=(15, 70, 15))[0]
            else:
                rating = Rating.Again
            elapsed = (when - shown.last_review).days if shown.last_review else 0
            log.append({"rating": NAMES[rating], "time": ms(when), "elapsed": elapsed})
            shown, _ = site.review_card(shown, rating, review_datetime=when)
            memory, _ = truth.review_card(memory, rating, review_datetime=when)
            if rating == Rating.Again and rng.random() < 0.5:  # practised again in the same session
                when = when + timedelta(minutes=rng.randrange(5, 60))
                log.append({"rating": "good", "time": ms(when), "elapsed": 0})
                shown, _ = site.review_card(shown, Rating.Good, review_datetime=when)
                memory, _ = truth.review_card(memory, Rating.Good, review_datetime=when)
            when = shown.due + timedelta(days=rng.choice((0, 0, 0, 1, 2)), minutes=rng.randrange(-180, 180))
        cards.append({"heldOut": index % 4 == 3, "log": log})
    return cards


def review_logs(cards):
    out = []
    for index, card in enumerate(cards):
        for review in card["log"]:
            rating = next(r for r, name in NAMES.items() if name == review["rating"])
            out.append(ReviewLog(card_id=index + 1, rating=rating, review_duration=None,
                                 review_datetime=datetime.fromtimestamp(review["time"] / 1000, tz=timezone.utc)))
    return out


def main():
    rng = random.Random(16)
    cards = simulate(rng)
    train = [c for c in cards if not c["heldOut"]]
    held = [c for c in cards if c["heldOut"]]
    optimizer = Optimizer(review_logs(train))
    optimized = optimizer.compute_optimal_parameters()
    judge = Optimizer(review_logs(held))
    loss = lambda opt, weights: opt._compute_batch_loss(parameters=weights)
    document = {
        "generator": "scripts/fsrs_optimizer_vectors.py", "package": "fsrs " + metadata.version("fsrs"),
        "trueWeights": TRUE, "defaultWeights": DEFAULTS, "referenceWeights": optimized,
        "reference": {
            "train": {"defaults": loss(optimizer, DEFAULTS), "reference": loss(optimizer, optimized), "truth": loss(optimizer, TRUE)},
            "heldOut": {"defaults": loss(judge, DEFAULTS), "reference": loss(judge, optimized), "truth": loss(judge, TRUE)},
        },
        # Reviews scheduled by the reference with its optimised weights: the site's scheduler,
        # given them as the reader's own, must schedule the same.
        "scheduled": [{"retention": retention, "timing": "mixed", "steps": sequence(rng, retention, 12, "mixed", optimized)}
                      for retention in (0.8, 0.9, 0.95) for _ in range(3)],
        "cards": cards,
    }
    text = json.dumps(document, indent=1)
    OUT.write_text(text.replace("\n     ", " ").replace("\n    }", " }") + "\n")
    reviews = sum(len(c["log"]) for c in cards)
    print(f"{reviews} reviews of {len(cards)} cards -> {OUT}")
    print(json.dumps(document["reference"], indent=1))


if __name__ == "__main__":
    main()
