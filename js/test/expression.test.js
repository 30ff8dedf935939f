import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate } from "../src/lib/expression.js";

test("arithmetic with precedence, parentheses and unary minus", () => {
  assert.equal(evaluate("1 + 2 * 3", {}), 7);
  assert.equal(evaluate("(1 + 2) * 3", {}), 9);
  assert.equal(evaluate("10 - 4 - 3", {}), 3);
  assert.equal(evaluate("8 / 4 / 2", {}), 1);
  assert.equal(evaluate("-2 * -3", {}), 6);
  assert.equal(evaluate(".5 * 4", {}), 2);
});

test("names come from the variables; an unknown name is NaN", () => {
  assert.equal(evaluate("wage * hours / 100", { wage: 2360, hours: 50 }), 1180);
  assert.ok(Number.isNaN(evaluate("wage + bonus", { wage: 1 })));
  assert.ok(Number.isNaN(evaluate("toString", {})));
});

test("max() and min() with any number of arguments", () => {
  assert.equal(evaluate("max(a, b, 3)", { a: 1, b: 2 }), 3);
  assert.equal(evaluate("min(a - 5, 0)", { a: 1 }), -4);
  assert.equal(evaluate("max(0, min(10, 20)) + 1", {}), 11);
});

test("anything else is a syntax error, never code", () => {
  for (const src of ["1 +", "(1", "1 2", "alert(1)", "a[0]", "1 ** 2", "", "constructor(1)"]) {
    assert.throws(() => evaluate(src, { a: [1] }), /syntax/, src);
  }
});
