import { test } from "node:test";
import assert from "node:assert/strict";
import { allowsDecimalComma, bound, halfWidth, parseFigure, rangeProblem } from "../src/lib/numbers.js";

const en = (raw) => parseFigure(raw, allowsDecimalComma("en"));
const zh = (raw) => parseFigure(raw, allowsDecimalComma("zh"));

test("only Chinese pages refuse the decimal comma", () => {
  assert.equal(allowsDecimalComma("en"), true);
  assert.equal(allowsDecimalComma(""), true);
  assert.equal(allowsDecimalComma("zh"), false);
  assert.equal(allowsDecimalComma("zh-CN"), false);
  assert.equal(allowsDecimalComma("ZH-Hans"), false);
});

test("a point or (on English pages) a comma is the decimal separator", () => {
  assert.deepEqual(en("1.5"), { value: 1.5 });
  assert.deepEqual(en("1,5"), { value: 1.5 });
  assert.deepEqual(en(".5"), { value: 0.5 });
  assert.deepEqual(en("12."), { value: 12 });
  assert.deepEqual(zh("1.5"), { value: 1.5 });
});

test("a comma on a Chinese page is refused as a separator, not read as a decimal", () => {
  assert.deepEqual(zh("1,5"), { error: "separator" });
  assert.deepEqual(zh("2,360"), { error: "separator" });
  assert.deepEqual(zh("2，360"), { error: "separator" }); // full-width comma
});

test("a figure that may hold a thousands separator, or two separators, is refused", () => {
  assert.deepEqual(en("1,200"), { error: "separator" });
  assert.deepEqual(en("-1,200"), { error: "separator" });
  assert.deepEqual(en("1.200,50"), { error: "separator" });
  assert.deepEqual(en("1.2.3"), { error: "separator" });
  assert.deepEqual(en("1,2000"), { value: 1.2 }); // four digits after the comma: a decimal
});

test("full-width digits, signs and percent, typographic minus and spaces are read", () => {
  assert.equal(halfWidth("１２３．５％"), "123.5%");
  assert.deepEqual(zh("２３６０"), { value: 2360 });
  assert.deepEqual(en("\u2212 5"), { value: -5 });
  assert.deepEqual(en("12 %"), { value: 12 });
  assert.deepEqual(en("2\u00a0360"), { value: 2360 });
  assert.deepEqual(en("+3"), { value: 3 });
});

test("empty input is empty; words and signs alone are not numbers", () => {
  assert.deepEqual(en(""), { empty: true });
  assert.deepEqual(en("  "), { empty: true });
  assert.deepEqual(en("%"), { empty: true });
  assert.deepEqual(en("abc"), { error: "number" });
  assert.deepEqual(en("-"), { error: "number" });
  assert.deepEqual(en("1e5"), { error: "number" });
  assert.deepEqual(en("Infinity"), { error: "number" });
});

test("bounds from attributes: numbers or null", () => {
  assert.equal(bound("0"), 0);
  assert.equal(bound("36"), 36);
  assert.equal(bound(""), null);
  assert.equal(bound(null), null);
  assert.equal(bound("x"), null);
});

test("range messages: range with both bounds, else min or max", () => {
  assert.equal(rangeProblem(5, 0, 10), "");
  assert.equal(rangeProblem(0, 0, 10), ""); // inclusive
  assert.equal(rangeProblem(-1, 0, 10), "range");
  assert.equal(rangeProblem(11, 0, 10), "range");
  assert.equal(rangeProblem(-1, 0, null), "min");
  assert.equal(rangeProblem(11, null, 10), "max");
  assert.equal(rangeProblem(1e9, null, null), "");
});
