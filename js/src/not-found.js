/* The 404 page in the language of the address: hosts serve the root 404.html for /zh/… too.
   Contract (macros/render/not_found.py): div[data-kb-404] with data-root (the site's path) and
   data-lang (the language it was built in); inside, elements with data-text-<lang> and links with
   data-href-<lang>, and button[data-kb-open-search] (shown here, opens Material's search). Runs
   before Material's bundle, so that search also uses that language's index (the "base" of
   Material's #__config). No language strings here: every text comes from the page. */

import { languageOfPath } from "./lib/language.js";

const each = (list, fn) => Array.prototype.forEach.call(list, fn);

function run(box) {
  const config = document.getElementById("__config");
  const searchButton = box.querySelector("button[data-kb-open-search]");
  if (searchButton) {
    searchButton.hidden = false;
    searchButton.addEventListener("click", () => {
      const toggle = document.querySelector("label[for=__search]"); // Material's own search toggle
      if (toggle) toggle.click();
    });
  }
  const roots = [];
  each(box.querySelectorAll("[data-href-" + box.getAttribute("data-lang") + "]"), (a) => {
    each(a.attributes, (attr) => {
      const m = /^data-href-(.+)$/.exec(attr.name);
      if (m) roots.push({ lang: m[1], href: attr.value });
    });
  });
  const want = languageOfPath(window.location.pathname, roots);
  if (!want || want.lang === box.getAttribute("data-lang")) return;
  each(box.querySelectorAll("[data-text-" + want.lang + "]"), (el) => {
    el.textContent = el.getAttribute("data-text-" + want.lang);
  });
  each(box.querySelectorAll("[data-href-" + want.lang + "]"), (a) => {
    a.setAttribute("href", a.getAttribute("data-href-" + want.lang));
  });
  document.documentElement.setAttribute("lang", want.lang);
  box.setAttribute("data-lang", want.lang);
  if (config) {
    try {
      const data = JSON.parse(config.textContent);
      data.base = want.href; // Material searches the index under its base: this language's
      config.textContent = JSON.stringify(data);
    } catch {
      /* leave search as it was built */
    }
  }
}

const box = document.querySelector("[data-kb-404]");
if (box && box.getAttribute("data-root")) run(box);
