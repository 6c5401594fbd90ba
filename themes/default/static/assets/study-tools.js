// The study tools of a question page, .study-tools[data-slug]: the card's state, a star, notes,
// Hide answers (a self-test until revealed) and printing with or without the answers.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var store = S.store, el = S.el;

  var say = S.words({
    study_hide_answers: "Hide answers",
    study_print_questions: "Print questions only",
    study_print_answers: "Print with answers",
    study_your_notes: "Your notes",
    study_notes_toggle: "Notes",
    study_reveal: "Reveal the answer",
    study_your_progress: "Your progress: ",
    study_note_saved: "Note saved.",
    study_note_kept: "Note kept until you leave the page."
  });

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
      state.appendChild(document.createTextNode(S.status.card(entry, S.now())));
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
    var warning = S.status.storage();
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

  var all = document.querySelectorAll(".study-tools[data-slug]");
  for (var i = 0; i < all.length; i++) questionTools(all[i]);
}());
