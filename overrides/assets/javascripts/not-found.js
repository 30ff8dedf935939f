/* The 404 page in the language of the address: hosts serve the root 404.html for /zh/… too.
   Contract (macros/render/not_found.py): div[data-kb-404] with data-root (the site's path) and
   data-lang (the language it was built in); inside, elements with data-text-<lang> and links with
   data-href-<lang>, and button[data-kb-open-search] (shown here, opens Material's search). Runs before Material's bundle, so that search also uses that language's index
   (the "base" of Material's #__config). No language strings here: every text comes from the page. */
(function () {
  "use strict";
  var box = document.querySelector("[data-kb-404]");
  var config = document.getElementById("__config");
  if (!box || !box.getAttribute("data-root")) return;
  var searchButton = box.querySelector("button[data-kb-open-search]");
  if (searchButton) {
    searchButton.hidden = false;
    searchButton.addEventListener("click", function () {
      var toggle = document.querySelector("label[for=__search]"); // Material's own search toggle
      if (toggle) toggle.click();
    });
  }
  var root = box.getAttribute("data-root");
  var path = window.location.pathname;
  var want = null;
  Array.prototype.forEach.call(box.querySelectorAll("[data-href-" + box.getAttribute("data-lang") + "]"), function (a) {
    Array.prototype.forEach.call(a.attributes, function (attr) {
      var m = /^data-href-(.+)$/.exec(attr.name);
      // the longest language root the address starts with (the default language's is the site root)
      if (m && path.indexOf(attr.value) === 0 && (!want || attr.value.length > want.href.length)) {
        want = { lang: m[1], href: attr.value };
      }
    });
  });
  if (!want || want.lang === box.getAttribute("data-lang")) return;
  Array.prototype.forEach.call(box.querySelectorAll("[data-text-" + want.lang + "]"), function (el) {
    el.textContent = el.getAttribute("data-text-" + want.lang);
  });
  Array.prototype.forEach.call(box.querySelectorAll("[data-href-" + want.lang + "]"), function (a) {
    a.setAttribute("href", a.getAttribute("data-href-" + want.lang));
  });
  document.documentElement.setAttribute("lang", want.lang);
  box.setAttribute("data-lang", want.lang);
  if (config) {
    try {
      var data = JSON.parse(config.textContent);
      data.base = want.href; // Material searches the index under its base: this language's
      config.textContent = JSON.stringify(data);
    } catch (e) { /* leave search as it was built */ }
  }
})();
