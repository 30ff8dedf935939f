/* localStorage, where the browser allows it: every access may throw (disabled, private mode, a full
   quota, file:// in some browsers), so each is guarded here and the page works without it. */

/** The store `get()` returns when it can be written to (probed with `key`-probe), else null. */
export function usableStorage(get, key) {
  try {
    const store = get();
    store.setItem(key + "-probe", "1");
    store.removeItem(key + "-probe");
    return store;
  } catch {
    return null;
  }
}

/** The value stored as JSON under `key`; null when absent, damaged or unreadable. */
export function readJSON(store, key) {
  if (!store) return null;
  try {
    return JSON.parse(store.getItem(key) || "null");
  } catch {
    return null;
  }
}

/** Stores `value` as JSON under `key`, then removes the `obsolete` keys; false when it cannot. */
export function writeJSON(store, key, value, obsolete) {
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify(value));
    for (const old of obsolete || []) store.removeItem(old);
    return true;
  } catch {
    return false; // quota or disabled: what was typed stays on the page
  }
}

/** Removes the keys, ignoring a store that refuses. */
export function forget(store, keys) {
  if (!store) return;
  try {
    for (const key of keys) store.removeItem(key);
  } catch {
    /* nothing stored, nothing to forget */
  }
}
