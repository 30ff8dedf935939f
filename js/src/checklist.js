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

import { emptyState, exportData, parseImport, stateFrom } from "./lib/checklist-state.js";
import { planIds } from "./lib/checklist-plan.js";
import {
  bar,
  cellText,
  changeDetail,
  comparedText,
  counter,
  csvReport,
  fileName,
  importOutcome,
  pageTexts,
  previousLabel,
} from "./lib/checklist-view.js";
import { csvText, resultRows } from "./lib/csv.js";
import { forget, readJSON, usableStorage, writeJSON } from "./lib/storage.js";
import { isoDate } from "./lib/template.js";

const KEY = "kb-checklist";
const LEGACY_KEY = "kb-checklist-v1"; // answers saved before 2026 (a flat {itemId: answer} map), still read
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const each = (list, fn) => Array.prototype.forEach.call(list, fn);
const map = (list, fn) => Array.prototype.map.call(list, fn);
const setText = (el, text) => {
  if (el) el.textContent = text;
};

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

// The items of the form, by id, and its areas: [{id, name, items: [itemId]}] in page order.
function readForm(form) {
  const known = {};
  const areas = map(form.querySelectorAll("fieldset.kb-check-section"), (section) => {
    const items = map(section.querySelectorAll(".kb-check-item[data-item]"), (item) => {
      known[item.getAttribute("data-item")] = item;
      return item.getAttribute("data-item");
    });
    return { id: section.getAttribute("data-section"), items, name: section.querySelector("legend").textContent };
  });
  return { known, areas };
}

const questionOf = (item) => item.querySelector(".kb-check-q").textContent;

// The plan: one li > details per "no" or "partly", with the question's next steps.
function renderPlan(form, order, known, answers, t) {
  const plan = form.querySelector(".kb-check-plan");
  const empty = form.querySelector(".kb-check-plan-empty");
  if (!plan) return;
  while (plan.firstChild) plan.removeChild(plan.firstChild);
  for (const id of planIds(order, answers)) {
    const li = document.createElement("li");
    li.setAttribute("data-item", id);
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    const q = document.createElement("strong");
    q.textContent = questionOf(known[id]);
    const answer = document.createElement("span");
    answer.className = "kb-check-your-answer";
    answer.textContent = " " + t.msg("your-answer", { answer: t.answer(answers[id]) });
    summary.append(q, answer);
    details.appendChild(summary);
    const steps = known[id].querySelector("ul.kb-steps");
    if (steps) details.appendChild(steps.cloneNode(true));
    li.appendChild(details);
    plan.appendChild(li);
  }
  if (empty) empty.hidden = plan.children.length > 0;
}

// Everything the answers decide: the chosen labels, the scores, bars, comparison and plan.
function render(form, view, state, today) {
  const { t, counts, footBar } = view;
  const prev = state.previous;
  const prevCounts = (id) => (prev ? counts(prev.answers, id) : null);
  const label = previousLabel(prev, t);
  each(form.querySelectorAll("input[type=radio]"), (r) => {
    const choice = r.closest ? r.closest("label") : r.parentNode;
    if (choice) choice.classList.toggle("kb-chosen", r.checked);
  });
  each(form.querySelectorAll("fieldset.kb-check-section"), (s) => {
    setText(s.querySelector(".kb-check-score"), t.summary(counts(state.answers, s.getAttribute("data-section"))));
  });
  const all = counts(state.answers, "");
  setText(form.querySelector(".kb-check-summary"), t.summary(all));
  setText(footBar && footBar.querySelector("[data-field=progress]"), t.msg("progress", all));
  form.classList.toggle("kb-has-prev", !!prev);
  each(form.querySelectorAll("#kb-scores tbody tr"), (row) => {
    const id = row.getAttribute("data-section") || "";
    each(row.querySelectorAll("td[data-count]"), (cell) => {
      cell.textContent = cellText(cell.getAttribute("data-count"), counts(state.answers, id), prevCounts(id), t);
    });
  });
  each(form.querySelectorAll(".kb-check-bars li[data-section]"), (li) => {
    const id = li.getAttribute("data-section");
    const shown = bar(counts(state.answers, id), prevCounts(id), label, t);
    const fill = li.querySelector(".kb-check-bar-fill");
    if (fill) fill.style.width = shown.width;
    li.classList.toggle("kb-none", shown.none);
    for (const field of ["score", "gaps", "previous"]) setText(li.querySelector("[data-field=" + field + "]"), shown[field]);
  });
  if (prev) setText(form.querySelector("#kb-scores thead th.kb-prev"), label);
  const compared = form.querySelector("[data-field=compared]");
  if (compared) compared.hidden = !prev;
  setText(compared, comparedText(prev, t));
  setText(form.querySelector("[data-field=company]"), state.company);
  setText(form.querySelector("[data-field=date]"), t.date(today));
  renderPlan(form, view.order, view.known, state.answers, t);
  const detail = changeDetail(state.answers, view.areas.map((a) => a.id), counts);
  document.dispatchEvent(new CustomEvent("kb:checklist-change", { detail }));
}

// The result as a spreadsheet: the scores by area, then every question with its next steps.
function csvFile(view, state, today) {
  const questions = view.order.map((id) => ({
    id,
    area: view.known[id].closest("fieldset").querySelector("legend").textContent,
    question: questionOf(view.known[id]),
    steps: map(view.known[id].querySelectorAll("ul.kb-steps > li"), (li) => li.textContent.trim()),
  }));
  const report = csvReport(state, view.areas, questions, view.counts, view.t, today);
  return csvText(resultRows(report, view.t.column, view.t.score));
}

function setUp(form) {
  const t = pageTexts((name) => form.getAttribute("data-" + name) || "");
  const store = usableStorage(() => window.localStorage, KEY);
  const company = form.querySelector("#kb-company");
  const fileInput = form.querySelector("input.kb-check-file");
  const message = form.querySelector(".kb-check-message");
  const next = form.nextElementSibling;
  const footBar = next && next.classList.contains("kb-check-bar-sticky") ? next : null;
  const { known, areas } = readForm(form);
  const view = Object.assign({ t, known, areas, footBar }, counter(areas));
  const format = t.attr("format");
  const version = parseInt(t.attr("version"), 10);
  let state = store ? stateFrom(readJSON(store, KEY), readJSON(store, LEGACY_KEY), known) : emptyState();
  let importMode = "import";
  const today = () => isoDate(new Date());
  const save = () => writeJSON(store, KEY, state, [LEGACY_KEY]);
  const update = () => render(form, view, state, today());
  const say = (text, isError) => {
    setText(message, text);
    if (message) message.classList.toggle("kb-error", !!isError);
  };
  const apply = () => {
    each(form.querySelectorAll("input[type=radio]"), (r) => (r.checked = state.answers[r.name] === r.value));
    if (company) company.value = state.company;
  };

  // A file is accepted whole or not at all: any problem leaves the page and storage untouched.
  function receive(file) {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const result = parseImport(String(reader.result), format, version, known);
      const outcome = importOutcome(result, importMode, file.name, Object.keys(state.answers).length > 0, t);
      if (outcome.error) return say(outcome.error, true);
      if (outcome.previous) state.previous = outcome.previous;
      else {
        if (outcome.confirm && !window.confirm(outcome.confirm)) return;
        state.answers = outcome.answers;
        state.company = outcome.company;
        apply();
      }
      save();
      update();
      say(outcome.message);
    };
    reader.onerror = () => say(t.msg("error-json", { file: file.name }), true);
    reader.readAsText(file);
  }

  // Open a file: its answers replace the page's (import) or sit beside them (compare).
  const choose = (mode) => {
    if (!fileInput) return;
    importMode = mode;
    fileInput.click();
  };
  const actions = {
    print: () => window.print(),
    // The result alone (scores and next steps), not the questions: see kb.css, html.kb-print-result.
    "print-result": () => {
      document.documentElement.classList.add("kb-print-result");
      window.print();
      document.documentElement.classList.remove("kb-print-result");
    },
    export: () => {
      const data = exportData(format, version, t.attr("lang"), today(), state, known);
      const name = fileName(data.date, "json");
      download(name, JSON.stringify(data, null, 2) + "\n", "application/json");
      say(t.msg("saved-file", { file: name }));
    },
    csv: () => {
      const name = fileName(today(), "csv");
      download(name, csvFile(view, state, today()), "text/csv;charset=utf-8");
      say(t.msg("saved-csv", { file: name }));
    },
    import: () => choose("import"),
    compare: () => choose("compare"),
  };

  apply();
  form.addEventListener("change", (event) => {
    const r = event.target;
    if (r && r.type === "radio" && r.checked && has(known, r.name)) {
      state.answers[r.name] = r.value;
      save();
      update();
    }
  });
  if (company) {
    company.addEventListener("input", () => {
      state.company = company.value.slice(0, 200);
      save();
      setText(form.querySelector("[data-field=company]"), state.company);
    });
  }
  form.addEventListener("reset", (event) => {
    if (!window.confirm(t.attr("msg-confirm-reset"))) return event.preventDefault();
    state = emptyState();
    forget(store, [KEY, LEGACY_KEY]);
    // after the browser has cleared the form
    setTimeout(() => {
      apply();
      update();
      say(t.attr("msg-reset-done"));
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
    const name = button.getAttribute("data-action");
    if (has(actions, name)) button.addEventListener("click", actions[name]);
  });
  form.classList.add("kb-js");
  if (footBar) footBar.hidden = false;
  if (!store) say(t.attr("msg-storage-off"));
  update();
}

function init() {
  each(document.querySelectorAll("form[data-kb-checklist]"), setUp);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
