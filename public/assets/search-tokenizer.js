// StudyGuide search tokenizer. The Swift index builder (SearchTokenizer.swift, PorterStemmer.swift)
// implements exactly the same rules; both are checked against Tests/search-vectors/tokenizer.tsv,
// because a query only finds a page when the browser and the builder agree on every token.
// No dependencies and no modules, so it loads from disk on every page; Node can require() it for tests.
(function (root) {
  "use strict";

  var MAX_TOKEN_LENGTH = 40;

  // Some engines lack Unicode property escapes; the literals are built at run time so the
  // script still parses there and falls back to the common combining block and ASCII words.
  function unicodePattern(source, flags, fallback) {
    try { return new RegExp(source, flags); } catch (e) { return fallback; }
  }
  // Diacritics: the combining accents of the Latin, Greek and Cyrillic alphabets and Hebrew and
  // Arabic vowel points, which readers leave out when typing. Other scripts' marks (Devanagari
  // vowel signs, kana voicing marks) are part of their letters and stay, and so does the breve of
  // "й" (U+0306 after и), a letter of its own. The same ranges as SearchTokenizer.diacriticRanges.
  var DIACRITICS = "\\u0300-\\u0305\\u0307-\\u036f\\u0483-\\u0489\\u0591-\\u05c7\\u0610-\\u061a\\u064b-\\u065f\\u0670\\u06d6-\\u06ed" +
    "\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f";
  var diacriticPattern = unicodePattern("(?=\\p{M})(?:[" + DIACRITICS + "]|(?<![\\u0418\\u0438])\\u0306)", "gu",
    /[\u0300-\u036f]/g);
  var wordPattern = unicodePattern("[\\p{L}\\p{M}\\p{N}]+", "gu", /[a-z0-9]+/g);
  var pairablePattern = unicodePattern("^[\\p{L}\\p{N}]$", "u", /^[a-z0-9]$/);

  // Han, Hiragana, Katakana and Hangul: written without spaces, so indexed as overlapping pairs
  // of characters. The same code-point ranges as SearchTokenizer.pairedRanges in Swift.
  var PAIRED_RANGES = [
    [0x1100, 0x11FF], [0x2E80, 0x2FDF], [0x3005, 0x3007], [0x3021, 0x3029], [0x3038, 0x303B],
    [0x3041, 0x30FF], [0x3130, 0x318F], [0x31F0, 0x31FF], [0x3400, 0x4DBF], [0x4E00, 0x9FFF],
    [0xA960, 0xA97F], [0xAC00, 0xD7FF], [0xF900, 0xFAFF], [0xFF66, 0xFF9F], [0xFFA0, 0xFFDC],
    [0x20000, 0x323AF]
  ];

  function isPaired(character) {
    var code = character.codePointAt(0);
    for (var i = 0; i < PAIRED_RANGES.length; i++) {
      if (code >= PAIRED_RANGES[i][0] && code <= PAIRED_RANGES[i][1]) { return pairablePattern.test(character); }
    }
    return false;
  }

  // NFKD splits "é" into "e" + accent, diacritics go, NFC puts back together what is left
  // (Hangul syllables, kana with voicing marks), then lowercase with "ß" and a final "ς" folded
  // as case folding does.
  function fold(text) {
    var folded = String(text == null ? "" : text);
    if (typeof folded.normalize === "function") { folded = folded.normalize("NFKD"); }
    folded = folded.replace(diacriticPattern, "");
    if (typeof folded.normalize === "function") { folded = folded.normalize("NFC"); }
    return folded.toLowerCase().replace(/\u00df/g, "ss").replace(/\u03c2/g, "\u03c3");
  }

  // Words are runs of letters, marks and digits of any script; a run of paired characters gives its
  // pairs ("数据库" → "数据", "据库"), or the character alone when it stands alone.
  function normalizedWords(text) {
    var words = [];
    var runs = fold(text).match(wordPattern) || [];
    for (var r = 0; r < runs.length; r++) {
      var characters = Array.from(runs[r]);
      var word = [], pairs = [];
      var finishWord = function () {
        // Longer "words" are base64, hashes or URLs: noise that would only bloat the index.
        if (word.length > 0 && word.length <= MAX_TOKEN_LENGTH) { words.push(word.join("")); }
        word = [];
      };
      var finishPairs = function () {
        if (pairs.length === 1) { words.push(pairs[0]); }
        for (var p = 1; p < pairs.length; p++) { words.push(pairs[p - 1] + pairs[p]); }
        pairs = [];
      };
      for (var c = 0; c < characters.length; c++) {
        if (isPaired(characters[c])) { finishWord(); pairs.push(characters[c]); } else { finishPairs(); word.push(characters[c]); }
      }
      finishWord();
      finishPairs();
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

  var api = { tokens: tokens, normalizedWords: normalizedWords, stem: stem, isPaired: isPaired };
  root.StudyGuideTokenizer = api;
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
})(typeof window !== "undefined" ? window : this);
