// StudyGuide scheduler: FSRS-6 spaced repetition, written for this site from the published
// FSRS-6 model (21 default weights, w[20] the forgetting curve's decay).
//
// API (StudyGuideStudy.scheduler):
//   schedule(card, rating, now[, retention]) -> the card's new scheduling fields
//     {state, stability, difficulty, due, lastReview, reps, lapses}. rating is "again", "hard",
//     "good" or "easy"; now is ms since the epoch; {} is a new card. retention defaults to the
//     progress setting "desiredRetention" (0.80-0.97, default 0.9).
//   retrievability(card, now) -> predicted chance of recall now (0 for a new card).
//   retention() -> the desired retention in force; describe(ms); isDue(card, now).
// Model, per the reference scheduler (fsrs 6.x on PyPI with no learning or relearning steps and
// no fuzzing), so that `due` matches it to the millisecond:
// - Forgetting curve R(t, S) = (1 + F * t / S)^-w20 with F = 0.9^(-1/w20) - 1, t in whole days
//   since the last review, so R(S, S) = 0.9.
// - A new card starts at S = w[rating-1], D = w4 - e^(w5 (g-1)) + 1 (g: again 1 .. easy 4).
// - A review on a later day updates S with the recall formula (hard/good/easy) or the
//   post-lapse formula (again); a review on the same day uses the short-term formula.
//   D moves by -w6 (g-3), damped towards 10, then reverts by w7 towards D0(easy); 1 <= D <= 10.
// - The next interval is the days at which R falls to the desired retention, rounded half to
//   even (as Python's round), at least 1 day, at most 36500. Again is therefore due the next
//   day at the earliest; the practice page still brings the card back in the same session.
// - "Known": the memory lasts three weeks at your target, i.e. R 21 days after the review is at
//   least the desired retention (the unrounded interval is 21 days or more). Otherwise
//   "learning"; a card never rated is "new".
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var DAY = S.DAY, KNOWN_DAYS = S.KNOWN_DAYS;
  var MINUTE = 60000;
  var MAX_DAYS = 36500;
  var W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
  var DECAY = -W[20];
  var FACTOR = Math.pow(0.9, 1 / DECAY) - 1;
  var GRADE = {}; // again 1 .. easy 4
  for (var i = 0; i < S.RATINGS.length; i++) GRADE[S.RATINGS[i]] = i + 1;
  var MIN_RETENTION = 0.8, MAX_RETENTION = 0.97, DEFAULT_RETENTION = 0.9;

  function clampD(d) { return Math.min(10, Math.max(1, d)); }
  function clampS(s) { return Math.max(0.001, s); }
  function initialD(g) { return W[4] - Math.exp(W[5] * (g - 1)) + 1; }

  // Python rounds halves to even; matching it keeps intervals equal to the reference's.
  function roundHalfEven(x) {
    var r = Math.round(x);
    return (Math.abs(x % 1) === 0.5 && r % 2 !== 0) ? r - 1 : r;
  }

  function forgetting(days, stability) { return Math.pow(1 + FACTOR * days / stability, DECAY); }

  function intervalDays(stability, retention) {
    return stability / FACTOR * (Math.pow(retention, 1 / DECAY) - 1);
  }

  function nextDifficulty(d, g) {
    var delta = -W[6] * (g - 3);
    var damped = d + delta * (10 - d) / 9;
    return clampD(W[7] * initialD(4) + (1 - W[7]) * damped);
  }

  function recallStability(d, s, r, g) {
    var hard = g === 2 ? W[15] : 1, easy = g === 4 ? W[16] : 1;
    return s * (1 + Math.exp(W[8]) * (11 - d) * Math.pow(s, -W[9]) * (Math.exp((1 - r) * W[10]) - 1) * hard * easy);
  }

  function lapseStability(d, s, r) {
    var longTerm = W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1) * Math.exp((1 - r) * W[14]);
    return Math.min(longTerm, s / Math.exp(W[17] * W[18]));
  }

  function sameDayStability(s, g) {
    var growth = Math.exp(W[17] * (g - 3 + W[18])) * Math.pow(s, -W[19]);
    if (g > 1) growth = Math.max(growth, 1);
    return s * growth;
  }

  function validRetention(value) {
    return typeof value === "number" && isFinite(value) && value >= MIN_RETENTION && value <= MAX_RETENTION;
  }

  function retention() {
    var value = S.store ? S.store.setting("desiredRetention") : undefined;
    return validRetention(value) ? value : DEFAULT_RETENTION;
  }

  function hasMemory(card) {
    return typeof card.stability === "number" && card.stability > 0 && typeof card.difficulty === "number";
  }

  function elapsedDays(card, now) {
    return card.lastReview ? Math.floor((now - card.lastReview) / DAY) : 0;
  }

  function retrievability(card, now) {
    if (!hasMemory(card) || !card.lastReview) return 0;
    return forgetting(Math.max(0, elapsedDays(card, now)), card.stability);
  }

  function schedule(card, rating, now, desired) {
    var g = GRADE[rating];
    if (!g) throw new Error("unknown rating " + rating);
    var target = validRetention(desired) ? desired : retention();
    card = card || {};
    var s, d, reps = card.reps || 0, lapses = card.lapses || 0;
    if (!hasMemory(card)) {
      s = clampS(W[g - 1]);
      d = clampD(initialD(g));
    } else {
      var elapsed = elapsedDays(card, now);
      if (card.lastReview && elapsed < 1) s = sameDayStability(card.stability, g);
      else if (g === 1) s = lapseStability(card.difficulty, card.stability, retrievability(card, now));
      else s = recallStability(card.difficulty, card.stability, retrievability(card, now), g);
      s = clampS(s);
      d = nextDifficulty(card.difficulty, g);
      if (g === 1) lapses++;
    }
    var exact = intervalDays(s, target);
    var days = Math.min(MAX_DAYS, Math.max(1, roundHalfEven(exact)));
    return {
      state: exact >= KNOWN_DAYS ? "known" : "learning", stability: s, difficulty: d,
      due: now + days * DAY, lastReview: now, reps: reps + 1, lapses: lapses
    };
  }
  var say = S.words({
    delay_minutes: { other: "{count} min" },
    delay_hours: { other: "{count} h" },
    delay_days: { one: "{count} day", other: "{count} days" },
    delay_months: { one: "{count} month", other: "{count} months" },
    delay_years: { one: "{count} year", other: "{count} years" }
  });

  // A short human label for the delay until `due`, e.g. "10 min", "6 days".
  function describe(ms) {
    if (ms < 60 * MINUTE) return say("delay_minutes", { count: Math.max(1, Math.round(ms / MINUTE)) });
    if (ms < DAY) return say("delay_hours", { count: Math.round(ms / (60 * MINUTE)) });
    var days = Math.round(ms / DAY);
    if (days < 60) return say("delay_days", { count: days });
    var months = Math.round(days / 30);
    if (months < 24) return say("delay_months", { count: months });
    return say("delay_years", { count: Math.round(days / 365) });
  }

  function isDue(card, now) {
    return card.state !== "new" && (card.due || 0) <= now;
  }

  S.scheduler = {
    schedule: schedule,
    describe: describe,
    isDue: isDue,
    retrievability: retrievability,
    retention: retention,
    MIN_RETENTION: MIN_RETENTION,
    MAX_RETENTION: MAX_RETENTION,
    DEFAULT_RETENTION: DEFAULT_RETENTION
  };
}());
