// StudyGuideStudy.status: the words for where a card and the storage stand, shown by the
// question tools, the progress bars and the practice page.
//   card(entry, now): e.g. "Learning · next review in 6 days".
//   storage(): why progress may not last or was lost, or "" when storage works.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;

  var say = S.words({
    study_new: "New: not practised yet",
    study_known: "Known",
    study_learning: "Learning",
    study_due_now: "{state} · due for review now",
    study_next_review: "{state} · next review in {wait}",
    study_storage_blocked: "This browser does not let the page store data (storage is blocked or unavailable), so progress, stars and notes last only until you leave the page.",
    study_storage_damaged: "Saved progress could not be read (the stored data is damaged); starting afresh."
  });

  S.status = {
    card: function (entry, now) {
      if (entry.state === "new" || (!entry.reps && !entry.stability && !entry.lastReview)) return say("study_new");
      var label = say(entry.state === "known" ? "study_known" : "study_learning");
      var wait = (entry.due || 0) - now;
      if (wait <= 0) return say("study_due_now", { state: label });
      return say("study_next_review", { state: label, wait: S.scheduler.describe(wait) });
    },

    storage: function () {
      if (!S.store.available) return say("study_storage_blocked");
      if (S.store.loadError) return say("study_storage_damaged");
      return "";
    }
  };
}());
