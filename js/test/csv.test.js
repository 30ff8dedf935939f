import { test } from "node:test";
import assert from "node:assert/strict";
import { csvCell, csvText, resultRows } from "../src/lib/csv.js";

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

test("the self-assessment's result: scores by area and overall, then each question", () => {
  const c = (yes, no, open) => ({ yes, partly: 0, no, na: 0, open, score: yes + no ? Math.round((100 * yes) / (yes + no)) : null });
  const report = {
    company: "Acme",
    date: "1 July 2008",
    areas: [{ name: "Wages", counts: c(1, 1, 0) }, { name: "Hours", counts: c(0, 0, 1) }],
    all: c(1, 1, 1),
    questions: [
      { area: "Wages", question: "Paid on time?", answer: "Yes", steps: [] },
      { area: "Wages", question: "Overtime premium?", answer: "No", steps: ["Check payslips", "=Train"] },
      { area: "Hours", question: "Rest day?", answer: "Not answered", steps: [] },
    ],
  };
  const rows = resultRows(report, (k) => k.toUpperCase(), (x) => (x.score === null ? "–" : x.score + "%"));
  assert.deepEqual(rows.slice(0, 4), [["COMPANY", "Acme"], ["DATE", "1 July 2008"], [], ["AREA", "YES", "PARTLY", "NO", "NA", "OPEN", "SCORE"]]);
  assert.deepEqual(rows[4], ["Wages", 1, 0, 1, 0, 0, "50%"]);
  assert.deepEqual(rows[5], ["Hours", 0, 0, 0, 0, 1, "–"]);
  assert.deepEqual(rows[6], ["ALL", 1, 0, 1, 0, 1, "50%"]);
  assert.deepEqual(rows[8], ["AREA", "QUESTION", "ANSWER", "STEPS"]);
  assert.deepEqual(rows[10], ["Wages", "Overtime premium?", "No", "Check payslips\n=Train"]);
  assert.equal(rows.length, 12);
  assert.ok(csvText(rows).includes('"Check payslips\n=Train"')); // a formula guard applies to a cell's start only
});
