// StudyGuideStudy.words: the theme's words for a script. `english` is what the script shows on
// an English site; when the site has other words, the build writes assets/strings.js
// (window.StudyGuideStrings, loaded before every script) and they win. say(key, values) fills
// {name} placeholders from `values`; values.count also picks the plural form, by the browser's
// rules for the language. The search interface uses it too.
(function () {
  "use strict";
  var S = window.StudyGuideStudy;

  // Words several scripts show (badges, the ratings), given once here.
  var COMMON = {
    difficulty_beginner: "Beginner",
    difficulty_intermediate: "Intermediate",
    difficulty_advanced: "Advanced",
    kind_technical: "Technical",
    kind_behavioral: "Behavioral",
    kind_situational: "Situational",
    kind_system_design: "System design",
    kind_practical: "Practical",
    kind_career: "Career",
    practice_again: "Again",
    practice_hard: "Hard",
    practice_good: "Good",
    practice_easy: "Easy",
    study_star: "Star",
    areas_to_cover: "Areas to cover"
  };

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  S.words = function (english) {
    var given = window.StudyGuideStrings || {};
    var table = given.strings || {};
    var rules = null;
    try { rules = new Intl.PluralRules(given.lang || "en"); } catch (e) { /* no Intl, or a tag it does not know */ }
    return function (key, values) {
      var entry = has(table, key) ? table[key] : english && has(english, key) ? english[key] : COMMON[key];
      if (entry && typeof entry === "object") {
        var count = values && values.count;
        entry = (rules && typeof count === "number" && entry[rules.select(count)]) || entry.other || "";
      }
      var text = entry === undefined ? key : String(entry);
      return values ? text.replace(/\{(\w+)\}/g, function (whole, name) {
        return has(values, name) ? String(values[name]) : whole;
      }) : text;
    };
  };
}());
