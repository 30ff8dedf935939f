/* Self-assessment: the per-area picture of the reader's answers. Progressive enhancement, no dependencies.
   Contract (rendered by macros/render/charts/answers.py `checklist_chart()`; independent of checklist.js):
   - [data-kb-checklist-chart] (hidden until this script runs) with data-template, e.g.
     "Yes {yes} · partly {partly} · no {no} · not applicable {na} · not answered {open}";
   - in its SVG, one g[data-section=<section id>][data-total=<questions>] per checklist section, holding
     rect[data-answer=yes|partly|no|na|open] (bar segments, x and width set here) and text[data-counts];
   - in its table, span[data-section][data-answer] cells for the same counts.
   The answers are read from the radio inputs of form[data-kb-checklist]: each
   fieldset[data-section] holds radio groups with values yes, partly, no, na; they are counted by
   the same function as the form's own scores (lib/score.js).
   Redraws on the form's change and reset events, and on a `kb:checklist-change` event on the form
   or the document (checklist.js, or any other script, may dispatch it after restoring answers).
   No language strings here: every text comes from the page. */

import { countAnswers, segments } from "./lib/score.js";
import { fill } from "./lib/template.js";

const each = (list, fn) => Array.prototype.forEach.call(list, fn);

/** The questions of a fieldset (its radio groups, in order) and the checked answers. */
function answersIn(fieldset) {
  const ids = [];
  const answers = {};
  each(fieldset.querySelectorAll("input[type=radio]"), (r) => {
    if (!ids.includes(r.name)) ids.push(r.name);
    if (r.checked) answers[r.name] = r.value;
  });
  return { ids, answers };
}

function draw(form, figure) {
  const template = figure.getAttribute("data-template") || "";
  each(form.querySelectorAll("fieldset[data-section]"), (fieldset) => {
    const id = fieldset.getAttribute("data-section");
    const { ids, answers } = answersIn(fieldset);
    const c = countAnswers(answers, ids);
    let group = null;
    each(figure.querySelectorAll("g[data-section]"), (g) => {
      if (g.getAttribute("data-section") === id) group = g;
    });
    if (group) {
      const bar = group.querySelector("rect.kb-chart-bar");
      const x = parseFloat(bar.getAttribute("x"));
      const width = parseFloat(bar.getAttribute("width"));
      for (const s of segments(c, x, width)) {
        const rect = group.querySelector("rect[data-answer=" + s.answer + "]");
        rect.setAttribute("x", s.x.toFixed(1));
        rect.setAttribute("width", s.width.toFixed(1));
      }
      const text = group.querySelector("text[data-counts]");
      const line = text.querySelector("tspan") || text;
      line.textContent = fill(template, c);
    }
    each(figure.querySelectorAll("span[data-section][data-answer]"), (span) => {
      if (span.getAttribute("data-section") === id) span.textContent = String(c[span.getAttribute("data-answer")]);
    });
  });
}

function setUp(figure) {
  const form = document.querySelector("form[data-kb-checklist]");
  if (!form) return;
  const redraw = () => draw(form, figure);
  form.addEventListener("change", redraw);
  form.addEventListener("reset", () => setTimeout(redraw, 0)); // after the browser clears the radios
  form.addEventListener("kb:checklist-change", redraw);
  document.addEventListener("kb:checklist-change", redraw);
  window.addEventListener("pageshow", redraw); // answers restored from the back-forward cache
  figure.hidden = false;
  redraw();
}

function init() {
  each(document.querySelectorAll("[data-kb-checklist-chart]"), setUp);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
