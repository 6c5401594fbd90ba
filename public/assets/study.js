// StudyGuideStudy: the one namespace of the study scripts, defined here and loaded first.
//
// Every script is an IIFE (module scripts do not load from file://). A script that provides a
// part of the API adds exactly the members listed for it below; page scripts (practice.js,
// practice-progress.js, interview.js, study-tools.js, study-progress-bars.js, site.js) add
// nothing and only read.
//
//   study.js             DAY, KNOWN_DAYS, LOG_LIMIT: ms in a day; days of recall that make a card
//                          "known"; reviews kept per card.
//                        RATINGS: ["again", "hard", "good", "easy"], the grades in order (keys 1-4).
//                        now(): ms since the epoch, from window.__studyguideNow() when a test set
//                          that function (the only test hook), else Date.now().
//                        root(): the way back to the site root (<body data-root>).
//                        el(tag, attrs, children): an element; attrs.text becomes textContent,
//                          never HTML, attrs.className the class, any other key an attribute.
//   study-words.js       words(english) -> say(key, values): the site's words for a script.
//   study-deck.js        registerDeck(deck), registerCards(n, backs): called by study/deck.js and
//                          study/cards-<n>.js, the data the build writes.
//                        deck: {ready(callback, onError), card(slug), back(slug, callback, onError),
//                          categoryTitle(slug), kindTitle(slug)}.
//   study-migration.js   migration: {fromV0(old, now), fromSM2(entry)}: older progress to version 2.
//   study-store.js       store: the progress in localStorage (see the file for its format).
//   study-scheduler.js   scheduler: FSRS-6 (schedule, describe, retrievability, retention...).
//   study-status.js      status: {card(entry, now), storage()}: where a card and the storage stand.
//   study-progress-file.js  progressFile: {exportJSON(), importJSON(text)}: the export file
//                          (version 2), on the practice page only.
//
// Events, bubbling, dispatched on the element of the script that caused them:
//   "studyguide:content"   answer HTML was inserted there: site.js adds copy buttons to its code.
//   "studyguide:progress"  the script changed the stored progress (a rating, an import, a reset):
//                          other parts of the page showing progress redraw it.
(function () {
  "use strict";
  if (window.StudyGuideStudy) return;

  window.StudyGuideStudy = {
    DAY: 86400000,
    KNOWN_DAYS: 21,
    LOG_LIMIT: 100,
    RATINGS: ["again", "hard", "good", "easy"],

    now: function () {
      return typeof window.__studyguideNow === "function" ? Number(window.__studyguideNow()) : Date.now();
    },

    root: function () {
      return (document.body && document.body.getAttribute("data-root")) || "";
    },

    el: function (tag, attrs, children) {
      var node = document.createElement(tag);
      for (var name in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
        if (name === "text") node.textContent = attrs[name];
        else if (name === "className") node.className = attrs[name];
        else node.setAttribute(name, attrs[name]);
      }
      if (children) for (var i = 0; i < children.length; i++) if (children[i]) node.appendChild(children[i]);
      return node;
    }
  };
}());
