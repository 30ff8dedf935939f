import { test } from "node:test";
import assert from "node:assert/strict";
import { FIELDS, matches, readFilter, writeFilter } from "../src/lib/filter-state.js";

const options = { group: ["", "brands", "suppliers"], role: ["", "lead", "partner"], area: ["", "wages"], priority: ["", "high"], timeframe: ["", "short"] };
const allowed = (name, value) => options[name].includes(value);
const row = (attrs) => (name) => (name in attrs ? attrs[name] : null);

test("the address's query sets the filter; unknown values and fields are ignored", () => {
  const want = readFilter("?group=brands&role=lead&area=nonsense&x=1", allowed);
  assert.deepEqual(want, { group: "brands", role: "lead", area: "", priority: "", timeframe: "" });
  assert.deepEqual(Object.keys(want), FIELDS);
  assert.deepEqual(readFilter("", allowed), { group: "", role: "", area: "", priority: "", timeframe: "" });
});

test("the filter goes into the query, keeping other parameters and dropping empty fields", () => {
  assert.equal(writeFilter("?q=wage&area=wages", { group: "brands", role: "", area: "", priority: "high", timeframe: "" }), "?q=wage&group=brands&priority=high");
  assert.equal(writeFilter("?area=wages", { group: "", role: "", area: "", priority: "", timeframe: "" }), "");
});

test("the query round-trips: what is written is read back", () => {
  const want = { group: "suppliers", role: "partner", area: "wages", priority: "high", timeframe: "short" };
  assert.deepEqual(readFilter(writeFilter("", want), allowed), want);
});

test("a group matches as leader, partner or either", () => {
  const r = row({ "data-groups": "brands suppliers", "data-owners": "brands", "data-partners": "suppliers" });
  assert.equal(matches(r, { group: "suppliers", role: "" }), true);
  assert.equal(matches(r, { group: "suppliers", role: "lead" }), false);
  assert.equal(matches(r, { group: "suppliers", role: "partner" }), true);
  assert.equal(matches(r, { group: "brands", role: "lead" }), true);
  assert.equal(matches(r, { group: "brand", role: "" }), false); // whole words only
  assert.equal(matches(row({}), { group: "brands", role: "" }), false);
});

test("area, priority and timeframe match exactly; empty fields match everything", () => {
  const r = row({ "data-groups": "brands", "data-area": "wages", "data-priority": "high", "data-timeframe": "short" });
  assert.equal(matches(r, {}), true);
  assert.equal(matches(r, { area: "wages", priority: "high", timeframe: "short" }), true);
  assert.equal(matches(r, { area: "wages", priority: "low" }), false);
  assert.equal(matches(r, { timeframe: "shor" }), false);
});
