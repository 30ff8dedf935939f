/* The worksheet's questions and their reach (issue 32): a figure that is valid but implausible
   (a monthly wage in the hourly field, an overtime rate typed wrong) is questioned beside its
   field, and every result computed from a questioned or warned figure says so. */

import { tokenize } from "./expression.js";

const FUNCS = new Set(["max", "min"]);

/** The question a figure raises: null when it is plausible (at most `above`), else the values
    the message fills in: {value} and, with a divisor (paid hours a month), {hourly}. */
export function implausible(value, above, divisor) {
  if (!isFinite(value) || above === null || !isFinite(above) || value <= above) return null;
  const out = { value: String(value) };
  if (divisor) out.hourly = (Math.round((value / divisor) * 100) / 100).toFixed(2);
  return out;
}

/** The names a formula uses (its functions left out). */
export function namesIn(formula) {
  const names = new Set();
  for (const tok of tokenize(formula)) if (tok.t === "id" && !FUNCS.has(tok.v)) names.add(tok.v);
  return names;
}

/** For each output (in document order, [{name, formula}]), the inputs it is computed from,
    through the earlier outputs it uses: {outputName: Set of input names}. */
export function inputsOf(outputs, inputNames) {
  const inputs = new Set(inputNames);
  const reach = {};
  outputs.forEach((out, i) => {
    const set = new Set();
    for (const name of namesIn(out.formula)) {
      if (inputs.has(name)) set.add(name);
      else if (reach[name]) for (const n of reach[name]) set.add(n);
    }
    reach[out.name || "#" + i] = set;
  });
  return reach;
}

/** The outputs that use at least one of the `flagged` inputs. */
export function flaggedOutputs(reach, flagged) {
  const wanted = new Set(flagged);
  return Object.keys(reach).filter((name) => [...reach[name]].some((n) => wanted.has(n)));
}
