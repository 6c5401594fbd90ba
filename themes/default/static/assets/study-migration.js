// StudyGuideStudy.migration: older shapes of progress turned into version 2 card entries, for
// the store (on load) and the export file (on import).
//   fromV0(old, now): the first shape, "<data-storage-key>:progress" = {slug: "known" | "learning"},
//     to {version: 2, cards, settings}.
//   fromSM2(entry): a version 1 (SM-2) entry, with ease and interval, to an FSRS memory state.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var DAY = S.DAY, KNOWN_DAYS = S.KNOWN_DAYS;

  function isNumber(value) { return typeof value === "number" && isFinite(value); }

  // At the default retention of 0.9 the FSRS interval equals the stability in days.
  function stateFor(stability, reps) {
    if (!reps && !stability) return "new";
    return stability >= KNOWN_DAYS ? "known" : "learning";
  }

  // Stability: the SM-2 interval, the days the card was expected to be remembered (at least 0.1
  // for a card being relearned). Difficulty: ease 1.3 (the SM-2 floor, hardest) .. 3.0 mapped
  // linearly onto FSRS difficulty 10 .. 1, so the starting ease 2.5 gives about 3.6, near what a
  // new card rated Good gets.
  function fromSM2(raw) {
    var entry = {};
    for (var k in raw) if (Object.prototype.hasOwnProperty.call(raw, k) && k !== "ease" && k !== "interval") entry[k] = raw[k];
    var reps = isNumber(raw.reps) ? raw.reps : 0;
    var interval = isNumber(raw.interval) ? raw.interval : 0;
    if (raw.state === "new" || (!reps && !interval && !raw.lastReview)) return entry;
    var ease = isNumber(raw.ease) ? raw.ease : 2.5;
    entry.stability = Math.max(0.1, interval);
    entry.difficulty = Math.min(10, Math.max(1, 10 - (ease - 1.3) / 1.7 * 9));
    entry.state = stateFor(entry.stability, Math.max(1, reps));
    return entry;
  }

  function fromV0(old, now) {
    var data = { version: 2, cards: {}, settings: {} };
    if (old === null || typeof old !== "object" || old instanceof Array) return data;
    for (var slug in old) {
      if (!Object.prototype.hasOwnProperty.call(old, slug)) continue;
      if (old[slug] === "known") {
        data.cards[slug] = { state: "known", stability: KNOWN_DAYS, difficulty: 5, due: now + KNOWN_DAYS * DAY, reps: 3, lapses: 0, starred: false, note: "", lastReview: now, log: [] };
      } else if (old[slug] === "learning") {
        data.cards[slug] = { state: "learning", stability: 1, difficulty: 5, due: now, reps: 1, lapses: 0, starred: false, note: "", lastReview: now, log: [] };
      }
    }
    return data;
  }

  S.migration = { fromV0: fromV0, fromSM2: fromSM2 };
}());
