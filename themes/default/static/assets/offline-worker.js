// StudyGuide offline app: the service worker. sw.js, written by each build beside index.html,
// sets self.studyguideOffline = {version, precache} and loads this file. The cache is named after
// the site's address and the build's version: a new build downloads its files into a new cache
// and deletes the old one, and sites under other paths of the same host keep theirs.
"use strict";

var OFFLINE = self.studyguideOffline;
var ROOT = new URL("./", self.location).href;  // the folder of sw.js: the site's root, any sub-path
var PREFIX = "studyguide " + ROOT + " ";
var CACHE = PREFIX + OFFLINE.version;
var PRECACHED = new Set(OFFLINE.precache.map(function (path) { return ROOT + path; }));
var NEVER = [ROOT + "anki/", ROOT + "sw.js"];  // downloads, and the worker itself

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // "reload": the files of this build, never older copies from the browser's HTTP cache.
    return cache.addAll(OFFLINE.precache.map(function (path) { return new Request(ROOT + path, { cache: "reload" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// The file a request names: a query never names another file (search.html?q=…), and a folder
// means its index.html.
function fileOf(request) {
  var address = new URL(request.url);
  var file = address.origin + address.pathname;
  return file.charAt(file.length - 1) === "/" ? file + "index.html" : file;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.headers.has("range")) return;
  var file = fileOf(request);
  if (file.indexOf(ROOT) !== 0 || NEVER.some(function (prefix) { return file.indexOf(prefix) === 0; })) return;
  event.respondWith(PRECACHED.has(file) ? fromCache(file, request) : fromNetwork(file, request));
});

// Precached files: this build's copy, downloaded at install.
function fromCache(file, request) {
  return caches.match(file, { cacheName: CACHE }).then(function (hit) { return hit || fromNetwork(file, request); });
}

// Other files: the network when it answers (kept for later), else the copy kept when last seen;
// a page never seen offline goes to 404.html, which says so.
function fromNetwork(file, request) {
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(file, copy); });
    }
    return response;
  }, function (failure) {
    return caches.match(file, { cacheName: CACHE }).then(function (hit) {
      if (hit) return hit;
      if (request.mode === "navigate") return Response.redirect(ROOT + "404.html?offline", 302);
      throw failure;
    });
  });
}
