// StudyGuide study features on every page: progress bars (home, category) and the study tools
// of a question page (state, star, notes, self-test, printing). Needs study-store.js first.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  if (!S || !S.store) return;
  var store = S.store;

  var el = S.el;
  var say = S.words({
    study_new: "New: not practised yet",
    study_known: "Known",
    study_learning: "Learning",
    study_due_now: "{state} · due for review now",
    study_next_review: "{state} · next review in {wait}",
    study_days: { one: "{count} day", other: "{count} days" },
    study_storage_blocked: "This browser does not let the page store data (storage is blocked or unavailable), so progress, stars and notes last only until you leave the page.",
    study_storage_damaged: "Saved progress could not be read (the stored data is damaged); starting afresh.",
    study_progress_summary: "{known} known, {learning} learning, {fresh} new",
    study_progress_label: "Your progress in {category}: {summary}",
    study_count_known: "{count} known",
    study_count_learning: "{count} learning",
    study_count_new: "{count} new",
    study_no_progress: "No practice progress found in this browser's storage for this page. Practise on the Practice page; some browsers keep each local file's storage apart.",
    study_progress_failed: "Progress could not be loaded.",
    study_hide_answers: "Hide answers",
    study_print_questions: "Print questions only",
    study_print_answers: "Print with answers",
    study_your_notes: "Your notes",
    study_notes_toggle: "Notes",
    study_reveal: "Reveal the answer",
    study_your_progress: "Your progress: ",
    study_star: "Star",
    study_note_saved: "Note saved.",
    study_note_kept: "Note kept until you leave the page."
  });

  // A short description of where a card stands, e.g. "Learning · next review in 6 days".
  S.describeState = function (entry, now) {
    if (entry.state === "new" || (!entry.reps && !entry.stability && !entry.lastReview)) return say("study_new");
    var label = say(entry.state === "known" ? "study_known" : "study_learning");
    var wait = (entry.due || 0) - now;
    if (wait <= 0) return say("study_due_now", { state: label });
    var days = Math.ceil(wait / S.DAY);
    return say("study_next_review", { state: label, wait: S.scheduler ? S.scheduler.describe(wait) : say("study_days", { count: days }) });
  };

  S.storageNote = function () {
    if (!store.available) return say("study_storage_blocked");
    if (store.loadError) return say("study_storage_damaged");
    return "";
  };

  // ---- Progress bars: .study-progress[data-category][data-total] ----
  function renderBar(node, deck) {
    var category = node.getAttribute("data-category");
    var total = parseInt(node.getAttribute("data-total"), 10) || 0;
    var title = category;
    for (var c = 0; c < deck.categories.length; c++) if (deck.categories[c].slug === category) title = deck.categories[c].title;
    var learning = 0, known = 0;
    for (var i = 0; i < deck.cards.length; i++) {
      var card = deck.cards[i];
      if (card.category !== category || !store.isTracked(card.slug)) continue;
      var state = store.get(card.slug).state;
      if (state === "learning") learning++;
      else if (state === "known") known++;
    }
    var fresh = Math.max(0, total - learning - known);
    var summary = say("study_progress_summary", { known: known, learning: learning, fresh: fresh });
    var bar = el("div", { className: "progress-bar", role: "img", "aria-label": say("study_progress_label", { category: title, summary: summary }) });
    var parts = [["known", known], ["learning", learning], ["new", fresh]];
    for (var p = 0; p < parts.length; p++) {
      if (!parts[p][1] || !total) continue;
      var segment = el("span", { className: "segment segment-" + parts[p][0] });
      segment.style.width = (100 * parts[p][1] / total) + "%";
      bar.appendChild(segment);
    }
    var text = el("p", { className: "progress-text", "aria-hidden": "true" });
    text.appendChild(el("span", { className: "count-known", text: say("study_count_known", { count: known }) }));
    text.appendChild(document.createTextNode(" · "));
    text.appendChild(el("span", { className: "count-learning", text: say("study_count_learning", { count: learning }) }));
    text.appendChild(document.createTextNode(" · "));
    text.appendChild(el("span", { className: "count-new", text: say("study_count_new", { count: fresh }) }));
    node.textContent = "";
    node.setAttribute("data-known", String(known));
    node.setAttribute("data-learning", String(learning));
    node.setAttribute("data-new", String(fresh));
    node.appendChild(bar);
    node.appendChild(text);
    var note = S.storageNote();
    if (!note && store.trackedCount() === 0 && node.classList.contains("study-progress-first")) {
      note = say("study_no_progress");
    }
    if (note) node.appendChild(el("p", { className: "study-note", text: note }));
  }

  function renderBars() {
    var bars = document.querySelectorAll(".study-progress");
    if (!bars.length) return;
    bars[0].classList.add("study-progress-first");
    S.whenDeck(function (deck) {
      store.refresh();
      for (var i = 0; i < bars.length; i++) renderBar(bars[i], deck);
    }, function () {
      for (var i = 0; i < bars.length; i++) bars[i].textContent = say("study_progress_failed");
    });
  }

  // ---- Question page tools: .study-tools[data-slug] ----
  var HIDDEN_SECTIONS = ".short-answer, .answer, .toc, .areas, .follow-ups, .red-flags";

  function questionTools(tools) {
    var slug = tools.getAttribute("data-slug");
    var article = tools.closest ? tools.closest("article.question") : null;
    var body = document.body;
    var noteId = "study-note-" + slug;
    var notesId = "study-notes-" + slug;

    var state = el("p", { className: "study-state" });
    var star = el("button", { type: "button", className: "star-toggle", "aria-pressed": "false" });
    var hide = el("button", { type: "button", className: "hide-toggle", "aria-pressed": "false", text: say("study_hide_answers") });
    var printQuestions = el("button", { type: "button", className: "print-questions", text: say("study_print_questions") });
    var printAnswers = el("button", { type: "button", className: "print-answers", text: say("study_print_answers") });
    var label = el("label", { "for": noteId, text: say("study_your_notes") });
    var note = el("textarea", { id: noteId, className: "study-note-input", rows: "3" });
    var saved = el("p", { className: "study-saved", role: "status" });
    var reveal = el("button", { type: "button", className: "reveal-answers", text: say("study_reveal") });
    // Narrow screens only (style.css): the notes start collapsed behind this button, so the short
    // answer stays within the first screen; the dot says a note is kept. Wide screens hide it.
    var noteDot = el("span", { className: "note-dot", "aria-hidden": "true", text: " •" });
    var notesToggle = el("button", { type: "button", className: "notes-toggle", "aria-expanded": "false", "aria-controls": notesId },
      [document.createTextNode(say("study_notes_toggle")), noteDot]);

    function render() {
      store.refresh();
      var entry = store.get(slug);
      state.textContent = "";
      state.appendChild(el("span", { className: "visually-hidden", text: say("study_your_progress") }));
      state.appendChild(document.createTextNode(S.describeState(entry, S.now())));
      star.setAttribute("aria-pressed", entry.starred ? "true" : "false");
      star.textContent = "";
      star.appendChild(el("span", { "aria-hidden": "true", className: "star-icon", text: entry.starred ? "★" : "☆" }));
      star.appendChild(document.createTextNode(" " + say("study_star")));
      if (document.activeElement !== note) note.value = entry.note || "";
      noteDot.hidden = !note.value;
    }

    function setHidden(on) {
      body.classList.toggle("self-test", on);
      body.classList.remove("answers-revealed");
      hide.setAttribute("aria-pressed", on ? "true" : "false");
      reveal.hidden = !on;
    }

    star.addEventListener("click", function () {
      var entry = store.get(slug);
      store.update(slug, { starred: !entry.starred });
      render();
    });
    hide.addEventListener("click", function () {
      var on = hide.getAttribute("aria-pressed") !== "true";
      store.setting("hideAnswers", on);
      setHidden(on);
    });
    reveal.addEventListener("click", function () {
      body.classList.add("answers-revealed");
      reveal.hidden = true;
      var first = article && article.querySelector(".short-answer h2");
      if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
    });
    notesToggle.addEventListener("click", function () {
      var open = notesToggle.getAttribute("aria-expanded") !== "true";
      notesToggle.setAttribute("aria-expanded", open ? "true" : "false");
      tools.classList.toggle("notes-open", open);
      if (open) note.focus();
    });
    var timer = null;
    function saveNote() {
      timer = null;
      store.update(slug, { note: note.value });
      noteDot.hidden = !note.value;
      saved.textContent = say(store.available ? "study_note_saved" : "study_note_kept");
    }
    note.addEventListener("input", function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(saveNote, 400);
    });
    note.addEventListener("change", function () { if (timer) clearTimeout(timer); saveNote(); });

    function printWith(className) {
      body.classList.add(className);
      var done = function () { body.classList.remove(className); window.removeEventListener("afterprint", done); };
      window.addEventListener("afterprint", done);
      try { window.print(); } finally { setTimeout(done, 0); }
    }
    printQuestions.addEventListener("click", function () { printWith("print-questions-only"); });
    printAnswers.addEventListener("click", function () { printWith("print-with-answers"); });

    tools.textContent = "";
    tools.appendChild(state);
    tools.appendChild(el("div", { className: "study-buttons" }, [star, hide, notesToggle, printQuestions, printAnswers]));
    tools.appendChild(el("div", { className: "study-notes", id: notesId }, [label, note, saved]));
    var warning = S.storageNote();
    if (warning) tools.appendChild(el("p", { className: "study-note", text: warning }));
    tools.hidden = false;
    if (article) {
      var header = article.querySelector("header");
      if (header && header.nextSibling) article.insertBefore(reveal, header.nextSibling);
      else article.appendChild(reveal);
    }
    render();
    setHidden(store.setting("hideAnswers") === true && !!article && !!article.querySelector(HIDDEN_SECTIONS));
    window.addEventListener("storage", function (event) { if (event.key === store.key) render(); });
    window.addEventListener("focus", render);
  }

  function start() {
    renderBars();
    var tools = document.querySelectorAll(".study-tools[data-slug]");
    for (var i = 0; i < tools.length; i++) questionTools(tools[i]);
    window.addEventListener("storage", function (event) { if (event.key === store.key) renderBars(); });
  }

  start();
}());
