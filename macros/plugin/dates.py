"""The theme's dates written the way our own text writes them.

mkdocs-git-revision-date-localized-plugin prints the "last update" line with Babel's long date
(2026年12月1日 in Chinese), while our text and the `date.*` labels write 2026 年 12 月 1 日. Its
own `custom_format` would apply to every language, so the date is rewritten here, per page
language, from the raw date in the element's `title` ("2026年12月1日 06:59:06 UTC" → the label).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

_DATE_SPAN = re.compile(
    r'(<span class="git-revision-date-localized-plugin[^"]*" title=")([^"]*)(">)([^<]*)(</span>)'
)
_CJK_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def respace_dates(output: str, labels: Mapping[str, str]) -> str:
    """Rewrite Babel's Chinese dates (2026年12月1日) in the revision line with the `date.day` label."""

    def label(m: re.Match[str]) -> str:
        return labels["date.day"].format(year=m.group(1), month=labels[f"month.{int(m.group(2))}"], day=m.group(3))

    def span(m: re.Match[str]) -> str:
        title = html.escape(_CJK_DATE.sub(label, html.unescape(m.group(2))))
        text = html.escape(_CJK_DATE.sub(label, html.unescape(m.group(4))), quote=False)
        return m.group(1) + title + m.group(3) + text + m.group(5)

    return _DATE_SPAN.sub(span, output)
