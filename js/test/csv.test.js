import { test } from "node:test";
import assert from "node:assert/strict";
import { csvCell, csvText } from "../src/lib/csv.js";

test("every cell is quoted and quotes are doubled", () => {
  assert.equal(csvCell("a"), '"a"');
  assert.equal(csvCell('say "hi", then go'), '"say ""hi"", then go"');
  assert.equal(csvCell(3), '"3"');
  assert.equal(csvCell(null), '""');
  assert.equal(csvCell(undefined), '""');
});

test("a cell a spreadsheet would run as a formula gets an apostrophe", () => {
  for (const text of ["=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx"]) {
    assert.equal(csvCell(text), '"\'' + text + '"', JSON.stringify(text));
  }
  assert.equal(csvCell("a=b"), '"a=b"');
});

test("the file: UTF-8 byte-order mark, CRLF line ends, Chinese and line breaks kept in cells", () => {
  const text = csvText([["公司", "A"], [], ["步骤", "one\ntwo"]]);
  assert.equal(text, '\ufeff"公司","A"\r\n\r\n"步骤","one\ntwo"\r\n');
  assert.equal(new TextEncoder().encode(text).slice(0, 3).join(","), "239,187,191");
});
