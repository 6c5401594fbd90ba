// StudyGuide study store: progress, notes and stars, kept in the browser, no account.
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
// once on load (and on import of a version 1 file), see fromSM2. The key keeps its ":v1" name so
// that the old progress is found where it was.
// - Chromium gives every file:// page ONE shared localStorage, so all local sites share it; the
//   site-specific prefix keeps this guide's progress apart from any other local site.
// - Firefox may give each local file its own storage: progress made on practice.html may then
//   be invisible on other pages. The practice page owns the schedule; other pages read what they
//   can and say so when they find nothing.
// - When localStorage is missing or throws (private modes, blocked storage), the store keeps
//   progress in memory for the current page only and `available` is false: pages show a note.
// An older shape, "<data-storage-key>:progress" = {slug: "known" | "learning"}, is migrated on
// first load (see migrate) and removed.
//
// This file also defines window.StudyGuideStudy, the namespace deck.js and cards-<n>.js call
// into, and must be loaded before them. Loading it twice is harmless.
(function () {
  "use strict";
  var existing = window.StudyGuideStudy;
  if (existing && existing.store) return;

  var DAY = 86400000;
  var KNOWN_DAYS = 21;
  var LOG_LIMIT = 100;
  var RATINGS = { again: true, hard: true, good: true, easy: true };
  var STATES = { "new": true, learning: true, known: true };

  var S = window.StudyGuideStudy = existing || {};
  S.DAY = DAY;
  S.KNOWN_DAYS = KNOWN_DAYS;

  // Builds an element; text goes in as textContent, never as HTML. Shared by every study script.
  S.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var name in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
        if (name === "text") node.textContent = attrs[name];
        else if (name === "className") node.className = attrs[name];
        else node.setAttribute(name, attrs[name]);
      }
    }
    if (children) for (var i = 0; i < children.length; i++) if (children[i]) node.appendChild(children[i]);
    return node;
  };

  // The theme's words for a script: `english` is what the script shows on an English site;
  // when the site has other words, the build writes assets/strings.js (window.StudyGuideStrings,
  // loaded before every script) and they win. The search interface uses it too, so this file
  // loads before the search scripts. say(key, values) fills {name} placeholders from
  // `values`; values.count also picks the plural form, by the browser's rules for the language.
  // Words several scripts show (badges), given once here; a script's own `english` adds its own.
  var COMMON = {
    difficulty_beginner: "Beginner",
    difficulty_intermediate: "Intermediate",
    difficulty_advanced: "Advanced",
    kind_technical: "Technical",
    kind_behavioral: "Behavioral",
    kind_situational: "Situational",
    kind_system_design: "System design",
    kind_practical: "Practical",
    kind_career: "Career"
  };

  S.words = function (english) {
    var given = window.StudyGuideStrings || {};
    var table = given.strings || {};
    var rules = null;
    try { rules = new Intl.PluralRules(given.lang || "en"); } catch (e) { /* no Intl, or a tag it does not know */ }
    function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
    return function (key, values) {
      var entry = has(table, key) ? table[key] : has(english, key) ? english[key] : COMMON[key];
      if (entry && typeof entry === "object") {
        var count = values && values.count;
        entry = (rules && typeof count === "number" && entry[rules.select(count)]) || entry.other || "";
      }
      var text = entry === undefined ? key : String(entry);
      return values ? text.replace(/\{(\w+)\}/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
      }) : text;
    };
  };

  var say = S.words({
    store_not_json: "The file is not JSON.",
    store_not_progress: "The file does not hold a progress object.",
    store_unsupported_version: "Unsupported version: {version} (expected 1 or 2).",
    store_no_cards: "The file has no \"cards\" object.",
    store_save_refused: "The browser refused to save the imported progress."
  });

  S.now = function () {
    return typeof window.__studyguideNow === "function" ? Number(window.__studyguideNow()) : Date.now();
  };

  S.root = function () {
    return (document.body && document.body.getAttribute("data-root")) || "";
  };

  // ---- Deck and card data (deck.js / cards-<n>.js call these) ----
  var deckWaiters = [];
  var chunkWaiters = {};
  var chunks = {};
  S.deck = S.deck || null;

  S.registerDeck = function (deck) {
    if (!deck || !deck.cards) return;
    S.deck = deck;
    S.bySlug = {};
    for (var i = 0; i < deck.cards.length; i++) S.bySlug[deck.cards[i].slug] = deck.cards[i];
    var waiting = deckWaiters; deckWaiters = [];
    for (var j = 0; j < waiting.length; j++) waiting[j](deck);
  };

  S.registerCards = function (n, cards) {
    chunks[n] = cards || {};
    var waiting = chunkWaiters[n] || []; chunkWaiters[n] = [];
    for (var i = 0; i < waiting.length; i++) waiting[i](chunks[n]);
  };

  function addScript(src, onError) {
    var script = document.createElement("script");
    script.src = src;
    script.onerror = onError;
    document.body.appendChild(script);
  }

  // Calls back with the deck, loading study/deck.js when the page did not include it.
  S.whenDeck = function (callback, onError) {
    if (S.deck) { callback(S.deck); return; }
    var first = deckWaiters.length === 0;
    deckWaiters.push(callback);
    if (first && !document.querySelector("script[src$='study/deck.js']")) {
      addScript(S.root() + "study/deck.js", function () { if (onError) onError(); });
    }
  };

  // Calls back with the back of one card: {summary, answer, followUps, areas, redFlags}.
  S.loadCard = function (slug, callback, onError) {
    var meta = S.bySlug && S.bySlug[slug];
    if (!meta) { if (onError) onError(); return; }
    var n = meta.chunk;
    if (chunks[n]) { callback(chunks[n][slug] || null); return; }
    var first = !chunkWaiters[n] || chunkWaiters[n].length === 0;
    (chunkWaiters[n] = chunkWaiters[n] || []).push(function (cards) { callback(cards[slug] || null); });
    if (first) addScript(S.root() + "study/cards-" + n + ".js", function () { if (onError) onError(); });
  };

  // ---- Storage ----
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
  function isNumber(value) { return typeof value === "number" && isFinite(value); }

  // At the default retention of 0.9 the FSRS interval equals the stability in days.
  function stateFor(stability, reps) {
    if (!reps && !stability) return "new";
    return stability >= KNOWN_DAYS ? "known" : "learning";
  }

  // SM-2 (version 1) fields to an FSRS memory state. Stability: the SM-2 interval, the days the
  // card was expected to be remembered (at least 0.1 for a card being relearned). Difficulty:
  // ease 1.3 (the SM-2 floor, hardest) .. 3.0 mapped linearly onto FSRS difficulty 10 .. 1,
  // so the starting ease 2.5 gives about 3.6, near what a new card rated Good gets.
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

  // Turns the v0 shape {slug: "known" | "learning" | "new"} into v1 card entries.
  function migrate(old, now) {
    var data = emptyData();
    if (!isObject(old)) return data;
    for (var slug in old) {
      if (!Object.prototype.hasOwnProperty.call(old, slug)) continue;
      var value = old[slug];
      if (value === "known") {
        data.cards[slug] = { state: "known", stability: KNOWN_DAYS, difficulty: 5, due: now + KNOWN_DAYS * DAY, reps: 3, lapses: 0, starred: false, note: "", lastReview: now, log: [] };
      } else if (value === "learning") {
        data.cards[slug] = { state: "learning", stability: 1, difficulty: 5, due: now, reps: 1, lapses: 0, starred: false, note: "", lastReview: now, log: [] };
      }
    }
    return data;
  }

  // Checks one card entry; returns {entry} with defaults filled in, or {error: "why"}.
  // version 1 entries (SM-2 fields) are checked as such, then converted.
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
    return { entry: version === 1 ? fromSM2(entry) : entry };
  }

  function cleanLog(raw) {
    if (!(raw instanceof Array)) return null;
    var log = [];
    for (var i = 0; i < raw.length; i++) {
      var item = raw[i];
      if (!isObject(item) || RATINGS[item.rating] !== true || !isNumber(item.time) || !isNumber(item.elapsed) || item.elapsed < 0) return null;
      log.push({ rating: item.rating, time: item.time, elapsed: item.elapsed });
    }
    return log.slice(-LOG_LIMIT);
  }

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
        if (legacy !== null) {
          var migrated = migrate(JSON.parse(legacy), S.now());
          this.ls.setItem(this.key, JSON.stringify(migrated));
          this.ls.removeItem(this.legacyKey);
          return migrated;
        }
        return emptyData();
      }
      var data = JSON.parse(text);
      if (!isObject(data) || (data.version !== 1 && data.version !== 2) || !isObject(data.cards)) throw new Error("unexpected shape");
      if (!isObject(data.settings)) data.settings = {};
      if (data.version === 1) {
        // SM-2 progress: converted once, and the practice page says so once.
        for (var slug in data.cards) {
          if (Object.prototype.hasOwnProperty.call(data.cards, slug) && isObject(data.cards[slug])) data.cards[slug] = fromSM2(data.cards[slug]);
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

  // Rates a card with the scheduler at `now`, logs the review and saves; returns the entry.
  Store.prototype.review = function (slug, rating, now) {
    this.refresh();
    var entry = this.get(slug);
    var changes = S.scheduler.schedule(entry, rating, now);
    var elapsed = entry.lastReview ? Math.max(0, Math.floor((now - entry.lastReview) / DAY)) : 0;
    changes.log = (entry.log || []).concat([{ rating: rating, time: now, elapsed: elapsed }]).slice(-LOG_LIMIT);
    return this.update(slug, changes);
  };

  // Returns the one-time notice waiting to be shown ("fsrs") and forgets it.
  Store.prototype.takeNotice = function () {
    this.refresh();
    var notice = this.data.notice || "";
    if (notice) { delete this.data.notice; this.save(); }
    return notice;
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

  Store.prototype.setting = function (name, value) {
    if (arguments.length === 1) return this.data.settings ? this.data.settings[name] : undefined;
    this.refresh();
    this.data.settings[name] = value;
    this.save();
    return value;
  };

  Store.prototype.reset = function () {
    this.data = emptyData();
    this.memory = this.data;
    if (!this.ls) return;
    try { this.ls.removeItem(this.key); this.ls.removeItem(this.legacyKey); } catch (e) { /* nothing to clear */ }
  };

  Store.prototype.exportJSON = function () {
    this.refresh();
    return JSON.stringify({ version: 2, exported: new Date(S.now()).toISOString(), cards: this.data.cards, settings: this.data.settings || {} }, null, 2);
  };

  // Validates an exported file and applies its valid entries. knownSlugs: {slug: true} or null.
  // Returns {ok, applied, ignored: [{slug, reason}], error}.
  Store.prototype.importJSON = function (text, knownSlugs) {
    var result = { ok: false, applied: 0, ignored: [], error: "" };
    var parsed;
    try { parsed = JSON.parse(text); } catch (e) { result.error = say("store_not_json"); return result; }
    if (!isObject(parsed)) { result.error = say("store_not_progress"); return result; }
    if (parsed.version !== 1 && parsed.version !== 2) { result.error = say("store_unsupported_version", { version: String(parsed.version) }); return result; }
    if (!isObject(parsed.cards)) { result.error = say("store_no_cards"); return result; }
    this.refresh();
    for (var slug in parsed.cards) {
      if (!Object.prototype.hasOwnProperty.call(parsed.cards, slug)) continue;
      if (knownSlugs && !knownSlugs[slug]) { result.ignored.push({ slug: slug, reason: "unknown question" }); continue; }
      var cleaned = cleanEntry(parsed.cards[slug], parsed.version);
      if (cleaned.error) { result.ignored.push({ slug: slug, reason: cleaned.error }); continue; }
      this.data.cards[slug] = cleaned.entry;
      result.applied++;
    }
    if (isObject(parsed.settings) && typeof parsed.settings.hideAnswers === "boolean") {
      this.data.settings.hideAnswers = parsed.settings.hideAnswers;
    }
    // Whole percents only, as the practice page offers them.
    var wanted = isObject(parsed.settings) ? parsed.settings.desiredRetention : undefined;
    if (isNumber(wanted) && wanted >= 0.8 && wanted <= 0.97 && Math.abs(Math.round(wanted * 100) - wanted * 100) < 1e-9) {
      this.data.settings.desiredRetention = parsed.settings.desiredRetention;
    }
    result.ok = true;
    if (!this.save() && this.available) result.error = say("store_save_refused");
    return result;
  };

  // Counts of new / learning / known among the given slugs (untracked slugs count as new).
  Store.prototype.counts = function (slugs) {
    var counts = { "new": 0, learning: 0, known: 0 };
    for (var i = 0; i < slugs.length; i++) counts[this.get(slugs[i]).state]++;
    return counts;
  };

  Store.prototype.trackedCount = function () {
    var n = 0;
    for (var slug in this.data.cards) if (Object.prototype.hasOwnProperty.call(this.data.cards, slug)) n++;
    return n;
  };

  S.migrate = migrate;
  S.cleanEntry = cleanEntry;
  S.fromSM2 = fromSM2;
  S.LOG_LIMIT = LOG_LIMIT;
  S.stateFor = stateFor;
  S.Store = Store;
  S.store = new Store();
  S.exportJSON = function () { return S.store.exportJSON(); };
  S.importJSON = function (text) {
    var known = null;
    if (S.bySlug) { known = {}; for (var slug in S.bySlug) known[slug] = true; }
    return S.store.importJSON(text, known);
  };
}());
