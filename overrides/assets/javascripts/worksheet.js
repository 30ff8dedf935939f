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
   - button[data-action=print] prints; button[data-action=clear] empties every field;
     button[type=reset] restores the values written in the page.
   - legal warnings (optional, on an input): data-warn-below or data-warn-above (the legal limit) and
     data-warn-msg (the text, rendered from data); data-warn-total (a formula of input names) checks
     that total instead of the field's own figure, shown only on fields with a figure above 0. A
     warning is shown next to the field (.kb-ws-warn) and never blocks: results still use the figure.
   Figures may use a point or a comma as the decimal separator (on Chinese pages only the point: a
   comma there is a thousands separator or a slip), full-width digits and a trailing %.
   A figure that is not a number, or out of its range, is marked invalid (aria-invalid, a message
   tied to it with aria-describedby in a live region) and no result that depends on it is shown.
   Numbers are formatted for the page language (document.documentElement.lang).
   No language strings here: every text comes from the page. */
(function () {
  "use strict";

  // A tiny, safe expression evaluator (no eval): numbers, names, + - * / ( ), max(), min().
  function tokenize(src) {
    var tokens = [], re = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|(.))/g, m;
    while ((m = re.exec(src)) && m[0] !== "") {
      if (m[1] !== undefined) tokens.push({ t: "num", v: parseFloat(m[1]) });
      else if (m[2] !== undefined) tokens.push({ t: "id", v: m[2] });
      else if (m[3] !== undefined && /\S/.test(m[3])) tokens.push({ t: "op", v: m[3] });
    }
    return tokens;
  }

  var FUNCS = { max: Math.max, min: Math.min };

  function evaluate(src, vars) {
    var tokens = tokenize(src), i = 0;
    function peek() { return tokens[i]; }
    function take(v) {
      var tok = tokens[i];
      if (!tok || (v !== undefined && tok.v !== v)) throw new Error("syntax");
      i += 1;
      return tok;
    }
    function expr() {
      var v = term();
      while (peek() && (peek().v === "+" || peek().v === "-")) {
        v = take().v === "+" ? v + term() : v - term();
      }
      return v;
    }
    function term() {
      var v = factor();
      while (peek() && (peek().v === "*" || peek().v === "/")) {
        v = take().v === "*" ? v * factor() : v / factor();
      }
      return v;
    }
    function factor() {
      var tok = take();
      if (tok.t === "num") return tok.v;
      if (tok.t === "op" && tok.v === "-") return -factor();
      if (tok.t === "op" && tok.v === "(") { var v = expr(); take(")"); return v; }
      if (tok.t === "id") {
        if (peek() && peek().v === "(" && FUNCS[tok.v]) {
          take("(");
          var args = [expr()];
          while (peek() && peek().v === ",") { take(","); args.push(expr()); }
          take(")");
          return FUNCS[tok.v].apply(null, args);
        }
        return Object.prototype.hasOwnProperty.call(vars, tok.v) ? vars[tok.v] : NaN;
      }
      throw new Error("syntax");
    }
    var result = expr();
    if (i !== tokens.length) throw new Error("syntax");
    return result;
  }

  // Full-width digits and signs (as typed with a Chinese input method) become ASCII.
  function halfWidth(text) {
    return text.replace(/[\uFF10-\uFF19\uFF0B\uFF0C\uFF0D\uFF0E\uFF05]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    }).replace(/[\u2212\u2012\u2013]/g, "-");
  }

  // Mainland readers write decimals with a point only: on Chinese pages a comma is refused.
  var DECIMAL_COMMA = !/^zh/i.test(document.documentElement.lang || "");

  // A figure as typed -> {empty} | {value} | {error: "number" | "separator"}.
  // One comma or one point is the decimal separator ("1,5" and "1.5" are both 1.5). "1,200" could be
  // a thousands separator, so it is refused rather than silently read as 1.2; so is any figure with
  // two separators ("1.200,50"). A trailing % is the field's unit.
  function parseFigure(raw) {
    var text = halfWidth(String(raw)).replace(/[\s\u00A0\u202F]/g, "").replace(/%$/, "");
    if (text === "") return { empty: true };
    if (!DECIMAL_COMMA && text.indexOf(",") >= 0) return { error: "separator" };
    if ((text.match(/[.,]/g) || []).length > 1 || /^[+-]?[1-9]\d{0,2},\d{3}$/.test(text)) return { error: "separator" };
    if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return { error: "number" };
    var value = Number(text.replace(",", "."));
    return isFinite(value) ? { value: value } : { error: "number" };
  }

  function fill(template, values) {
    return String(template).replace(/\{([a-z_]+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? values[k] : m;
    });
  }

  function storage(key) {
    try {
      var s = window.localStorage;
      s.setItem(key + "-probe", "1");
      s.removeItem(key + "-probe");
      return s;
    } catch (e) {
      return null;
    }
  }

  function formatter(decimals) {
    var lang = document.documentElement.lang || undefined;
    var opts = { maximumFractionDigits: decimals, minimumFractionDigits: 0 };
    try { return new Intl.NumberFormat(lang, opts); } catch (e) {
      try { return new Intl.NumberFormat(undefined, opts); } catch (e2) { return null; }
    }
  }

  function setUp(form) {
    var key = "kb-worksheet-v1:" + (form.id || "default");
    var store = storage(key);
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name]"));
    var outputs = Array.prototype.slice.call(form.querySelectorAll("output[data-formula]"));
    var empty = form.getAttribute("data-empty-result") || "\u2014";

    function restore() {
      if (!store) return;
      try {
        var saved = JSON.parse(store.getItem(key) || "null");
        if (saved && typeof saved === "object" && !Array.isArray(saved)) {
          inputs.forEach(function (input) {
            var v = Object.prototype.hasOwnProperty.call(saved, input.name) ? saved[input.name] : undefined;
            if (typeof v === "string" && v.length <= 40) input.value = v; // anything else is ignored
          });
        }
      } catch (e) { /* ignore damaged data */ }
    }

    function persist() {
      if (!store) return;
      var data = {};
      inputs.forEach(function (input) { data[input.name] = input.value; });
      try { store.setItem(key, JSON.stringify(data)); } catch (e) { /* ignore */ }
    }

    function forget() {
      if (store) { try { store.removeItem(key); } catch (e) { /* ignore */ } }
    }

    // What the reader typed, as a number: NaN when empty (unless data-empty) or not a number.
    function read(input) {
      var parsed = parseFigure(input.value);
      if (parsed.empty) return input.getAttribute("data-empty") !== null ? parseFloat(input.getAttribute("data-empty")) : NaN;
      if (parsed.error) return NaN;
      var min = bound(input, "data-min"), max = bound(input, "data-max");
      if ((min !== null && parsed.value < min) || (max !== null && parsed.value > max)) return NaN;
      return parsed.value;
    }

    function bound(input, attr) {
      var v = input.getAttribute(attr);
      return v === null || v === "" || !isFinite(Number(v)) ? null : Number(v);
    }

    function message(input) {
      var parsed = parseFigure(input.value);
      if (parsed.empty) return "";
      if (parsed.error) return fill(form.getAttribute("data-msg-" + parsed.error) || "", {});
      var min = bound(input, "data-min"), max = bound(input, "data-max");
      var f = formatter(6), show = function (n) { return f ? f.format(n) : String(n); };
      var values = { min: min === null ? "" : show(min), max: max === null ? "" : show(max) };
      var low = min !== null && parsed.value < min, high = max !== null && parsed.value > max;
      if (!low && !high) return "";
      var key = min !== null && max !== null ? "range" : (low ? "min" : "max");
      return fill(form.getAttribute("data-msg-" + key) || "", values);
    }

    // One message element per field, created empty at start so that screen readers announce changes.
    inputs.forEach(function (input) {
      var id = (input.id || input.name) + "-error";
      var note = document.createElement("span");
      note.id = id;
      note.className = "kb-ws-error";
      note.setAttribute("aria-live", "polite");
      input.parentNode.appendChild(note);
      var described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
      if (described.indexOf(id) < 0) described.push(id);
      input.setAttribute("aria-describedby", described.join(" "));
      input.kbError = note;
      if (input.hasAttribute("data-warn-msg")) {
        var warn = document.createElement("span");
        warn.id = (input.id || input.name) + "-warn";
        warn.className = "kb-ws-warn";
        warn.setAttribute("aria-live", "polite");
        input.parentNode.appendChild(warn);
        described.push(warn.id);
        input.setAttribute("aria-describedby", described.join(" "));
        input.kbWarn = warn;
      }
    });

    // A legal warning for a valid figure: below/above the limit in data-warn-*; advice, never an error.
    function warning(input, vars) {
      var value = read(input);
      if (!isFinite(value)) return "";
      var checked = value, total = input.getAttribute("data-warn-total");
      if (total) {
        if (value <= 0) return "";
        try { checked = evaluate(total, vars); } catch (e) { return ""; }
        if (!isFinite(checked)) return "";
      }
      var below = bound(input, "data-warn-below"), above = bound(input, "data-warn-above");
      var off = (below !== null && checked < below) || (above !== null && checked > above);
      return off ? input.getAttribute("data-warn-msg") || "" : "";
    }

    function warn(vars) {
      inputs.forEach(function (input) {
        if (!input.kbWarn) return;
        var text = warning(input, vars);
        if (input.kbWarn.textContent !== text) input.kbWarn.textContent = text;
        var field = input.closest ? input.closest(".kb-ws-field") : null;
        if (field) field.classList.toggle("kb-ws-warned", !!text);
      });
    }

    function validate() {
      inputs.forEach(function (input) {
        var text = message(input);
        if (text) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
        if (input.kbError.textContent !== text) input.kbError.textContent = text;
        var field = input.closest ? input.closest(".kb-ws-field") : null;
        if (field) field.classList.toggle("kb-ws-invalid", !!text);
      });
    }

    // The note that labels the page's example values as illustrative shows only while they are unchanged.
    var notes = form.querySelectorAll(".kb-ws-note");
    function showNotes() {
      var unchanged = inputs.every(function (input) { return input.value === input.defaultValue; });
      Array.prototype.forEach.call(notes, function (note) { note.hidden = !unchanged; });
    }

    function update() {
      showNotes();
      validate();
      var vars = {};
      inputs.forEach(function (input) { vars[input.name] = read(input); });
      warn(vars);
      outputs.forEach(function (out) {
        var value;
        try { value = evaluate(out.getAttribute("data-formula"), vars); } catch (e) { value = NaN; }
        if (out.getAttribute("name")) vars[out.getAttribute("name")] = value;
        var decimals = parseInt(out.getAttribute("data-decimals") || "0", 10);
        if (!isFinite(value)) {
          out.textContent = empty;
        } else {
          var f = formatter(isNaN(decimals) ? 0 : decimals);
          out.textContent = f ? f.format(value) : value.toFixed(decimals);
        }
      });
    }

    form.addEventListener("input", function () { update(); persist(); });
    form.addEventListener("change", function () { update(); persist(); });
    form.addEventListener("reset", function () {
      forget();
      setTimeout(update, 0); // after the browser has restored the page's values
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    Array.prototype.forEach.call(form.querySelectorAll("[data-action]"), function (button) {
      button.addEventListener("click", function () {
        var action = button.getAttribute("data-action");
        if (action === "print") window.print();
        if (action === "clear") {
          inputs.forEach(function (input) { input.value = ""; });
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
    Array.prototype.forEach.call(document.querySelectorAll("form[data-kb-worksheet]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
