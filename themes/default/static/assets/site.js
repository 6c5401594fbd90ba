// StudyGuide theme script: small, dependency-free, and safe to load on every page.
(function () {
  "use strict";

  // "/" focuses the search box, as on most documentation sites.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) return;
    var box = document.getElementById("search-query") || document.getElementById("site-search");
    if (box) { event.preventDefault(); box.focus(); }
  });
}());
