import { test } from "node:test";
import assert from "node:assert/strict";
import { needsSteps, planIds } from "../src/lib/checklist-plan.js";
import { countAnswers } from "../src/lib/score.js";
import { fill } from "../src/lib/template.js";

test("only no and partly need next steps", () => {
  assert.deepEqual(["yes", "partly", "no", "na", undefined, "maybe"].map(needsSteps), [false, true, true, false, false, false]);
});

test("the plan follows the questions' order, not the order of answering", () => {
  const answers = { c: "no", a: "partly", b: "yes", d: "na" };
  assert.deepEqual(planIds(["a", "b", "c", "d", "e"], answers), ["a", "c"]);
  assert.deepEqual(planIds(["a"], { toString: "no" }), []); // inherited names are not answers
});

test("the bar's count: answered questions of all, whatever the answer", () => {
  const c = countAnswers({ a: "yes", b: "na", c: "no" }, ["a", "b", "c", "d"]);
  assert.equal(fill("{answered} of {total} questions answered", c), "3 of 4 questions answered");
  assert.equal(fill("已答 {answered} 题，共 {total} 题", c), "已答 3 题，共 4 题");
});
