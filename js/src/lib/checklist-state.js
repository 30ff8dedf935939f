/* The self-assessment's saved state and files, validated: whatever localStorage or a file holds
   (`[]`, a string, an old or future shape), the result is a valid state or a clear refusal. */

import { ANSWERS } from "./score.js";

export const STATE_VERSION = 1;
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

export function isPlainObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Only known item ids (keys of `known`) with known answers survive; anything else is dropped. */
export function cleanAnswers(raw, known) {
  const out = {};
  if (!isPlainObject(raw)) return out;
  for (const id of Object.keys(raw)) {
    if (has(known, id) && ANSWERS.includes(raw[id])) out[id] = raw[id];
  }
  return out;
}

export function emptyState() {
  return { version: STATE_VERSION, answers: {}, company: "", previous: null };
}

/** The state from what was stored: `data` (the current shape, parsed) or, failing that, `legacy`
    (before 2026: a flat {itemId: answer} map). */
export function stateFrom(data, legacy, known) {
  const state = emptyState();
  if (isPlainObject(data) && data.version === STATE_VERSION) {
    state.answers = cleanAnswers(data.answers, known);
    state.company = typeof data.company === "string" ? data.company.slice(0, 200) : "";
    const prev = data.previous;
    if (isPlainObject(prev) && isPlainObject(prev.answers)) {
      state.previous = {
        file: typeof prev.file === "string" ? prev.file : "",
        date: typeof prev.date === "string" ? prev.date : "",
        answers: cleanAnswers(prev.answers, known),
      };
    }
    return state;
  }
  state.answers = cleanAnswers(legacy, known);
  return state;
}

/** A saved file's text, accepted whole or not at all: {answers, company, date}, or {error: key,
    values} where key names the page's message (error-json, error-format, error-version,
    error-content) and values fill it (besides the file name). */
export function parseImport(text, format, version, known) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "error-json", values: {} };
  }
  if (!isPlainObject(data) || data.format !== format) return { error: "error-format", values: {} };
  if (data.version !== version) return { error: "error-version", values: { version: String(data.version) } };
  if (!isPlainObject(data.answers)) return { error: "error-format", values: {} };
  const bad = Object.keys(data.answers).filter((id) => !has(known, id) || !ANSWERS.includes(data.answers[id]));
  if (bad.length) {
    const detail = bad.slice(0, 3).map((id) => id + "=" + JSON.stringify(data.answers[id])).join(", ");
    return { error: "error-content", values: { detail: detail + (bad.length > 3 ? ", …" : "") } };
  }
  if (
    (data.company !== undefined && typeof data.company !== "string") ||
    (data.date !== undefined && (typeof data.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(data.date)))
  ) {
    return { error: "error-format", values: {} };
  }
  return { answers: cleanAnswers(data.answers, known), company: (data.company || "").slice(0, 200), date: data.date || "" };
}

/** The file the answers are saved to (the page's format and version). */
export function exportData(format, version, lang, date, state, known) {
  return { format, version, lang, date, company: state.company, answers: cleanAnswers(state.answers, known) };
}
