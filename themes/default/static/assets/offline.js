// StudyGuide offline app: over http(s), offers the site as an installable app (the manifest) and
// registers the service worker that keeps it readable without a network (sw.js, written by each
// build). Under file:// neither can work (Chromium logs an error for a manifest there), so nothing
// happens; nor under `studyguide serve`, whose live-reload script sets window.studyguidePreview:
// a worker would answer a contributor with the pages of an earlier save.
(function () {
  "use strict";
  var ENGLISH = {
    offline_page_missing: "You are offline, and this page was not saved for offline reading. The pages saved on your first visit, and those you opened since, still open."
  };
  var S = window.StudyGuideStudy;
  var say = S && S.words ? S.words(ENGLISH) : function (key) { return ENGLISH[key]; };
  var body = document.body;
  var root = body.getAttribute("data-root") || "";

  // The worker sends a page it does not have to 404.html?offline: say why, rather than "not found".
  if (body.classList.contains("page-404") && /(^|[?&])offline(&|$)/.test(location.search.slice(1))) {
    var note = document.createElement("p");
    note.className = "offline-note";
    note.setAttribute("role", "status");
    note.textContent = say("offline_page_missing");
    var main = document.getElementById("main");
    if (main) main.insertBefore(note, main.firstChild);
  }

  if (location.protocol !== "http:" && location.protocol !== "https:") return;
  if (!("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    if (window.studyguidePreview) return;
    var manifest = document.createElement("link");
    manifest.rel = "manifest";
    manifest.href = root + "manifest.webmanifest";
    document.head.appendChild(manifest);
    // The first worker takes the page over quietly; a later one is a new build, which this page,
    // of the old one, must not mix with (search shards, study cards): it reloads once.
    var controlled = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (controlled) location.reload();
      controlled = true;
    });
    navigator.serviceWorker.register(root + "sw.js").catch(function () {
      // Blocked (private modes, strict settings): the site still works online.
    });
  });
}());
