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
   - input#kb-company; buttons [data-action=csv|export|import|compare|print|print-result] and [type=reset]
     (the CSV button in the results, under the summary);
   - after the form, div.kb-check-bar-sticky (hidden) with [data-field=progress]: shown here, it stays
     at the foot of the screen with the number of answers and a link to the results (kb.css);
     input.kb-check-file; p.kb-check-message (role=status).
   Answers are kept in localStorage (validated on every read) when the browser allows it; they can
   be saved to and opened from a JSON file, and the result downloaded as CSV. Nothing is ever sent: no fetch, no XHR, no other host.
   After every change, and once on load, the script dispatches `kb:checklist-change` on document
   with detail {sections: {<sectionId>: {yes, partly, no, na, total}}}.
   No language strings here: every text comes from the page. The logic is in lib/ (unit-tested in
   js/test/); this file is the DOM glue. */

import { countAnswers } from "./lib/score.js";
import { emptyState, exportData, parseImport, stateFrom } from "./lib/checklist-state.js";
import { needsSteps, planIds } from "./lib/checklist-plan.js";
import { csvText, resultRows } from "./lib/csv.js";
import { fill, formatDate as formatIso, isoDate } from "./lib/template.js";

const KEY = "kb-checklist";
const LEGACY_KEY = "kb-checklist-v1"; // before 2026: a flat {itemId: answer} map
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const each = (list, fn) => Array.prototype.forEach.call(list, fn);

function storage() {
  try {
    const s = window.localStorage;
    const probe = KEY + "-probe";
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null; // disabled, private mode, or file:// in some browsers
  }
}

function readJSON(store, key) {
  try {
    return JSON.parse(store.getItem(key) || "null");
  } catch {
    return null;
  }
}

function load(store, known) {
  if (!store) return emptyState();
  return stateFrom(readJSON(store, KEY), readJSON(store, LEGACY_KEY), known);
}

function save(store, state) {
  if (!store) return;
  try {
    store.setItem(KEY, JSON.stringify(state));
    store.removeItem(LEGACY_KEY);
  } catch {
    /* quota or disabled: the answers stay on the page */
  }
}

function download(name, text, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function setUp(form) {
  const d = (name) => form.getAttribute("data-" + name) || "";
  const msg = (name, values) => fill(d("msg-" + name), values || {});
  const months = d("months").split("|");
  const store = storage();
  const radios = form.querySelectorAll("input[type=radio]");
  const sections = form.querySelectorAll("fieldset.kb-check-section");
  const company = form.querySelector("#kb-company");
  const fileInput = form.querySelector("input.kb-check-file");
  const message = form.querySelector(".kb-check-message");
  const next = form.nextElementSibling;
  const footBar = next && next.classList.contains("kb-check-bar-sticky") ? next : null;
  const known = {};
  const sectionOf = {};
  const order = [];
  each(sections, (section) => {
    each(section.querySelectorAll(".kb-check-item[data-item]"), (item) => {
      const id = item.getAttribute("data-item");
      known[id] = item;
      sectionOf[id] = section.getAttribute("data-section");
      order.push(id);
    });
  });
  let state = load(store, known);
  let importMode = "import";
  const today = () => isoDate(new Date());
  const formatDate = (iso) => formatIso(iso, d("date"), months);
  const idsOf = (sectionId) => order.filter((id) => sectionId === "" || sectionOf[id] === sectionId);
  const counts = (answers, sectionId) => countAnswers(answers, idsOf(sectionId));
  const scoreText = (c) => (c.score === null ? d("msg-score-none") : msg("score-value", { score: c.score }));

  function say(text, isError) {
    if (!message) return;
    message.textContent = text;
    message.classList.toggle("kb-error", !!isError);
  }

  function apply() {
    each(radios, (r) => {
      r.checked = state.answers[r.name] === r.value;
    });
    if (company) company.value = state.company;
  }

  function renderPlan() {
    const plan = form.querySelector(".kb-check-plan");
    const empty = form.querySelector(".kb-check-plan-empty");
    if (!plan) return;
    while (plan.firstChild) plan.removeChild(plan.firstChild);
    for (const id of planIds(order, state.answers)) {
      const a = state.answers[id];
      const item = known[id];
      const li = document.createElement("li");
      li.setAttribute("data-item", id);
      const details = document.createElement("details");
      const p = document.createElement("summary");
      const q = document.createElement("strong");
      q.textContent = item.querySelector(".kb-check-q").textContent;
      const ans = document.createElement("span");
      ans.className = "kb-check-your-answer";
      ans.textContent = " " + msg("your-answer", { answer: d("answer-" + a) });
      p.appendChild(q);
      p.appendChild(ans);
      details.appendChild(p);
      const steps = item.querySelector("ul.kb-steps");
      if (steps) details.appendChild(steps.cloneNode(true));
      li.appendChild(details);
      plan.appendChild(li);
    }
    if (empty) empty.hidden = plan.children.length > 0;
  }

  function update() {
    each(radios, (r) => {
      const label = r.closest ? r.closest("label") : r.parentNode;
      if (label) label.classList.toggle("kb-chosen", r.checked);
    });
    const detail = { sections: {} };
    each(sections, (section) => {
      const id = section.getAttribute("data-section");
      const c = counts(state.answers, id);
      detail.sections[id] = { yes: c.yes, partly: c.partly, no: c.no, na: c.na, total: c.total };
      const out = section.querySelector(".kb-check-score");
      if (out) out.textContent = fill(d("template"), c);
    });
    const all = counts(state.answers, "");
    const summary = form.querySelector(".kb-check-summary");
    if (summary) summary.textContent = fill(d("template"), all);
    const progress = footBar ? footBar.querySelector("[data-field=progress]") : null;
    if (progress) progress.textContent = msg("progress", all);
    const prev = state.previous;
    form.classList.toggle("kb-has-prev", !!prev);
    each(form.querySelectorAll("#kb-scores tbody tr"), (row) => {
      const id = row.getAttribute("data-section") || "";
      const c = counts(state.answers, id);
      each(row.querySelectorAll("td[data-count]"), (cell) => {
        const k = cell.getAttribute("data-count");
        if (k === "score") cell.textContent = scoreText(c);
        else if (k === "previous") cell.textContent = prev ? scoreText(counts(prev.answers, id)) : "";
        else cell.textContent = String(c[k]);
      });
    });
    const prevLabel = prev ? msg("previous-col", { date: prev.date ? formatDate(prev.date) : prev.file }) : "";
    each(form.querySelectorAll(".kb-check-bars li[data-section]"), (li) => {
      const id = li.getAttribute("data-section");
      const c = counts(state.answers, id);
      const bar = li.querySelector(".kb-check-bar-fill");
      if (bar) bar.style.width = (c.score === null ? 0 : c.score) + "%";
      li.classList.toggle("kb-none", c.score === null);
      li.querySelector("[data-field=score]").textContent = scoreText(c);
      const gaps = c.no + c.partly;
      li.querySelector("[data-field=gaps]").textContent = gaps ? msg("gaps", { count: gaps }) : "";
      li.querySelector("[data-field=previous]").textContent = prev
        ? prevLabel + " " + scoreText(counts(prev.answers, id))
        : "";
    });
    const prevHead = form.querySelector("#kb-scores thead th.kb-prev");
    if (prevHead && prev) prevHead.textContent = prevLabel;
    const compared = form.querySelector("[data-field=compared]");
    if (compared) {
      compared.hidden = !prev;
      compared.textContent = prev ? msg("compare-ok", { file: prev.file, date: formatDate(prev.date) }) : "";
    }
    const stampCompany = form.querySelector("[data-field=company]");
    if (stampCompany) stampCompany.textContent = state.company;
    const stampDate = form.querySelector("[data-field=date]");
    if (stampDate) stampDate.textContent = formatDate(today());
    renderPlan();
    document.dispatchEvent(new CustomEvent("kb:checklist-change", { detail }));
  }

  function exportFile() {
    const data = exportData(d("format"), parseInt(d("version"), 10), d("lang"), today(), state, known);
    const name = "self-assessment-" + data.date + ".json";
    download(name, JSON.stringify(data, null, 2) + "\n", "application/json");
    say(msg("saved-file", { file: name }));
  }

  // The result as a spreadsheet (lib/csv.js): the scores by area, then every question.
  function csvRows() {
    const legend = (section) => (section ? section.querySelector("legend").textContent : "");
    const report = {
      company: state.company,
      date: formatDate(today()),
      areas: Array.prototype.map.call(sections, (section) => ({
        name: legend(section),
        counts: counts(state.answers, section.getAttribute("data-section")),
      })),
      all: counts(state.answers, ""),
      questions: order.map((id) => {
        const item = known[id];
        const a = state.answers[id];
        const steps = [];
        if (needsSteps(a)) {
          each(item.querySelectorAll("ul.kb-steps > li"), (li) => steps.push(li.textContent.trim()));
        }
        return {
          area: legend(item.closest("fieldset")),
          question: item.querySelector(".kb-check-q").textContent,
          answer: a ? d("answer-" + a) : d("col-open"),
          steps,
        };
      }),
    };
    return resultRows(report, (k) => d("col-" + k), scoreText);
  }

  function exportCsv() {
    const name = "self-assessment-" + today() + ".csv";
    download(name, csvText(csvRows()), "text/csv;charset=utf-8");
    say(msg("saved-csv", { file: name }));
  }

  // A file is accepted whole or not at all: any problem leaves the page and storage untouched.
  function receive(file) {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const result = parseImport(String(reader.result), d("format"), parseInt(d("version"), 10), known);
      if (result.error) {
        say(msg(result.error, Object.assign({ file: file.name }, result.values)), true);
        return;
      }
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
    reader.onerror = () => say(msg("error-json", { file: file.name }), true);
    reader.readAsText(file);
  }

  apply();

  form.addEventListener("change", (event) => {
    const t = event.target;
    if (t && t.type === "radio" && t.checked && has(known, t.name)) {
      state.answers[t.name] = t.value;
      save(store, state);
      update();
    }
  });
  if (company) {
    company.addEventListener("input", () => {
      state.company = company.value.slice(0, 200);
      save(store, state);
      const stamp = form.querySelector("[data-field=company]");
      if (stamp) stamp.textContent = state.company;
    });
  }
  form.addEventListener("reset", (event) => {
    if (!window.confirm(d("msg-confirm-reset"))) {
      event.preventDefault();
      return;
    }
    state = emptyState();
    if (store) {
      try {
        store.removeItem(KEY);
        store.removeItem(LEGACY_KEY);
      } catch {
        /* ignore */
      }
    }
    // after the browser has cleared the form
    setTimeout(() => {
      apply();
      update();
      say(d("msg-reset-done"));
    }, 0);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  if (fileInput) {
    fileInput.addEventListener("change", () => {
      receive(fileInput.files && fileInput.files[0]);
      fileInput.value = ""; // the same file can be chosen again
    });
  }
  each(form.querySelectorAll("button[data-action]"), (button) => {
    button.addEventListener("click", () => {
      const action = button.getAttribute("data-action");
      if (action === "print") window.print();
      else if (action === "print-result") {
        // The result alone (scores and next steps), not the questions: see kb.css, html.kb-print-result.
        document.documentElement.classList.add("kb-print-result");
        window.print();
        document.documentElement.classList.remove("kb-print-result");
      } else if (action === "export") exportFile();
      else if (action === "csv") exportCsv();
      else if ((action === "import" || action === "compare") && fileInput) {
        importMode = action;
        fileInput.click();
      }
    });
  });
  form.classList.add("kb-js");
  if (footBar) footBar.hidden = false;
  if (!store) say(d("msg-storage-off"));
  update();
}

function init() {
  each(document.querySelectorAll("form[data-kb-checklist]"), setUp);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
