/* What the self-assessment shows, computed from its state: the page's texts (`attr(name)`, its
   data-* attributes), the counts per area, the score cells and bars, the comparison with an
   earlier file, the CSV's report and what an opened file does. checklist.js only reads the page
   and writes these results into it. */

import { countAnswers } from "./score.js";
import { needsSteps } from "./checklist-plan.js";
import { fill, formatDate } from "./template.js";

/** The page's texts: `attr(name)` gives a data-* attribute ("" when absent). */
export function pageTexts(attr) {
  const months = attr("months").split("|");
  const t = {
    attr,
    msg: (name, values) => fill(attr("msg-" + name), values || {}),
    date: (iso) => formatDate(iso, attr("date"), months),
    answer: (a) => attr("answer-" + a),
    column: (key) => attr("col-" + key),
    score: (c) => (c.score === null ? attr("msg-score-none") : t.msg("score-value", { score: c.score })),
    summary: (c) => fill(attr("template"), c),
  };
  return t;
}

/** The questions in page order and the area of each: sections = [{id, items: [itemId]}]. Returns
    counts(answers, sectionId): the answers' counts for one area, or for all with sectionId "". */
export function counter(sections) {
  const order = [];
  const sectionOf = {};
  for (const section of sections) {
    for (const id of section.items) {
      order.push(id);
      sectionOf[id] = section.id;
    }
  }
  const idsOf = (sectionId) => order.filter((id) => sectionId === "" || sectionOf[id] === sectionId);
  return { order, counts: (answers, sectionId) => countAnswers(answers, idsOf(sectionId)) };
}

/** The detail of the `kb:checklist-change` event: {sections: {id: {yes, partly, no, na, total}}}. */
export function changeDetail(answers, sectionIds, counts) {
  const sections = {};
  for (const id of sectionIds) {
    const c = counts(answers, id);
    sections[id] = { yes: c.yes, partly: c.partly, no: c.no, na: c.na, total: c.total };
  }
  return { sections };
}

/** The label of the earlier file's scores ("" without one): its date, or its name when undated. */
export function previousLabel(previous, t) {
  if (!previous) return "";
  return t.msg("previous-col", { date: previous.date ? t.date(previous.date) : previous.file });
}

/** The text of one cell of the scores table (td[data-count=key]) for an area's counts `c`;
    `previous` is that area's counts in the earlier file, or null. */
export function cellText(key, c, previous, t) {
  if (key === "score") return t.score(c);
  if (key === "previous") return previous ? t.score(previous) : "";
  return String(c[key]);
}

/** One area's bar: its width in percent, whether it has no score, and its texts. */
export function bar(c, previous, label, t) {
  const gaps = c.no + c.partly;
  return {
    width: (c.score === null ? 0 : c.score) + "%",
    none: c.score === null,
    score: t.score(c),
    gaps: gaps ? t.msg("gaps", { count: gaps }) : "",
    previous: previous ? label + " " + t.score(previous) : "",
  };
}

/** The note that the scores are compared with an earlier file ("" without one). */
export function comparedText(previous, t) {
  return previous ? t.msg("compare-ok", { file: previous.file, date: t.date(previous.date) }) : "";
}

/** The report lib/csv.js resultRows() writes: areas = [{id, name}], questions (in page order) =
    [{id, area, question, steps: [text]}]; a question's steps are listed only when its answer
    needs them, and an unanswered question says so. */
export function csvReport(state, areas, questions, counts, t, today) {
  return {
    company: state.company,
    date: t.date(today),
    areas: areas.map((area) => ({ name: area.name, counts: counts(state.answers, area.id) })),
    all: counts(state.answers, ""),
    questions: questions.map((q) => {
      const a = state.answers[q.id];
      return {
        area: q.area,
        question: q.question,
        answer: a ? t.answer(a) : t.column("open"),
        steps: needsSteps(a) ? q.steps : [],
      };
    }),
  };
}

/** The name of a downloaded file: self-assessment-<date>.<extension>. */
export function fileName(date, extension) {
  return "self-assessment-" + date + "." + extension;
}

/** What an opened file does (result: lib/checklist-state.js parseImport's), accepted whole or not
    at all. mode "compare": {previous, message}; "import": {answers, company, message, confirm},
    confirm being the question to ask before replacing answers (null when there are none); a
    refused file: {error}. */
export function importOutcome(result, mode, file, hasAnswers, t) {
  if (result.error) return { error: t.msg(result.error, Object.assign({ file }, result.values)) };
  const message = t.msg(mode === "compare" ? "compare-ok" : "import-ok", { file, date: t.date(result.date) });
  if (mode === "compare") return { previous: { file, date: result.date, answers: result.answers }, message };
  return {
    answers: result.answers,
    company: result.company,
    message,
    confirm: hasAnswers ? t.msg("confirm-replace", { file }) : null,
  };
}
