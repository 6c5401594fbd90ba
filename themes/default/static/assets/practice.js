// StudyGuide practice mode: one card at a time, reveal, rate Again / Hard / Good / Easy; the
// scheduler (study-scheduler.js) decides when each card returns. Decks come from the form's
// filters or from the URL: practice.html?deck=due|new|starred|all|auto&category=&difficulty=&kind=
// &tag=&limit=, or an explicit list: practice.html?cards=slug1,slug2.
// Keys: Space reveals, 1-4 rate, j / k next / previous card, ? lists the shortcuts.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var store = S.store, el = S.el;

  var say = S.words({
    practice_due_and_new: "Due and new",
    practice_due_today: "Due today",
    practice_new: "New",
    practice_starred: "Starred",
    practice_all_matching: "All matching",
    practice_level_beginner: "beginner",
    practice_level_intermediate: "intermediate",
    practice_level_advanced: "advanced",
    any_category: "Any category",
    any_kind: "Any kind",
    any_tag: "Any tag",
    any_difficulty: "Any difficulty",
    practice_cards: "Cards",
    category: "Category",
    difficulty: "Difficulty",
    kind: "Kind",
    tag: "Tag",
    practice_cards_per_session: "Cards per session",
    practice_all: "All",
    practice_start: "Start practising",
    practice_choose_cards: "Choose your cards",
    practice_shortcuts_button: "Keyboard shortcuts (?)",
    practice_shortcut_space: "Space",
    practice_shortcut_show: "Show the answer",
    practice_shortcut_again: "Again: relearn, back later in this session",
    practice_shortcut_next: "Next card",
    practice_shortcut_previous: "Previous card",
    practice_shortcut_list: "Show this list",
    practice_shortcut_close: "Close this list",
    practice_close: "Close",
    practice_shortcuts: "Keyboard shortcuts",
    practice_deck_counts: { other: "{due} due today · {fresh} new · {starred} starred, of {count} cards." },
    practice_fsrs_notice: "Your progress now uses FSRS scheduling: the intervals and ease of your earlier reviews were converted once into FSRS memory states.",
    practice_next_due: " The next card is due in {wait}.",
    practice_no_linked_cards: "None of the questions in the link exist on this site.",
    practice_no_cards: "No cards match this choice.",
    practice_nothing: "Nothing to practise",
    practice_choose_other: " Choose other cards above.",
    practice_complete: "Session complete",
    practice_again_button: "Practise again",
    practice_rated: { other: "You rated {count} cards: {again} again, {hard} hard, {good} good, {easy} easy." },
    practice_position: "Card {index} of {count}",
    practice_prompt: "Answer it aloud or on paper first, then reveal the answer and rate how well you knew it.",
    practice_show_answer: "Show answer",
    practice_loading: "Loading the answer…",
    practice_your_notes: "Your notes on this question",
    practice_how_well: "How well did you know it?",
    practice_previous: "Previous (k)",
    practice_skip: "Skip to next (j)",
    practice_answer_failed: "The answer could not be loaded.",
    short_answer: "Short answer",
    follow_up_questions: "Follow-up questions",
    red_flags: "Red flags",
    practice_full_answer: "Full answer",
    practice_open_page: "Open the question page",
    practice_rated_status: "Rated {rating}: {title} comes back in {wait}.",
    practice_rated_again: "again",
    practice_rated_hard: "hard",
    practice_rated_good: "good",
    practice_rated_easy: "easy",
    practice_deck_failed: "The practice deck could not be loaded; use the categories below."
  });

  var SOURCES = [
    ["auto", say("practice_due_and_new")], ["due", say("practice_due_today")], ["new", say("practice_new")],
    ["starred", say("practice_starred")], ["all", say("practice_all_matching")]
  ];
  var DIFFICULTIES = [["beginner", say("difficulty_beginner")], ["intermediate", say("difficulty_intermediate")],
    ["advanced", say("difficulty_advanced")]];

  // The practice page's URL and form fields: practice.html?deck=&category=&difficulty=&kind=&tag=&limit=
  // or practice.html?cards=slug1,slug2.
  var CRITERIA = ["deck", "category", "difficulty", "kind", "tag", "limit"];

  function endOfToday(now) {
    var d = new Date(now);
    d.setHours(23, 59, 59, 999);
    return d.getTime();
  }

  function select(label, name, options, chosen) {
    var node = el("select", { name: name, id: "practice-" + name });
    for (var i = 0; i < options.length; i++) {
      var option = el("option", { value: options[i][0], text: options[i][1] });
      if (options[i][0] === chosen) option.selected = true;
      node.appendChild(option);
    }
    return el("label", { "for": "practice-" + name }, [document.createTextNode(label), node]);
  }

  function Practice(app, deck) {
    this.app = app;
    this.deck = deck;
    this.session = null;
    this.build();
    this.startFrom(new URLSearchParams(window.location.search));
    this.bindKeys();
  }

  // The slugs a set of criteria selects, in review order.
  Practice.prototype.choose = function (criteria) {
    var now = S.now();
    var cards = this.deck.cards;
    var i;
    if (criteria.cards) {
      var list = criteria.cards.split(","), picked = [], seen = {};
      for (i = 0; i < list.length; i++) {
        var slug = list[i].replace(/^\s+|\s+$/g, "");
        if (slug && S.deck.card(slug) && !seen[slug]) { picked.push(slug); seen[slug] = true; }
      }
      return picked;
    }
    var matching = [];
    for (i = 0; i < cards.length; i++) {
      var card = cards[i];
      if (criteria.category && card.category !== criteria.category) continue;
      if (criteria.difficulty && card.difficulty !== criteria.difficulty) continue;
      if (criteria.kind && card.kind !== criteria.kind) continue;
      if (criteria.tag && card.tags.indexOf(criteria.tag) < 0) continue;
      matching.push(card.slug);
    }
    var source = criteria.deck || "auto";
    var due = [], fresh = [], starred = [];
    var today = endOfToday(now);
    for (i = 0; i < matching.length; i++) {
      var entry = store.get(matching[i]);
      if (entry.state === "new") fresh.push(matching[i]);
      else if ((entry.due || 0) <= today) due.push(matching[i]);
      if (entry.starred) starred.push(matching[i]);
    }
    due.sort(function (a, b) { return (store.get(a).due || 0) - (store.get(b).due || 0); });
    var chosen;
    if (source === "due") chosen = due;
    else if (source === "new") chosen = fresh;
    else if (source === "starred") chosen = starred;
    else if (source === "all") chosen = matching;
    else chosen = due.concat(fresh);
    var limit = criteria.limit === "all" ? 0 : (parseInt(criteria.limit, 10) || 20);
    return limit ? chosen.slice(0, limit) : chosen;
  };

  Practice.prototype.build = function () {
    var self = this, deck = this.deck;
    var app = this.app;
    app.textContent = "";

    var warning = S.status.storage();
    if (warning) app.appendChild(el("p", { className: "study-note", text: warning }));
    // Said once, after the store converted SM-2 progress.
    if (store.takeNotice() === "fsrs") {
      app.appendChild(el("p", { className: "study-note fsrs-notice", text: say("practice_fsrs_notice") }));
    }

    // The deck form.
    var categories = [["", say("any_category")]], kinds = [["", say("any_kind")]], tags = [["", say("any_tag")]];
    var i;
    for (i = 0; i < deck.categories.length; i++) categories.push([deck.categories[i].slug, deck.categories[i].title]);
    for (i = 0; i < deck.kinds.length; i++) kinds.push([deck.kinds[i].slug, S.deck.kindTitle(deck.kinds[i].slug)]);
    for (i = 0; i < deck.tags.length; i++) tags.push([deck.tags[i], "#" + deck.tags[i]]);
    this.form = el("form", { className: "deck-form", action: "practice.html", method: "get" });
    this.form.appendChild(el("div", { className: "filters" }, [
      select(say("practice_cards"), "deck", SOURCES, "auto"),
      select(say("category"), "category", categories, ""),
      select(say("difficulty"), "difficulty", [["", say("any_difficulty")]].concat(DIFFICULTIES), ""),
      select(say("kind"), "kind", kinds, ""),
      select(say("tag"), "tag", tags, ""),
      select(say("practice_cards_per_session"), "limit", [["10", "10"], ["20", "20"], ["50", "50"], ["all", say("practice_all")]], "20")
    ]));
    this.form.appendChild(el("button", { type: "submit", className: "primary-button", text: say("practice_start") }));
    this.counts = el("p", { className: "deck-counts" });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var criteria = {}, query = new URLSearchParams();
      for (var n = 0; n < CRITERIA.length; n++) {
        var value = self.form.elements[CRITERIA[n]].value;
        criteria[CRITERIA[n]] = value;
        if (value) query.set(CRITERIA[n], value);
      }
      try { window.history.replaceState(null, "", "?" + query.toString()); } catch (e) { /* file:// in some browsers */ }
      self.start(criteria);
    });
    app.appendChild(el("section", { className: "practice-setup", "aria-labelledby": "deck-heading" }, [
      el("h2", { id: "deck-heading", text: say("practice_choose_cards") }), this.form, this.counts
    ]));

    // The card.
    this.sessionBox = el("section", { className: "practice-session", "aria-labelledby": "session-heading" });
    app.appendChild(this.sessionBox);

    // Shortcuts button, status, and the dialog.
    this.status = el("p", { className: "practice-status", role: "status" });
    var shortcutsButton = el("button", { type: "button", className: "shortcuts-button", text: say("practice_shortcuts_button") });
    shortcutsButton.addEventListener("click", function () { self.openDialog(); });
    app.appendChild(el("div", { className: "practice-footer" }, [this.status, shortcutsButton]));
    this.buildDialog();

    // The "Your progress" section (practice-progress.js) imported or reset progress.
    document.addEventListener("studyguide:progress", function (event) { if (event.target !== app) self.refresh(); });
  };

  // A <dialog> shown with showModal(): the browser traps focus in it, closes it on Escape and
  // makes the page behind it inert; closing gives focus back to what opened it.
  Practice.prototype.buildDialog = function () {
    var self = this;
    var list = el("dl", { className: "shortcut-list" });
    var rows = [[say("practice_shortcut_space"), say("practice_shortcut_show")], ["1", say("practice_shortcut_again")],
      ["2", say("practice_hard")], ["3", say("practice_good")], ["4", say("practice_easy")],
      ["j", say("practice_shortcut_next")], ["k", say("practice_shortcut_previous")], ["?", say("practice_shortcut_list")],
      ["Escape", say("practice_shortcut_close")]];
    for (var i = 0; i < rows.length; i++) {
      list.appendChild(el("dt", null, [el("kbd", { text: rows[i][0] })]));
      list.appendChild(el("dd", { text: rows[i][1] }));
    }
    var close = el("button", { type: "button", className: "dialog-close", autofocus: "", text: say("practice_close") });
    close.addEventListener("click", function () { self.dialog.close(); });
    this.dialog = el("dialog", { className: "shortcuts-dialog", "aria-labelledby": "shortcuts-heading" }, [
      el("h2", { id: "shortcuts-heading", text: say("practice_shortcuts") }), list, close
    ]);
    // A click on the ::backdrop targets the dialog itself, as does one on its padding: the box tells them apart.
    this.dialog.addEventListener("click", function (event) {
      var box = self.dialog.getBoundingClientRect();
      var outside = event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
      if (event.target === self.dialog && outside) self.dialog.close();
    });
    this.dialog.addEventListener("close", function () {
      var opener = self.opener;
      self.opener = null;
      if (opener && opener !== document.body && document.body.contains(opener)) opener.focus();
      else if (self.heading) self.heading.focus();
    });
    document.body.appendChild(this.dialog);
  };

  Practice.prototype.openDialog = function () {
    if (this.dialog.open) return;
    this.opener = document.activeElement;
    this.dialog.showModal();
  };

  Practice.prototype.refresh = function () {
    var deck = this.deck;
    store.refresh();
    var now = S.now(), today = endOfToday(now);
    var counts = { due: 0, fresh: 0, starred: 0 };
    for (var i = 0; i < deck.cards.length; i++) {
      var entry = store.get(deck.cards[i].slug);
      if (entry.state === "new") counts.fresh++;
      else if ((entry.due || 0) <= today) counts.due++;
      if (entry.starred) counts.starred++;
    }
    this.counts.textContent = say("practice_deck_counts",
      { due: counts.due, fresh: counts.fresh, starred: counts.starred, count: deck.cards.length });
    if (this.session) this.renderCard(false);
  };

  Practice.prototype.startFrom = function (query) {
    var criteria = {};
    var names = CRITERIA.concat(["cards"]);
    for (var i = 0; i < names.length; i++) {
      var value = query.get(names[i]);
      if (!value) continue;
      criteria[names[i]] = value;
      var field = this.form.elements[names[i]];
      if (field) field.value = value;
    }
    this.start(criteria);
  };

  Practice.prototype.start = function (criteria) {
    this.criteria = criteria;
    var slugs = this.choose(criteria);
    this.session = { slugs: slugs, index: 0, revealed: false, rated: 0, tally: { again: 0, hard: 0, good: 0, easy: 0 } };
    this.refresh();
    this.renderCard(false);
  };

  Practice.prototype.nextDueText = function () {
    var now = S.now(), soonest = 0;
    for (var slug in store.data.cards) {
      if (!Object.prototype.hasOwnProperty.call(store.data.cards, slug)) continue;
      var entry = store.data.cards[slug];
      if (entry.state !== "new" && entry.due > now && (!soonest || entry.due < soonest)) soonest = entry.due;
    }
    return soonest ? say("practice_next_due", { wait: S.scheduler.describe(soonest - now) }) : "";
  };

  Practice.prototype.renderCard = function (focus) {
    var self = this, session = this.session, box = this.sessionBox;
    box.textContent = "";
    this.heading = null;
    this.back = null;
    if (!session.slugs.length) {
      var why = this.criteria.cards ? say("practice_no_linked_cards") : say("practice_no_cards") + this.nextDueText();
      this.heading = el("h2", { id: "session-heading", tabindex: "-1", text: say("practice_nothing") });
      box.appendChild(this.heading);
      box.appendChild(el("p", { className: "session-empty", text: why + say("practice_choose_other") }));
      if (focus) this.heading.focus();
      return;
    }
    if (session.index >= session.slugs.length) {
      this.heading = el("h2", { id: "session-heading", tabindex: "-1", text: say("practice_complete") });
      var t = session.tally;
      var again = el("button", { type: "button", className: "restart", text: say("practice_again_button") });
      again.addEventListener("click", function () { self.start(self.criteria); self.heading.focus(); });
      box.appendChild(this.heading);
      box.appendChild(el("p", { className: "session-done", text: say("practice_rated", { count: session.rated, again: t.again, hard: t.hard, good: t.good, easy: t.easy }) + this.nextDueText() }));
      box.appendChild(again);
      if (focus) this.heading.focus();
      return;
    }

    var slug = session.slugs[session.index];
    var card = S.deck.card(slug);
    var entry = store.get(slug);

    var article = el("article", { className: "practice-card", "data-slug": slug });
    article.appendChild(el("p", { className: "card-position" }, [
      el("span", { className: "position", text: say("practice_position", { index: session.index + 1, count: session.slugs.length }) }),
      document.createTextNode(" "),
      el("span", { className: "badge", text: S.deck.categoryTitle(card.category) }),
      el("span", { className: "badge difficulty-" + card.difficulty, text: say("practice_level_" + card.difficulty) }),
      el("span", { className: "badge", text: S.deck.kindTitle(card.kind) })
    ]));
    this.heading = el("h2", { id: "session-heading", className: "card-title", tabindex: "-1", text: card.title });
    article.appendChild(this.heading);
    var star = el("button", { type: "button", className: "star-toggle", "aria-pressed": entry.starred ? "true" : "false" }, [
      el("span", { "aria-hidden": "true", className: "star-icon", text: entry.starred ? "★" : "☆" }), document.createTextNode(" " + say("study_star"))
    ]);
    star.addEventListener("click", function () {
      var now = !store.get(slug).starred;
      store.update(slug, { starred: now });
      star.setAttribute("aria-pressed", now ? "true" : "false");
      star.firstChild.textContent = now ? "★" : "☆";
    });
    article.appendChild(el("p", { className: "card-meta" }, [
      el("span", { className: "card-state", text: S.status.card(entry, S.now()) }),
      document.createTextNode(" "), star
    ]));

    var front = el("div", { className: "card-front" });
    front.appendChild(el("p", { className: "card-prompt", text: say("practice_prompt") }));
    var reveal = el("button", { type: "button", className: "reveal-button primary-button" }, [
      document.createTextNode(say("practice_show_answer") + " "), el("kbd", { text: say("practice_shortcut_space") })
    ]);
    reveal.addEventListener("click", function () { self.reveal(); });
    front.appendChild(reveal);
    article.appendChild(front);

    var back = el("div", { className: "card-back", hidden: "" });
    this.back = back;
    this.front = front;
    var content = el("div", { className: "card-content" }, [el("p", { className: "loading", text: say("practice_loading") })]);
    back.appendChild(content);

    var noteId = "practice-note";
    var note = el("textarea", { id: noteId, className: "card-note", rows: "3" });
    note.value = entry.note || "";
    var noteTimer = null;
    var saveNote = function () { noteTimer = null; store.update(slug, { note: note.value }); };
    note.addEventListener("input", function () { if (noteTimer) clearTimeout(noteTimer); noteTimer = setTimeout(saveNote, 400); });
    note.addEventListener("change", function () { if (noteTimer) clearTimeout(noteTimer); saveNote(); });
    back.appendChild(el("div", { className: "card-notes" }, [el("label", { "for": noteId, text: say("practice_your_notes") }), note]));

    var group = el("div", { className: "rating", role: "group", "aria-labelledby": "rating-label" });
    var now = S.now();
    S.RATINGS.forEach(function (rating, index) {
      var next = S.scheduler.schedule(entry, rating, now);
      var button = el("button", { type: "button", className: "rate rate-" + rating, "data-rating": rating }, [
        el("span", { className: "rate-label", text: say("practice_" + rating) }),
        el("span", { className: "rate-when", text: S.scheduler.describe(next.due - now) }),
        el("kbd", { text: String(index + 1) })
      ]);
      button.addEventListener("click", function () { self.rate(rating); });
      group.appendChild(button);
    });
    back.appendChild(el("p", { id: "rating-label", className: "rating-label", text: say("practice_how_well") }));
    back.appendChild(group);
    article.appendChild(back);

    var previous = el("button", { type: "button", className: "previous-card", text: say("practice_previous") });
    var next = el("button", { type: "button", className: "next-card", text: say("practice_skip") });
    previous.disabled = session.index === 0;
    previous.addEventListener("click", function () { self.move(-1); });
    next.addEventListener("click", function () { self.move(1); });
    article.appendChild(el("div", { className: "card-nav" }, [previous, next]));
    box.appendChild(article);

    S.deck.back(slug, function (data) {
      if (self.back !== back) return;
      content.textContent = "";
      if (!data) { content.appendChild(el("p", { text: say("practice_answer_failed") })); return; }
      content.appendChild(el("section", { className: "card-summary" }, [el("h3", { text: say("short_answer") }), el("p", { text: data.summary })]));
      var answer = el("section", { className: "card-answer prose" });
      answer.innerHTML = data.answer; // trusted: rendered by the site generator
      var extras = [["areas", say("areas_to_cover")], ["followUps", say("follow_up_questions")], ["redFlags", say("red_flags")]];
      content.appendChild(el("details", { className: "card-full" }, [el("summary", { text: say("practice_full_answer") }), answer]));
      for (var x = 0; x < extras.length; x++) {
        var items = data[extras[x][0]] || [];
        if (!items.length) continue;
        var list = el("ul");
        for (var y = 0; y < items.length; y++) list.appendChild(el("li", { text: items[y] }));
        content.appendChild(el("section", { className: "card-" + extras[x][0] }, [el("h3", { text: extras[x][1] }), list]));
      }
      content.appendChild(el("p", null, [el("a", { href: S.root() + card.url, text: say("practice_open_page") })]));
      var full = content.querySelector(".card-full");
      if (full) full.open = true;
      answer.dispatchEvent(new CustomEvent("studyguide:content", { bubbles: true })); // site.js's copy buttons
    }, function () {
      content.textContent = "";
      content.appendChild(el("p", { text: say("practice_answer_failed") }));
    });
    if (focus) this.heading.focus();
  };

  Practice.prototype.reveal = function () {
    if (!this.back || !this.back.hidden) return;
    this.back.hidden = false;
    this.front.hidden = true;
    this.session.revealed = true;
    if (this.heading) this.heading.focus();
  };

  Practice.prototype.rate = function (rating) {
    var session = this.session;
    if (!this.back || this.back.hidden) return;
    var slug = session.slugs[session.index];
    var now = S.now();
    var changes = store.review(slug, rating, now);
    session.rated++;
    session.tally[rating]++;
    if (rating === "again" && session.slugs.slice(session.index + 1).indexOf(slug) < 0) session.slugs.push(slug);
    this.status.textContent = say("practice_rated_status",
      { rating: say("practice_rated_" + rating), title: S.deck.card(slug).title, wait: S.scheduler.describe(changes.due - now) });
    session.index++;
    this.refresh();
    this.renderCard(true);
    this.app.dispatchEvent(new CustomEvent("studyguide:progress", { bubbles: true }));
  };

  Practice.prototype.move = function (step) {
    var session = this.session;
    var target = session.index + step;
    if (target < 0 || target > session.slugs.length) return;
    if (target === session.slugs.length && step > 0 && session.index === session.slugs.length) return;
    session.index = target;
    this.renderCard(true);
  };

  Practice.prototype.bindKeys = function () {
    var self = this;
    document.addEventListener("keydown", function (event) {
      if (self.dialog.open) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target, tag = target && target.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
      var key = event.key;
      if (key === "?") { event.preventDefault(); self.openDialog(); return; }
      if (key === " " || key === "Spacebar") {
        if (tag === "BUTTON" || tag === "A" || tag === "SUMMARY") return;
        if (self.back && self.back.hidden) { event.preventDefault(); self.reveal(); }
        return;
      }
      if (key >= "1" && key <= "4" && key.length === 1) {
        if (self.back && !self.back.hidden) { event.preventDefault(); self.rate(S.RATINGS[Number(key) - 1]); }
        return;
      }
      if (key === "j") { event.preventDefault(); self.move(1); return; }
      if (key === "k") { event.preventDefault(); self.move(-1); }
    });
  };

  function start() {
    var app = document.getElementById("practice-app");
    if (!app) return;
    var fallback = document.querySelector(".study-fallback");
    S.deck.ready(function (deck) {
      if (fallback) fallback.hidden = true;
      app.hidden = false;
      new Practice(app, deck);
    }, function () {
      app.hidden = false;
      app.textContent = say("practice_deck_failed");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}());
