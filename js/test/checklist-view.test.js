import { test } from "node:test";
import assert from "node:assert/strict";
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
} from "../src/lib/checklist-view.js";

const ATTRS = {
  months: "January|February|March|April|May|June|July|August|September|October|November|December",
  date: "{day} {month} {year}",
  template: "{yes} yes, {partly} partly, {no} no of {total}",
  "answer-yes": "Yes",
  "answer-partly": "Partly",
  "answer-no": "No",
  "col-open": "Open",
  "msg-score-none": "no score",
  "msg-score-value": "{score}%",
  "msg-gaps": "{count} to improve",
  "msg-previous-col": "Earlier ({date})",
  "msg-compare-ok": "Compared with {file} of {date}",
  "msg-import-ok": "Opened {file} of {date}",
  "msg-confirm-replace": "Replace your answers with {file}?",
  "msg-error-version": "{file}: version {version} is not supported",
};
const t = pageTexts((name) => ATTRS[name] || "");
const { order, counts } = counter([
  { id: "wages", items: ["w1", "w2"] },
  { id: "health", items: ["h1"] },
]);

test("the page's texts: dates with month names, scores, answers and the summary", () => {
  assert.equal(t.date("2026-03-01"), "1 March 2026");
  assert.equal(t.score({ score: 75 }), "75%");
  assert.equal(t.score({ score: null }), "no score");
  assert.equal(t.answer("partly"), "Partly");
  assert.equal(t.summary({ yes: 1, partly: 0, no: 2, total: 3 }), "1 yes, 0 partly, 2 no of 3");
});

test("counts per area and for all areas, in page order", () => {
  assert.deepEqual(order, ["w1", "w2", "h1"]);
  const answers = { w1: "yes", w2: "partly", h1: "no" };
  assert.equal(counts(answers, "wages").score, 75);
  assert.equal(counts(answers, "health").score, 0);
  assert.equal(counts(answers, "").total, 3);
  assert.equal(counts({}, "wages").open, 2);
  assert.deepEqual(changeDetail(answers, ["wages", "health"], counts), {
    sections: { wages: { yes: 1, partly: 1, no: 0, na: 0, total: 2 }, health: { yes: 0, partly: 0, no: 1, na: 0, total: 1 } },
  });
});

test("score cells and bars, with and without an earlier file", () => {
  const now = counts({ w1: "yes", w2: "no" }, "wages");
  const earlier = counts({ w1: "no", w2: "no" }, "wages");
  assert.equal(cellText("score", now, null, t), "50%");
  assert.equal(cellText("no", now, null, t), "1");
  assert.equal(cellText("previous", now, null, t), "");
  assert.equal(cellText("previous", now, earlier, t), "0%");
  const label = previousLabel({ file: "a.json", date: "2025-12-31", answers: {} }, t);
  assert.equal(label, "Earlier (31 December 2025)");
  assert.equal(previousLabel({ file: "a.json", date: "", answers: {} }, t), "Earlier (a.json)");
  assert.equal(previousLabel(null, t), "");
  assert.deepEqual(bar(now, earlier, label, t), {
    width: "50%",
    none: false,
    score: "50%",
    gaps: "1 to improve",
    previous: "Earlier (31 December 2025) 0%",
  });
  assert.deepEqual(bar(counts({ h1: "na" }, "health"), null, "", t), { width: "0%", none: true, score: "no score", gaps: "", previous: "" });
  assert.equal(comparedText({ file: "a.json", date: "2025-12-31" }, t), "Compared with a.json of 31 December 2025");
  assert.equal(comparedText(null, t), "");
});

test("the CSV report lists steps only for answers that need them", () => {
  const state = { company: "ACME", answers: { w1: "yes", w2: "partly" } };
  const areas = [
    { id: "wages", name: "Wages" },
    { id: "health", name: "Health" },
  ];
  const questions = [
    { id: "w1", area: "Wages", question: "Q1", steps: ["s1"] },
    { id: "w2", area: "Wages", question: "Q2", steps: ["s2", "s3"] },
    { id: "h1", area: "Health", question: "Q3", steps: ["s4"] },
  ];
  const report = csvReport(state, areas, questions, counts, t, "2026-12-07");
  assert.equal(report.company, "ACME");
  assert.equal(report.date, "7 December 2026");
  assert.deepEqual(report.areas.map((a) => [a.name, a.counts.score]), [["Wages", 75], ["Health", null]]);
  assert.equal(report.all.answered, 2);
  assert.deepEqual(report.questions, [
    { area: "Wages", question: "Q1", answer: "Yes", steps: [] },
    { area: "Wages", question: "Q2", answer: "Partly", steps: ["s2", "s3"] },
    { area: "Health", question: "Q3", answer: "Open", steps: [] },
  ]);
  assert.equal(fileName("2026-12-07", "csv"), "self-assessment-2026-12-07.csv");
});

test("an opened file: refused with the page's message, compared, or replacing answers after asking", () => {
  assert.deepEqual(importOutcome({ error: "error-version", values: { version: "9" } }, "import", "a.json", true, t), {
    error: "a.json: version 9 is not supported",
  });
  const result = { answers: { w1: "no" }, company: "ACME", date: "2026-01-02" };
  assert.deepEqual(importOutcome(result, "compare", "a.json", true, t), {
    previous: { file: "a.json", date: "2026-01-02", answers: { w1: "no" } },
    message: "Compared with a.json of 2 January 2026",
  });
  assert.deepEqual(importOutcome(result, "import", "a.json", true, t), {
    answers: { w1: "no" },
    company: "ACME",
    message: "Opened a.json of 2 January 2026",
    confirm: "Replace your answers with a.json?",
  });
  assert.equal(importOutcome(result, "import", "a.json", false, t).confirm, null);
});
