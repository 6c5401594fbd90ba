// StudyGuide theme script: small, dependency-free, and safe to load on every page.
// The search index arrives as a <script> (window.STUDYGUIDE_SEARCH_INDEX), never via fetch,
// so everything works when the site is opened from disk.
(function () {
  "use strict";

  function tokens(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
  }

  function matches(record, terms) {
    var haystack = tokens([record.title, record.summary, record.aliases.join(" "), record.tags.join(" "), record.category].join(" ")).join(" ");
    return terms.every(function (term) { return haystack.indexOf(term) !== -1; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderResults(index, query, list, status) {
    list.textContent = "";
    var terms = tokens(query);
    if (terms.length === 0) {
      status.textContent = "Type to search " + index.questions.length + " questions.";
      return;
    }
    var found = index.questions.filter(function (record) { return matches(record, terms); });
    status.textContent = found.length === 0 ? "No questions match \u201c" + query + "\u201d." :
      found.length + (found.length === 1 ? " question matches." : " questions match.");
    found.slice(0, 50).forEach(function (record) {
      var item = element("li");
      var link = element("a", "", record.title);
      link.href = record.url;
      item.appendChild(link);
      var meta = element("p", "meta");
      meta.appendChild(element("span", "badge difficulty-" + record.difficulty, record.difficulty));
      meta.appendChild(document.createTextNode(" " + record.category));
      item.appendChild(meta);
      item.appendChild(element("p", "", record.summary));
      list.appendChild(item);
    });
  }

  function setUpSearchPage() {
    var input = document.getElementById("search-query");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var index = window.STUDYGUIDE_SEARCH_INDEX;
    if (!input || !list || !status || !index) return;
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    var headerInput = document.getElementById("site-search");
    if (headerInput) headerInput.value = query;
    renderResults(index, query, list, status);
    input.addEventListener("input", function () { renderResults(index, input.value, list, status); });
  }

  // "/" focuses the search box, as on most documentation sites.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
    var box = document.getElementById("search-query") || document.getElementById("site-search");
    if (box) { event.preventDefault(); box.focus(); }
  });

  setUpSearchPage();
}());
