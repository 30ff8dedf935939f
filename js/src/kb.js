/* Recommendation table filter and language switch: progressive enhancement, no dependencies.
   The form is rendered hidden; without this script the full table shows and the language
   selector still opens the same page in the other language. The filter's state lives in the URL
   query (lib/filter-state.js), so a filtered view can be shared and reloaded. */

import { RECORD_ANCHORS } from "./lib/anchors.js";
import { FIELDS, matches, readFilter, writeFilter } from "./lib/filter-state.js";

const each = (list, fn) => Array.prototype.forEach.call(list, fn);

function hasOption(select, value) {
  return Array.prototype.some.call(select.options, (o) => o.value === value);
}

function setUp(form) {
  const table = document.getElementById(form.getAttribute("data-kb-filter"));
  if (!table) return;
  const rows = Array.prototype.slice.call(table.tBodies[0].rows);
  const status = form.querySelector("[role=status]");
  const selects = {};
  for (const name of FIELDS) selects[name] = form.querySelector("select[data-filter=" + name + "]");

  const asked = readFilter(window.location.search, (name, value) => !!selects[name] && hasOption(selects[name], value));
  for (const name of FIELDS) {
    if (asked[name]) selects[name].value = asked[name];
  }

  function apply(save) {
    const want = {};
    for (const name of FIELDS) want[name] = selects[name] ? selects[name].value : "";
    let shown = 0;
    for (const row of rows) {
      const ok = matches((attr) => row.getAttribute(attr), want);
      row.hidden = !ok;
      if (ok) shown += 1;
    }
    status.textContent = status.getAttribute("data-template").replace("{shown}", shown).replace("{total}", rows.length);
    if (save) {
      const search = writeFilter(window.location.search, want);
      window.history.replaceState(null, "", window.location.pathname + search + window.location.hash);
    }
  }
  form.addEventListener("change", () => apply(true));
  form.addEventListener("reset", () => setTimeout(() => apply(true), 0));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply(false);
}

/* The places a reader can be in a page: headings, every kind of record (lib/anchors.js, generated from
   the registry of kinds) and the root-cause chains. */
const MARKS = ["article h2[id]", "article h3[id]"]
  .concat(RECORD_ANCHORS.concat(["chain"]).map((prefix) => 'article [id^="' + prefix + '-"]'))
  .join(", ");

/* The id of the last anchored element above the top of the window: where the reader is. */
function whereTheReaderIs() {
  if (window.location.hash) return window.location.hash;
  if (window.scrollY < 100) return "";
  let best = "";
  const marks = document.querySelectorAll(MARKS);
  each(marks, (el) => {
    if (el.getBoundingClientRect().top <= 80 && el.offsetParent !== null) best = "#" + el.id;
  });
  return best;
}

/* Switching language keeps the filter (query) and the place in the page (anchor): the other
   language's page has the same ids. Runs before the link is followed. */
document.addEventListener(
  "click",
  (event) => {
    const link = event.target && event.target.closest ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (!link) return;
    const base = link.getAttribute("href").split(/[?#]/)[0];
    link.setAttribute("href", base + window.location.search + whereTheReaderIs());
  },
  true,
);

/* A Markdown table that scrolls sideways says so: the hint before it (macros/plugin/tables.py) shows
   while the table is wider than its box. Material wraps the table (.md-typeset__scrollwrap) in its
   own script, so the box is looked up at each check. */
function scrollHints() {
  const hints = document.querySelectorAll("p.kb-scroll-hint");
  if (!hints.length) return;
  const check = () =>
    each(hints, (hint) => {
      const table = hint.nextElementSibling && hint.nextElementSibling.querySelector
        ? hint.nextElementSibling.matches("table") ? hint.nextElementSibling : hint.nextElementSibling.querySelector("table")
        : null;
      if (!table) return;
      const box = table.closest(".md-typeset__scrollwrap") || table;
      hint.hidden = !(box.scrollWidth > box.clientWidth + 1);
    });
  check();
  window.addEventListener("resize", check);
  window.setTimeout(check, 500); // after Material has wrapped the tables
}

function init() {
  each(document.querySelectorAll("form[data-kb-filter]"), setUp);
  scrollHints();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
