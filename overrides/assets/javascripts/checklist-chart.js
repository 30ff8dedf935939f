/* Self-assessment: the per-area picture of the reader's answers. Progressive enhancement, no dependencies.
   Contract (rendered by macros/render/charts.py `checklist_chart()`; independent of checklist.js):
   - [data-kb-checklist-chart] (hidden until this script runs) with data-template, e.g.
     "Yes {yes} · partly {partly} · no {no} · not applicable {na} · not answered {open}";
   - in its SVG, one g[data-section=<section id>][data-total=<questions>] per checklist section, holding
     rect[data-answer=yes|partly|no|na|open] (bar segments, x and width set here) and text[data-counts];
   - in its table, span[data-section][data-answer] cells for the same counts.
   The answers are read from the radio inputs of form[data-kb-checklist]: each
   fieldset[data-section] holds radio groups with values yes, partly, no, na.
   Redraws on the form's change and reset events, and on a `kb:checklist-change` event on the form
   or the document (checklist.js, or any other script, may dispatch it after restoring answers).
   No language strings here: every text comes from the page. */
(function () {
  "use strict";
  var ANSWERS = ["yes", "partly", "no", "na"];

  function counts(fieldset) {
    var names = {}, c = { yes: 0, partly: 0, no: 0, na: 0, open: 0, total: 0 };
    Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=radio]"), function (r) {
      if (!names[r.name]) { names[r.name] = true; c.total += 1; }
      if (r.checked && ANSWERS.indexOf(r.value) >= 0) c[r.value] += 1;
    });
    c.open = c.total - c.yes - c.partly - c.no - c.na;
    return c;
  }

  function fill(template, c) {
    return template.replace(/\{(yes|partly|no|na|open)\}/g, function (m, k) { return String(c[k]); });
  }

  function draw(form, figure) {
    var template = figure.getAttribute("data-template") || "";
    Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-section]"), function (fieldset) {
      var id = fieldset.getAttribute("data-section");
      var c = counts(fieldset);
      var group = null;
      Array.prototype.forEach.call(figure.querySelectorAll("g[data-section]"), function (g) {
        if (g.getAttribute("data-section") === id) group = g;
      });
      if (group) {
        var bar = group.querySelector("rect.kb-chart-bar");
        var x = parseFloat(bar.getAttribute("x")), width = parseFloat(bar.getAttribute("width"));
        ANSWERS.concat(["open"]).forEach(function (a) {
          var rect = group.querySelector("rect[data-answer=" + a + "]");
          var w = c.total ? width * c[a] / c.total : 0;
          rect.setAttribute("x", x.toFixed(1));
          rect.setAttribute("width", w.toFixed(1));
          x += w;
        });
        var text = group.querySelector("text[data-counts]");
        var line = text.querySelector("tspan") || text;
        line.textContent = fill(template, c);
      }
      Array.prototype.forEach.call(figure.querySelectorAll("span[data-section][data-answer]"), function (span) {
        if (span.getAttribute("data-section") === id) span.textContent = String(c[span.getAttribute("data-answer")]);
      });
    });
  }

  function setUp(figure) {
    var form = document.querySelector("form[data-kb-checklist]");
    if (!form) return;
    var redraw = function () { draw(form, figure); };
    form.addEventListener("change", redraw);
    form.addEventListener("reset", function () { setTimeout(redraw, 0); }); // after the browser clears the radios
    form.addEventListener("kb:checklist-change", redraw);
    document.addEventListener("kb:checklist-change", redraw);
    window.addEventListener("pageshow", redraw); // answers restored from the back-forward cache
    figure.hidden = false;
    redraw();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-checklist-chart]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
