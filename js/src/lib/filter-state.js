/* The recommendation filter's state: the chosen value of each field, kept in the URL query so that a
   filtered view can be shared and reloaded. */

export const FIELDS = ["group", "role", "area", "priority", "timeframe"];
const ROLE_ATTR = { lead: "data-owners", partner: "data-partners" };

/** The filter as the address asks for it: for each field, the query's value when `allowed(field,
    value)` (an option of its select), else "". */
export function readFilter(search, allowed) {
  const query = new URLSearchParams(search);
  const want = {};
  for (const name of FIELDS) {
    const value = query.get(name);
    want[name] = value && allowed(name, value) ? value : "";
  }
  return want;
}

/** The query string (with "?", or "" when empty) for `want`, keeping the other parameters of `search`. */
export function writeFilter(search, want) {
  const params = new URLSearchParams(search);
  for (const name of FIELDS) {
    if (want[name]) params.set(name, want[name]);
    else params.delete(name);
  }
  const text = params.toString();
  return text ? "?" + text : "";
}

/** Whether a row (its attributes through `attr(name)`) passes the filter: a group is matched as a
    leader, a partner or either (the role field); the other fields exactly. */
export function matches(attr, want) {
  if (want.group) {
    const groups = (attr(ROLE_ATTR[want.role] || "data-groups") || "").split(" ");
    if (!groups.includes(want.group)) return false;
  }
  return ["area", "priority", "timeframe"].every((name) => !want[name] || attr("data-" + name) === want[name]);
}
