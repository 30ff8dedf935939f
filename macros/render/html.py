"""HTML primitives shared by every renderer: escaping, lists and accessible tables.

Every text that comes from data goes through `esc`, so data can never inject HTML, break a
Markdown table or reach Jinja.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from macros.core.labels import fill, placeholders

# Characters that mean something to HTML, Markdown or Jinja, as numeric entities (one pass, no double escaping).
_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'{}|*_`[]\\#~^"})

__all__ = ["esc", "esc_attr", "fill", "placeholders", "table", "ul"]

Row = tuple[Mapping[str, str], Sequence[str]]  # (attributes of the <tr>, cells: the first is the row header)


def esc(text: str) -> str:
    """Escape text for HTML, Markdown (tables, emphasis, links) and Jinja alike."""
    return text.translate(_ESCAPES)


def esc_attr(text: str) -> str:
    """Escape text for an HTML attribute value (kept readable, e.g. URLs)."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def ul(items: Sequence[str], empty: str) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else empty


def table(table_id: str, caption: str, headers: Sequence[str], rows: Sequence[Row], *, search: bool = True) -> str:
    """An accessible table in a keyboard-scrollable region.

    Each data cell carries its column's name (data-label), so that below 600 px the stylesheet
    shows every row as a card of "label: value" lines instead of a squeezed table. With
    search=False the table stays out of the search index (its records have pages of their own).
    """
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    labels = [esc_attr(html.unescape(re.sub(r"<[^>]+>", "", h))) for h in headers]
    body = []
    for attrs, cells in rows:
        attr = "".join(f' {k}="{esc_attr(v)}"' for k, v in attrs.items())
        first, rest = cells[0], cells[1:]
        body.append(
            f'<tr{attr}><th scope="row">{first}</th>'
            + "".join(f'<td data-label="{label}">{c}</td>' for label, c in zip(labels[1:], rest, strict=True))
            + "</tr>"
        )
    exclude = "" if search else " data-search-exclude"
    return (
        f'<div class="kb-table-wrap" role="region" aria-labelledby="{table_id}-caption" tabindex="0"{exclude}>'
        f'<table class="kb-table" id="{table_id}"><caption id="{table_id}-caption">{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
