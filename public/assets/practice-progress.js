// The "Your progress" section of the practice page, #practice-progress: how many cards are
// known, learning and new; the desired retention; export to a file, import one, reset.
// It tells the practice session when it changed the progress, and hears when the session did,
// by the "studyguide:progress" event (see study.js).
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var store = S.store, el = S.el;

  var say = S.words({
    practice_export: "Export progress",
    practice_reset: "Reset progress",
    practice_exported: { one: "Exported {count} card to {file}.", other: "Exported {count} cards to {file}." },
    practice_export_failed: "Export failed: this browser cannot save files from this page.",
    practice_import_failed: "Import failed: {reason}",
    practice_imported: { one: "Imported {count} card.", other: "Imported {count} cards." },
    practice_ignored: "Ignored {count}:",
    practice_nothing_ignored: "Nothing was ignored.",
    practice_unreadable_file: "Import failed: the file could not be read.",
    practice_reset_confirm: "Delete all your progress, stars and notes for this site? This cannot be undone.",
    practice_reset_cancelled: "Reset cancelled: your progress is unchanged.",
    practice_reset_done: "Progress reset: every card is new again.",
    practice_your_progress: "Your progress",
    practice_progress_note: "Progress is kept in this browser only. Export it to a file to move it to another browser or keep a backup; importing a file merges it into what is stored here.",
    practice_import: "Import progress from a file",
    practice_progress_summary: "{known} known (likely still recalled three weeks after a review) · {learning} learning · {fresh} new.",
    practice_retention: "Desired retention",
    practice_retention_note: "The chance of recalling a card when it comes back: higher means shorter intervals and more reviews.",
    practice_retention_saved: "Desired retention set to {percent}%."
  });

  function build(box, deck) {
    var summary = el("p", { className: "progress-summary" });
    var status = el("div", { className: "io-status", role: "status" });

    function report(text, lines) {
      status.textContent = "";
      status.appendChild(el("p", { text: text }));
      if (lines && lines.length) {
        var list = el("ul", { className: "ignored-list" });
        for (var i = 0; i < lines.length; i++) list.appendChild(el("li", { text: lines[i] }));
        status.appendChild(list);
      }
    }

    function showCounts() {
      store.refresh();
      var counts = { "new": 0, learning: 0, known: 0 };
      for (var i = 0; i < deck.cards.length; i++) counts[store.get(deck.cards[i].slug).state]++;
      summary.textContent = say("practice_progress_summary", { known: counts.known, learning: counts.learning, fresh: counts["new"] });
    }

    var retention = el("select", { name: "retention", id: "practice-retention", "aria-describedby": "retention-note" });
    for (var percent = 80; percent <= 97; percent++) retention.appendChild(el("option", { value: String(percent / 100), text: percent + "%" }));

    // After an import or a reset: the retention may have changed too, and the session must know.
    function changed() {
      retention.value = String(S.scheduler.retention());
      showCounts();
      box.dispatchEvent(new CustomEvent("studyguide:progress", { bubbles: true }));
    }

    retention.addEventListener("change", function () {
      var value = Number(retention.value);
      store.setting("desiredRetention", value);
      report(say("practice_retention_saved", { percent: Math.round(value * 100) }));
    });

    var exportButton = el("button", { type: "button", className: "export-progress", text: say("practice_export") });
    exportButton.addEventListener("click", function () {
      var json = S.progressFile.exportJSON();
      var name = "studyguide-progress-" + new Date(S.now()).toISOString().slice(0, 10) + ".json";
      try {
        var url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
        var link = el("a", { href: url, download: name });
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
        report(say("practice_exported", { count: store.trackedCount(), file: name }));
      } catch (e) {
        report(say("practice_export_failed"));
      }
    });

    var fileInput = el("input", { type: "file", id: "import-progress", className: "import-progress", accept: ".json,application/json" });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var result = S.progressFile.importJSON(String(reader.result));
        fileInput.value = "";
        if (!result.ok) { report(say("practice_import_failed", { reason: result.error })); return; }
        var lines = [];
        for (var i = 0; i < result.ignored.length; i++) lines.push(result.ignored[i].slug + ": " + result.ignored[i].reason);
        report(say("practice_imported", { count: result.applied }) + " " +
          (result.ignored.length ? say("practice_ignored", { count: result.ignored.length }) : say("practice_nothing_ignored")) +
          (result.error ? " " + result.error : ""), lines);
        changed();
      };
      reader.onerror = function () { report(say("practice_unreadable_file")); };
      reader.readAsText(file);
    });

    var resetButton = el("button", { type: "button", className: "reset-progress", text: say("practice_reset") });
    resetButton.addEventListener("click", function () {
      if (!window.confirm(say("practice_reset_confirm"))) {
        report(say("practice_reset_cancelled"));
        return;
      }
      store.reset();
      report(say("practice_reset_done"));
      changed();
    });

    box.appendChild(el("section", { className: "progress-io", "aria-labelledby": "your-progress-heading" }, [
      el("h2", { id: "your-progress-heading", text: say("practice_your_progress") }),
      summary,
      el("p", { text: say("practice_progress_note") }),
      el("div", { className: "retention-setting" }, [
        el("label", { "for": "practice-retention" }, [document.createTextNode(say("practice_retention")), retention]),
        el("p", { id: "retention-note", text: say("practice_retention_note") })
      ]),
      el("div", { className: "io-buttons" }, [
        exportButton,
        el("label", { "for": "import-progress", className: "import-label", text: say("practice_import") }), fileInput,
        resetButton
      ]),
      status
    ]));
    retention.value = String(S.scheduler.retention());
    showCounts();
    // The session rated a card: the counts move.
    document.addEventListener("studyguide:progress", function (event) { if (event.target !== box) showCounts(); });
  }

  var box = document.getElementById("practice-progress");
  if (box) S.deck.ready(function (deck) { build(box, deck); box.hidden = false; });
}());
