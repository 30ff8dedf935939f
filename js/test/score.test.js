import { test } from "node:test";
import assert from "node:assert/strict";
import { countAnswers, segments } from "../src/lib/score.js";

test("yes counts 1, partly a half, no 0; not applicable is left out of the score", () => {
  const c = countAnswers({ a: "yes", b: "partly", c: "no", d: "na" }, ["a", "b", "c", "d", "e"]);
  assert.deepEqual(c, { total: 5, answered: 4, yes: 1, partly: 1, no: 1, na: 1, open: 1, score: 50 });
});

test("the score is rounded to a whole percent", () => {
  assert.equal(countAnswers({ a: "yes", b: "no", c: "no" }, ["a", "b", "c"]).score, 33);
  assert.equal(countAnswers({ a: "yes", b: "yes", c: "partly" }, ["a", "b", "c"]).score, 83);
});

test("no score without a scored answer (nothing answered, or only not applicable)", () => {
  assert.equal(countAnswers({}, ["a", "b"]).score, null);
  assert.equal(countAnswers({ a: "na", b: "na" }, ["a", "b"]).score, null);
  assert.equal(countAnswers({}, []).score, null);
});

test("only the questions asked for are counted, and unknown answers are open", () => {
  const c = countAnswers({ a: "yes", b: "maybe", other: "no", toString: "yes" }, ["a", "b"]);
  assert.equal(c.yes, 1);
  assert.equal(c.no, 0);
  assert.equal(c.open, 1);
  assert.equal(c.total, 2);
});

test("bar segments share the width in proportion and follow each other", () => {
  const c = countAnswers({ a: "yes", b: "yes", c: "no" }, ["a", "b", "c", "d"]);
  const s = segments(c, 10, 200);
  assert.deepEqual(s.map((x) => x.answer), ["yes", "partly", "no", "na", "open"]);
  assert.deepEqual(s.map((x) => x.width), [100, 0, 50, 0, 50]);
  assert.deepEqual(s.map((x) => x.x), [10, 110, 110, 160, 160]);
});

test("a section without questions draws empty segments", () => {
  assert.ok(segments(countAnswers({}, []), 0, 100).every((s) => s.width === 0));
});
