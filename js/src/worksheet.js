/* Cost-benefit worksheet: progressive enhancement, no dependencies.
   Contract (markup written in each language's page):
   - form[data-kb-worksheet] (give it an id: it keys the saved figures), with the messages for
     invalid figures as data-msg-number, data-msg-range, data-msg-min, data-msg-max and
     data-msg-separator (from the label tables, with {min} and {max} placeholders);
   - input[type=text][inputmode=decimal][name]: each name is a variable; data-min / data-max set the
     valid range (inclusive); data-empty="0" lets an empty field count as 0;
   - output[name][data-formula]: evaluated in document order; a formula may use input names and the
     names of earlier outputs, numbers, + - * / ( ) and the functions max() and min();
     data-decimals sets the number of decimals shown (default 0);
   - .kb-ws-note (optional) labels the page's example values; it is hidden once the reader changes them;
   - button[data-action=print] prints; button[data-action=clear] asks first: it shows .kb-ws-confirm
     (hidden in the page), whose button[data-action=clear-yes] empties every field and
     button[data-action=clear-no] keeps them; button[type=reset] restores the values written in the page.
   - legal warnings (optional, on an input): data-warn-below or data-warn-above (the legal limit) and
     data-warn-msg (the text, rendered from data); data-warn-total (a formula of input names) checks
     that total instead of the field's own figure, shown only on fields with a figure above 0. A
     warning is shown next to the field (.kb-ws-warn) and never blocks: results still use the figure.
   - plausibility questions (optional, on an input): data-check-above (a bound) and data-check-msg (the
     text, with {value} and, given data-check-divisor, {hourly} filled in here), shown next to the field.
   - the results (.kb-ws-results) repeat every warning, question and error of a figure they use: in
     .kb-ws-result-warnings (hidden, with a heading, an empty ul and the language's colon as
     data-colon), one item per figure linking to its field; and each result row computed from such a figure is marked (tr.kb-ws-flagged).
   Figures may use a point or a comma as the decimal separator (on Chinese pages only the point: a
   comma there is a thousands separator or a slip), full-width digits and a trailing %.
   A figure that is not a number, or out of its range, is marked invalid (aria-invalid, a message
   tied to it with aria-describedby in a live region) and no result that depends on it is shown.
   Numbers are formatted for the page language (document.documentElement.lang).
   No language strings here: every text comes from the page. The logic is in lib/ (unit-tested in
   js/test/); this file is the DOM glue. */

import { evaluate } from "./lib/expression.js";
import { allowsDecimalComma, bound as parseBound, parseFigure, rangeProblem } from "./lib/numbers.js";
import { fill } from "./lib/template.js";
import { flaggedOutputs, implausible, inputsOf } from "./lib/worksheet-checks.js";

const DECIMAL_COMMA = allowsDecimalComma(document.documentElement.lang);
const each = (list, fn) => Array.prototype.forEach.call(list, fn);
const bound = (input, attr) => parseBound(input.getAttribute(attr));
const parse = (input) => parseFigure(input.value, DECIMAL_COMMA);

function storage(key) {
  try {
    const s = window.localStorage;
    s.setItem(key + "-probe", "1");
    s.removeItem(key + "-probe");
    return s;
  } catch {
    return null;
  }
}

function formatter(decimals) {
  const lang = document.documentElement.lang || undefined;
  const opts = { maximumFractionDigits: decimals, minimumFractionDigits: 0 };
  try {
    return new Intl.NumberFormat(lang, opts);
  } catch {
    try {
      return new Intl.NumberFormat(undefined, opts);
    } catch {
      return null;
    }
  }
}

// What the reader typed, as a number: NaN when empty (unless data-empty), not a number or out of range.
function read(input) {
  const parsed = parse(input);
  if (parsed.empty) return input.getAttribute("data-empty") !== null ? parseFloat(input.getAttribute("data-empty")) : NaN;
  if (parsed.error) return NaN;
  return rangeProblem(parsed.value, bound(input, "data-min"), bound(input, "data-max")) ? NaN : parsed.value;
}

// A legal warning for a valid figure: below/above the limit in data-warn-*; advice, never an error.
function warning(input, vars) {
  const value = read(input);
  if (!isFinite(value)) return "";
  let checked = value;
  const total = input.getAttribute("data-warn-total");
  if (total) {
    if (value <= 0) return "";
    try {
      checked = evaluate(total, vars);
    } catch {
      return "";
    }
    if (!isFinite(checked)) return "";
  }
  const below = bound(input, "data-warn-below");
  const above = bound(input, "data-warn-above");
  const off = (below !== null && checked < below) || (above !== null && checked > above);
  return off ? input.getAttribute("data-warn-msg") || "" : "";
}

// A plausibility question for a valid figure (data-check-*): advice, never an error.
function question(input) {
  const values = implausible(read(input), bound(input, "data-check-above"), parseFloat(input.getAttribute("data-check-divisor") || "0"));
  return values ? fill(input.getAttribute("data-check-msg") || "", values) : "";
}

function setUp(form) {
  const key = "kb-worksheet-v1:" + (form.id || "default");
  const store = storage(key);
  const inputs = Array.prototype.slice.call(form.querySelectorAll("input[name]"));
  const outputs = Array.prototype.slice.call(form.querySelectorAll("output[data-formula]"));
  const empty = form.getAttribute("data-empty-result") || "\u2014";

  function restore() {
    if (!store) return;
    try {
      const saved = JSON.parse(store.getItem(key) || "null");
      if (saved && typeof saved === "object" && !Array.isArray(saved)) {
        for (const input of inputs) {
          const v = Object.prototype.hasOwnProperty.call(saved, input.name) ? saved[input.name] : undefined;
          if (typeof v === "string" && v.length <= 40) input.value = v; // anything else is ignored
        }
      }
    } catch {
      /* ignore damaged data */
    }
  }

  function persist() {
    if (!store) return;
    const data = {};
    for (const input of inputs) data[input.name] = input.value;
    try {
      store.setItem(key, JSON.stringify(data));
    } catch {
      /* ignore */
    }
  }

  function forget() {
    if (!store) return;
    try {
      store.removeItem(key);
    } catch {
      /* ignore */
    }
  }

  function message(input) {
    const parsed = parse(input);
    if (parsed.empty) return "";
    if (parsed.error) return fill(form.getAttribute("data-msg-" + parsed.error) || "", {});
    const min = bound(input, "data-min");
    const max = bound(input, "data-max");
    const problem = rangeProblem(parsed.value, min, max);
    if (!problem) return "";
    const f = formatter(6);
    const show = (n) => (f ? f.format(n) : String(n));
    const values = { min: min === null ? "" : show(min), max: max === null ? "" : show(max) };
    return fill(form.getAttribute("data-msg-" + problem) || "", values);
  }

  // One message element per field, created empty at start so that screen readers announce changes.
  for (const input of inputs) {
    const id = (input.id || input.name) + "-error";
    const note = document.createElement("span");
    note.id = id;
    note.className = "kb-ws-error";
    note.setAttribute("aria-live", "polite");
    input.parentNode.appendChild(note);
    const described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (!described.includes(id)) described.push(id);
    input.setAttribute("aria-describedby", described.join(" "));
    input.kbError = note;
    if (input.hasAttribute("data-warn-msg") || input.hasAttribute("data-check-msg")) {
      const warn = document.createElement("span");
      warn.id = (input.id || input.name) + "-warn";
      warn.className = "kb-ws-warn";
      warn.setAttribute("aria-live", "polite");
      input.parentNode.appendChild(warn);
      described.push(warn.id);
      input.setAttribute("aria-describedby", described.join(" "));
      input.kbWarn = warn;
    }
  }

  // The results' own list of the warnings and questions that affect them (issue 32).
  const results = form.querySelector(".kb-ws-results");
  const reach = inputsOf(
    outputs.map((out) => ({ name: out.getAttribute("name") || "", formula: out.getAttribute("data-formula") || "" })),
    inputs.map((input) => input.name),
  );
  const resultNotes = results ? results.querySelector(".kb-ws-result-warnings") : null;

  function labelOf(input) {
    const label = input.id ? form.querySelector('label[for="' + input.id + '"]') : null;
    return label ? label.textContent.trim() : input.name;
  }

  function warn(vars) {
    const flagged = [];
    const notes = [];
    for (const input of inputs) {
      let text = "";
      if (input.kbWarn) {
        text = [warning(input, vars), question(input)].filter(Boolean).join(" ");
        if (input.kbWarn.textContent !== text) input.kbWarn.textContent = text;
        const field = input.closest ? input.closest(".kb-ws-field") : null;
        if (field) field.classList.toggle("kb-ws-warned", !!text);
      }
      const error = input.kbError.textContent; // an invalid figure: the results that use it are left out
      if (error || text) {
        flagged.push(input.name);
        notes.push({ input, text: error || text });
      }
    }
    if (!resultNotes) return;
    const list = resultNotes.querySelector("ul");
    while (list.firstChild) list.removeChild(list.firstChild);
    for (const note of notes) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "#" + note.input.id;
      a.textContent = labelOf(note.input);
      li.appendChild(a);
      li.appendChild(document.createTextNode((resultNotes.getAttribute("data-colon") || ": ") + note.text));
      list.appendChild(li);
    }
    resultNotes.hidden = notes.length === 0;
    const marked = new Set(flaggedOutputs(reach, flagged));
    for (const out of outputs) {
      const row = out.closest ? out.closest("tr") : null;
      if (row) row.classList.toggle("kb-ws-flagged", marked.has(out.getAttribute("name") || ""));
    }
  }

  function validate() {
    for (const input of inputs) {
      const text = message(input);
      if (text) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      if (input.kbError.textContent !== text) input.kbError.textContent = text;
      const field = input.closest ? input.closest(".kb-ws-field") : null;
      if (field) field.classList.toggle("kb-ws-invalid", !!text);
    }
  }

  // The note that labels the page's example values as illustrative shows only while they are unchanged.
  const notes = form.querySelectorAll(".kb-ws-note");
  function showNotes() {
    const unchanged = inputs.every((input) => input.value === input.defaultValue);
    each(notes, (note) => {
      note.hidden = !unchanged;
    });
  }

  function update() {
    showNotes();
    validate();
    const vars = {};
    for (const input of inputs) vars[input.name] = read(input);
    warn(vars);
    for (const out of outputs) {
      let value;
      try {
        value = evaluate(out.getAttribute("data-formula"), vars);
      } catch {
        value = NaN;
      }
      if (out.getAttribute("name")) vars[out.getAttribute("name")] = value;
      const decimals = parseInt(out.getAttribute("data-decimals") || "0", 10);
      if (!isFinite(value)) {
        out.textContent = empty;
      } else {
        const f = formatter(isNaN(decimals) ? 0 : decimals);
        out.textContent = f ? f.format(value) : value.toFixed(decimals);
      }
    }
  }

  form.addEventListener("input", () => {
    update();
    persist();
  });
  form.addEventListener("change", () => {
    update();
    persist();
  });
  form.addEventListener("reset", () => {
    forget();
    setTimeout(update, 0); // after the browser has restored the page's values
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  // "Clear all" asks first, in the page: a browser's confirm() dialog is suppressed or shown with the
  // page's address as its title in some phone browsers (in-app ones), and cannot be translated or styled.
  const confirmBox = form.querySelector(".kb-ws-confirm");
  const clearButton = form.querySelector("[data-action=clear]");
  function askToClear(show) {
    if (!confirmBox) return;
    confirmBox.hidden = !show;
    const target = show ? confirmBox.querySelector("[data-action=clear-no]") : clearButton;
    if (target) target.focus();
  }
  each(form.querySelectorAll("[data-action]"), (button) => {
    button.addEventListener("click", () => {
      const action = button.getAttribute("data-action");
      if (action === "print") window.print();
      if (action === "clear") askToClear(true);
      if (action === "clear-no") askToClear(false);
      if (action === "clear-yes" || (action === "clear" && !confirmBox)) {
        if (confirmBox) confirmBox.hidden = true;
        for (const input of inputs) input.value = "";
        update();
        persist();
        if (inputs[0]) inputs[0].focus();
      }
    });
  });
  form.classList.add("kb-js");
  restore();
  update();
}

function init() {
  each(document.querySelectorAll("form[data-kb-worksheet]"), setUp);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
