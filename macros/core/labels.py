"""Labels with placeholders: `{name}` in a label of data/i18n/<lang>.yml is filled at render time.

One formatter for every caller (renderers, the plugin, tools), and the rule both tables keep: a label
has the same placeholders in every language, and a label has no other braces: never a format spec
(`{day:>20000}` would print 20,000 spaces with str.format), an index or an attribute (`{x.__class__}`),
checked where the label files are read (macros/core/reading.py). Labels are filled with `fill`, never
with str.format.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Every placeholder name the code (Python and the browser scripts) fills: a new one is added here.
FIELDS = frozenset(
    {
        "acronym", "actions", "amount", "amounts", "answer", "answered", "area", "areas", "article",
        "artifact", "base", "body", "cause_links", "causes", "checked", "count", "date", "day", "detail",
        "file", "finding", "findings", "first", "group", "groups", "high", "hourly", "inside", "language",
        "last", "lead", "levels", "limit", "links", "low", "max", "min", "minimum", "month", "monthly", "n",
        "na", "name", "no", "number", "open", "outside", "page", "pages", "pagestotal", "part_time", "partly",
        "partner", "priority", "publisher", "rec_links", "recommendations", "records", "recordstotal", "refs",
        "role", "score", "section", "shown", "size", "text", "thousands", "timeframe", "title", "total",
        "track", "tracks", "units", "url", "value", "verified", "version", "year", "yes",
    }
)


def fill(template: str, escape: Callable[[str], str] = str, /, **values: str) -> str:
    """The one placeholder formatter: `{name}` in a label becomes values[name].

    The label's own text goes through `escape`; values are inserted as given (already escaped or
    HTML). A placeholder without a value stays as written, for the scripts that fill it in.
    """
    out, pos = [], 0
    for match in _PLACEHOLDER.finditer(template):
        if match.group(1) in values:
            out += [escape(template[pos : match.start()]), values[match.group(1)]]
            pos = match.end()
    out.append(escape(template[pos:]))
    return "".join(out)


def placeholders(template: str) -> set[str]:
    """The placeholder names a label uses (both languages must use the same)."""
    return set(_PLACEHOLDER.findall(template))


def is_placeholder(text: str) -> bool:
    """Whether `text` is exactly one `{name}` placeholder."""
    return _PLACEHOLDER.fullmatch(text) is not None
