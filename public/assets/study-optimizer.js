// StudyGuideStudy.optimizer: fits the 21 FSRS-6 weights to the reader's own review log, the way
// the reference optimiser (fsrs 6.3.2 on PyPI, Optimizer.compute_optimal_parameters) trains them:
// - Training items: each card's reviews in time order (its first 64, as the reference), its
//   memory state replayed from the first review with the candidate weights; every review on a
//   later day than the one before is an item: the predicted recall R(elapsed, S) against what
//   happened (Again = forgotten, 0; Hard, Good, Easy = recalled, 1). Same-day reviews update the
//   memory (short-term formula) but predict nothing, as in the reference.
// - Loss: binary cross-entropy (log loss), the mean over the items.
// - Training: from the defaults, Adam (lr 0.04, betas 0.9/0.999) over mini-batches of about 512
//   items for 5 epochs, the learning rate annealed along a cosine to 0, the weights clamped to
//   the reference's bounds after every step; the cards are shuffled each epoch by a seeded
//   generator, so the same log always gives the same weights. The reference has no
//   regularisation towards the defaults, and neither has this. After each epoch the loss over
//   all items is measured; the best epoch's weights win, and only if they beat the defaults.
// - Gradients by forward finite differences over whole cards of a mini-batch (the reference
//   back-propagates; the difference is rounding): 22 replays of a batch per step, a few
//   thousand reviews take tens of milliseconds.
// It runs in slices of about 30 ms between setTimeout calls, so the page stays responsive. (A
// Blob worker does start from file:// in Chromium, but it would need the model's source copied
// into it; slices are enough for work that takes a fraction of a second.)
//
// API (StudyGuideStudy.optimizer):
//   MIN_REVIEWS, MIN_CARDS: what a log needs before optimise() will run (the reference returns
//     the defaults below one mini-batch of 512 reviews; 20 cards keep a few cards from deciding).
//   trainingSet(cards) -> {histories: [[{g, elapsed}]], reviews, cards}: from the progress's
//     cards ({slug: entry}); a card whose log lost its first reviews (LOG_LIMIT) is left out.
//   logLoss(set, weights) -> the mean log loss of the set's items under those weights.
//   optimize(set, done) -> fits the weights; done({weights, loss, defaultLoss, improved, reviews}).
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var scheduler = S.scheduler;

  var MIN_REVIEWS = 512, MIN_CARDS = 20;
  var MAX_SEQUENCE = 64, BATCH = 512, EPOCHS = 5;
  var LEARNING_RATE = 0.04, BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-8;
  var SLICE_MS = 30;
  var GRADE = {};
  for (var i = 0; i < S.RATINGS.length; i++) GRADE[S.RATINGS[i]] = i + 1;

  function trainingSet(cards) {
    var set = { histories: [], reviews: 0, cards: 0 };
    var slugs = Object.keys(cards || {}).sort();
    for (var c = 0; c < slugs.length; c++) {
      var entry = cards[slugs[c]], log = entry && entry.log;
      // Only a complete history replays the memory state: reps counts every review ever made.
      if (!(log instanceof Array) || log.length < 2 || (entry.reps || 0) > log.length) continue;
      var history = [], items = 0;
      for (var k = 0; k < log.length && k < MAX_SEQUENCE; k++) {
        var g = GRADE[log[k].rating];
        if (!g) break;
        var elapsed = k === 0 ? 0 : Math.max(0, Math.floor(log[k].elapsed) || 0);
        history.push({ g: g, elapsed: elapsed });
        if (k > 0 && elapsed >= 1) items++;
      }
      if (!items) continue;
      set.histories.push(history);
      set.reviews += items;
      set.cards++;
    }
    return set;
  }

  // Summed log loss and item count of some histories under weights w.
  function lossOf(histories, w) {
    var model = scheduler.model(w), memory = {}, sum = 0, n = 0;
    for (var h = 0; h < histories.length; h++) {
      var history = histories[h];
      memory.stability = undefined;
      memory.difficulty = undefined;
      for (var k = 0; k < history.length; k++) {
        var step = history[k];
        if (k > 0 && step.elapsed >= 1) {
          var r = model.forgetting(step.elapsed, memory.stability);
          // As torch's BCELoss: each log is at least -100.
          sum -= Math.max(-100, Math.log(step.g > 1 ? r : 1 - r));
          n++;
        }
        model.review(memory, step.g, step.elapsed);
      }
    }
    return { sum: sum, n: n };
  }

  function logLoss(set, w) {
    var result = lossOf(set.histories, w);
    return result.n ? result.sum / result.n : NaN;
  }

  // A small seeded generator (mulberry32): the shuffle is the same on every run.
  function random(seed) {
    return function () {
      seed = (seed + 0x6D2B79F5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function itemsOf(history) {
    var n = 0;
    for (var k = 1; k < history.length; k++) if (history[k].elapsed >= 1) n++;
    return n;
  }

  // Whole cards in shuffled order, cut into batches of about BATCH items.
  function batches(histories, next) {
    var order = histories.slice();
    for (var k = order.length - 1; k > 0; k--) {
      var j = Math.floor(next() * (k + 1)), t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
    var out = [], current = [], items = 0;
    for (var c = 0; c < order.length; c++) {
      current.push(order[c]);
      items += itemsOf(order[c]);
      if (items >= BATCH) { out.push(current); current = []; items = 0; }
    }
    if (current.length) out.push(current);
    return out;
  }

  // The gradient of the batch's mean loss by forward differences.
  function gradient(batch, w) {
    var base = lossOf(batch, w), grad = new Array(w.length);
    if (!base.n) { for (var z = 0; z < w.length; z++) grad[z] = 0; return grad; }
    var probe = w.slice();
    for (var k = 0; k < w.length; k++) {
      var h = 1e-6 * Math.max(1, Math.abs(w[k]));
      probe[k] = w[k] + h;
      grad[k] = (lossOf(batch, probe).sum - base.sum) / base.n / h;
      probe[k] = w[k];
    }
    return grad;
  }

  function clamp(w) {
    for (var k = 0; k < w.length; k++) w[k] = Math.min(scheduler.UPPER_BOUNDS[k], Math.max(scheduler.LOWER_BOUNDS[k], w[k]));
  }

  // A slice clock that tests cannot freeze (S.now() may be a fixed test time).
  function clock() {
    return window.performance && performance.now ? performance.now() : new Date().getTime();
  }

  function optimize(set, done) {
    var defaults = scheduler.DEFAULT_WEIGHTS.slice();
    var defaultLoss = logLoss(set, defaults);
    var w = defaults.slice(), m = [], v = [];
    for (var k = 0; k < w.length; k++) { m[k] = 0; v[k] = 0; }
    var next = random(42);
    var perEpoch = Math.max(1, Math.ceil(set.reviews / BATCH)), total = perEpoch * EPOCHS;
    var step = 0, epoch = 0, queue = batches(set.histories, next);
    var best = { weights: defaults, loss: defaultLoss };

    function adamStep(batch) {
      var grad = gradient(batch, w);
      var rate = LEARNING_RATE * (1 + Math.cos(Math.PI * Math.min(step, total) / total)) / 2;
      step++;
      for (var k = 0; k < w.length; k++) {
        m[k] = BETA1 * m[k] + (1 - BETA1) * grad[k];
        v[k] = BETA2 * v[k] + (1 - BETA2) * grad[k] * grad[k];
        var mHat = m[k] / (1 - Math.pow(BETA1, step)), vHat = v[k] / (1 - Math.pow(BETA2, step));
        w[k] -= rate * mHat / (Math.sqrt(vHat) + EPSILON);
      }
      clamp(w);
    }

    function run() {
      var start = clock();
      while (clock() - start < SLICE_MS) {
        if (queue.length) { adamStep(queue.shift()); continue; }
        var loss = logLoss(set, w);
        if (loss < best.loss) best = { weights: w.slice(), loss: loss };
        if (++epoch === EPOCHS) {
          done({ weights: best.weights, loss: best.loss, defaultLoss: defaultLoss,
            improved: best.loss < defaultLoss, reviews: set.reviews, cards: set.cards });
          return;
        }
        queue = batches(set.histories, next);
      }
      setTimeout(run, 0);
    }
    setTimeout(run, 0);
  }

  S.optimizer = {
    MIN_REVIEWS: MIN_REVIEWS,
    MIN_CARDS: MIN_CARDS,
    trainingSet: trainingSet,
    logLoss: logLoss,
    optimize: optimize
  };
}());
