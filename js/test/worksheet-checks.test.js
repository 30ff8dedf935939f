import { test } from "node:test";
import assert from "node:assert/strict";
import { flaggedOutputs, implausible, inputsOf, namesIn } from "../src/lib/worksheet-checks.js";

test("a figure above its bound is questioned, with the hourly figure a monthly wage would give", () => {
  assert.equal(implausible(15, 145, 174), null);
  assert.equal(implausible(145, 145, 174), null); // the bound itself is plausible
  assert.deepEqual(implausible(2000, 145, 174), { value: "2000", hourly: "11.49" });
  assert.deepEqual(implausible(1500, 300, 0), { value: "1500" });
  assert.equal(implausible(NaN, 145, 174), null); // an invalid figure has its own message
  assert.equal(implausible(5000, null, 174), null); // no bound: nothing to question
});

test("a formula's names, without its functions", () => {
  assert.deepEqual([...namesIn("max(0, ot_workday + ot_restday - 36)")], ["ot_workday", "ot_restday"]);
  assert.deepEqual([...namesIn("leavers * hire_cost")], ["leavers", "hire_cost"]);
});

const OUTPUTS = [
  { name: "leavers", formula: "workers * turnover / 100 * 12" },
  { name: "turnover_cost", formula: "leavers * hire_cost" },
  { name: "ot_premium", formula: "workers * wage_hour * (ot_workday * (rate_workday - 100)) / 100" },
  { name: "audit_cost", formula: "audit_days * staff_day_cost" },
  { name: "save_ot", formula: "ot_premium * reduction / 100" },
  { name: "save_total", formula: "turnover_cost * reduction / 100 + save_ot + audit_cost" },
];
const INPUTS = ["workers", "turnover", "hire_cost", "wage_hour", "ot_workday", "rate_workday", "audit_days", "staff_day_cost", "reduction"];

test("each result reaches the inputs of the results it uses", () => {
  const reach = inputsOf(OUTPUTS, INPUTS);
  assert.deepEqual([...reach.turnover_cost].sort(), ["hire_cost", "turnover", "workers"]);
  assert.ok(reach.save_total.has("rate_workday")); // through save_ot and ot_premium
  assert.ok(!reach.audit_cost.has("rate_workday"));
});

test("a below-legal overtime rate flags the premium and every saving computed from it", () => {
  const reach = inputsOf(OUTPUTS, INPUTS);
  assert.deepEqual(flaggedOutputs(reach, ["rate_workday"]), ["ot_premium", "save_ot", "save_total"]);
  assert.deepEqual(flaggedOutputs(reach, []), []);
  assert.deepEqual(flaggedOutputs(reach, ["audit_days"]), ["audit_cost", "save_total"]);
});
