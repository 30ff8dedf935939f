import { test } from "node:test";
import assert from "node:assert/strict";
import { forget, readJSON, usableStorage, writeJSON } from "../src/lib/storage.js";

function memory() {
  const items = new Map();
  return {
    items,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k),
  };
}
const refusing = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("quota"); }, removeItem: () => { throw new Error("denied"); } };

test("a store that can be written to is used, and its probe removed", () => {
  const store = memory();
  assert.equal(usableStorage(() => store, "k"), store);
  assert.equal(store.items.size, 0);
  assert.equal(usableStorage(() => refusing, "k"), null);
  assert.equal(usableStorage(() => { throw new Error("SecurityError"); }, "k"), null);
});

test("JSON is read back; damaged, absent or refused values are null", () => {
  const store = memory();
  assert.equal(writeJSON(store, "k", { a: 1 }, ["old"]), true);
  assert.deepEqual(readJSON(store, "k"), { a: 1 });
  store.setItem("bad", "{not json");
  assert.equal(readJSON(store, "bad"), null);
  assert.equal(readJSON(store, "absent"), null);
  assert.equal(readJSON(null, "k"), null);
  assert.equal(readJSON(refusing, "k"), null);
});

test("writing removes the obsolete keys; forgetting removes keys; a refusing store is ignored", () => {
  const store = memory();
  store.setItem("old", "1");
  writeJSON(store, "k", [1], ["old"]);
  assert.equal(store.getItem("old"), null);
  assert.equal(writeJSON(refusing, "k", 1), false);
  assert.equal(writeJSON(null, "k", 1), false);
  forget(store, ["k"]);
  assert.equal(store.getItem("k"), null);
  assert.doesNotThrow(() => forget(refusing, ["k"]));
});
