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

import { allowsDecimalComma } from "./lib/numbers.js";
import { forget, readJSON, usableStorage, writeJSON } from "./lib/storage.js";
import { inputsOf } from "./lib/worksheet-checks.js";
import {
  adviceText,
  evaluateOutputs,
  fieldSpec,
  formatter,
  invalidText,
  readFigure,
  restorable,
  resultNotes,
  resultText,
} from "./lib/worksheet-fields.js";

const LANG = document.documentElement.lang;
const DECIMAL_COMMA = allowsDecimalComma(LANG);
const each = (list, fn) => Array.prototype.forEach.call(list, fn);

// A message element beside a field (kind: "error" or "warn"), created empty at start so that screen
// readers announce changes, and tied to the field with aria-describedby.
function addNote(input, kind) {
  const note = document.createElement("span");
  note.id = (input.id || input.name) + "-" + kind;
  note.className = "kb-ws-" + kind;
  note.setAttribute("aria-live", "polite");
  input.parentNode.appendChild(note);
  const described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  if (!described.includes(note.id)) described.push(note.id);
  input.setAttribute("aria-describedby", described.join(" "));
  return note;
}

function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}

function setUp(form) {
  const key = "kb-worksheet-v1:" + (form.id || "default");
  const store = usableStorage(() => window.localStorage, key);
  const inputs = Array.prototype.slice.call(form.querySelectorAll("input[name]"));
  const outputs = Array.prototype.slice.call(form.querySelectorAll("output[data-formula]"));
  const formulas = outputs.map((out) => ({ name: out.getAttribute("name") || "", formula: out.getAttribute("data-formula") || "" }));
  const empty = form.getAttribute("data-empty-result") || "\u2014";
  const specs = inputs.map((input) => fieldSpec(input.name, (name) => input.getAttribute(name)));
  const errors = inputs.map((input) => addNote(input, "error"));
  const advice = inputs.map((input) => (input.hasAttribute("data-warn-msg") || input.hasAttribute("data-check-msg") ? addNote(input, "warn") : null));
  const fieldOf = (input) => (input.closest ? input.closest(".kb-ws-field") : null);
  const reach = inputsOf(formulas, inputs.map((input) => input.name));
  const results = form.querySelector(".kb-ws-results");
  const resultList = results ? results.querySelector(".kb-ws-result-warnings") : null;
  const exampleNotes = form.querySelectorAll(".kb-ws-note");
  const bounds = formatter(LANG, 6);
  const show = (n) => (bounds ? bounds.format(n) : String(n));
  const message = (name) => form.getAttribute("data-msg-" + name) || "";
  const persist = () => {
    const data = {};
    for (const input of inputs) data[input.name] = input.value;
    writeJSON(store, key, data);
  };

  function listNotes(notes) {
    const list = resultList.querySelector("ul");
    while (list.firstChild) list.removeChild(list.firstChild);
    for (const note of notes) {
      const input = inputs.find((i) => i.name === note.name);
      const label = input.id ? form.querySelector('label[for="' + input.id + '"]') : null;
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "#" + input.id;
      a.textContent = label ? label.textContent.trim() : input.name;
      li.append(a, (resultList.getAttribute("data-colon") || ": ") + note.text);
      list.appendChild(li);
    }
    resultList.hidden = notes.length === 0;
  }

  function update() {
    // The note that labels the page's example values as illustrative shows only while they are unchanged.
    const unchanged = inputs.every((input) => input.value === input.defaultValue);
    each(exampleNotes, (note) => (note.hidden = !unchanged));
    const vars = {};
    inputs.forEach((input, i) => (vars[input.name] = readFigure(specs[i], input.value, DECIMAL_COMMA)));
    const fields = inputs.map((input, i) => {
      const error = invalidText(specs[i], input.value, DECIMAL_COMMA, message, show);
      if (error) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      setText(errors[i], error);
      const text = advice[i] ? adviceText(specs[i], vars[input.name], vars) : "";
      setText(advice[i], text);
      const field = fieldOf(input);
      if (field) {
        field.classList.toggle("kb-ws-invalid", !!error);
        if (advice[i]) field.classList.toggle("kb-ws-warned", !!text);
      }
      return { name: input.name, error, advice: text };
    });
    // The results' own list of the warnings and questions that affect them (issue 32).
    const { notes, flagged } = resultNotes(fields, reach);
    if (resultList) {
      listNotes(notes);
      outputs.forEach((out, i) => {
        const row = out.closest ? out.closest("tr") : null;
        if (row) row.classList.toggle("kb-ws-flagged", flagged.includes(formulas[i].name));
      });
    }
    evaluateOutputs(formulas, vars).forEach((value, i) => {
      outputs[i].textContent = resultText(value, parseInt(outputs[i].getAttribute("data-decimals") || "0", 10), LANG, empty);
    });
  }

  const changed = () => {
    update();
    persist();
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("reset", () => {
    forget(store, [key]);
    setTimeout(update, 0); // after the browser has restored the page's values
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  // "Clear all" asks first, in the page: a browser's confirm() dialog is suppressed or shown with the
  // page's address as its title in some phone browsers (in-app ones), and cannot be translated or styled.
  const confirmBox = form.querySelector(".kb-ws-confirm");
  const clearButton = form.querySelector("[data-action=clear]");
  function askToClear(ask) {
    if (!confirmBox) return;
    confirmBox.hidden = !ask;
    const target = ask ? confirmBox.querySelector("[data-action=clear-no]") : clearButton;
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
        changed();
        if (inputs[0]) inputs[0].focus();
      }
    });
  });
  form.classList.add("kb-js");
  const saved = restorable(readJSON(store, key), inputs.map((input) => input.name));
  for (const input of inputs) if (Object.prototype.hasOwnProperty.call(saved, input.name)) input.value = saved[input.name];
  update();
}

function init() {
  each(document.querySelectorAll("form[data-kb-worksheet]"), setUp);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
