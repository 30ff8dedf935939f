/* Supplier self-assessment: progressive enhancement, no dependencies.
   Contract (rendered by macros/render.py `checklist()`):
   - form[data-kb-checklist] with data-template, e.g. "{answered} of {total} ... {yes} {partly} {no}";
   - fieldset.kb-check-section, each with radio groups (one `name` per question) and p.kb-check-score;
   - p.kb-check-summary for the whole form; button[data-action=print]; button[type=reset].
   Answers are kept in localStorage when the browser allows it (also from file://).
   No language strings here: every text comes from the page. */
(function () {
  "use strict";
  var KEY = "kb-checklist-v1";

  function storage() {
    try {
      var s = window.localStorage;
      var probe = KEY + "-probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null; // disabled, private mode, or file:// in some browsers
    }
  }

  function load(store) {
    if (!store) return {};
    try {
      var data = JSON.parse(store.getItem(KEY) || "{}");
      return data && typeof data === "object" ? data : {};
    } catch (e) {
      return {};
    }
  }

  function save(store, data) {
    if (!store) return;
    try { store.setItem(KEY, JSON.stringify(data)); } catch (e) { /* quota or disabled: ignore */ }
  }

  function fill(template, counts) {
    return template.replace(/\{(answered|total|yes|partly|no|na)\}/g, function (m, k) {
      return String(counts[k]);
    });
  }

  function count(scope) {
    var names = [], seen = {};
    Array.prototype.forEach.call(scope.querySelectorAll("input[type=radio]"), function (r) {
      if (!seen[r.name]) { seen[r.name] = true; names.push(r.name); }
    });
    var c = { total: names.length, answered: 0, yes: 0, partly: 0, no: 0, na: 0 };
    Array.prototype.forEach.call(scope.querySelectorAll("input[type=radio]:checked"), function (r) {
      c.answered += 1;
      if (Object.prototype.hasOwnProperty.call(c, r.value)) c[r.value] += 1;
    });
    return c;
  }

  function setUp(form) {
    var template = form.getAttribute("data-template") || "";
    var store = storage();
    var answers = load(store);
    var radios = form.querySelectorAll("input[type=radio]");

    Array.prototype.forEach.call(radios, function (r) {
      if (answers[r.name] === r.value) r.checked = true;
    });

    function update() {
      Array.prototype.forEach.call(radios, function (r) {
        var label = r.closest ? r.closest("label") : r.parentNode;
        if (label) label.classList.toggle("kb-chosen", r.checked);
      });
      Array.prototype.forEach.call(form.querySelectorAll("fieldset.kb-check-section"), function (section) {
        var out = section.querySelector(".kb-check-score");
        if (out) out.textContent = fill(template, count(section));
      });
      var summary = form.querySelector(".kb-check-summary");
      if (summary) summary.textContent = fill(template, count(form));
    }

    form.addEventListener("change", function (event) {
      var t = event.target;
      if (t && t.type === "radio" && t.checked) {
        answers[t.name] = t.value;
        save(store, answers);
      }
      update();
    });
    form.addEventListener("reset", function () {
      answers = {};
      if (store) { try { store.removeItem(KEY); } catch (e) { /* ignore */ } }
      setTimeout(update, 0); // after the browser has cleared the radios
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    Array.prototype.forEach.call(form.querySelectorAll("[data-action=print]"), function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    form.classList.add("kb-js");
    update();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-kb-checklist]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
