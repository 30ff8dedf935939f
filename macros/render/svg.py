"""The one drawing module of the site's pictures: measure and wrap text, order a layered graph, write SVG.

Why not Graphviz: it needs the `dot` binary (a Debian package beyond the two set-up commands), it
measures text with its own font files rather than the reader's system CJK fonts, and its SVG has
fixed colours. The pictures here are small (at most a few dozen boxes in a few columns), so a
deterministic layered layout (columns given by the data, rows ordered by the barycentre method to
cut crossings) is enough, and every coordinate comes from this module.

Everything returned is a string of SVG markup; every text passes through `esc`/`esc_attr`, and
colours are CSS classes (see kb.css, "Charts"), so light and dark schemes and print share one drawing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from macros.render.html import esc, esc_attr

LINE_HEIGHT = 1.3  # in em, for wrapped text
# Characters that must not start a line (they close something) and must not end one (they open something).
_NO_START = set("，。、；：！？）》」』”’〉】,.;:!?)]}%")
_NO_END = set("（《「『“‘〈【([{")


def num(value: float) -> str:
    """A coordinate, rounded to 0.1 px and written without a trailing '.0' (small, deterministic output)."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def char_width(char: str) -> float:
    """Estimated advance of one character, in em, erring wide so that wrapped text never overflows its box."""
    if _is_wide(char):
        return 1.0
    if char == " ":
        return 0.3
    if char in "iljtfI.,;:!|'()[]/-":
        return 0.34
    if char in "mwMW@%":
        return 0.9
    if char.isupper():
        return 0.68
    return 0.57


def text_width(text: str, size: float) -> float:
    """Estimated width in px of a text set in the site's sans-serif at `size` px."""
    return sum(char_width(c) for c in text) * size


def _tokens(text: str) -> list[str]:
    """Break opportunities: a Latin word with its trailing space, or one CJK character;
    closing punctuation stays with what precedes it, opening punctuation with what follows."""
    raw: list[str] = []
    word = ""
    for char in text:
        if _is_wide(char):
            if word:
                raw.append(word)
                word = ""
            raw.append(char)
        elif char == " ":
            word += char
            raw.append(word)
            word = ""
        else:
            if word.endswith(" "):
                raw.append(word)
                word = ""
            word += char
    if word:
        raw.append(word)
    merged: list[str] = []
    for token in raw:
        if merged and (token[0] in _NO_START or merged[-1].rstrip()[-1:] in _NO_END):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy line breaking of `text` into lines no wider than `width` px (a too-long word is cut)."""
    lines: list[str] = []
    line = ""
    for token in _tokens(" ".join(text.split())):
        if text_width((line + token).rstrip(), size) <= width or not line.strip():
            line += token
        else:
            lines.append(line.rstrip())
            line = token
        while text_width(line.rstrip(), size) > width and len(line.rstrip()) > 1:  # one word wider than the box
            cut = len(line)
            while cut > 1 and text_width(line[:cut], size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def text(x: float, y: float, lines: Sequence[str], size: float, *, cls: str = "", anchor: str = "start") -> str:
    """A <text> of one or more lines; y is the baseline of the first line."""
    attrs = f' class="{cls}"' if cls else ""
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    step = f' dy="{num(size * LINE_HEIGHT)}"'
    spans = "".join(f'<tspan x="{num(x)}"{step if i else ""}>{esc(line)}</tspan>' for i, line in enumerate(lines))
    return f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}"{attrs}>{spans}</text>'


def block_height(lines: int, size: float, pad: float) -> float:
    """The height of a box holding `lines` lines of text with `pad` px above and below."""
    return lines * size * LINE_HEIGHT + 2 * pad


def box(x: float, y: float, w: float, h: float, lines: Sequence[str], size: float, *, cls: str, pad: float) -> str:
    """A rectangle with its text inside, first baseline placed so that the text sits centred in the padding."""
    baseline = y + pad + size * 0.95
    return f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="3" class="{cls}"/>' + text(
        x + pad, baseline, lines, size
    )


def hotspot(href: str, shape: str, label: str) -> str:
    """A link over part of a picture: `shape` is an invisible rect or path (class kb-chart-hot) at the
    place of the drawn element; `label` is its name (and tooltip). A tap, a click or Tab and Enter
    follow it; the focused one is outlined (kb.css)."""
    return f'<a href="{esc_attr(href)}" aria-label="{esc_attr(label)}"><title>{esc(label)}</title>{shape}</a>'


def hot_rect(x: float, y: float, w: float, h: float) -> str:
    return f'<rect class="kb-chart-hot" x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="3"/>'


def curve(x1: float, y1: float, x2: float, y2: float) -> str:
    """The path data of a horizontal S-curve from (x1, y1) to (x2, y2)."""
    mid = (x1 + x2) / 2
    return f"M{num(x1)} {num(y1)}C{num(mid)} {num(y1)} {num(mid)} {num(y2)} {num(x2)} {num(y2)}"


def document(
    chart_id: str,
    width: float,
    height: float,
    title: str,
    desc: str,
    body: str,
    *,
    defs: str = "",
    hotspots: Sequence[str] = (),
) -> str:
    """The picture: an <svg role="img"> named by its <title> and described by its <desc> (both already
    escaped), and, when it has links, a second SVG of the same size laid over it holding them.

    An image's content is presentational, so links inside role="img" would be hidden from screen
    readers (axe: nested-interactive). The overlay is a group of named links, named after the
    picture: reachable by tap, pointer and keyboard; the figure's table holds the same links.
    Both stay out of the search index (data-search-exclude): their labels, read in document order,
    ran together ("02004006008001000…"); the caption and the table carry the same text.
    """
    size = f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}"'
    picture = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kb-chart-svg" role="img" data-search-exclude="" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {size}>'
        f'<title id="{chart_id}-title">{title}</title><desc id="{chart_id}-desc">{desc}</desc>'
        + (f"<defs>{defs}</defs>" if defs else "")
        + body
        + "</svg>"
    )
    if not hotspots:
        return picture
    overlay = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kb-chart-links" role="group" data-search-exclude="" '
        f'aria-labelledby="{chart_id}-title" {size}>'
        f'{"".join(hotspots)}</svg>'
    )
    return f'<div class="kb-chart-picture">{picture}{overlay}</div>'


def order_columns(
    columns: Sequence[Sequence[str]],
    edges: Iterable[tuple[str, str]],
    *,
    blocks: Mapping[str, int] | None = None,
    sweeps: int = 4,
) -> list[list[str]]:
    """Order the nodes of each column to cut edge crossings (barycentre heuristic, down and up sweeps).

    `edges` join nodes of neighbouring columns (either direction). A node stays within its block
    (e.g. root causes stay grouped by level); ties keep the given order, so the result is deterministic.
    """
    blocks = blocks or {}
    order = [list(c) for c in columns]
    neighbours: dict[str, set[str]] = {}
    for a, b in edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)

    def reorder(col: int, ref: int) -> None:
        pos = {n: i for i, n in enumerate(order[ref])}
        current = {n: i for i, n in enumerate(order[col])}

        def key(node: str) -> tuple[int, float, int]:
            linked = [pos[m] for m in neighbours.get(node, ()) if m in pos]
            centre = sum(linked) / len(linked) if linked else current[node]
            return blocks.get(node, 0), centre, current[node]

        order[col].sort(key=key)

    for _ in range(sweeps):
        for col in range(1, len(order)):
            reorder(col, col - 1)
        for col in range(len(order) - 2, -1, -1):
            reorder(col, col + 1)
    return order


def crossings(columns: Sequence[Sequence[str]], edges: Iterable[tuple[str, str]]) -> int:
    """How many pairs of edges cross between neighbouring columns (to test that ordering helps)."""
    where = {n: (c, i) for c, col in enumerate(columns) for i, n in enumerate(col)}
    spans: dict[int, list[tuple[int, int]]] = {}
    for a, b in edges:
        (ca, ia), (cb, ib) = where[a], where[b]
        if abs(ca - cb) == 1:
            left, right = (ia, ib) if ca < cb else (ib, ia)
            spans.setdefault(min(ca, cb), []).append((left, right))
    total = 0
    for pairs in spans.values():
        for i, (a1, b1) in enumerate(pairs):
            total += sum(1 for a2, b2 in pairs[i + 1 :] if (a1 - a2) * (b1 - b2) < 0)
    return total
