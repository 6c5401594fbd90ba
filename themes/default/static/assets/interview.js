// StudyGuide mock interview: pick a length and a mix, answer questions one by one against a
// timer, mark the shaky ones, and finish with time per question and a list to practise.
// interview.html?seed=N makes the selection repeatable.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var el = S.el;

  var say = S.words({
    interview_situation: "Situation",
    interview_situation_hint: "Set the scene: where you were, when, who was involved, what was at stake.",
    interview_task: "Task",
    interview_task_hint: "What you were responsible for, and what a good outcome looked like.",
    interview_action: "Action",
    interview_action_hint: "What you did, step by step: say “I”, not “we”.",
    interview_result: "Result",
    interview_result_hint: "The outcome, with numbers if you can, and what you learned or would change.",
    interview_behavioral_mix: "Behavioral and situational",
    interview_length: "Length",
    interview_minutes: { other: "{count} minutes" },
    interview_questions: "Questions",
    interview_hint: "Answer each question aloud as you would to an interviewer. Mark the ones you were shaky on; at the end you get a list to practise.",
    interview_start: "Start the interview",
    interview_choose_one: "Choose at least one question.",
    interview_set_up: "Set up your interview",
    interview_time_left: "Time left ",
    interview_this_question: "This question ",
    interview_budget: " (about {count} min)",
    interview_position: "Question {index} of {count}",
    interview_star: "Answer with STAR",
    interview_system_design_prompt: "Clarify the requirements and the scale, sketch the main components and the data flow, then go deep on the part that is hardest to scale. Say your trade-offs out loud.",
    interview_technical_prompt: "Answer aloud in two or three minutes: the core idea first, then an example from your own work, then the trade-offs.",
    interview_hints: "Hints: areas to cover",
    interview_shaky: " I was shaky on this one: add it to my review list",
    interview_finish: "Finish the interview",
    interview_next: "Next question",
    interview_end: "End now",
    interview_finished: "Interview finished",
    interview_total: { other: "You answered {answered} of {count} questions in {time} (planned: {minutes}:00)." },
    interview_time_per_question: "Time per question",
    interview_question: "Question",
    interview_time: "Time",
    interview_shaky_column: "Shaky",
    interview_yes: "Yes",
    interview_no: "No",
    interview_review_shaky: "The questions you marked as shaky:",
    interview_review_all: "You marked nothing as shaky, so review them all:",
    interview_what_to_review: "What to review",
    interview_practise: { one: "Practise this question", other: "Practise these {count} questions" },
    interview_again: "Start another interview",
    interview_deck_failed: "The question deck could not be loaded; use the categories below."
  });

  var STAR = [
    [say("interview_situation"), say("interview_situation_hint")],
    [say("interview_task"), say("interview_task_hint")],
    [say("interview_action"), say("interview_action_hint")],
    [say("interview_result"), say("interview_result_hint")]
  ];
  var MIX = [
    { key: "system-design", label: S.deck.kindTitle("system-design"), kinds: ["system-design"], count: 1 },
    { key: "technical", label: S.deck.kindTitle("technical"), kinds: ["technical", "practical"], count: 3 },
    { key: "behavioral", label: say("interview_behavioral_mix"), kinds: ["behavioral", "situational"], count: 2 }
  ];
  var ORDER = ["technical", "system-design", "behavioral"];

  // mulberry32: a small seeded generator, so ?seed=N always picks the same questions.
  function random(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function clock(ms) {
    var negative = ms < 0;
    var seconds = Math.floor(Math.abs(ms) / 1000);
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return (negative ? "-" : "") + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function seedFromURL() {
    var seed = new URLSearchParams(window.location.search).get("seed");
    return seed && /^\d+$/.test(seed) ? parseInt(seed, 10) : null;
  }

  function Interview(app, deck) {
    this.app = app;
    this.deck = deck;
    this.timer = null;
    this.setup();
  }

  // The questions for a mix {kind-key: count}, deterministic for a given seed.
  Interview.prototype.choose = function (mix, seed) {
    var next = random(seed);
    var picked = [];
    for (var o = 0; o < ORDER.length; o++) {
      var group = null;
      for (var g = 0; g < MIX.length; g++) if (MIX[g].key === ORDER[o]) group = MIX[g];
      var pool = [];
      for (var i = 0; i < this.deck.cards.length; i++) {
        if (group.kinds.indexOf(this.deck.cards[i].kind) >= 0) pool.push(this.deck.cards[i]);
      }
      for (var j = pool.length - 1; j > 0; j--) {
        var k = Math.floor(next() * (j + 1));
        var swap = pool[j]; pool[j] = pool[k]; pool[k] = swap;
      }
      picked = picked.concat(pool.slice(0, Math.min(mix[group.key] || 0, pool.length)));
    }
    return picked;
  };

  Interview.prototype.clear = function () {
    if (this.timer) { clearInterval(this.timer); this.timer = null; }
    this.app.textContent = "";
  };

  Interview.prototype.setup = function () {
    var self = this;
    this.clear();
    var form = el("form", { className: "interview-setup" });
    var length = el("fieldset", { className: "interview-length" }, [el("legend", { text: say("interview_length") })]);
    var lengths = [30, 45, 60];
    for (var i = 0; i < lengths.length; i++) {
      var id = "interview-length-" + lengths[i];
      var radio = el("input", { type: "radio", name: "length", id: id, value: String(lengths[i]) });
      if (lengths[i] === 45) radio.checked = true;
      length.appendChild(el("span", { className: "choice" }, [radio, el("label", { "for": id, text: say("interview_minutes", { count: lengths[i] }) })]));
    }
    var mix = el("fieldset", { className: "interview-mix" }, [el("legend", { text: say("interview_questions") })]);
    for (var m = 0; m < MIX.length; m++) {
      var mixId = "interview-count-" + MIX[m].key;
      mix.appendChild(el("span", { className: "choice" }, [
        el("label", { "for": mixId, text: MIX[m].label }),
        el("input", { type: "number", id: mixId, name: MIX[m].key, min: "0", max: "10", value: String(MIX[m].count), inputmode: "numeric" })
      ]));
    }
    form.appendChild(length);
    form.appendChild(mix);
    form.appendChild(el("p", { className: "interview-hint", text: say("interview_hint") }));
    var error = el("p", { className: "interview-error", role: "alert" });
    form.appendChild(error);
    form.appendChild(el("button", { type: "submit", className: "primary-button start-interview", text: say("interview_start") }));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var counts = {}, total = 0;
      for (var n = 0; n < MIX.length; n++) {
        var value = parseInt(form.elements[MIX[n].key].value, 10);
        counts[MIX[n].key] = isFinite(value) && value > 0 ? Math.min(value, 10) : 0;
        total += counts[MIX[n].key];
      }
      if (!total) { error.textContent = say("interview_choose_one"); return; }
      var minutes = 45;
      for (var r = 0; r < lengths.length; r++) if (form.elements.length && document.getElementById("interview-length-" + lengths[r]).checked) minutes = lengths[r];
      var seed = seedFromURL();
      if (seed === null) seed = Math.floor(Math.random() * 2147483647);
      self.begin(minutes, self.choose(counts, seed));
    });
    this.app.appendChild(el("h2", { text: say("interview_set_up") }));
    this.app.appendChild(form);
  };

  Interview.prototype.begin = function (minutes, cards) {
    var now = S.now();
    this.run = { minutes: minutes, cards: cards, index: 0, started: now, questionStarted: now, times: [], shaky: {} };
    this.renderQuestion();
    var self = this;
    this.timer = setInterval(function () { self.tick(); }, 1000);
  };

  Interview.prototype.tick = function () {
    if (!this.run || !this.clockNode) return;
    var now = S.now();
    var left = this.run.minutes * 60000 - (now - this.run.started);
    this.clockNode.textContent = clock(left);
    this.clockNode.parentNode.classList.toggle("over-time", left < 0);
    this.questionClock.textContent = clock(now - this.run.questionStarted);
  };

  Interview.prototype.renderQuestion = function () {
    var self = this, run = this.run;
    this.app.textContent = "";
    var card = run.cards[run.index];
    var isBehavioral = card.kind === "behavioral" || card.kind === "situational";
    var budget = Math.round(run.minutes / run.cards.length);

    this.clockNode = el("span", { className: "clock total-clock", text: "00:00" });
    this.questionClock = el("span", { className: "clock question-clock", text: "00:00" });
    this.app.appendChild(el("div", { className: "interview-timer" }, [
      el("span", { className: "timer-part" }, [document.createTextNode(say("interview_time_left")), this.clockNode]),
      el("span", { className: "timer-part" }, [document.createTextNode(say("interview_this_question")), this.questionClock,
        document.createTextNode(say("interview_budget", { count: budget }))])
    ]));
    var article = el("article", { className: "interview-question", "data-slug": card.slug, "data-kind": card.kind });
    article.appendChild(el("p", { className: "interview-position" }, [
      el("span", { text: say("interview_position", { index: run.index + 1, count: run.cards.length }) }),
      document.createTextNode(" "),
      el("span", { className: "badge", text: S.deck.kindTitle(card.kind) })
    ]));
    this.heading = el("h2", { className: "interview-title", tabindex: "-1", text: card.title });
    article.appendChild(this.heading);

    var guidance = el("div", { className: "interview-guidance" });
    if (isBehavioral) {
      var star = el("dl", { className: "star-prompts" });
      for (var i = 0; i < STAR.length; i++) {
        star.appendChild(el("dt", { text: STAR[i][0] }));
        star.appendChild(el("dd", { text: STAR[i][1] }));
      }
      guidance.appendChild(el("section", { className: "star", "aria-labelledby": "star-heading" }, [
        el("h3", { id: "star-heading", text: say("interview_star") }), star
      ]));
    } else if (card.kind === "system-design") {
      guidance.appendChild(el("p", { className: "interview-prompt", text: say("interview_system_design_prompt") }));
    } else {
      guidance.appendChild(el("p", { className: "interview-prompt", text: say("interview_technical_prompt") }));
    }
    var areas = el("div", { className: "interview-areas" });
    guidance.appendChild(areas);
    article.appendChild(guidance);
    S.deck.back(card.slug, function (data) {
      if (!data || !data.areas || !data.areas.length || !areas.parentNode) return;
      var list = el("ul");
      for (var a = 0; a < data.areas.length; a++) list.appendChild(el("li", { text: data.areas[a] }));
      if (isBehavioral) {
        areas.appendChild(el("h3", { text: say("areas_to_cover") }));
        areas.appendChild(list);
      } else {
        areas.appendChild(el("details", null, [el("summary", { text: say("interview_hints") }), list]));
      }
    });

    var shakyId = "interview-shaky";
    var shaky = el("input", { type: "checkbox", id: shakyId, className: "shaky" });
    shaky.checked = !!run.shaky[card.slug];
    shaky.addEventListener("change", function () { run.shaky[card.slug] = shaky.checked; });
    article.appendChild(el("p", { className: "shaky-row" }, [shaky, el("label", { "for": shakyId, text: say("interview_shaky") })]));

    var last = run.index === run.cards.length - 1;
    var next = el("button", { type: "button", className: "primary-button next-question", text: say(last ? "interview_finish" : "interview_next") });
    next.addEventListener("click", function () { self.next(); });
    var stop = el("button", { type: "button", className: "end-interview", text: say("interview_end") });
    stop.addEventListener("click", function () { self.finish(true); });
    article.appendChild(el("div", { className: "interview-nav" }, [next, stop]));
    this.app.appendChild(article);
    this.tick();
    this.heading.focus();
  };

  Interview.prototype.record = function () {
    var now = S.now();
    this.run.times[this.run.index] = now - this.run.questionStarted;
    this.run.questionStarted = now;
  };

  Interview.prototype.next = function () {
    this.record();
    if (this.run.index + 1 >= this.run.cards.length) { this.finish(false); return; }
    this.run.index++;
    this.renderQuestion();
  };

  Interview.prototype.finish = function (early) {
    var self = this, run = this.run;
    if (early) this.record();
    if (this.timer) { clearInterval(this.timer); this.timer = null; }
    this.clockNode = null;
    this.app.textContent = "";
    var asked = run.cards.slice(0, run.index + 1);
    var total = S.now() - run.started;
    var heading = el("h2", { className: "interview-done", tabindex: "-1", text: say("interview_finished") });
    this.app.appendChild(heading);
    this.app.appendChild(el("p", { className: "interview-total", text: say("interview_total", { answered: asked.length, count: run.cards.length, time: clock(total), minutes: run.minutes }) }));

    var table = el("table", { className: "interview-times" }, [el("caption", { text: say("interview_time_per_question") })]);
    var head = el("tr", null, [el("th", { scope: "col", text: "#" }), el("th", { scope: "col", text: say("interview_question") }), el("th", { scope: "col", text: say("interview_time") }),
      el("th", { scope: "col", text: say("interview_shaky_column") })]);
    table.appendChild(el("thead", null, [head]));
    var body = el("tbody");
    var review = [];
    for (var i = 0; i < asked.length; i++) {
      var card = asked[i];
      if (run.shaky[card.slug]) review.push(card);
      body.appendChild(el("tr", { "data-slug": card.slug }, [
        el("td", { text: String(i + 1) }),
        el("td", null, [el("a", { href: S.root() + card.url, text: card.title })]),
        el("td", { className: "time", text: clock(run.times[i] || 0) }),
        el("td", { text: say(run.shaky[card.slug] ? "interview_yes" : "interview_no") })
      ]));
    }
    table.appendChild(body);
    this.app.appendChild(table);

    var explain = say(review.length ? "interview_review_shaky" : "interview_review_all");
    if (!review.length) review = asked;
    var list = el("ul", { className: "review-list" });
    var slugs = [];
    for (var r = 0; r < review.length; r++) {
      slugs.push(review[r].slug);
      list.appendChild(el("li", null, [el("a", { href: S.root() + review[r].url, text: review[r].title })]));
    }
    this.app.appendChild(el("section", { className: "interview-review", "aria-labelledby": "review-heading" }, [
      el("h3", { id: "review-heading", text: say("interview_what_to_review") }),
      el("p", { text: explain }), list,
      el("p", null, [el("a", { className: "practise-link", href: S.root() + "practice.html?cards=" + slugs.map(encodeURIComponent).join(","),
        text: say("interview_practise", { count: slugs.length }) })])
    ]));
    var again = el("button", { type: "button", className: "restart-interview", text: say("interview_again") });
    again.addEventListener("click", function () { self.setup(); });
    this.app.appendChild(el("p", null, [again]));
    heading.focus();
  };

  function start() {
    var app = document.getElementById("interview-app");
    if (!app) return;
    var fallback = document.querySelector(".study-fallback");
    S.deck.ready(function (deck) {
      if (fallback) fallback.hidden = true;
      app.hidden = false;
      new Interview(app, deck);
    }, function () {
      app.hidden = false;
      app.textContent = say("interview_deck_failed");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}());
