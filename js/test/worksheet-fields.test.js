import { test } from "node:test";
import assert from "node:assert/strict";
import {
  adviceText,
  evaluateOutputs,
  fieldSpec,
  invalidText,
  readFigure,
  restorable,
  resultNotes,
  resultText,
  warningText,
} from "../src/lib/worksheet-fields.js";
import { inputsOf } from "../src/lib/worksheet-checks.js";

const spec = (attrs) => fieldSpec("f", (name) => (name in attrs ? attrs[name] : null));
const MESSAGES = { number: "Not a number", separator: "One separator", range: "From {min} to {max}", min: "At least {min}", max: "At most {max}" };
const message = (key) => MESSAGES[key];
const show = (n) => String(n);

test("a field's attributes: bounds, empty value and advice", () => {
  const s = spec({ "data-min": "0", "data-max": "100", "data-empty": "0", "data-warn-below": "14.48", "data-warn-msg": "Below the minimum wage" });
  assert.equal(s.min, 0);
  assert.equal(s.max, 100);
  assert.equal(s.empty, 0);
  assert.equal(s.warnBelow, 14.48);
  assert.equal(s.warnAbove, null);
  assert.ok(Number.isNaN(spec({}).empty));
});

test("figures are read, and refused when invalid or out of range", () => {
  const pct = spec({ "data-min": "0", "data-max": "100" });
  assert.equal(readFigure(pct, "1,5", true), 1.5);
  assert.ok(Number.isNaN(readFigure(pct, "1,5", false)));
  assert.ok(Number.isNaN(readFigure(pct, "500 %", true)));
  assert.ok(Number.isNaN(readFigure(pct, "", true)));
  assert.equal(readFigure(spec({ "data-empty": "0" }), "", true), 0);
  assert.equal(invalidText(pct, "500 %", true, message, show), "From 0 to 100");
  assert.equal(invalidText(spec({ "data-min": "1" }), "0", true, message, show), "At least 1");
  assert.equal(invalidText(pct, "abc", true, message, show), "Not a number");
  assert.equal(invalidText(pct, "1,200", true, message, show), "One separator");
  assert.equal(invalidText(pct, "50", true, message, show), "");
  assert.equal(invalidText(pct, "", true, message, show), "");
});

test("legal warnings: the field's figure, or a total only for a figure above 0", () => {
  const wage = spec({ "data-warn-below": "14.48", "data-warn-msg": "Below the minimum" });
  assert.equal(warningText(wage, 12, {}), "Below the minimum");
  assert.equal(warningText(wage, 20, {}), "");
  assert.equal(warningText(wage, NaN, {}), "");
  const overtime = spec({ "data-warn-above": "36", "data-warn-total": "weekday + rest", "data-warn-msg": "Over 36 hours" });
  assert.equal(warningText(overtime, 20, { weekday: 20, rest: 20 }), "Over 36 hours");
  assert.equal(warningText(overtime, 20, { weekday: 20, rest: 10 }), "");
  assert.equal(warningText(overtime, 0, { weekday: 0, rest: 40 }), "");
  assert.equal(warningText(overtime, 20, { weekday: 20, rest: NaN }), "");
});

test("advice joins the warning and the plausibility question", () => {
  const wage = spec({ "data-warn-below": "14.48", "data-warn-msg": "Below the minimum.", "data-check-above": "200", "data-check-divisor": "174", "data-check-msg": "{value} a month is {hourly} an hour?" });
  assert.equal(adviceText(wage, 3000, {}), "3000 a month is 17.24 an hour?");
  assert.equal(adviceText(wage, 10, {}), "Below the minimum.");
  assert.equal(adviceText(wage, 20, {}), "");
});

test("results: later formulas use earlier outputs; the notes flag what they reach", () => {
  const outputs = [
    { name: "cost", formula: "days * staff * rate" },
    { name: "total", formula: "cost + max(extra, 0)" },
    { name: "", formula: "(" },
  ];
  const vars = { days: 1.5, staff: 4, rate: 300, extra: -5 };
  const values = evaluateOutputs(outputs, vars);
  assert.deepEqual(values.slice(0, 2), [1800, 1800]);
  assert.ok(Number.isNaN(values[2]));
  assert.equal(vars.cost, undefined);
  const reach = inputsOf(outputs, ["days", "staff", "rate", "extra"]);
  const { notes, flagged } = resultNotes(
    [
      { name: "days", error: "", advice: "" },
      { name: "extra", error: "Not a number", advice: "Too high" },
    ],
    reach,
  );
  assert.deepEqual(notes, [{ name: "extra", text: "Not a number" }]);
  assert.deepEqual(flagged, ["total"]);
});

test("results are shown in the page's language, or as a dash", () => {
  assert.equal(resultText(1234.567, 1, "en", "—"), "1,234.6");
  assert.equal(resultText(1234.567, NaN, "en", "—"), "1,235");
  assert.equal(resultText(NaN, 0, "en", "—"), "—");
  assert.equal(resultText(Infinity, 0, "zh", "—"), "—");
  assert.equal(resultText(0.5, 2, "not a language!", "—"), (0.5).toLocaleString(undefined, { maximumFractionDigits: 2 }));
});

test("only short saved strings of known fields are restored", () => {
  assert.deepEqual(restorable({ a: "1", b: 2, c: "x".repeat(41), z: "9" }, ["a", "b", "c"]), { a: "1" });
  for (const saved of [null, [], "a", 3]) assert.deepEqual(restorable(saved, ["a"]), {});
});
