// StudyGuideStudy.deck: the cards the build wrote. study/deck.js holds every card's front
// (slug, title, url, category, difficulty, kind, tags, chunk) and the lists of categories, kinds
// and tags; study/cards-<n>.js holds the backs (summary, answer, followUps, areas, redFlags) of
// one chunk, loaded when a card of it is shown. Both are plain scripts, so they load from file://.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;
  var say = S.words();
  var data = null, bySlug = {}, categories = {}, kinds = {};
  var deckWaiters = [], chunkWaiters = {}, chunks = {};

  function addScript(src, onError) {
    var script = document.createElement("script");
    script.src = src;
    script.onerror = onError;
    document.body.appendChild(script);
  }

  S.registerDeck = function (deck) {
    if (!deck || !deck.cards) return;
    data = deck;
    var i;
    for (i = 0; i < deck.cards.length; i++) bySlug[deck.cards[i].slug] = deck.cards[i];
    for (i = 0; i < deck.categories.length; i++) categories[deck.categories[i].slug] = deck.categories[i].title;
    for (i = 0; i < deck.kinds.length; i++) kinds[deck.kinds[i].slug] = deck.kinds[i].title;
    var waiting = deckWaiters; deckWaiters = [];
    for (var j = 0; j < waiting.length; j++) waiting[j](deck);
  };

  S.registerCards = function (n, backs) {
    chunks[n] = backs || {};
    var waiting = chunkWaiters[n] || []; chunkWaiters[n] = [];
    for (var i = 0; i < waiting.length; i++) waiting[i](chunks[n]);
  };

  S.deck = {
    // Calls back with the deck, loading study/deck.js when the page did not include it.
    ready: function (callback, onError) {
      if (data) { callback(data); return; }
      var first = deckWaiters.length === 0;
      deckWaiters.push(callback);
      if (first && !document.querySelector("script[src$='study/deck.js']")) {
        addScript(S.root() + "study/deck.js", function () { if (onError) onError(); });
      }
    },

    card: function (slug) {
      return Object.prototype.hasOwnProperty.call(bySlug, slug) ? bySlug[slug] : undefined;
    },

    // Calls back with the back of one card, or null when its chunk lacks it.
    back: function (slug, callback, onError) {
      var card = S.deck.card(slug);
      if (!card) { if (onError) onError(); return; }
      var n = card.chunk;
      if (chunks[n]) { callback(chunks[n][slug] || null); return; }
      var first = !chunkWaiters[n] || chunkWaiters[n].length === 0;
      (chunkWaiters[n] = chunkWaiters[n] || []).push(function (backs) { callback(backs[slug] || null); });
      if (first) addScript(S.root() + "study/cards-" + n + ".js", function () { if (onError) onError(); });
    },

    categoryTitle: function (slug) {
      return Object.prototype.hasOwnProperty.call(categories, slug) ? categories[slug] : slug;
    },

    // The deck names kinds in English; the site's words name them in its language.
    kindTitle: function (slug) {
      var key = "kind_" + slug.replace(/-/g, "_");
      var title = say(key);
      return title !== key ? title : Object.prototype.hasOwnProperty.call(kinds, slug) ? kinds[slug] : slug;
    }
  };
}());
