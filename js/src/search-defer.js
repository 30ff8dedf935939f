/* Load the search index only when the reader opens search, not on every first visit.
   Material 9.8.1 requests search/search_index.json (over XMLHttpRequest) as soon as the page
   loads; this script, loaded before Material's bundle, holds that one request back until the
   search field is focused or clicked, the search toggle is opened (icon, keyboard shortcut), or
   the address asks for a search (?q= / ?h=). Everything else goes out untouched. Offline copies
   (file://) read the index as a script instead and are not affected. */

import { asksForSearch, isSearchIndex, isSearchShortcut } from "./lib/search.js";

let opened = asksForSearch(window.location.search);
const held = [];
const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;

XMLHttpRequest.prototype.open = function (method, url) {
  this.kbSearchIndex = isSearchIndex(String(url));
  return open.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  if (this.kbSearchIndex && !opened) {
    held.push([this, arguments]);
    return undefined;
  }
  return send.apply(this, arguments);
};

function release() {
  if (opened) return;
  opened = true;
  held.splice(0).forEach((call) => send.apply(call[0], call[1]));
}

function isSearch(el) {
  return !!(el && el.closest && el.closest("[data-md-component=search], label[for=__search], #__search"));
}
function isTyping(el) {
  return !!(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
}
document.addEventListener("focusin", (e) => isSearch(e.target) && release(), true);
document.addEventListener("pointerdown", (e) => isSearch(e.target) && release(), true);
document.addEventListener("click", (e) => isSearch(e.target) && release(), true);
document.addEventListener("change", (e) => e.target && e.target.id === "__search" && release(), true);
/* Material's shortcuts (f, s, /) open search by focusing the field; this covers a focus it
   might make before the event above is seen. */
document.addEventListener(
  "keydown",
  (e) => {
    if (isSearchShortcut(e) && !isTyping(e.target)) release();
  },
  true,
);
