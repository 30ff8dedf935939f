"""The theme's dates written the way our own text writes them.

mkdocs-git-revision-date-localized-plugin prints the "last update" line with Babel's long date
(2026年12月1日, November 25, 2026), while our text and the `date.*` labels write
2026 年 12 月 1 日 and 25 November 2026. Its own `custom_format` would apply to every language,
so the date is rewritten here, per page language, with the `date.day` label.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from macros.core.labels import fill

_DATE_SPAN = re.compile(r'(<span class="git-revision-date-localized-plugin[^"]*" title=")([^"]*)(">)([^<]*)(</span>)')
# Babel's long dates: 2026年12月1日 (zh), November 25, 2026 (en)
_BABEL_DATE = re.compile(
    r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日|(?P<name>[A-Z][a-z]+) (?P<d2>\d{1,2}), (?P<y2>\d{4})"
)


def respace_dates(output: str, labels: Mapping[str, str]) -> str:
    """Rewrite the dates of the revision line (text and title) with the language's `date.day` label."""

    months = {labels[f"month.{n}"]: n for n in range(1, 13)}  # English labels are Babel's month names

    def label(m: re.Match[str]) -> str:
        if m["y"]:
            year, month, day = m["y"], int(m["m"]), m["d"]
        elif m["name"] in months:
            year, month, day = m["y2"], months[m["name"]], m["d2"]
        else:
            return m.group(0)
        return fill(labels["date.day"], year=year, month=labels[f"month.{month}"], day=day)  # never str.format

    def span(m: re.Match[str]) -> str:
        title = html.escape(_BABEL_DATE.sub(label, html.unescape(m.group(2))))
        text = html.escape(_BABEL_DATE.sub(label, html.unescape(m.group(4))), quote=False)
        return m.group(1) + title + m.group(3) + text + m.group(5)

    return _DATE_SPAN.sub(span, output)
