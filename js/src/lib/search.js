/* When the deferred search index (search-defer.js) may load. */

const INDEX = /\/search\/search_index\.json(?:[?#]|$)/;

/** Whether a requested URL is Material's search index. */
export function isSearchIndex(url) {
  return INDEX.test(url);
}

/** Whether the address's query asks for a search (?q= or ?h=, Material's search and highlight). */
export function asksForSearch(search) {
  return /[?&](q|h)=/.test(search);
}

/** Whether a key event is one of Material's search shortcuts (f, s, / without a modifier). */
export function isSearchShortcut(e) {
  return !e.ctrlKey && !e.metaKey && !e.altKey && /^[fs/]$/.test(e.key);
}
