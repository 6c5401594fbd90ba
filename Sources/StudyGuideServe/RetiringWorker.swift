/// What the preview answers for `/sw.js`: the offline app's worker a static server may have left
/// on this address (a built site served on 127.0.0.1:8080 before) would go on answering with that
/// site's pages, and the live-reload script would never load to remove it. The browser checks
/// `/sw.js` for a new version on every navigation; this one deletes its caches, unregisters itself
/// and reloads the pages it held, which then come from the preview. `serve` never writes an offline app.
enum RetiringWorker {
    static let path = "/sw.js"

    static let source = """
        // Served by `studyguide serve`: replaces an offline app's worker left on this address, then removes itself.
        "use strict";
        self.addEventListener("install", function () { self.skipWaiting(); });
        self.addEventListener("activate", function (event) {
          var mine = "studyguide " + self.registration.scope + " ";
          event.waitUntil(caches.keys().then(function (names) {
            return Promise.all(names.filter(function (name) { return name.indexOf(mine) === 0; })
              .map(function (name) { return caches.delete(name); }));
          }).then(function () { return self.registration.unregister(); })
            .then(function () { return self.clients.matchAll({ type: "window" }); })
            .then(function (pages) { pages.forEach(function (page) { page.navigate(page.url); }); }));
        });
        """
}
