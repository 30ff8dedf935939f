import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanAnswers, emptyState, exportData, parseImport, stateFrom } from "../src/lib/checklist-state.js";

const known = { w1: {}, w2: {}, h1: {} };
const file = (data) => JSON.stringify({ format: "kb-self-assessment", version: 1, ...data });
const parse = (text) => parseImport(text, "kb-self-assessment", 1, known);

test("only known questions with known answers survive", () => {
  assert.deepEqual(cleanAnswers({ w1: "yes", w2: "maybe", x: "no", h1: "na" }, known), { w1: "yes", h1: "na" });
  for (const raw of [null, [], "yes", 3]) assert.deepEqual(cleanAnswers(raw, known), {});
});

test("any stored shape gives a valid state", () => {
  for (const data of [null, [], "x", { version: 2, answers: { w1: "yes" } }]) {
    assert.deepEqual(stateFrom(data, null, known), emptyState());
  }
  const s = stateFrom({ version: 1, answers: { w1: "no", zz: "yes" }, company: "x".repeat(300), previous: { answers: { w2: "yes" }, file: 3 } }, null, known);
  assert.deepEqual(s.answers, { w1: "no" });
  assert.equal(s.company.length, 200);
  assert.deepEqual(s.previous, { file: "", date: "", answers: { w2: "yes" } });
  assert.equal(stateFrom({ version: 1, answers: {}, company: 5, previous: [] }, null, known).previous, null);
});

test("answers saved before 2026 (a flat map) are read when there is no current state", () => {
  assert.deepEqual(stateFrom(null, { w1: "partly", bad: "yes" }, known).answers, { w1: "partly" });
  assert.deepEqual(stateFrom({ version: 1, answers: {} }, { w1: "partly" }, known).answers, {});
});

test("a valid file is accepted, its company cut to 200 characters", () => {
  const got = parse(file({ date: "2008-07-01", company: "c".repeat(250), answers: { w1: "yes", h1: "no" } }));
  assert.deepEqual(got, { answers: { w1: "yes", h1: "no" }, company: "c".repeat(200), date: "2008-07-01" });
  assert.deepEqual(parse(file({ answers: {} })), { answers: {}, company: "", date: "" });
});

test("a file is refused whole, with the reason the page explains", () => {
  assert.deepEqual(parse("{not json"), { error: "error-json", values: {} });
  assert.equal(parse("[]").error, "error-format");
  assert.equal(parse(JSON.stringify({ format: "other", version: 1, answers: {} })).error, "error-format");
  assert.deepEqual(parse(file({ version: 2, answers: {} })), { error: "error-version", values: { version: "2" } });
  assert.equal(parse(file({ answers: [] })).error, "error-format");
  assert.equal(parse(file({ answers: {}, company: 5 })).error, "error-format");
  assert.equal(parse(file({ answers: {}, date: "1 July 2008" })).error, "error-format");
});

test("unknown questions or answers are named in the refusal, three at most", () => {
  assert.deepEqual(parse(file({ answers: { w1: "yes", w2: "maybe" } })), { error: "error-content", values: { detail: 'w2="maybe"' } });
  const many = parse(file({ answers: { a: "yes", b: "yes", c: "yes", d: "yes" } }));
  assert.equal(many.values.detail, 'a="yes", b="yes", c="yes", …');
});

test("the exported file is read back as it was saved", () => {
  const state = { ...emptyState(), answers: { w1: "yes", h1: "partly" }, company: "Acme" };
  const data = exportData("kb-self-assessment", 1, "en", "2008-07-01", state, known);
  assert.deepEqual(parse(JSON.stringify(data)), { answers: state.answers, company: "Acme", date: "2008-07-01" });
});
