/* The worksheet's figures as readers type them. */

/** Full-width digits and signs (as typed with a Chinese input method) and typographic minus signs
    become ASCII. */
export function halfWidth(text) {
  return text
    .replace(/[\uFF10-\uFF19\uFF0B\uFF0C\uFF0D\uFF0E\uFF05]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2212\u2012\u2013]/g, "-");
}

/** Whether a comma may be the decimal separator on a page in `lang`: mainland readers write decimals
    with a point only, so on Chinese pages a comma is refused (a thousands separator or a slip). */
export function allowsDecimalComma(lang) {
  return !/^zh/i.test(lang || "");
}

/** A figure as typed -> {empty: true} | {value} | {error: "number" | "separator"}.
    One comma or one point is the decimal separator ("1,5" and "1.5" are both 1.5) where
    `decimalComma` allows; "1,200" could be a thousands separator, so it is refused rather than
    silently read as 1.2; so is any figure with two separators ("1.200,50"). A trailing % is the
    field's unit. Spaces (also no-break ones) are ignored. */
export function parseFigure(raw, decimalComma) {
  const text = halfWidth(String(raw)).replace(/[\s\u00A0\u202F]/g, "").replace(/%$/, "");
  if (text === "") return { empty: true };
  if (!decimalComma && text.includes(",")) return { error: "separator" };
  if ((text.match(/[.,]/g) || []).length > 1 || /^[+-]?[1-9]\d{0,2},\d{3}$/.test(text)) return { error: "separator" };
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return { error: "number" };
  const value = Number(text.replace(",", "."));
  return isFinite(value) ? { value } : { error: "number" };
}

/** A bound written in an attribute (data-min, data-warn-below…): a number, or null when absent or not one. */
export function bound(text) {
  return text === null || text === undefined || text === "" || !isFinite(Number(text)) ? null : Number(text);
}

/** Which range message a valid figure needs: "" (in range), "range" (both bounds set), "min" or "max". */
export function rangeProblem(value, min, max) {
  const low = min !== null && value < min;
  const high = max !== null && value > max;
  if (!low && !high) return "";
  return min !== null && max !== null ? "range" : low ? "min" : "max";
}
