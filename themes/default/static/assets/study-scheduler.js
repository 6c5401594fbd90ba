// StudyGuide scheduler: SM-2 style spaced repetition, written for this site.
//
// Ratings map to SM-2 quality q: Again = 2 (a failure), Hard = 3, Good = 4, Easy = 5.
// - Ease starts at 2.5 and changes by 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02) after each rating
//   (Easy +0.10, Good 0, Hard -0.14, Again -0.32), never below 1.3.
// - Again: the card is relearned: reps back to 0, interval 0, due again in 10 minutes (and it
//   comes back later in the current practice session); a lapse is counted when it had been learned.
// - First success: Hard 1 day, Good 1 day, Easy 4 days. Second: Hard 3, Good 6, Easy 8 days.
//   Later: Good = interval * ease, Hard = interval * 1.2, Easy = interval * ease * 1.3 (rounded,
//   each at least one day longer than the last interval, Hard < Good < Easy).
// - state: "learning" while the interval is under 21 days, "known" from 21 days on.
(function () {
  "use strict";
  var S = window.StudyGuideStudy = window.StudyGuideStudy || {};
  if (S.scheduler) return;
  var DAY = 86400000;
  var MINUTE = 60000;
  var RELEARN = 10 * MINUTE;
  var KNOWN_DAYS = 21;
  var QUALITY = { again: 2, hard: 3, good: 4, easy: 5 };

  function nextEase(ease, q) {
    var next = ease + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
    return Math.max(1.3, Math.round(next * 100) / 100);
  }

  // Returns the card's new scheduling fields after a rating at time `now`.
  function schedule(card, rating, now) {
    var q = QUALITY[rating];
    if (!q) throw new Error("unknown rating " + rating);
    var ease = typeof card.ease === "number" ? card.ease : 2.5;
    var reps = card.reps || 0;
    var interval = card.interval || 0;
    var lapses = card.lapses || 0;
    var newEase = nextEase(ease, q);
    if (rating === "again") {
      return {
        state: "learning", ease: newEase, interval: 0, due: now + RELEARN,
        reps: 0, lapses: lapses + (reps > 0 ? 1 : 0), lastReview: now
      };
    }
    var days;
    if (reps === 0) {
      days = { hard: 1, good: 1, easy: 4 }[rating];
    } else if (reps === 1) {
      days = { hard: 3, good: 6, easy: 8 }[rating];
    } else {
      var good = Math.max(interval + 1, Math.round(interval * newEase));
      if (rating === "hard") days = Math.max(interval + 1, Math.round(interval * 1.2));
      else if (rating === "good") days = good;
      else days = Math.max(good + 1, Math.round(interval * newEase * 1.3));
    }
    return {
      state: days >= KNOWN_DAYS ? "known" : "learning", ease: newEase, interval: days, due: now + days * DAY,
      reps: reps + 1, lapses: lapses, lastReview: now
    };
  }

  var ENGLISH = {
    delay_minutes: { other: "{count} min" },
    delay_hours: { other: "{count} h" },
    delay_days: { one: "{count} day", other: "{count} days" },
    delay_months: { one: "{count} month", other: "{count} months" },
    delay_years: { one: "{count} year", other: "{count} years" }
  };
  var words = null;
  // The site's words once study-store.js has loaded; English without it.
  function say(key, count) {
    words = words || (S.words ? S.words(ENGLISH) : null);
    if (words) return words(key, { count: count });
    var forms = ENGLISH[key];
    return (count === 1 && forms.one ? forms.one : forms.other).replace("{count}", String(count));
  }

  // A short human label for the delay until `due`, e.g. "10 min", "6 days".
  function describe(ms) {
    if (ms < 60 * MINUTE) return say("delay_minutes", Math.max(1, Math.round(ms / MINUTE)));
    if (ms < DAY) return say("delay_hours", Math.round(ms / (60 * MINUTE)));
    var days = Math.round(ms / DAY);
    if (days < 60) return say("delay_days", days);
    var months = Math.round(days / 30);
    if (months < 24) return say("delay_months", months);
    return say("delay_years", Math.round(days / 365));
  }

  function isDue(card, now) {
    return card.state !== "new" && (card.due || 0) <= now;
  }

  S.scheduler = {
    ratings: ["again", "hard", "good", "easy"],
    schedule: schedule,
    describe: describe,
    isDue: isDue,
    RELEARN: RELEARN,
    KNOWN_DAYS: KNOWN_DAYS
  };
}());
