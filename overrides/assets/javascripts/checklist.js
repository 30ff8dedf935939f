/* Supplier self-assessment: progressive enhancement, no dependencies, no network.
   Contract (rendered by macros/render/checklist.py `checklist()`):
   - form[data-kb-checklist] with data-format, data-version, data-lang, data-template (the summary),
     data-date (a date label with {day} {month} {year}), data-months ("January|February|…"),
     data-answer-<yes|partly|no|na> (answer names) and data-msg-<key> (every message the script shows);
   - fieldset.kb-check-section[data-section], each with .kb-check-item[data-item] holding one radio
     group (name = the item id) and ul.kb-steps (the item's next steps), and p.kb-check-score;
     data-col-<key> (the CSV's column labels: company, date, area, yes, partly, no, na, open, score,
     all, question, answer, steps);
   - section.kb-check-results: [data-field=company|date|compared], p.kb-check-summary,
     ul.kb-check-bars (li[data-section] with .kb-check-bar-fill and [data-field=score|gaps|previous]),
     the table #kb-scores (tr[data-section] with td[data-count=yes|partly|no|na|open|score|previous]),
     ol.kb-check-plan (filled here: one li > details per "no" or "partly") and p.kb-check-plan-empty;
   - input#kb-company; buttons [data-action=csv|export|import|compare|print|print-result] and [type=reset];
     input.kb-check-file; p.kb-check-message (role=status).
   Answers are kept in localStorage (validated on every read) when the browser allows it; they can
   be saved to and opened from a JSON file, and the result downloaded as CSV. Nothing is ever sent: no fetch, no XHR, no other host.
   After every change, and once on load, the script dispatches `kb:checklist-change` on document
   with detail {sections: {<sectionId>: {yes, partly, no, na, total}}}.
   No language strings here: every text comes from the page. */
(function () {
  "use strict";
  var KEY = "kb-checklist";
  var LEGACY_KEY = "kb-checklist-v1"; // before 2026: a flat {itemId: answer} map
  var STATE_VERSION = 1;
  var VALUES = ["yes", "partly", "no", "na"];
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function isPlainObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

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

  function fill(template, values) {
    return String(template || "").replace(/\{([a-z_]+)\}/g, function (m, k) {
      return has(values, k) ? String(values[k]) : m;
    });
  }

  // Only known item ids with known answers survive; anything else in storage is dropped, never trusted.
  function cleanAnswers(raw, known) {
    var out = {};
    if (!isPlainObject(raw)) return out;
    Object.keys(raw).forEach(function (id) {
      if (has(known, id) && VALUES.indexOf(raw[id]) >= 0) out[id] = raw[id];
    });
    return out;
  }

  function emptyState() {
    return { version: STATE_VERSION, answers: {}, company: "", previous: null };
  }

  function readJSON(store, key) {
    try { return JSON.parse(store.getItem(key) || "null"); } catch (e) { return null; }
  }

  // Whatever localStorage holds (`[]`, a string, an old or future shape), the result is a valid state.
  function load(store, known) {
    var state = emptyState();
    if (!store) return state;
    var data = readJSON(store, KEY);
    if (isPlainObject(data) && data.version === STATE_VERSION) {
      state.answers = cleanAnswers(data.answers, known);
      state.company = typeof data.company === "string" ? data.company.slice(0, 200) : "";
      var prev = data.previous;
      if (isPlainObject(prev) && isPlainObject(prev.answers)) {
        state.previous = {
          file: typeof prev.file === "string" ? prev.file : "",
          date: typeof prev.date === "string" ? prev.date : "",
          answers: cleanAnswers(prev.answers, known)
        };
      }
      return state;
    }
    state.answers = cleanAnswers(readJSON(store, LEGACY_KEY), known);
    return state;
  }

  function save(store, state) {
    if (!store) return;
    try {
      store.setItem(KEY, JSON.stringify(state));
      store.removeItem(LEGACY_KEY);
    } catch (e) { /* quota or disabled: the answers stay on the page */ }
  }

  function isoToday() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function setUp(form) {
    var d = function (name) { return form.getAttribute("data-" + name) || ""; };
    var msg = function (name, values) { return fill(d("msg-" + name), values || {}); };
    var months = d("months").split("|");
    var store = storage();
    var radios = form.querySelectorAll("input[type=radio]");
    var sections = form.querySelectorAll("fieldset.kb-check-section");
    var company = form.querySelector("#kb-company");
    var fileInput = form.querySelector("input.kb-check-file");
    var message = form.querySelector(".kb-check-message");
    var known = {}, sectionOf = {}, order = [];
    each(sections, function (section) {
      each(section.querySelectorAll(".kb-check-item[data-item]"), function (item) {
        var id = item.getAttribute("data-item");
        known[id] = item;
        sectionOf[id] = section.getAttribute("data-section");
        order.push(id);
      });
    });
    var state = load(store, known);
    var importMode = "import";

    function formatDate(iso) {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
      if (!m) return iso || "";
      return fill(d("date"), { year: m[1], month: months[parseInt(m[2], 10) - 1] || m[2], day: String(parseInt(m[3], 10)) });
    }

    function say(text, isError) {
      if (!message) return;
      message.textContent = text;
      message.classList.toggle("kb-error", !!isError);
    }

    function apply() {
      each(radios, function (r) { r.checked = state.answers[r.name] === r.value; });
      if (company) company.value = state.company;
    }

    function counts(answers, ids) {
      var c = { total: ids.length, answered: 0, yes: 0, partly: 0, no: 0, na: 0 };
      ids.forEach(function (id) {
        var a = answers[id];
        if (a && has(c, a)) { c[a] += 1; c.answered += 1; }
      });
      c.open = c.total - c.answered;
      var scored = c.yes + c.partly + c.no;
      c.score = scored ? Math.round(100 * (c.yes + 0.5 * c.partly) / scored) : null;
      return c;
    }

    function idsOf(sectionId) {
      return order.filter(function (id) { return sectionId === "" || sectionOf[id] === sectionId; });
    }

    function scoreText(c) {
      return c.score === null ? d("msg-score-none") : msg("score-value", { score: c.score });
    }

    function renderPlan() {
      var plan = form.querySelector(".kb-check-plan");
      var empty = form.querySelector(".kb-check-plan-empty");
      if (!plan) return;
      while (plan.firstChild) plan.removeChild(plan.firstChild);
      order.forEach(function (id) {
        var a = state.answers[id];
        if (a !== "no" && a !== "partly") return;
        var item = known[id];
        var li = document.createElement("li");
        li.setAttribute("data-item", id);
        var details = document.createElement("details");
        var p = document.createElement("summary");
        var q = document.createElement("strong");
        q.textContent = item.querySelector(".kb-check-q").textContent;
        var ans = document.createElement("span");
        ans.className = "kb-check-your-answer";
        ans.textContent = " " + msg("your-answer", { answer: d("answer-" + a) });
        p.appendChild(q);
        p.appendChild(ans);
        details.appendChild(p);
        var steps = item.querySelector("ul.kb-steps");
        if (steps) details.appendChild(steps.cloneNode(true));
        li.appendChild(details);
        plan.appendChild(li);
      });
      if (empty) empty.hidden = plan.children.length > 0;
    }

    function update() {
      each(radios, function (r) {
        var label = r.closest ? r.closest("label") : r.parentNode;
        if (label) label.classList.toggle("kb-chosen", r.checked);
      });
      var detail = { sections: {} };
      each(sections, function (section) {
        var id = section.getAttribute("data-section");
        var c = counts(state.answers, idsOf(id));
        detail.sections[id] = { yes: c.yes, partly: c.partly, no: c.no, na: c.na, total: c.total };
        var out = section.querySelector(".kb-check-score");
        if (out) out.textContent = fill(d("template"), c);
      });
      var all = counts(state.answers, order);
      var summary = form.querySelector(".kb-check-summary");
      if (summary) summary.textContent = fill(d("template"), all);
      var prev = state.previous;
      form.classList.toggle("kb-has-prev", !!prev);
      each(form.querySelectorAll("#kb-scores tbody tr"), function (row) {
        var id = row.getAttribute("data-section") || "";
        var c = counts(state.answers, idsOf(id));
        each(row.querySelectorAll("td[data-count]"), function (cell) {
          var k = cell.getAttribute("data-count");
          if (k === "score") cell.textContent = scoreText(c);
          else if (k === "previous") cell.textContent = prev ? scoreText(counts(prev.answers, idsOf(id))) : "";
          else cell.textContent = String(c[k]);
        });
      });
      var prevLabel = prev ? msg("previous-col", { date: prev.date ? formatDate(prev.date) : prev.file }) : "";
      each(form.querySelectorAll(".kb-check-bars li[data-section]"), function (li) {
        var c = counts(state.answers, idsOf(li.getAttribute("data-section")));
        var fill = li.querySelector(".kb-check-bar-fill");
        if (fill) fill.style.width = (c.score === null ? 0 : c.score) + "%";
        li.classList.toggle("kb-none", c.score === null);
        li.querySelector("[data-field=score]").textContent = scoreText(c);
        var gaps = c.no + c.partly;
        li.querySelector("[data-field=gaps]").textContent = gaps ? msg("gaps", { count: gaps }) : "";
        li.querySelector("[data-field=previous]").textContent =
          prev ? prevLabel + " " + scoreText(counts(prev.answers, idsOf(li.getAttribute("data-section")))) : "";
      });
      var prevHead = form.querySelector("#kb-scores thead th.kb-prev");
      if (prevHead && prev) prevHead.textContent = msg("previous-col", { date: prev.date ? formatDate(prev.date) : prev.file });
      var compared = form.querySelector("[data-field=compared]");
      if (compared) {
        compared.hidden = !prev;
        compared.textContent = prev ? msg("compare-ok", { file: prev.file, date: formatDate(prev.date) }) : "";
      }
      var stampCompany = form.querySelector("[data-field=company]");
      if (stampCompany) stampCompany.textContent = state.company;
      var stampDate = form.querySelector("[data-field=date]");
      if (stampDate) stampDate.textContent = formatDate(isoToday());
      renderPlan();
      document.dispatchEvent(new CustomEvent("kb:checklist-change", { detail: detail }));
    }

    function exportFile() {
      var data = {
        format: d("format"), version: parseInt(d("version"), 10), lang: d("lang"),
        date: isoToday(), company: state.company, answers: cleanAnswers(state.answers, known)
      };
      var name = "self-assessment-" + data.date + ".json";
      download(name, JSON.stringify(data, null, 2) + "\n", "application/json");
      say(msg("saved-file", { file: name }));
    }

    // The result as a spreadsheet: the scores by area, then every question with its answer and next
    // steps. UTF-8 with a byte-order mark, so that Excel reads Chinese; a cell that a spreadsheet would
    // take for a formula (= + - @) is prefixed with an apostrophe.
    function csvCell(value) {
      var text = String(value === null || value === undefined ? "" : value);
      if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
      return '"' + text.replace(/"/g, '""') + '"';
    }

    function csvFile() {
      var col = function (k) { return d("col-" + k); };
      var lines = [[col("company"), state.company], [col("date"), formatDate(isoToday())], []];
      var keys = ["yes", "partly", "no", "na", "open"];
      lines.push([col("area")].concat(keys.map(col), [col("score")]));
      each(sections, function (section) {
        var c = counts(state.answers, idsOf(section.getAttribute("data-section")));
        var name = section.querySelector("legend").textContent;
        lines.push([name].concat(keys.map(function (k) { return c[k]; }), [scoreText(c)]));
      });
      var all = counts(state.answers, order);
      lines.push([col("all")].concat(keys.map(function (k) { return all[k]; }), [scoreText(all)]));
      lines.push([]);
      lines.push([col("area"), col("question"), col("answer"), col("steps")]);
      order.forEach(function (id) {
        var item = known[id];
        var a = state.answers[id];
        var steps = [];
        if (a === "no" || a === "partly") {
          each(item.querySelectorAll("ul.kb-steps > li"), function (li) { steps.push(li.textContent.trim()); });
        }
        var section = item.closest("fieldset");
        lines.push([
          section ? section.querySelector("legend").textContent : "",
          item.querySelector(".kb-check-q").textContent,
          a ? d("answer-" + a) : col("open"),
          steps.join("\n")
        ]);
      });
      return "\ufeff" + lines.map(function (l) { return l.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    }

    function download(name, text, type) {
      var blob = new Blob([text], { type: type });
      var url = URL.createObjectURL(blob);
      var a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    }

    function exportCsv() {
      var name = "self-assessment-" + isoToday() + ".csv";
      download(name, csvFile(), "text/csv;charset=utf-8");
      say(msg("saved-csv", { file: name }));
    }

    // A file is accepted whole or not at all: any problem leaves the page and storage untouched.
    function parseFile(name, text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { return { error: msg("error-json", { file: name }) }; }
      if (!isPlainObject(data) || data.format !== d("format")) return { error: msg("error-format", { file: name }) };
      if (data.version !== parseInt(d("version"), 10)) {
        return { error: msg("error-version", { file: name, version: String(data.version) }) };
      }
      if (!isPlainObject(data.answers)) return { error: msg("error-format", { file: name }) };
      var bad = Object.keys(data.answers).filter(function (id) {
        return !has(known, id) || VALUES.indexOf(data.answers[id]) < 0;
      });
      if (bad.length) {
        var detail = bad.slice(0, 3).map(function (id) { return id + "=" + JSON.stringify(data.answers[id]); }).join(", ");
        return { error: msg("error-content", { file: name, detail: detail + (bad.length > 3 ? ", …" : "") }) };
      }
      if ((data.company !== undefined && typeof data.company !== "string") ||
          (data.date !== undefined && (typeof data.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(data.date)))) {
        return { error: msg("error-format", { file: name }) };
      }
      return { answers: cleanAnswers(data.answers, known), company: (data.company || "").slice(0, 200), date: data.date || "" };
    }

    function receive(file) {
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var result = parseFile(file.name, String(reader.result));
        if (result.error) { say(result.error, true); return; }
        if (importMode === "compare") {
          state.previous = { file: file.name, date: result.date, answers: result.answers };
          save(store, state);
          update();
          say(msg("compare-ok", { file: file.name, date: formatDate(result.date) }));
          return;
        }
        if (Object.keys(state.answers).length && !window.confirm(msg("confirm-replace", { file: file.name }))) return;
        state.answers = result.answers;
        state.company = result.company;
        save(store, state);
        apply();
        update();
        say(msg("import-ok", { file: file.name, date: formatDate(result.date) }));
      };
      reader.onerror = function () { say(msg("error-json", { file: file.name }), true); };
      reader.readAsText(file);
    }

    apply();

    form.addEventListener("change", function (event) {
      var t = event.target;
      if (t && t.type === "radio" && t.checked && has(known, t.name)) {
        state.answers[t.name] = t.value;
        save(store, state);
        update();
      }
    });
    if (company) {
      company.addEventListener("input", function () {
        state.company = company.value.slice(0, 200);
        save(store, state);
        var stamp = form.querySelector("[data-field=company]");
        if (stamp) stamp.textContent = state.company;
      });
    }
    form.addEventListener("reset", function (event) {
      if (!window.confirm(d("msg-confirm-reset"))) { event.preventDefault(); return; }
      state = emptyState();
      if (store) { try { store.removeItem(KEY); store.removeItem(LEGACY_KEY); } catch (e) { /* ignore */ } }
      setTimeout(function () { apply(); update(); say(d("msg-reset-done")); }, 0); // after the browser has cleared the form
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (fileInput) {
      fileInput.addEventListener("change", function () {
        var file = fileInput.files && fileInput.files[0];
        receive(file);
        fileInput.value = ""; // the same file can be chosen again
      });
    }
    each(form.querySelectorAll("button[data-action]"), function (button) {
      button.addEventListener("click", function () {
        var action = button.getAttribute("data-action");
        if (action === "print") window.print();
        else if (action === "print-result") {
          // The result alone (scores and next steps), not the questions: see kb.css, html.kb-print-result.
          document.documentElement.classList.add("kb-print-result");
          window.print();
          document.documentElement.classList.remove("kb-print-result");
        }
        else if (action === "export") exportFile();
        else if (action === "csv") exportCsv();
        else if ((action === "import" || action === "compare") && fileInput) {
          importMode = action;
          fileInput.click();
        }
      });
    });
    form.classList.add("kb-js");
    if (!store) say(d("msg-storage-off"));
    update();
  }

  function init() {
    each(document.querySelectorAll("form[data-kb-checklist]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
