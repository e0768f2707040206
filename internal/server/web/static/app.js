// dateline: small progressive enhancements. Every page works without this.
"use strict";
document.addEventListener("keydown", function (e) {
  // "/" focuses the search box, as on many sites, unless typing already.
  var t = e.target;
  if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
  if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
  var box = document.getElementById("q") || document.getElementById("top-q");
  if (box) { e.preventDefault(); box.focus(); box.select(); }
});
