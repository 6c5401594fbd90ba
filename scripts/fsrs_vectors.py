#!/usr/bin/env python3
"""Writes Tests/browser/fsrs-vectors.json: review sequences scheduled by the reference FSRS-6
scheduler (the `fsrs` package on PyPI), which the browser tests replay against
themes/default/static/assets/study-scheduler.js.

The package is only needed to regenerate the vectors; it is not a dependency of the site:
    python3 -m venv /tmp/fsrs-venv && /tmp/fsrs-venv/bin/pip install fsrs==6.3.2
    /tmp/fsrs-venv/bin/python scripts/fsrs_vectors.py

Settings match the site's: default parameters, no learning or relearning steps, no fuzzing.
Sequences are deterministic (a fixed random seed picks ratings and timing), and cover reviews
on time, early (before due, including the same day) and late (after due).
"""
import json
from importlib import metadata
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs

RATINGS = {"again": fsrs.Rating.Again, "hard": fsrs.Rating.Hard, "good": fsrs.Rating.Good, "easy": fsrs.Rating.Easy}
START = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
OUT = Path(__file__).resolve().parent.parent / "Tests" / "browser" / "fsrs-vectors.json"


def ms(moment):
    return round(moment.timestamp() * 1000)


def sequence(rng, retention, length, timing, parameters=fsrs.scheduler.DEFAULT_PARAMETERS):
    scheduler = fsrs.Scheduler(parameters=parameters, desired_retention=retention, learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    card = fsrs.Card(card_id=1, due=START)
    when = START + timedelta(minutes=rng.randrange(0, 600))
    steps = []
    for i in range(length):
        rating = rng.choices(list(RATINGS), weights=(2, 2, 5, 2))[0]
        card, _ = scheduler.review_card(card, RATINGS[rating], review_datetime=when)
        steps.append({"rating": rating, "time": ms(when), "due": ms(card.due),
                      "stability": round(card.stability, 6), "difficulty": round(card.difficulty, 6)})
        interval = card.due - when
        kind = timing if timing != "mixed" else rng.choice(("on-time", "early", "late", "same-day"))
        if kind == "on-time":
            when = card.due
        elif kind == "early":   # somewhere between a few hours later and the day before due
            when = when + max(timedelta(hours=3), interval * rng.uniform(0.2, 0.9))
        elif kind == "late":    # up to three times the interval overdue, at an odd hour
            when = card.due + interval * rng.uniform(0.1, 3.0) + timedelta(minutes=rng.randrange(0, 1440))
        else:                   # again within the same day: short-term stability
            when = when + timedelta(minutes=rng.randrange(5, 600))
    return steps


def main():
    rng = random.Random(16)
    cases = []
    for retention in (0.8, 0.85, 0.9, 0.95, 0.97):
        for timing in ("on-time", "early", "late", "mixed", "mixed"):
            cases.append({"retention": retention, "timing": timing, "steps": sequence(rng, retention, 10, timing)})
    # Every first rating, and a card rated Again from the start.
    for rating in RATINGS:
        scheduler = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
        card, _ = scheduler.review_card(fsrs.Card(card_id=1, due=START), RATINGS[rating], review_datetime=START)
        cases.append({"retention": 0.9, "timing": "first", "steps": [{"rating": rating, "time": ms(START), "due": ms(card.due),
                      "stability": round(card.stability, 6), "difficulty": round(card.difficulty, 6)}]})
    document = {"generator": "scripts/fsrs_vectors.py", "package": "fsrs " + metadata.version("fsrs"),
                "settings": "default parameters, no learning or relearning steps, fuzzing off", "cases": cases}
    text = json.dumps(document, indent=1)
    OUT.write_text(text.replace("\n     ", " ").replace("\n    }", " }") + "\n")
    print(f"{sum(len(c['steps']) for c in cases)} steps in {len(cases)} cases -> {OUT}")


if __name__ == "__main__":
    main()
