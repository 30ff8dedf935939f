/* Page texts with {placeholders}: every text the scripts show comes from the page, filled in here. */

const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

/** The template with each {name} replaced by values[name]; unknown placeholders stay as written. */
export function fill(template, values) {
  return String(template || "").replace(/\{([a-z_]+)\}/g, (m, k) => (has(values, k) ? String(values[k]) : m));
}

/** An ISO date (2008-07-01) in the page's date template ("{day} {month} {year}") with its month names;
    anything else is returned as given. */
export function formatDate(iso, template, months) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m) return iso || "";
  return fill(template, { year: m[1], month: months[parseInt(m[2], 10) - 1] || m[2], day: String(parseInt(m[3], 10)) });
}

/** A local date as YYYY-MM-DD. */
export function isoDate(d) {
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
}
