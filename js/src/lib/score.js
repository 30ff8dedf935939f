/* The self-assessment's scoring, shared by the form (checklist.js) and its chart (checklist-chart.js). */

export const ANSWERS = ["yes", "partly", "no", "na"];

/** Counts of the answers to the questions `ids` (answers: {itemId: "yes"|"partly"|"no"|"na"}).
    score: yes counts 1, partly ½, no 0, over the questions answered other than "not applicable";
    null when there are none. */
export function countAnswers(answers, ids) {
  const c = { total: ids.length, answered: 0, yes: 0, partly: 0, no: 0, na: 0 };
  for (const id of ids) {
    const a = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined;
    if (ANSWERS.includes(a)) {
      c[a] += 1;
      c.answered += 1;
    }
  }
  c.open = c.total - c.answered;
  const scored = c.yes + c.partly + c.no;
  c.score = scored ? Math.round((100 * (c.yes + 0.5 * c.partly)) / scored) : null;
  return c;
}

/** Widths of a bar's segments (yes, partly, no, na, open) that share `width` in proportion to the counts. */
export function segments(c, x, width) {
  const out = [];
  for (const a of [...ANSWERS, "open"]) {
    const w = c.total ? (width * c[a]) / c.total : 0;
    out.push({ answer: a, x, width: w });
    x += w;
  }
  return out;
}
