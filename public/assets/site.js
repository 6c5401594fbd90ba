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

  // A copy button on every code block. Added here, so a page without JavaScript shows none.
  // The words come from the site's table when it has one (StudyGuideStudy.words, study-words.js).
  var ENGLISH = {
    code_copy: "Copy",
    code_copy_label: "Copy code",
    code_copied: "Copied",
    code_copy_failed: "Copy failed"
  };
  var S = window.StudyGuideStudy;
  var say = S && S.words ? S.words(ENGLISH) : function (key) { return ENGLISH[key]; };

  function within(node, code, name) {
    for (; node && node !== code; node = node.parentNode) if (node.classList && node.classList.contains(name)) return true;
    return false;
  }

  // A shell session's commands: the lines the build gave a prompt, and the lines a trailing
  // backslash continues (as it decided), without the prompt and without the output. No final
  // newline, so that pasting into a terminal does not run the last command at once.
  function commands(code) {
    var lines = [], line = "", prompt = false, output = false, continues = false;
    function end() {
      var keep = prompt || (continues && !output && line !== "");
      if (keep) lines.push(line);
      continues = keep && /\\$/.test(line);
      line = ""; prompt = output = false;
    }
    var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT, null, false);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (within(node.parentNode, code, "prompt")) { prompt = true; continue; }
      var isOutput = within(node.parentNode, code, "output");
      var parts = node.nodeValue.split("\n");
      for (var i = 0; i < parts.length; i++) {
        if (i > 0) end();
        if (isOutput) output = output || parts[i] !== "";
        else line += parts[i];
      }
    }
    if (line !== "" || prompt) end();
    return lines.join("\n");
  }

  // execCommand for pages where the Clipboard API is missing or refuses (some file:// pages).
  function copyBySelection(text, button) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-10em";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { /* not supported */ }
    document.body.removeChild(area);
    button.focus();
    return done;
  }

  function copy(text, button, report) {
    var clipboard = navigator.clipboard;
    if (clipboard && typeof clipboard.writeText === "function") {
      clipboard.writeText(text).then(function () { report(true); }, function () { report(copyBySelection(text, button)); });
    } else {
      report(copyBySelection(text, button));
    }
  }

  function addButton(code) {
    var pre = code.parentNode;
    if (!pre.parentNode || (pre.parentNode.classList && pre.parentNode.classList.contains("code-block"))) return;
    var box = document.createElement("div");
    box.className = "code-block";
    pre.parentNode.insertBefore(box, pre);
    box.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    var timer = null;
    function show(text, label) {
      button.textContent = text;
      button.setAttribute("aria-label", label);
    }
    show(say("code_copy"), say("code_copy_label"));
    button.addEventListener("click", function () {
      var text = code.querySelector(".prompt") ? commands(code) : code.textContent;
      copy(text, button, function (done) {
        var word = say(done ? "code_copied" : "code_copy_failed");
        show(word, word);
        clearTimeout(timer);
        timer = setTimeout(function () { show(say("code_copy"), say("code_copy_label")); }, 2000);
      });
    });
    box.appendChild(button);
  }

  // Also for answers that a page inserts later (the practice page says so with this event).
  function addCopyButtons(root) {
    var blocks = (root || document).querySelectorAll("pre > code");
    for (var i = 0; i < blocks.length; i++) addButton(blocks[i]);
  }
  document.addEventListener("studyguide:content", function (event) { addCopyButtons(event.target); });
  addCopyButtons(document);

  // A table wider than the screen scrolls sideways (style.css), on phones mostly: it takes
  // keyboard focus then, as code blocks do, so it can be scrolled without a pointer.
  function focusableTables() {
    var tables = document.querySelectorAll("main table");
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      if (table.scrollWidth > table.clientWidth) table.setAttribute("tabindex", "0");
      else if (table.getAttribute("tabindex") === "0") table.removeAttribute("tabindex");
    }
  }
  focusableTables();
  window.addEventListener("resize", focusableTables);
}());
