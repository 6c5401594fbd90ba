// StudyGuide search interface: results as you type in the header of every page, and the
// search page with filters whose state lives in the URL (search.html?q=…&difficulty=…).
(function () {
  "use strict";

  var engine = window.StudyGuideSearch;
  var tokenizer = window.StudyGuideTokenizer;
  if (!engine || !tokenizer || !engine.manifest() || !window.StudyGuideStudy) return;
  engine.configure(document.body.getAttribute("data-root") || "");
  // Each search's time and the bytes loaded so far, for bench/search_benchmark.py (record below).
  window.__studyguideSearchTimings = [];

  // The site's words (assets/strings.js, when the build writes it) over these, by the lookup
  // every script shares (StudyGuideStudy.words in study-words.js, which loads first).
  var say = window.StudyGuideStudy.words({
    search_results: "Search results",
    search_no_match: "No matching questions",
    search_all_results: { one: "The one result for “{query}”", other: "All {count} results for “{query}”" },
    search_type_to_search: { one: "Type to search {count} question, or choose a filter.", other: "Type to search {count} questions, or choose a filter." },
    search_nothing: "No questions match. Try fewer words or another filter.",
    search_matches: { one: "{count} question match.", other: "{count} questions match." },
    search_matches_some: { one: "{count} question match some of your words.", other: "{count} questions match some of your words." }
  });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // A word of the text matches when its stem is a query term, or (for the word being typed)
  // when it starts with what has been typed so far. Han, kana and Hangul are indexed by pairs of
  // characters, so there a character matches when a pair it is part of is a query term.
  function matcher(response, query) {
    var stems = {};
    response.terms.forEach(function (term) { stems[term] = true; });
    var last = /\s$/.test(query) ? null : response.words[response.words.length - 1];
    function isMatch(word) {
      var normal = tokenizer.normalizedWords(word)[0];
      if (!normal) return false;
      if (stems[engine.termOf(normal)]) return true;
      return !!last && last.length >= 2 && normal.lastIndexOf(last, 0) === 0;
    }
    isMatch.pairs = function (characters) {
      var normal = characters.map(function (character) { return tokenizer.normalizedWords(character)[0] || ""; });
      return normal.map(function (character, i) {
        if (!character) return false;
        return !!stems[character] || character === last ||
          (i > 0 && !!stems[normal[i - 1] + character]) ||
          (i + 1 < normal.length && !!stems[character + normal[i + 1]]);
      });
    };
    return isMatch;
  }

  var WORDS = /([\p{L}\p{M}\p{N}]+)/u;

  // The text cut into pieces, matched or not: words whole, paired characters one by one, and
  // neighbours with the same answer joined.
  function pieces(text, isMatch) {
    var result = [];
    function push(part, match) {
      if (!part) return;
      var previous = result[result.length - 1];
      if (previous && previous.match === match) previous.text += part;
      else result.push({ text: part, match: match });
    }
    var parts = text.split(WORDS);
    for (var i = 0; i < parts.length; i++) {
      if (i % 2 === 0) { push(parts[i], false); continue; }
      var characters = Array.from(parts[i]);
      if (!characters.some(tokenizer.isPaired)) { push(parts[i], isMatch(parts[i])); continue; }
      var start = 0;
      while (start < characters.length) {
        var paired = tokenizer.isPaired(characters[start]), end = start;
        while (end < characters.length && tokenizer.isPaired(characters[end]) === paired) end++;
        var run = characters.slice(start, end);
        if (paired) {
          var matched = isMatch.pairs(run);
          run.forEach(function (character, k) { push(character, matched[k]); });
        } else {
          push(run.join(""), isMatch(run.join("")));
        }
        start = end;
      }
    }
    return result;
  }

  // Text with the matched words wrapped in <mark>, built as DOM nodes (never innerHTML).
  function highlighted(text, isMatch) {
    var fragment = document.createDocumentFragment();
    pieces(text, isMatch).forEach(function (piece) {
      fragment.appendChild(piece.match ? element("mark", "", piece.text) : document.createTextNode(piece.text));
    });
    return fragment;
  }

  // About 200 characters of the answer around the first match, else the summary.
  function snippet(result, isMatch) {
    var text = result.excerpt || "";
    var list = pieces(text, isMatch), offset = 0, at = -1;
    for (var i = 0; i < list.length; i++) {
      if (list[i].match) { at = offset; break; }
      offset += list[i].text.length;
    }
    if (at === -1) return result.summary;
    var start = Math.max(0, at - 60);
    var cut = text.slice(start, start + 200);
    // A word cut in two at the start goes; Chinese, Japanese and Korean have no spaces to find
    // its end, so a cut among their characters stays.
    if (start > 0) cut = "…" + cut.replace(/^[^\s\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]*\s/, "");
    return cut + (start + 200 < text.length ? "…" : "");
  }

  function badge(difficulty) {
    return element("span", "badge difficulty-" + difficulty, say("difficulty_" + difficulty));
  }

  function resultItem(result, isMatch, id) {
    var item = element("li", "search-result");
    if (id) { item.id = id; item.setAttribute("role", "option"); }
    // Titles, categories and answers come from content in any script: each takes its own direction.
    var link = element("a", "result-title");
    link.dir = "auto";
    link.href = (document.body.getAttribute("data-root") || "") + result.url;
    link.appendChild(highlighted(result.title, isMatch));
    item.appendChild(link);
    var meta = element("p", "result-meta");
    if (result.difficulty) meta.appendChild(badge(result.difficulty));
    if (result.kind) meta.appendChild(element("span", "badge kind-" + result.kind.slug, say("kind_" + result.kind.slug.replace(/-/g, "_"))));
    if (result.category) meta.appendChild(element("span", "result-category", result.category.title)).dir = "auto";
    item.appendChild(meta);
    var excerpt = item.appendChild(element("p", "result-snippet"));
    excerpt.dir = "auto";
    excerpt.appendChild(highlighted(snippet(result, isMatch), isMatch));
    return item;
  }

  function record(query, started) {
    var timings = window.__studyguideSearchTimings;
    timings.push({ query: query, ms: performance.now() - started, bytes: engine.bytesLoaded() });
    if (timings.length > 1000) timings.shift();
  }

  // ---- The header box: a combobox with up to eight results. ----
  function setUpHeader() {
    var input = document.getElementById("site-search");
    var form = input && input.form;
    if (!input || document.getElementById("search-query")) return;
    var popup = element("ul", "search-popup");
    popup.id = "search-popup";
    popup.setAttribute("role", "listbox");
    popup.setAttribute("aria-label", say("search_results"));
    popup.hidden = true;
    form.appendChild(popup);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", "search-popup");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-autocomplete", "list");
    var sequence = 0, active = -1;

    function options() { return popup.querySelectorAll("[role=option]"); }
    function close() {
      popup.hidden = true; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      var list = options();
      if (list.length === 0) return;
      active = (index + list.length) % list.length;
      for (var i = 0; i < list.length; i++) list[i].setAttribute("aria-selected", i === active ? "true" : "false");
      input.setAttribute("aria-activedescendant", list[active].id);
      list[active].scrollIntoView({ block: "nearest" });
    }

    var blurTimer = null;
    input.addEventListener("input", function () {
      clearTimeout(blurTimer);
      var query = input.value, started = performance.now(), mine = ++sequence;
      if (!query.trim()) { close(); popup.textContent = ""; return; }
      engine.search({ query: query, limit: 8 }).then(function (response) {
        if (mine !== sequence) return;
        popup.textContent = "";
        var isMatch = matcher(response, query);
        response.results.forEach(function (result, i) { popup.appendChild(resultItem(result, isMatch, "search-option-" + i)); });
        var more = element("li", "search-more");
        var all = element("a", "", response.total === 0 ? say("search_no_match") :
          say("search_all_results", { count: response.total, query: query.trim() }));
        all.href = form.getAttribute("action") + "?q=" + encodeURIComponent(query.trim());
        more.appendChild(all);
        popup.appendChild(more);
        popup.hidden = false;
        active = -1;
        input.setAttribute("aria-expanded", "true");
        record(query, started);
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = options()[active].querySelector("a").href;
      }
    });
    // Closing waits a moment so a click on a result lands first; coming back cancels it.
    input.addEventListener("blur", function () { blurTimer = setTimeout(close, 200); });
    input.addEventListener("focus", function () { clearTimeout(blurTimer); });
  }

  // ---- The search page: query, filters, URL state, keyboard through the results. ----
  function setUpSearchPage() {
    var input = document.getElementById("search-query");
    if (!input) return;
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var more = document.getElementById("search-more");
    var filters = ["category", "difficulty", "kind", "tag"].map(function (name) {
      return { name: name, control: document.getElementById("filter-" + name) };
    });
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    filters.forEach(function (f) { if (f.control) f.control.value = params.get(f.name) || ""; });
    var sequence = 0, shown = 0, pageSize = 20;

    function currentFilters() {
      var chosen = {};
      filters.forEach(function (f) { if (f.control && f.control.value) chosen[f.name] = f.control.value; });
      return chosen;
    }

    function updateURL() {
      var next = new URLSearchParams();
      if (input.value.trim()) next.set("q", input.value.trim());
      var chosen = currentFilters();
      Object.keys(chosen).forEach(function (name) { next.set(name, chosen[name]); });
      var url = window.location.pathname + (next.toString() ? "?" + next.toString() : "");
      try { history.replaceState(null, "", url); } catch (error) { /* some browsers refuse under file:// */ }
    }

    function run(append) {
      var query = input.value, started = performance.now(), mine = ++sequence;
      var chosen = currentFilters();
      if (!append) shown = 0;
      // Busy until the newest search is shown: assistive technology (and the tests) wait for it.
      list.setAttribute("aria-busy", "true");
      engine.search({ query: query, filters: chosen, offset: shown, limit: pageSize }).then(function (response) {
        if (mine !== sequence) return;
        list.removeAttribute("aria-busy");
        if (!append) list.textContent = "";
        var isMatch = matcher(response, query);
        response.results.forEach(function (result) { list.appendChild(resultItem(result, isMatch)); });
        shown += response.results.length;
        if (response.mode === "none") {
          status.textContent = say("search_type_to_search", { count: engine.manifest().documents });
        } else if (response.total === 0) {
          status.textContent = say("search_nothing");
        } else {
          status.textContent = say(response.mode === "any" ? "search_matches_some" : "search_matches", { count: response.total });
        }
        more.hidden = shown >= response.total;
        if (!append) record(query, started);
      });
    }

    input.addEventListener("input", function () { updateURL(); run(false); });
    filters.forEach(function (f) { if (f.control) f.control.addEventListener("change", function () { updateURL(); run(false); }); });
    more.addEventListener("click", function () { run(true); });
    input.form.addEventListener("submit", function (event) { event.preventDefault(); updateURL(); run(false); });

    // Arrow keys move between the input and the result links; Enter follows a link.
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a.result-title")); }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var all = links(), index = all.indexOf(document.activeElement);
      if (document.activeElement !== input && index === -1) return;
      event.preventDefault();
      if (event.key === "ArrowDown") { if (all.length) all[Math.min(index + 1, all.length - 1)].focus(); }
      else if (index <= 0) input.focus();
      else all[index - 1].focus();
    });
    run(false);
  }

  setUpHeader();
  setUpSearchPage();
}());
