"""Markdown tables on a phone (issue 32): each data cell gets its column's name (data-label), so that
below 600 px kb.css shows every row as a card of "label: value" lines instead of a squeezed table
whose citation column takes a third of the width; a hint before each table says to swipe where it
still scrolls sideways (shown by kb.js only while its table overflows).

Only tables Markdown writes (no class attribute) are touched: the record tables (macros/render/html.py)
carry their labels already. Pages keep their Markdown tables, so the content stays plain Markdown.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.DOTALL)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_TD = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]+>")


def _plain(cell: str) -> str:
    return html.escape(html.unescape(_TAG.sub("", cell)).strip(), quote=True)


def _label_rows(body: str, labels: list[str]) -> str:
    def row(match: re.Match[str]) -> str:
        cells = iter(labels)
        return "<tr>" + _TD.sub(lambda m: f'<td data-label="{next(cells, "")}"', match.group(1)) + "</tr>"

    return _ROW.sub(row, body)


def label_tables(page_html: str, hint: str) -> str:
    """Every Markdown table of a page with data-label on its cells and a (hidden) swipe hint before it."""

    def table(match: re.Match[str]) -> str:
        inner = match.group(1)
        head = _HEAD.search(inner)
        if not head:
            return match.group(0)
        labels = [_plain(th) for th in _TH.findall(head.group(1))]
        body = inner[head.end() :]
        return (
            f'<p class="kb-scroll-hint" hidden>{html.escape(hint)}</p>'
            f"<table>{inner[: head.end()]}{_label_rows(body, labels)}</table>"
        )

    return _TABLE.sub(table, page_html)
