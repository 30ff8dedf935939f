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
