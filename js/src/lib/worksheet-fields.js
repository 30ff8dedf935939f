/* The worksheet's fields and results, computed from what the reader typed: a field is described once
   from its attributes (fieldSpec), then each figure is read, checked and warned about here, and the
   results are evaluated and formatted. worksheet.js only reads the page and writes these results. */

import { evaluate } from "./expression.js";
import { bound, parseFigure, rangeProblem } from "./numbers.js";
import { fill } from "./template.js";
import { flaggedOutputs, implausible } from "./worksheet-checks.js";

/** A field as its attributes describe it (`attr(name)`: the attribute's text, or null). */
export function fieldSpec(name, attr) {
  return {
    name,
    min: bound(attr("data-min")),
    max: bound(attr("data-max")),
    empty: attr("data-empty") !== null ? parseFloat(attr("data-empty")) : NaN,
    warnBelow: bound(attr("data-warn-below")),
    warnAbove: bound(attr("data-warn-above")),
    warnTotal: attr("data-warn-total") || "",
    warnMsg: attr("data-warn-msg") || "",
    checkAbove: bound(attr("data-check-above")),
    checkDivisor: parseFloat(attr("data-check-divisor") || "0"),
    checkMsg: attr("data-check-msg") || "",
  };
}

/** What the reader typed, as a number: NaN when empty (unless the field has data-empty), not a
    number or out of range. */
export function readFigure(spec, raw, decimalComma) {
  const parsed = parseFigure(raw, decimalComma);
  if (parsed.empty) return spec.empty;
  if (parsed.error) return NaN;
  return rangeProblem(parsed.value, spec.min, spec.max) ? NaN : parsed.value;
}

/** Why a typed figure is invalid ("" when it is valid or empty): the page's message
    (`message(key)`, key number, separator, range, min or max) with its bounds formatted by `show`. */
export function invalidText(spec, raw, decimalComma, message, show) {
  const parsed = parseFigure(raw, decimalComma);
  if (parsed.empty) return "";
  if (parsed.error) return fill(message(parsed.error), {});
  const problem = rangeProblem(parsed.value, spec.min, spec.max);
  if (!problem) return "";
  return fill(message(problem), { min: spec.min === null ? "" : show(spec.min), max: spec.max === null ? "" : show(spec.max) });
}

/** The legal warning for a valid figure ("" when none): below or above the field's limit; with a
    total formula (of the figures `vars`), that total is checked, only for a figure above 0. Advice,
    never an error. */
export function warningText(spec, value, vars) {
  if (!isFinite(value)) return "";
  let checked = value;
  if (spec.warnTotal) {
    if (value <= 0) return "";
    try {
      checked = evaluate(spec.warnTotal, vars);
    } catch {
      return "";
    }
    if (!isFinite(checked)) return "";
  }
  const low = spec.warnBelow !== null && checked < spec.warnBelow;
  const high = spec.warnAbove !== null && checked > spec.warnAbove;
  return low || high ? spec.warnMsg : "";
}

/** The plausibility question for a figure ("" when it is plausible). */
export function questionText(spec, value) {
  const values = implausible(value, spec.checkAbove, spec.checkDivisor);
  return values ? fill(spec.checkMsg, values) : "";
}

/** The advice beside a field: its warning and its question, in that order. */
export function adviceText(spec, value, vars) {
  return [warningText(spec, value, vars), questionText(spec, value)].filter(Boolean).join(" ");
}

/** The results' notes: fields = [{name, error, advice}] in page order; each field with an error
    (which wins) or advice gives a note {name, text}, and `flagged` lists the outputs computed from
    those fields (reach: lib/worksheet-checks.js inputsOf). */
export function resultNotes(fields, reach) {
  const notes = fields.filter((f) => f.error || f.advice).map((f) => ({ name: f.name, text: f.error || f.advice }));
  return { notes, flagged: flaggedOutputs(reach, notes.map((n) => n.name)) };
}

/** Every output's value, in page order (outputs = [{name, formula}]): a formula may use the inputs'
    figures (`vars`, not changed) and the earlier outputs; a formula that does not parse is NaN. */
export function evaluateOutputs(outputs, vars) {
  const known = Object.assign({}, vars);
  return outputs.map((out) => {
    let value;
    try {
      value = evaluate(out.formula, known);
    } catch {
      value = NaN;
    }
    if (out.name) known[out.name] = value;
    return value;
  });
}

/** A number formatter for the page's language with at most `decimals` decimals; null where the
    browser has no Intl. */
export function formatter(lang, decimals) {
  const opts = { maximumFractionDigits: decimals, minimumFractionDigits: 0 };
  for (const locale of [lang || undefined, undefined]) {
    try {
      return new Intl.NumberFormat(locale, opts);
    } catch {
      /* an unknown language: the browser's own */
    }
  }
  return null;
}

/** A result as shown: `empty` when it is not a number, else formatted with `decimals` (a page's
    data-decimals; 0 when not a number). */
export function resultText(value, decimals, lang, empty) {
  if (!isFinite(value)) return empty;
  const places = isNaN(decimals) ? 0 : decimals;
  const f = formatter(lang, places);
  return f ? f.format(value) : value.toFixed(places);
}

/** The saved figures that may be restored: for each field name, a saved string of at most 40
    characters; anything else in `saved` (damaged, another shape) is ignored. */
export function restorable(saved, names) {
  const out = {};
  if (!saved || typeof saved !== "object" || Array.isArray(saved)) return out;
  for (const name of names) {
    const v = Object.prototype.hasOwnProperty.call(saved, name) ? saved[name] : undefined;
    if (typeof v === "string" && v.length <= 40) out[name] = v;
  }
  return out;
}
