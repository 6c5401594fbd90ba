// The progress bars of the home and category pages: .study-progress[data-category][data-total]
// shows how many of the category's cards are new, learning and known.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var store = S.store, el = S.el;

  var say = S.words({
    study_progress_summary: "{known} known, {learning} learning, {fresh} new",
    study_progress_label: "Your progress in {category}: {summary}",
    study_count_known: "{count} known",
    study_count_learning: "{count} learning",
    study_count_new: "{count} new",
    study_no_progress: "No practice progress found in this browser's storage for this page. Practise on the Practice page; some browsers keep each local file's storage apart.",
    study_progress_failed: "Progress could not be loaded."
  });

  function renderBar(node, deck) {
    var category = node.getAttribute("data-category");
    var total = parseInt(node.getAttribute("data-total"), 10) || 0;
    var title = S.deck.categoryTitle(category);
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
    var note = S.status.storage();
    if (!note && store.trackedCount() === 0 && node.classList.contains("study-progress-first")) {
      note = say("study_no_progress");
    }
    if (note) node.appendChild(el("p", { className: "study-note", text: note }));
  }

  function renderBars() {
    var bars = document.querySelectorAll(".study-progress");
    if (!bars.length) return;
    bars[0].classList.add("study-progress-first");
    S.deck.ready(function (deck) {
      store.refresh();
      for (var i = 0; i < bars.length; i++) renderBar(bars[i], deck);
    }, function () {
      for (var i = 0; i < bars.length; i++) bars[i].textContent = say("study_progress_failed");
    });
  }

  renderBars();
  window.addEventListener("storage", function (event) { if (event.key === store.key) renderBars(); });
}());
