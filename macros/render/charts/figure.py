"""The frame every chart shares: the figure with its caption, sources and data table, and the
layout helpers more than one chart uses (numbers, stacked boxes, edge ports, hatching)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from macros.render.html import esc_attr
from macros.render.page import Page

SIZE = 12  # px, the text size of boxes and labels
PAD = 5  # px, inside a box


def sources(p: Page, ids: Iterable[str]) -> list[str]:
    """Source ids, once each, in bibliography order."""
    wanted = set(ids)
    return [sid for sid in p.kb.sources if sid in wanted]


def figure(
    p: Page,
    name: str,
    picture: str,
    caption: str,
    data: str,
    *,
    sources: Sequence[str],
    wide: bool = False,
    open_data: bool = False,
    attrs: str = "",
) -> str:
    note = ""
    if wide:  # scrolls sideways in its own region (with a cue) where it does not fit, reachable by keyboard;
        # on a phone it gives way to its table, folded as everywhere (an open one would push the
        # page's tools screens down); the note says where the figures are (kb.css: .kb-chart[data-kb-wide])
        label = p.plain("chart.scroll", title=p.plain(f"chart.{name}.title"))
        picture = (
            f'<div class="kb-chart-scroll" role="region" tabindex="0" aria-label="{esc_attr(label)}">{picture}</div>'
        )
        note = f'<p class="kb-chart-phone-note kb-meta">{p.label("phone.chart_list")}</p>'
        attrs = ' data-kb-wide=""' + attrs
    cites = p.colon(p.label("chart.sources"), p.cite(*sources)) if sources else ""
    gap = p.label("punct.cite_gap") if cites else ""  # none in Chinese: "……见下表。数据来源：［1］"
    # the table follows the figure (a figcaption must be a figure's first or last child)
    return (
        f'<div class="kb-chart kb-chart-{name}" id="chart-{name}"{attrs}>'
        f"<figure>{picture}<figcaption>{caption}{gap}{cites}</figcaption></figure>{note}"
        f'<details class="kb-chart-data"{" open" if open_data else ""}>'
        f'<summary>{p.label("chart.data")}</summary>{data}</details>'
        "</div>"
    )


def number(p: Page, value: int) -> str:
    """A whole number with the language's thousands grouping (1,000 / 1000)."""
    return p.number(value)


def ports(
    edges: Sequence[tuple[str, str]], top: dict[str, float], height: dict[str, float], order: dict[str, int]
) -> dict[tuple[str, str, str], float]:
    """Where each edge meets each of its two boxes: spread over the box's side, sorted by the other end."""
    at: dict[str, list[tuple[int, str, tuple[str, str]]]] = {}
    for a, b in edges:
        at.setdefault(a, []).append((order[b], b, (a, b)))
        at.setdefault(b, []).append((order[a], a, (a, b)))
    out = {}
    for node, ends in at.items():
        ends.sort()
        inner = height[node] - 2 * PAD
        for k, (_, _, edge) in enumerate(ends):
            out[(node, *edge)] = top[node] + PAD + inner * (k + 1) / (len(ends) + 1)
    return out


def stack(
    ids: Sequence[str],
    heights: dict[str, float],
    top: float,
    total: float,
    gap: float,
    breaks: dict[str, float] | None = None,
) -> dict[str, float]:
    """Top y of each box in a column, spread evenly over `total` px (extra room goes between boxes)."""
    breaks = breaks or {}
    used = sum(heights[i] for i in ids) + sum(breaks.get(i, 0) for i in ids)
    spare = max(total - used, gap * (len(ids) - 1))
    step = spare / (len(ids) - 1) if len(ids) > 1 else 0
    y, out = top, {}
    for i in ids:
        y += breaks.get(i, 0)
        out[i] = y
        y += heights[i] + step
    return out



def hatch(pattern_id: str) -> str:
    """Diagonal hatching: marks what is uncertain or partial by pattern, not by colour."""
    return (
        f'<pattern id="{pattern_id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<path class="kb-chart-hatch" d="M0 0V6"/></pattern>'
    )
