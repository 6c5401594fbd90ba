// StudyGuide search tokenizer. The Swift index builder (SearchTokenizer.swift, PorterStemmer.swift)
// implements exactly the same rules; both are checked against Tests/search-vectors/tokenizer.tsv,
// because a query only finds a page when the browser and the builder agree on every token.
// Plain ES5 and no dependencies so it loads from disk on every page; Node can require() it for tests.
(function (root) {
  "use strict";

  var MAX_TOKEN_LENGTH = 40;

  // Some engines lack Unicode property escapes; the literal is built at run time so the
  // script still parses there and falls back to the common combining block.
  var markPattern = (function () {
    try { return new RegExp("\\p{M}", "gu"); } catch (e) { return /[\u0300-\u036f]/g; }
  })();

  function normalizedWords(text) {
    var folded = String(text == null ? "" : text);
    if (typeof folded.normalize === "function") { folded = folded.normalize("NFKD"); }
    folded = folded.replace(/[\u0300-\u036f]/g, "").replace(markPattern, "").toLowerCase();
    var parts = folded.split(/[^a-z0-9]+/);
    var words = [];
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      // Longer "words" are base64, hashes or URLs: noise that would only bloat the index.
      if (part.length > 0 && part.length <= MAX_TOKEN_LENGTH) { words.push(part); }
    }
    return words;
  }

  function tokens(text) {
    var words = normalizedWords(text);
    for (var i = 0; i < words.length; i++) { words[i] = stem(words[i]); }
    return words;
  }

  // ---- Porter (1980) stemmer, original paper rules. ----
  // The word is held as a string; every helper looks only at its first `len` letters,
  // which is "the stem" once a suffix has been set aside.

  function isConsonant(w, i) {
    var c = w.charAt(i);
    if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") { return false; }
    // The paper's y is a vowel after a consonant and a consonant anywhere else.
    if (c === "y") { return i === 0 ? true : !isConsonant(w, i - 1); }
    return true;
  }

  // m in [C](VC)^m[V]: how many vowel-consonant runs the stem has.
  function measure(w, len) {
    var m = 0, i = 0;
    while (i < len && isConsonant(w, i)) { i++; }
    while (i < len) {
      while (i < len && !isConsonant(w, i)) { i++; }
      if (i >= len) { break; }
      while (i < len && isConsonant(w, i)) { i++; }
      m++;
    }
    return m;
  }

  function hasVowel(w, len) {
    for (var i = 0; i < len; i++) { if (!isConsonant(w, i)) { return true; } }
    return false;
  }

  function endsWithDoubleConsonant(w, len) {
    return len >= 2 && w.charAt(len - 1) === w.charAt(len - 2) && isConsonant(w, len - 1);
  }

  // *o: consonant-vowel-consonant where the last is not w, x or y (hop, not snow/box/tray).
  function endsCVC(w, len) {
    if (len < 3) { return false; }
    if (!isConsonant(w, len - 3) || isConsonant(w, len - 2) || !isConsonant(w, len - 1)) { return false; }
    var c = w.charAt(len - 1);
    return c !== "w" && c !== "x" && c !== "y";
  }

  function endsWith(w, suffix) {
    return w.length >= suffix.length && w.substring(w.length - suffix.length) === suffix;
  }

  // Rule lists are ordered longest suffix first: the paper obeys only the longest match,
  // even when its condition then fails (so "feed" never falls through to "-ed").
  var step2Rules = [
    ["ational", "ate"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"], ["ization", "ize"],
    ["tional", "tion"], ["biliti", "ble"],
    ["entli", "ent"], ["ousli", "ous"], ["ation", "ate"], ["alism", "al"], ["aliti", "al"], ["iviti", "ive"],
    ["enci", "ence"], ["anci", "ance"], ["izer", "ize"], ["abli", "able"], ["alli", "al"], ["ator", "ate"],
    ["eli", "e"]
  ];
  var step3Rules = [
    ["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"],
    ["ical", "ic"], ["ness", ""],
    ["ful", ""]
  ];
  var step4Suffixes = [
    "ement",
    "ance", "ence", "able", "ible", "ment",
    "ant", "ent", "ion", "ism", "ate", "iti", "ous", "ive", "ize",
    "al", "er", "ic", "ou"
  ];

  function replaceLongest(w, rules, minMeasure) {
    for (var i = 0; i < rules.length; i++) {
      var suffix = rules[i][0];
      if (endsWith(w, suffix)) {
        var len = w.length - suffix.length;
        return measure(w, len) > minMeasure ? w.substring(0, len) + rules[i][1] : w;
      }
    }
    return w;
  }

  function step1a(w) {
    if (endsWith(w, "sses")) { return w.substring(0, w.length - 2); }
    if (endsWith(w, "ies")) { return w.substring(0, w.length - 2); }
    if (endsWith(w, "ss")) { return w; }
    if (endsWith(w, "s")) { return w.substring(0, w.length - 1); }
    return w;
  }

  function step1b(w) {
    if (endsWith(w, "eed")) {
      return measure(w, w.length - 3) > 0 ? w.substring(0, w.length - 1) : w;
    }
    var cut = 0;
    if (endsWith(w, "ed")) { cut = 2; } else if (endsWith(w, "ing")) { cut = 3; }
    if (cut === 0 || !hasVowel(w, w.length - cut)) { return w; }
    w = w.substring(0, w.length - cut);
    // Undo what stripping broke: conflat(ed) -> conflate, hopp(ing) -> hop, fil(ing) -> file.
    if (endsWith(w, "at") || endsWith(w, "bl") || endsWith(w, "iz")) { return w + "e"; }
    if (endsWithDoubleConsonant(w, w.length)) {
      var last = w.charAt(w.length - 1);
      return (last === "l" || last === "s" || last === "z") ? w : w.substring(0, w.length - 1);
    }
    if (measure(w, w.length) === 1 && endsCVC(w, w.length)) { return w + "e"; }
    return w;
  }

  function step1c(w) {
    if (endsWith(w, "y") && hasVowel(w, w.length - 1)) { return w.substring(0, w.length - 1) + "i"; }
    return w;
  }

  function step4(w) {
    for (var i = 0; i < step4Suffixes.length; i++) {
      var suffix = step4Suffixes[i];
      if (!endsWith(w, suffix)) { continue; }
      var len = w.length - suffix.length;
      if (suffix === "ion") {
        var before = len > 0 ? w.charAt(len - 1) : "";
        if (before !== "s" && before !== "t") { return w; }
      }
      return measure(w, len) > 1 ? w.substring(0, len) : w;
    }
    return w;
  }

  function step5(w) {
    if (endsWith(w, "e")) {
      var len = w.length - 1;
      var m = measure(w, len);
      if (m > 1 || (m === 1 && !endsCVC(w, len))) { w = w.substring(0, len); }
    }
    if (endsWith(w, "ll") && measure(w, w.length) > 1) { w = w.substring(0, w.length - 1); }
    return w;
  }

  function stem(word) {
    var w = String(word);
    // Short words and anything with digits or non-letters (http2, x86) stay as typed.
    if (w.length <= 2 || !/^[a-z]+$/.test(w)) { return w; }
    w = step1a(w);
    w = step1b(w);
    w = step1c(w);
    w = replaceLongest(w, step2Rules, 0);
    w = replaceLongest(w, step3Rules, 0);
    w = step4(w);
    return step5(w);
  }

  var api = { tokens: tokens, normalizedWords: normalizedWords, stem: stem };
  root.StudyGuideTokenizer = api;
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
})(typeof window !== "undefined" ? window : this);
