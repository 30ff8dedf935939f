/* A tiny, safe expression evaluator for the worksheet's formulas (no eval, no Function): numbers,
   names, + - * / ( ), unary minus, max() and min(). An unknown name is NaN; a syntax error throws. */

const FUNCS = { max: Math.max, min: Math.min };

export function tokenize(src) {
  const tokens = [];
  const re = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|(.))/g;
  let m;
  while ((m = re.exec(src)) && m[0] !== "") {
    if (m[1] !== undefined) tokens.push({ t: "num", v: parseFloat(m[1]) });
    else if (m[2] !== undefined) tokens.push({ t: "id", v: m[2] });
    else if (m[3] !== undefined && /\S/.test(m[3])) tokens.push({ t: "op", v: m[3] });
  }
  return tokens;
}

/** The value of `src` with the names in `vars` ({name: number}). */
export function evaluate(src, vars) {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  function take(v) {
    const tok = tokens[i];
    if (!tok || (v !== undefined && tok.v !== v)) throw new Error("syntax");
    i += 1;
    return tok;
  }
  function expr() {
    let v = term();
    while (peek() && (peek().v === "+" || peek().v === "-")) {
      v = take().v === "+" ? v + term() : v - term();
    }
    return v;
  }
  function term() {
    let v = factor();
    while (peek() && (peek().v === "*" || peek().v === "/")) {
      v = take().v === "*" ? v * factor() : v / factor();
    }
    return v;
  }
  function factor() {
    const tok = take();
    if (tok.t === "num") return tok.v;
    if (tok.t === "op" && tok.v === "-") return -factor();
    if (tok.t === "op" && tok.v === "(") {
      const v = expr();
      take(")");
      return v;
    }
    if (tok.t === "id") {
      if (peek() && peek().v === "(" && Object.prototype.hasOwnProperty.call(FUNCS, tok.v)) {
        take("(");
        const args = [expr()];
        while (peek() && peek().v === ",") {
          take(",");
          args.push(expr());
        }
        take(")");
        return FUNCS[tok.v](...args);
      }
      return Object.prototype.hasOwnProperty.call(vars, tok.v) ? vars[tok.v] : NaN;
    }
    throw new Error("syntax");
  }
  const result = expr();
  if (i !== tokens.length) throw new Error("syntax");
  return result;
}
