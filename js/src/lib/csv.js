/* CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads Chinese), CRLF line ends,
   every cell quoted; a cell a spreadsheet would take for a formula (= + - @, tab, CR) gets an apostrophe. */

/** One cell, quoted; null and undefined are empty. */
export function csvCell(value) {
  let text = String(value === null || value === undefined ? "" : value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return '"' + text.replace(/"/g, '""') + '"';
}

/** Rows (arrays of cells) as a CSV file's text. */
export function csvText(rows) {
  return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const COUNTS = ["yes", "partly", "no", "na", "open"];

/** The self-assessment's result as rows: company and date, the scores by area and for all areas,
    then every question with its answer and next steps. `col(key)` gives a column label, `score(c)`
    a score's text; report = {company, date, areas: [{name, counts}], all, questions: [{area,
    question, answer, steps}]}. */
export function resultRows(report, col, score) {
  const rows = [[col("company"), report.company], [col("date"), report.date], []];
  rows.push([col("area"), ...COUNTS.map(col), col("score")]);
  for (const area of report.areas) rows.push([area.name, ...COUNTS.map((k) => area.counts[k]), score(area.counts)]);
  rows.push([col("all"), ...COUNTS.map((k) => report.all[k]), score(report.all)]);
  rows.push([]);
  rows.push([col("area"), col("question"), col("answer"), col("steps")]);
  for (const q of report.questions) rows.push([q.area, q.question, q.answer, q.steps.join("\n")]);
  return rows;
}
