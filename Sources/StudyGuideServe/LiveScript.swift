/// The script that only served pages get: reload after a good rebuild, and an overlay with
/// the problems after a bad one. `build` output never contains it.
enum LiveScript {
    /// The script's tag for a page served when the site was at `version`.
    static func tag(version: Int) -> String {
        "<script src=\"\(PreviewResponder.scriptPath)\" data-version=\"\(version)\"></script>"
    }

    static func inject(into html: String, version: Int = 0) -> String {
        String(decoding: inject(into: Array(html.utf8), version: version), as: UTF8.self)
    }

    /// The tag before the last `</body>`, found by a byte search: every served page passes
    /// through here, and a Foundation string search dominated the server's time under load.
    static func inject(into html: [UInt8], version: Int) -> [UInt8] {
        let tag = tag(version: version)
        let tagBytes = Array((tag + "\n").utf8)
        let end = Array("</body>".utf8)
        var start = html.count - end.count
        while start >= 0 {
            if html[start] == end[0], html[start..<start + end.count].elementsEqual(end) {
                return Array(html[..<start]) + tagBytes + Array(html[start...])
            }
            start -= 1
        }
        return html + Array(tag.utf8)
    }

    static let source = """
        // StudyGuide preview: live reload and build problems, served by `studyguide serve` only.
        (function () {
          "use strict";
          // No offline app in a preview (offline.js reads this): a service worker would answer with
          // the pages of an earlier save. One left by a static server on this address is removed.
          window.studyguidePreview = true;
          if ("serviceWorker" in navigator) {
            navigator.serviceWorker.getRegistrations().then(function (registrations) {
              registrations.forEach(function (registration) { registration.unregister(); });
            });
          }
          // The site's version when this page was served: a newer one, announced by a rebuild or
          // on connecting (a page that connects after a rebuild did not hear it), reloads it.
          var script = document.currentScript;
          var served = Number(script && script.getAttribute("data-version")) || 0;
          var shown = false;
          function reloadIfNewer(event) { if (Number(event.data) > served) { window.location.reload(); } }
          // The browser reconnects a dropped stream by itself, but gives up on one it could not
          // open (the server restarting, a blocked request): then this page tries again.
          function connect() {
            var source = new EventSource("\(PreviewResponder.eventsPath)");
            source.addEventListener("reload", reloadIfNewer);
            source.addEventListener("version", reloadIfNewer);
            source.addEventListener("problems", showProblems);
            source.addEventListener("error", function () {
              if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 1000); }
            });
          }
          function showProblems(event) {
            var report = JSON.parse(event.data);
            var overlay = document.getElementById("studyguide-overlay") || document.createElement("div");
            overlay.id = "studyguide-overlay";
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);" +
              "color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem";
            overlay.textContent = "";
            var title = document.createElement("h2");
            title.textContent = "Build failed: " + report.errors + " error" + (report.errors === 1 ? "" : "s") +
              ". Showing the last good site; fix the files and this page reloads.";
            title.style.cssText = "color:#ff8080;font-size:1.2rem";
            overlay.appendChild(title);
            var list = document.createElement("pre");
            list.style.whiteSpace = "pre-wrap";
            list.textContent = report.diagnostics.map(function (d) {
              return d.path + ":" + d.line + ":" + d.column + ": " + d.severity + ": " + d.message + " [" + d.rule + "]";
            }).join("\\n");
            overlay.appendChild(list);
            if (!shown) { document.body.appendChild(overlay); shown = true; }
          }
          connect();
        }());
        """
}
