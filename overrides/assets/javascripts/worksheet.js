/* Cost-benefit worksheet: progressive enhancement, no dependencies.
   Contract (markup written in each language's page):
   - form[data-kb-worksheet] (give it an id: it keys the saved figures);
   - input[type=number][name]: each name is a variable; data-empty="0" lets an empty field count as 0;
   - output[name][data-formula]: evaluated in document order; a formula may use input names and the
     names of earlier outputs, numbers, + - * / ( ) and the functions max() and min();
     data-decimals sets the number of decimals shown (default 0);
   - .kb-ws-note (optional) labels the page's example values; it is hidden once the reader changes them;
   - button[data-action=print] prints; button[data-action=clear] empties every field;
     button[type=reset] restores the values written in the page.
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
        if (saved && typeof saved === "object") {
          inputs.forEach(function (input) {
            if (Object.prototype.hasOwnProperty.call(saved, input.name)) input.value = saved[input.name];
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

    function read(input) {
      var raw = String(input.value).trim().replace(",", ".");
      if (raw === "") return input.getAttribute("data-empty") !== null ? parseFloat(input.getAttribute("data-empty")) : NaN;
      var n = Number(raw);
      return isFinite(n) ? n : NaN;
    }

    // The note that labels the page's example values as illustrative shows only while they are unchanged.
    var notes = form.querySelectorAll(".kb-ws-note");
    function showNotes() {
      var unchanged = inputs.every(function (input) { return input.value === input.defaultValue; });
      Array.prototype.forEach.call(notes, function (note) { note.hidden = !unchanged; });
    }

    function update() {
      showNotes();
      var vars = {};
      inputs.forEach(function (input) { vars[input.name] = read(input); });
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
