// StudyGuideStudy.store: progress, notes and stars, kept in the browser, no account.
//
// Storage under file://
// ---------------------
// Everything lives in localStorage under ONE versioned key, "<data-storage-key>:v1", where
// data-storage-key (on <body>) is site-specific, e.g. "studyguide:backend-interview-study-guide:v1".
// The value is JSON: {version: 2, cards: {slug: {state, stability, difficulty, due, reps, lapses,
// starred, note, lastReview, log}}, settings: {hideAnswers, desiredRetention}, notice}.
//   state:      "new" | "learning" | "known" (see study-scheduler.js: known = R after 21 days is
//               at least the desired retention).
//   stability/difficulty: the card's FSRS-6 memory state; due/lastReview: ms since the epoch.
//   log:        the last LOG_LIMIT reviews, [{rating, time (ms), elapsed (whole days since the
//               previous review, 0 for the first)}], exported and imported with the rest.
//   desiredRetention: 0.80-0.97 (default 0.9), read by the scheduler.
//   notice:     "fsrs" after an SM-2 migration until the practice page has said so once.
// Version 1 held SM-2 fields (ease, interval) instead of stability/difficulty; it is converted
// once on load (study-migration.js). The key keeps its ":v1" name so that the old progress is
// found where it was. An older shape, "<data-storage-key>:progress", is migrated on first load
// and removed.
// - Chromium gives every file:// page ONE shared localStorage, so all local sites share it; the
//   site-specific prefix keeps this guide's progress apart from any other local site.
// - Firefox may give each local file its own storage: progress made on practice.html may then
//   be invisible on other pages. The practice page owns the schedule; other pages read what they
//   can and say so when they find nothing.
// - When localStorage is missing or throws (private modes, blocked storage), the store keeps
//   progress in memory for the current page only and `available` is false: pages show a note.
//
// API: key, available, loadError, data; refresh(), save(), get(slug), isTracked(slug),
// update(slug, changes), review(slug, rating, now), setting(name[, value]), takeNotice(), reset(),
// trackedCount(). Every write re-reads storage first: another page may have written since.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;

  function baseKey() {
    return (document.body && document.body.getAttribute("data-storage-key")) || "studyguide:site";
  }

  function storage() {
    try {
      var ls = window.localStorage;
      if (!ls) return null;
      var probe = baseKey() + ":probe";
      ls.setItem(probe, "1");
      ls.removeItem(probe);
      return ls;
    } catch (e) {
      return null;
    }
  }

  function emptyData() { return { version: 2, cards: {}, settings: {} }; }
  function isObject(value) { return value !== null && typeof value === "object" && !(value instanceof Array); }

  function Store() {
    this.key = baseKey() + ":v1";
    this.legacyKey = baseKey() + ":progress";
    this.ls = storage();
    this.available = !!this.ls;
    this.loadError = false;
    this.data = this.read();
  }

  Store.prototype.read = function () {
    if (!this.ls) return this.memory || (this.memory = emptyData());
    try {
      var text = this.ls.getItem(this.key);
      if (text === null) {
        var legacy = this.ls.getItem(this.legacyKey);
        if (legacy === null) return emptyData();
        var migrated = S.migration.fromV0(JSON.parse(legacy), S.now());
        this.ls.setItem(this.key, JSON.stringify(migrated));
        this.ls.removeItem(this.legacyKey);
        return migrated;
      }
      var data = JSON.parse(text);
      if (!isObject(data) || (data.version !== 1 && data.version !== 2) || !isObject(data.cards)) throw new Error("unexpected shape");
      if (!isObject(data.settings)) data.settings = {};
      if (data.version === 1) {
        // SM-2 progress: converted once, and the practice page says so once.
        for (var slug in data.cards) {
          if (Object.prototype.hasOwnProperty.call(data.cards, slug) && isObject(data.cards[slug])) data.cards[slug] = S.migration.fromSM2(data.cards[slug]);
        }
        data.version = 2;
        data.notice = "fsrs";
        this.ls.setItem(this.key, JSON.stringify(data));
      }
      return data;
    } catch (e) {
      this.loadError = true;
      return emptyData();
    }
  };

  // Re-reads storage (another tab or page may have written) and returns the data.
  Store.prototype.refresh = function () { this.data = this.read(); return this.data; };

  Store.prototype.save = function () {
    if (!this.ls) return false;
    try {
      this.ls.setItem(this.key, JSON.stringify(this.data));
      return true;
    } catch (e) {
      return false;
    }
  };

  Store.prototype.get = function (slug) {
    var entry = this.data.cards[slug];
    return entry ? entry : { state: "new", due: 0, reps: 0, lapses: 0, starred: false, note: "", lastReview: 0, log: [] };
  };

  Store.prototype.isTracked = function (slug) { return !!this.data.cards[slug]; };

  // Applies changes to a card and saves; returns the updated entry.
  Store.prototype.update = function (slug, changes) {
    this.refresh();
    var entry = this.get(slug);
    var copy = {};
    for (var k in entry) if (Object.prototype.hasOwnProperty.call(entry, k)) copy[k] = entry[k];
    for (var c in changes) if (Object.prototype.hasOwnProperty.call(changes, c)) copy[c] = changes[c];
    this.data.cards[slug] = copy;
    this.save();
    return copy;
  };

  // Rates a card with the scheduler at `now`, logs the review and saves; returns the entry.
  Store.prototype.review = function (slug, rating, now) {
    this.refresh();
    var entry = this.get(slug);
    var changes = S.scheduler.schedule(entry, rating, now);
    var elapsed = entry.lastReview ? Math.max(0, Math.floor((now - entry.lastReview) / S.DAY)) : 0;
    changes.log = (entry.log || []).concat([{ rating: rating, time: now, elapsed: elapsed }]).slice(-S.LOG_LIMIT);
    return this.update(slug, changes);
  };

  Store.prototype.setting = function (name, value) {
    if (arguments.length === 1) return this.data.settings ? this.data.settings[name] : undefined;
    this.refresh();
    this.data.settings[name] = value;
    this.save();
    return value;
  };

  // Returns the one-time notice waiting to be shown ("fsrs") and forgets it.
  Store.prototype.takeNotice = function () {
    this.refresh();
    var notice = this.data.notice || "";
    if (notice) { delete this.data.notice; this.save(); }
    return notice;
  };

  Store.prototype.reset = function () {
    this.data = emptyData();
    this.memory = this.data;
    if (!this.ls) return;
    try { this.ls.removeItem(this.key); this.ls.removeItem(this.legacyKey); } catch (e) { /* nothing to clear */ }
  };

  Store.prototype.trackedCount = function () {
    var n = 0;
    for (var slug in this.data.cards) if (Object.prototype.hasOwnProperty.call(this.data.cards, slug)) n++;
    return n;
  };

  S.store = new Store();
}());
