import { test } from "node:test";
import assert from "node:assert/strict";
import { fill, formatDate, isoDate } from "../src/lib/template.js";
import { languageOfPath } from "../src/lib/language.js";
import { asksForSearch, isSearchIndex, isSearchShortcut } from "../src/lib/search.js";

test("placeholders are filled; unknown ones stay; inherited names are not values", () => {
  assert.equal(fill("{yes} of {total}", { yes: 3, total: 5 }), "3 of 5");
  assert.equal(fill("{x} {constructor}", {}), "{x} {constructor}");
  assert.equal(fill(null, {}), "");
});

test("dates in the page's own format", () => {
  const months = "January|February|March|April|May|June|July|August|September|October|November|December".split("|");
  assert.equal(formatDate("2008-07-01", "{day} {month} {year}", months), "1 July 2008");
  assert.equal(formatDate("2008-07-01", "{year} 年 {month} {day} 日", "1 月|2 月|3 月|4 月|5 月|6 月|7 月".split("|")), "2008 年 7 月 1 日");
  assert.equal(formatDate("July 2008", "{day}", months), "July 2008");
  assert.equal(formatDate("", "{day}", months), "");
  assert.equal(isoDate(new Date(2008, 6, 1)), "2008-07-01");
});

test("the 404 page's language is the longest root the address starts with", () => {
  const roots = [{ lang: "en", href: "/kb/" }, { lang: "zh", href: "/kb/zh/" }];
  assert.equal(languageOfPath("/kb/zh/missing/", roots).lang, "zh");
  assert.equal(languageOfPath("/kb/missing/", roots).lang, "en");
  assert.equal(languageOfPath("/other/", roots), null);
});

test("the search index is held back until search is asked for", () => {
  assert.equal(isSearchIndex("https://x.org/kb/search/search_index.json"), true);
  assert.equal(isSearchIndex("../search/search_index.json?v=1"), true);
  assert.equal(isSearchIndex("/search/search_index.json.bak"), false);
  assert.equal(asksForSearch("?q=wages"), true);
  assert.equal(asksForSearch("?group=brands&h=wage"), true);
  assert.equal(asksForSearch("?quick=1"), false);
  assert.equal(isSearchShortcut({ key: "/" }), true);
  assert.equal(isSearchShortcut({ key: "f", ctrlKey: true }), false);
  assert.equal(isSearchShortcut({ key: "x" }), false);
});
