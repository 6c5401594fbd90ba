// StudyGuideStudy.progressFile: the export file the practice page saves and reads back.
// {version: 2, exported: ISO date, cards: {slug: entry}, settings: {hideAnswers, desiredRetention}},
// entries as the store keeps them (study-store.js). Version 1 files (SM-2) are converted on import.
//   exportJSON() -> the text of the file.
//   importJSON(text) -> {ok, applied, ignored: [{slug, reason}], error}: checks every entry,
//     applies the valid ones for questions of this site over what is stored, skips the rest.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var store = S.store;

  var say = S.words({
    store_not_json: "The file is not JSON.",
    store_not_progress: "The file does not hold a progress object.",
    store_unsupported_version: "Unsupported version: {version} (expected 1 or 2).",
    store_no_cards: "The file has no \"cards\" object.",
    store_save_refused: "The browser refused to save the imported progress."
  });

  var RATINGS = {}, STATES = { "new": true, learning: true, known: true };
  for (var r = 0; r < S.RATINGS.length; r++) RATINGS[S.RATINGS[r]] = true;

  function isObject(value) { return value !== null && typeof value === "object" && !(value instanceof Array); }
  function isNumber(value) { return typeof value === "number" && isFinite(value); }

  function cleanLog(raw) {
    if (!(raw instanceof Array)) return null;
    var log = [];
    for (var i = 0; i < raw.length; i++) {
      var item = raw[i];
      if (!isObject(item) || RATINGS[item.rating] !== true || !isNumber(item.time) || !isNumber(item.elapsed) || item.elapsed < 0) return null;
      log.push({ rating: item.rating, time: item.time, elapsed: item.elapsed });
    }
    return log.slice(-S.LOG_LIMIT);
  }

  // Checks one card entry; returns {entry} with defaults filled in, or {error: "why"}.
  // Version 1 entries (SM-2 fields) are checked as such, then converted.
  function cleanEntry(raw, version) {
    if (!isObject(raw)) return { error: "not an object" };
    var entry = { state: "new", due: 0, reps: 0, lapses: 0, starred: false, note: "", lastReview: 0, log: [] };
    var bad = [];
    if ("state" in raw) { if (STATES[raw.state] === true && typeof raw.state === "string") entry.state = raw.state; else bad.push("state"); }
    var numbers = ["due", "reps", "lapses", "lastReview"];
    if (version === 1) {
      if ("ease" in raw) { if (isNumber(raw.ease) && raw.ease >= 1.3 && raw.ease <= 5) entry.ease = raw.ease; else bad.push("ease"); }
      numbers.push("interval");
    } else {
      if ("stability" in raw) { if (isNumber(raw.stability) && raw.stability > 0 && raw.stability <= 1e6) entry.stability = raw.stability; else bad.push("stability"); }
      if ("difficulty" in raw) { if (isNumber(raw.difficulty) && raw.difficulty >= 1 && raw.difficulty <= 10) entry.difficulty = raw.difficulty; else bad.push("difficulty"); }
      if ((entry.stability === undefined) !== (entry.difficulty === undefined)) bad.push("memory state");
    }
    for (var i = 0; i < numbers.length; i++) {
      var name = numbers[i];
      if (name in raw) { if (isNumber(raw[name]) && raw[name] >= 0) entry[name] = raw[name]; else bad.push(name); }
    }
    if ("starred" in raw) { if (typeof raw.starred === "boolean") entry.starred = raw.starred; else bad.push("starred"); }
    if ("note" in raw) { if (typeof raw.note === "string" && raw.note.length <= 20000) entry.note = raw.note; else bad.push("note"); }
    if ("log" in raw) { var log = cleanLog(raw.log); if (log) entry.log = log; else bad.push("log"); }
    if (bad.length) return { error: "bad " + bad.join(", ") };
    return { entry: version === 1 ? S.migration.fromSM2(entry) : entry };
  }

  function exportJSON() {
    var data = store.refresh();
    return JSON.stringify({ version: 2, exported: new Date(S.now()).toISOString(), cards: data.cards, settings: data.settings || {} }, null, 2);
  }

  function importJSON(text) {
    var result = { ok: false, applied: 0, ignored: [], error: "" };
    var parsed;
    try { parsed = JSON.parse(text); } catch (e) { result.error = say("store_not_json"); return result; }
    if (!isObject(parsed)) { result.error = say("store_not_progress"); return result; }
    if (parsed.version !== 1 && parsed.version !== 2) { result.error = say("store_unsupported_version", { version: String(parsed.version) }); return result; }
    if (!isObject(parsed.cards)) { result.error = say("store_no_cards"); return result; }
    var data = store.refresh();
    for (var slug in parsed.cards) {
      if (!Object.prototype.hasOwnProperty.call(parsed.cards, slug)) continue;
      if (!S.deck.card(slug)) { result.ignored.push({ slug: slug, reason: "unknown question" }); continue; }
      var cleaned = cleanEntry(parsed.cards[slug], parsed.version);
      if (cleaned.error) { result.ignored.push({ slug: slug, reason: cleaned.error }); continue; }
      data.cards[slug] = cleaned.entry;
      result.applied++;
    }
    var settings = isObject(parsed.settings) ? parsed.settings : {};
    if (typeof settings.hideAnswers === "boolean") data.settings.hideAnswers = settings.hideAnswers;
    // Whole percents only, as the practice page offers them.
    var wanted = settings.desiredRetention;
    if (isNumber(wanted) && wanted >= 0.8 && wanted <= 0.97 && Math.abs(Math.round(wanted * 100) - wanted * 100) < 1e-9) {
      data.settings.desiredRetention = wanted;
    }
    result.ok = true;
    if (!store.save() && store.available) result.error = say("store_save_refused");
    return result;
  }

  S.progressFile = { exportJSON: exportJSON, importJSON: importJSON };
}());
