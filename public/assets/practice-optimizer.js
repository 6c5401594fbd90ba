// The "Your own schedule" section of the practice page, #practice-optimizer: fits the scheduler's
// weights to the reader's review log (study-optimizer.js) on request, once the log is long
// enough; shows the log loss before and after; keeps the new weights (the progress setting
// "weights") or discards them; goes back to the defaults. Keeping or dropping weights changes
// the intervals to come, so it tells the page by the "studyguide:progress" event (see study.js).
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var store = S.store, el = S.el, optimizer = S.optimizer;

  var say = S.words({
    optimizer_heading: "Your own schedule",
    optimizer_note: "The scheduler predicts when you will forget a card with FSRS-6 weights fitted to many learners. Once your reviews include {reviews} made a day or more after the card's previous review, across at least {cards} cards, you can fit the weights to your own memory. It runs in this browser; nothing is sent anywhere.",
    optimizer_button: "Optimise my schedule",
    optimizer_not_yet: "Not enough reviews yet: {reviews} of {needed} reviews, {cards} of {cardsNeeded} cards.",
    optimizer_ready: "Your log holds {reviews} reviews of {cards} cards to learn from.",
    optimizer_in_use_default: "In use: the default weights.",
    optimizer_in_use_own: "In use: your own weights.",
    optimizer_running: "Optimising…",
    optimizer_result: "Fitted to {reviews} reviews. Log loss (lower means your reviews are predicted better): {before} with the weights in use, {after} with the new weights.",
    optimizer_no_better: "The new weights predict your reviews no better than the weights in use: nothing changed.",
    optimizer_keep: "Keep the new weights",
    optimizer_discard: "Discard them",
    optimizer_kept: "Your own weights are in use: the next intervals follow them.",
    optimizer_discarded: "Discarded: the weights in use are unchanged.",
    optimizer_defaults: "Go back to the default weights",
    optimizer_defaults_done: "The default weights are in use again."
  });

  function ownWeights() { return S.scheduler.validWeights(store.setting("weights")); }

  function formatLoss(value) {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || "en", { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(value);
    } catch (e) {
      return value.toFixed(4);
    }
  }

  function build(box) {
    var inUse = el("p", { className: "optimizer-in-use" });
    var readiness = el("p", { id: "optimizer-readiness", className: "optimizer-readiness" });
    var status = el("div", { className: "optimizer-status", role: "status" });
    var button = el("button", { type: "button", className: "optimize-schedule", "aria-describedby": "optimizer-readiness", text: say("optimizer_button") });
    var defaultsButton = el("button", { type: "button", className: "default-weights", text: say("optimizer_defaults") });
    var running = false;

    function changed() {
      show();
      box.dispatchEvent(new CustomEvent("studyguide:progress", { bubbles: true }));
    }

    function report(text, actions) {
      status.textContent = "";
      status.appendChild(el("p", { text: text }));
      if (actions) status.appendChild(el("div", { className: "optimizer-actions" }, actions));
    }

    function show() {
      var set = optimizer.trainingSet(store.refresh().cards);
      var enough = set.reviews >= optimizer.MIN_REVIEWS && set.cards >= optimizer.MIN_CARDS;
      readiness.textContent = enough ? say("optimizer_ready", { reviews: set.reviews, cards: set.cards })
        : say("optimizer_not_yet", { reviews: set.reviews, needed: optimizer.MIN_REVIEWS, cards: set.cards, cardsNeeded: optimizer.MIN_CARDS });
      button.disabled = running || !enough;
      inUse.textContent = say(ownWeights() ? "optimizer_in_use_own" : "optimizer_in_use_default");
      defaultsButton.hidden = !ownWeights();
      return set;
    }

    button.addEventListener("click", function () {
      var set = show();
      if (button.disabled) return;
      running = true;
      button.disabled = true;
      report(say("optimizer_running"));
      var before = optimizer.logLoss(set, S.scheduler.weights());
      optimizer.optimize(set, function (result) {
        running = false;
        show();
        if (!(result.loss < before)) { report(say("optimizer_no_better")); return; }
        var keep = el("button", { type: "button", className: "keep-weights", text: say("optimizer_keep") });
        var discard = el("button", { type: "button", className: "discard-weights", text: say("optimizer_discard") });
        keep.addEventListener("click", function () {
          store.setting("weights", result.weights);
          report(say("optimizer_kept"));
          changed();
        });
        discard.addEventListener("click", function () { report(say("optimizer_discarded")); });
        report(say("optimizer_result", { reviews: result.reviews, before: formatLoss(before), after: formatLoss(result.loss) }), [keep, discard]);
      });
    });

    defaultsButton.addEventListener("click", function () {
      store.setting("weights", undefined);
      report(say("optimizer_defaults_done"));
      changed();
    });

    box.appendChild(el("section", { className: "optimizer", "aria-labelledby": "optimizer-heading" }, [
      el("h2", { id: "optimizer-heading", text: say("optimizer_heading") }),
      el("p", { text: say("optimizer_note", { reviews: optimizer.MIN_REVIEWS, cards: optimizer.MIN_CARDS }) }),
      inUse,
      readiness,
      el("div", { className: "io-buttons" }, [button, defaultsButton]),
      status
    ]));
    show();
    // A rating, an import or a reset elsewhere on the page: the log and the weights may differ.
    document.addEventListener("studyguide:progress", function (event) { if (event.target !== box) show(); });
  }

  var box = document.getElementById("practice-optimizer");
  if (box) S.deck.ready(function () { build(box); box.hidden = false; });
}());
