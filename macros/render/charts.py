"""The site's pictures, drawn at build time from data/ (no script, no third-party host).

Each macro returns a <figure>: an inline SVG (role="img", <title> and <desc> in the page's
language), a caption citing the sources the picture is drawn from, and the same figures as a
table in a <details> element, for screen readers and print. Wide pictures scroll inside their own
keyboard-focusable region on phones. Every label comes from the `chart.*` label tables; geometry
comes from macros/render/svg.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from macros.core.model import Level, MinimumWage, Recommendation, Track
from macros.core.pages import PAGES
from macros.render import svg
from macros.render.html import Row, esc, esc_attr, table
from macros.render.page import Page

SIZE = 12  # px, the text size of boxes and labels
PAD = 5  # px, inside a box


# -- the figure around every picture --------------------------------------------------------------
def _sources(p: Page, ids: Iterable[str]) -> list[str]:
    """Source ids, once each, in bibliography order."""
    wanted = set(ids)
    return [sid for sid in p.kb.sources if sid in wanted]


def _figure(
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
    if wide:  # scrolls sideways in its own region on narrow screens, reachable by keyboard
        label = p.plain("chart.scroll", title=p.plain(f"chart.{name}.title"))
        picture = (
            f'<div class="kb-chart-scroll" role="region" tabindex="0" aria-label="{esc_attr(label)}">{picture}</div>'
        )
    cites = p.colon(p.s("chart.sources"), p.cite(*sources)) if sources else ""
    # the table follows the figure (a figcaption must be a figure's first or last child)
    return (
        f'<div class="kb-chart kb-chart-{name}" id="chart-{name}"{attrs}>'
        f"<figure>{picture}<figcaption>{caption} {cites}</figcaption></figure>"
        f'<details class="kb-chart-data"{" open" if open_data else ""}>'
        f'<summary>{p.s("chart.data")}</summary>{data}</details>'
        "</div>"
    )


def _number(p: Page, value: int) -> str:
    """A whole number with the language's thousands grouping (1,000 / 1000)."""
    if value < 1000:
        return str(value)
    return p.plain("chart.number", thousands=str(value // 1000), units=f"{value % 1000:03d}")


def _ports(
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


def _stack(
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


# -- 1. stakeholder map ---------------------------------------------------------------------------
def _pairs(p: Page) -> dict[tuple[str, str], list[Recommendation]]:
    """(lead, partner) -> the recommendations in which that group leads and the other is a partner."""
    order = {g: i for i, g in enumerate(p.kb.stakeholder_groups)}
    pairs: dict[tuple[str, str], list[Recommendation]] = {}
    for rec in p.kb.recommendations.values():
        for lead in rec.owners:
            for partner in rec.partners:
                if lead != partner:
                    pairs.setdefault((lead, partner), []).append(rec)
    return dict(sorted(pairs.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]])))


def stakeholder_map(p: Page) -> str:
    """The seven groups twice (leads left, partners right), joined by the recommendations they share."""
    kb, lang = p.kb, p.lang
    groups = list(kb.stakeholder_groups)
    pairs = _pairs(p)
    box_w, gap, margin, head = 168.0, 150.0, 4.0, 34.0
    names = {g: svg.wrap(kb.stakeholder_groups[g].name(lang), box_w - 2 * PAD, SIZE) for g in groups}
    width = 2 * margin + 2 * box_w + gap
    heights = {g: max(svg.block_height(len(names[g]), SIZE, PAD), 44.0) for g in groups}
    total = sum(heights.values()) + 14 * (len(groups) - 1)
    tops = _stack(groups, heights, head, total, 14)
    left_x, right_x = margin, margin + box_w + gap
    most = max((len(r) for r in pairs.values()), default=1)

    def stroke(count: int) -> float:
        return 1 + 11 * count / most

    # ports: the left box of `lead` and the right box of `partner` are different nodes
    ends = [(f"L{a}", f"R{b}") for a, b in pairs]
    tops2 = {f"{s}{g}": tops[g] for g in groups for s in "LR"}
    heights2 = {f"{s}{g}": heights[g] for g in groups for s in "LR"}
    order2 = {f"{s}{g}": i for i, g in enumerate(groups) for s in "LR"}
    ports = _ports(ends, tops2, heights2, order2)

    body = [
        svg.text(left_x, 16, [p.plain("chart.map.lead")], SIZE, cls="kb-chart-head"),
        svg.text(right_x, 16, [p.plain("chart.map.partner")], SIZE, cls="kb-chart-head"),
    ]
    edges: list[str] = []
    hot: list[str] = []
    for (a, b), recs in pairs.items():
        y1, y2 = ports[(f"L{a}", f"L{a}", f"R{b}")], ports[(f"R{b}", f"L{a}", f"R{b}")]
        d = svg.curve(left_x + box_w, y1, right_x, y2)
        label = p.plain(
            "chart.map.line",
            lead=kb.stakeholder_groups[a].name(lang),
            partner=kb.stakeholder_groups[b].name(lang),
            count=str(len(recs)),
        )
        edges.append(f'<path class="kb-chart-edge" stroke-width="{svg.num(stroke(len(recs)))}" d="{d}"/>')
        hot.append(svg.hotspot(f"#map-{a}-{b}", f'<path class="kb-chart-hot kb-chart-hot-line" d="{d}"/>', label))
    body.append('<g class="kb-chart-edges">' + "".join(edges) + "</g>")
    for g in groups:
        for x in (left_x, right_x):
            body.append(svg.box(x, tops[g], box_w, heights[g], names[g], SIZE, cls="kb-chart-node", pad=PAD))
            hot.append(svg.hotspot(p.plan_link(g), svg.hot_rect(x, tops[g], box_w, heights[g])))
    # legend: the thinnest and the thickest line, with their numbers
    y = head + total + 26
    legend = [svg.text(margin, y, [p.plain("chart.map.legend")], SIZE - 1, cls="kb-chart-note")]
    x = margin
    y += 16
    for count in sorted({1, most}):
        legend.append(
            f'<path class="kb-chart-edge" stroke-width="{svg.num(stroke(count))}" d="M{svg.num(x)} {svg.num(y)}h40"/>'
        )
        legend.append(svg.text(x + 46, y + 4, [str(count)], SIZE - 1, cls="kb-chart-note"))
        x += 90
    body += legend
    height = y + 16
    title = p.s("chart.map.title")
    desc = p.s("chart.map.desc", groups=str(len(groups)), links=str(len(pairs)), max=str(most))
    picture = svg.document("chart-map", width, height, title, desc, "".join(body), hotspots=hot)

    rows = []
    for (a, b), recs in pairs.items():
        links = [f'<a href="{p.to("recommendations", r.id)}">{p.t(r.title)}</a>' for r in recs]
        rows.append(({"id": f"map-{a}-{b}"}, [p.group_names([a]), p.group_names([b]), str(len(recs)), p.list(links)]))
    headers = [p.s(f"chart.map.col_{c}") for c in ("lead", "partner", "count", "list")]
    data = table("kb-chart-map-table", p.s("chart.map.caption_table"), headers, rows)
    sources = _sources(p, (s for r in kb.recommendations.values() for s in r.sources))
    return _figure(p, "map", picture, p.s("chart.map.caption"), data, sources=sources, wide=True)


# -- 2. root-cause graph --------------------------------------------------------------------------
def root_cause_graph(p: Page) -> str:
    """Findings, root causes (by level) and recommendations in three columns, right to left."""
    kb, lang = p.kb, p.lang
    causes = [c for level in Level for c in kb.root_causes.values() if c.level is level]
    findings = [f for f in kb.findings.values() if any(f.id in c.findings for c in causes)]
    recs = [r for r in kb.recommendations.values() if r.root_causes]
    f_edges = [(f"f:{f}", f"c:{c.id}") for c in causes for f in c.findings]
    r_edges = [(f"c:{c}", f"r:{r.id}") for r in recs for c in r.root_causes]
    levels = {f"c:{c.id}": list(Level).index(c.level) for c in causes}
    columns = svg.order_columns(
        [[f"f:{f.id}" for f in findings], [f"c:{c.id}" for c in causes], [f"r:{r.id}" for r in recs]],
        f_edges + r_edges,
        blocks=levels,
    )

    box_w, gap, margin, head = 176.0, 64.0, 4.0, 34.0
    xs = [margin, margin + box_w + gap, margin + 2 * (box_w + gap)]
    width = xs[2] + box_w + margin
    label = (
        {f"f:{f.id}": f.title(lang) for f in findings}
        | {f"c:{c.id}": c.cause(lang) for c in causes}
        | {f"r:{r.id}": r.title(lang) for r in recs}
    )
    href = (
        {f"f:{f.id}": p.to("findings", f.id) for f in findings}
        | {f"c:{c.id}": p.to("root_causes", c.id) for c in causes}
        | {f"r:{r.id}": p.to("recommendations", r.id) for r in recs}
    )
    lines = {n: svg.wrap(t, box_w - 2 * PAD, SIZE) for n, t in label.items()}
    heights = {n: svg.block_height(len(ls), SIZE, PAD) for n, ls in lines.items()}
    # a heading above the first cause of each level
    band = 26.0
    breaks, seen = {}, set()
    for n in columns[1]:
        if levels[n] not in seen:
            seen.add(levels[n])
            breaks[n] = band
    totals = [sum(heights[n] for n in col) + 6 * (len(col) - 1) + sum(breaks.get(n, 0) for n in col) for col in columns]
    total = max(totals)
    tops: dict[str, float] = {}
    for col in columns:
        tops |= _stack(col, heights, head, total, 6, breaks)
    order = {n: i for col in columns for i, n in enumerate(col)}
    edges = f_edges + r_edges
    ports = _ports(edges, tops, heights, order)
    col_of = {n: c for c, col in enumerate(columns) for n in col}

    body = [
        svg.text(x, 16, [p.plain(f"chart.causes.{k}")], SIZE, cls="kb-chart-head")
        for x, k in zip(xs, ("findings", "causes", "recommendations"), strict=True)
    ]
    drawn: list[str] = []
    hot: list[str] = []
    for a, b in edges:  # drawn from the right-hand node to the left-hand one: the arrow points left
        right, left = (a, b) if col_of[a] > col_of[b] else (b, a)
        d = svg.curve(xs[col_of[right]], ports[(right, a, b)], xs[col_of[left]] + box_w + 1, ports[(left, a, b)])
        drawn.append(f'<path class="kb-chart-edge kb-chart-arrowed" d="{d}" marker-end="url(#chart-causes-arrow)"/>')
    body.append('<g class="kb-chart-edges">' + "".join(drawn) + "</g>")
    for n in columns[1]:
        if n in breaks:
            level = list(Level)[levels[n]]
            body.append(svg.text(xs[1], tops[n] - 8, [p.plain("level." + level.value)], SIZE - 1, cls="kb-chart-band"))
    for c, col in enumerate(columns):
        for n in col:
            cls = "kb-chart-node" + (f" kb-chart-level-{list(Level)[levels[n]].value}" if n in levels else "")
            body.append(svg.box(xs[c], tops[n], box_w, heights[n], lines[n], SIZE, cls=cls, pad=PAD))
            hot.append(svg.hotspot(href[n], svg.hot_rect(xs[c], tops[n], box_w, heights[n]), label[n]))
    height = head + total + 8
    arrow = (
        '<marker id="chart-causes-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" '
        'orient="auto"><path class="kb-chart-arrow" d="M0 0L8 4L0 8z"/></marker>'
    )
    title = p.s("chart.causes.title")
    desc = p.s(
        "chart.causes.desc",
        findings=str(len(findings)),
        causes=str(len(causes)),
        recommendations=str(len(recs)),
        cause_links=str(len(f_edges)),
        rec_links=str(len(r_edges)),
    )
    picture = svg.document("chart-causes", width, height, title, desc, "".join(body), defs=arrow, hotspots=hot)

    rows: list[Row] = []
    for cause in causes:
        drives = [f'<a href="{p.to("findings", f)}">{p.t(kb.findings[f].title)}</a>' for f in cause.findings]
        by = [
            f'<a href="{p.to("recommendations", r.id)}">{p.t(r.title)}</a>' for r in recs if cause.id in r.root_causes
        ]
        rows.append(
            (
                {},
                [
                    f'<a href="{p.to("root_causes", cause.id)}">{p.t(cause.cause)}</a>',
                    p.s("level." + cause.level.value),
                    p.list(drives),
                    p.list(by),
                ],
            )
        )
    headers = [p.s("col.cause"), p.s("col.level"), p.s("chart.causes.col_drives"), p.s("chart.causes.col_addressed")]
    data = table("kb-chart-causes-table", p.s("chart.causes.caption_table"), headers, rows)
    sources = _sources(p, [s for c in causes for s in c.sources] + [s for r in recs for s in r.sources])
    return _figure(p, "causes", picture, p.s("chart.causes.caption"), data, sources=sources, wide=True)


# -- 3. timeline ----------------------------------------------------------------------------------
_MARKERS = {  # one shape per track, so that the strand never rests on colour
    "project": '<circle cx="{x}" cy="{y}" r="6" class="kb-chart-mark kb-chart-track-project"/>',
    "law": '<rect x="{x0}" y="{y0}" width="11" height="11" class="kb-chart-mark kb-chart-track-law"/>',
    "industry": '<path d="M{x} {y1}l6.5 6.5l-6.5 6.5l-6.5-6.5z" class="kb-chart-mark kb-chart-track-industry"/>',
}


def _marker(track: str, x: float, y: float) -> str:
    return _MARKERS[track].format(
        x=svg.num(x), y=svg.num(y), x0=svg.num(x - 5.5), y0=svg.num(y - 5.5), y1=svg.num(y - 6.5)
    )


def timeline_chart(p: Page) -> str:
    """The dated events top to bottom on one line, each marked by the shape of its track.
    The table under it is the site's timeline table (the only one on the page)."""
    from macros.render.records import timeline

    kb = p.kb
    events = sorted(kb.timeline.values(), key=lambda e: e.date)
    width, axis, text_x, size = 350.0, 12.0, 30.0, 13.0
    used = {e.track for e in events}
    tracks = [t.value for t in Track if t in used]  # legend in the model's order: project, law, industry
    body, y = [], 8.0
    for track in tracks:  # legend
        body.append(_marker(track, axis, y + 6) + svg.text(text_x, y + 10, [p.plain("track." + track)], SIZE))
        y += 20
    y += 14
    axis_parts, hot, prev_y, prev_year = [], [], None, None
    for e in events:
        year = int(e.date[:4])
        if prev_year is not None and prev_y is not None and year - prev_year > 1:
            y += 18  # a dashed stretch stands for the years without an event
            axis_parts.append(
                f'<path class="kb-chart-axis kb-chart-gap" d="M{svg.num(axis)} {svg.num(prev_y)}V{svg.num(y)}"/>'
            )
            prev_y = y
        lines = svg.wrap(e.event(p.lang), width - text_x - 2, size)
        date = p.plain("chart.timeline.entry", date=_plain_date(p, e.date), track=p.plain("track." + e.track.value))
        if prev_y is not None:
            axis_parts.append(f'<path class="kb-chart-axis" d="M{svg.num(axis)} {svg.num(prev_y)}V{svg.num(y + 6)}"/>')
        body.append(_marker(e.track.value, axis, y + 6))
        body.append(svg.text(text_x, y + 10, [date], SIZE, cls="kb-chart-date"))
        hot.append(
            svg.hotspot(f"#event-{e.id}", svg.hot_rect(text_x - 2, y - 3, svg.text_width(date, SIZE) + 4, SIZE + 5))
        )
        body.append(svg.text(text_x, y + 10 + size * 1.45, lines, size))
        prev_y, prev_year = y + 6, year
        y += 10 + size * 1.45 + len(lines) * size * svg.LINE_HEIGHT + 10
    height = y
    title = p.s("chart.timeline.title", first=esc(events[0].date[:4]), last=esc(events[-1].date[:4]))
    desc = p.s(
        "chart.timeline.desc",
        count=str(len(events)),
        first=esc(events[0].date[:4]),
        last=esc(events[-1].date[:4]),
        tracks=p.join(p.s("track." + t) for t in tracks),
    )
    picture = svg.document(
        "chart-timeline", width, height, title, desc, "".join(axis_parts) + "".join(body), hotspots=hot
    )
    sources = _sources(p, (s for e in events for s in e.sources))
    return _figure(p, "timeline", picture, p.s("chart.timeline.caption"), timeline(p), sources=sources, open_data=True)


def _plain_date(p: Page, iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 1:
        return p.plain("date.year", year=parts[0])
    month = p.plain(f"month.{int(parts[1])}")
    if len(parts) == 2:
        return p.plain("date.month", year=parts[0], month=month)
    return p.plain("date.day", year=parts[0], month=month, day=str(int(parts[2])))


# -- 4. minimum wage ------------------------------------------------------------------------------
def _year(iso: str) -> float:
    """A date as a fractional year (a bare year is its 1 January)."""
    parts = [int(x) for x in iso.split("-")] + [1, 1]
    return parts[0] + (parts[1] - 1) / 12 + (parts[2] - 1) / 365


def minimum_wage_chart(p: Page) -> str:
    """Shenzhen's minimum wage as steps: inside the zone (solid), outside (dashed), citywide (thick);
    an unconfirmed level is a hatched, labelled band with no line through it."""
    levels: list[MinimumWage] = sorted(p.kb.minimum_wage.values(), key=lambda w: _year(w.effective))
    first, last = int(levels[0].effective[:4]), int(levels[-1].effective[:4]) + 1
    amounts = [a for w in levels for a in (w.inside_zone, w.outside_zone, w.citywide) if a]
    top_value = math.ceil(max(amounts) / 200) * 200
    width, left, right = 350.0, 42.0, 304.0
    legend_h = 4 * 18 + 8
    top, bottom = legend_h + 22, legend_h + 22 + 190

    def x(iso_or_year: str | float) -> float:
        t = _year(iso_or_year) if isinstance(iso_or_year, str) else iso_or_year
        return left + (t - first) / (last - first) * (right - left)

    def y(value: float) -> float:
        return bottom - value / top_value * (bottom - top)

    small = SIZE - 1
    body = []
    # legend: a line sample or a swatch, and its name, so nothing rests on colour
    samples = [
        ("inside", '<path class="kb-chart-wage kb-chart-wage-inside" d="M{x0} {y}h30"/>'),
        ("outside", '<path class="kb-chart-wage kb-chart-wage-outside" d="M{x0} {y}h30"/>'),
        ("citywide", '<path class="kb-chart-wage kb-chart-wage-citywide" d="M{x0} {y}h30"/>'),
        (
            "unconfirmed",
            (
                '<rect class="kb-chart-unconfirmed" fill="url(#chart-wage-hatch)"'
                ' x="{x0}" y="{y0}" width="30" height="12"/>'
            ),
        ),
    ]
    for i, (key, sample) in enumerate(samples):
        ly = 14 + i * 18
        body.append(
            sample.format(x0="4", y=svg.num(ly - 4), y0=svg.num(ly - 10))
            + svg.text(42, ly, [p.plain(f"chart.wage.{key}")], small)
        )
    # axes
    body.append(svg.text(4, top - 10, [p.plain("chart.wage.axis")], small, cls="kb-chart-note"))
    for v in range(0, top_value + 1, 200):
        body.append(f'<path class="kb-chart-grid" d="M{svg.num(left)} {svg.num(y(v))}H{svg.num(right)}"/>')
        body.append(svg.text(left - 4, y(v) + 4, [_number(p, v)], small - 1, anchor="end", cls="kb-chart-note"))
    for yr in range(first, last + 1):
        body.append(f'<path class="kb-chart-grid" d="M{svg.num(x(yr))} {svg.num(bottom)}v4"/>')
        body.append(svg.text(x(yr), bottom + 16, [str(yr)], small - 1, anchor="middle", cls="kb-chart-note"))
    body.append(f'<path class="kb-chart-axis" d="M{svg.num(left)} {svg.num(bottom)}H{svg.num(right)}"/>')
    # the levels, each until the next record
    prev: MinimumWage | None = None
    for i, w in enumerate(levels):
        x0 = x(w.effective)
        x1 = x(levels[i + 1].effective) if i + 1 < len(levels) else right
        if not w.confirmed:
            body.append(
                f'<rect class="kb-chart-unconfirmed" fill="url(#chart-wage-hatch)"'
                f' x="{svg.num(x0)}" y="{svg.num(top)}" '
                f'width="{svg.num(x1 - x0)}" height="{svg.num(bottom - top)}"/>'
            )
            words = svg.wrap(p.plain("chart.wage.unconfirmed"), x1 - x0 - 6, small)
            body.append(svg.text(x0 + 3, top + 14, words, small, cls="kb-chart-label"))
            prev = None
            continue
        lines = [("citywide", w.citywide)] if w.citywide else [("inside", w.inside_zone), ("outside", w.outside_zone)]
        for key, value in lines:
            if value is None:  # the model requires both zones when there is no citywide figure
                continue
            before = (prev.citywide or (prev.inside_zone if key == "inside" else prev.outside_zone)) if prev else None
            start = (
                f"M{svg.num(x0)} {svg.num(y(before))}V{svg.num(y(value))}"
                if before
                else f"M{svg.num(x0)} {svg.num(y(value))}"
            )
            if key == "citywide" and prev and not prev.citywide and prev.outside_zone:  # the outside line rises too
                start += f"M{svg.num(x0)} {svg.num(y(prev.outside_zone))}V{svg.num(y(value))}"
            body.append(f'<path class="kb-chart-wage kb-chart-wage-{key}" d="{start}H{svg.num(x1)}"/>')
            below = key == "outside"
            body.append(
                svg.text(x0 + 3, y(value) + (14 if below else -5), [_number(p, value)], small, cls="kb-chart-label")
            )
        prev = w
    height = bottom + 24
    amounts_text = p.plain("punct.list").join(
        p.plain(
            "chart.wage.desc_level" if w.confirmed else "chart.wage.desc_unconfirmed",
            date=_plain_date(p, w.effective),
            amounts=_amounts(p, w),
        )
        for w in levels
    )
    title = p.s("chart.wage.title", first=str(first), last=str(last - 1))
    desc = p.s("chart.wage.desc", levels=esc(amounts_text))
    picture = svg.document("chart-wage", width, height, title, desc, "".join(body), defs=_hatch("chart-wage-hatch"))

    rows = []
    for w in levels:
        nc = p.s("chart.wage.unconfirmed")
        cells = [
            p.date(w.effective),
            _number(p, w.inside_zone) if w.inside_zone else (nc if not w.confirmed else "—"),
            _number(p, w.outside_zone) if w.outside_zone else (nc if not w.confirmed else "—"),
            _number(p, w.citywide) if w.citywide else (nc if not w.confirmed else "—"),
            p.cited(p.t(w.note), w.sources) if w.note else p.cite(*w.sources),
        ]
        rows.append(({"id": f"wage-{w.id}"}, cells))
    headers = [p.s(f"chart.wage.col_{c}") for c in ("effective", "inside", "outside", "citywide", "note")]
    data = table("kb-chart-wage-table", p.s("chart.wage.caption_table"), headers, rows)
    sources = _sources(p, (s for w in levels for s in w.sources))
    return _figure(p, "wage", picture, p.s("chart.wage.caption"), data, sources=sources, open_data=True)


def _hatch(pattern_id: str) -> str:
    """Diagonal hatching: marks what is uncertain or partial by pattern, not by colour."""
    return (
        f'<pattern id="{pattern_id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<path class="kb-chart-hatch" d="M0 0V6"/></pattern>'
    )


def _amounts(p: Page, w: MinimumWage) -> str:
    if w.citywide:
        return p.plain("chart.wage.desc_citywide", amount=_number(p, w.citywide))
    return p.plain(
        "chart.wage.desc_zones", inside=_number(p, w.inside_zone or 0), outside=_number(p, w.outside_zone or 0)
    )


# -- 5. recommendation matrix ---------------------------------------------------------------------
def recommendation_matrix(p: Page) -> str:
    """Groups (rows) x areas (columns): how many recommendations each group leads or partners in each area."""
    kb, lang = p.kb, p.lang
    groups = list(kb.stakeholder_groups)
    areas = list(dict.fromkeys(r.area.value for r in kb.recommendations.values()))
    count = {
        (g, a): [r for r in kb.recommendations.values() if r.area.value == a and g in r.owners + r.partners]
        for g in groups
        for a in areas
    }
    most = max((len(v) for v in count.values()), default=1) or 1
    head_w, cell_w, cell_h, margin, head_size = 118.0, 70.0, 44.0, 4.0, SIZE - 2
    area_lines = {a: svg.wrap(p.plain("area." + a), cell_w - 2, head_size) for a in areas}
    head_h = max(len(v) for v in area_lines.values()) * head_size * svg.LINE_HEIGHT + 10
    names = {g: svg.wrap(kb.stakeholder_groups[g].name(lang), head_w - 8, SIZE - 1) for g in groups}
    rows_h = {g: max(cell_h, svg.block_height(len(names[g]), SIZE - 1, 4)) for g in groups}
    width = margin + head_w + cell_w * len(areas) + margin
    base = p.ctx.link(PAGES["recommendations"])
    body: list[str] = []
    hot: list[str] = []
    for j, a in enumerate(areas):
        cx = margin + head_w + j * cell_w + cell_w / 2
        body.append(svg.text(cx, head_size + 2, area_lines[a], head_size, anchor="middle", cls="kb-chart-head"))
    y = head_h
    for g in groups:
        h = rows_h[g]
        body.append(
            svg.text(margin, y + (h - len(names[g]) * (SIZE - 1) * svg.LINE_HEIGHT) / 2 + SIZE - 2, names[g], SIZE - 1)
        )
        hot.append(svg.hotspot(p.plan_link(g), svg.hot_rect(margin, y + 2, head_w - 6, h - 4)))
        for j, a in enumerate(areas):
            recs = count[(g, a)]
            x0 = margin + head_w + j * cell_w
            n, lead = len(recs), sum(1 for r in recs if g in r.owners)
            shade = f' style="fill-opacity:{svg.num(0.08 + 0.42 * n / most)}"' if n else ""
            cell = (
                f'<rect class="kb-chart-cell{"" if n else " kb-chart-empty"}"'
                f' x="{svg.num(x0 + 1)}" y="{svg.num(y + 1)}" '
                f'width="{svg.num(cell_w - 2)}" height="{svg.num(h - 2)}"{shade}/>'
            )
            if not n:
                body.append(
                    cell + svg.text(x0 + cell_w / 2, y + h / 2 + 4, ["–"], SIZE, anchor="middle", cls="kb-chart-note")
                )
                continue
            label = p.plain(
                "chart.matrix.cell",
                group=kb.stakeholder_groups[g].name(lang),
                area=p.plain("area." + a),
                count=str(n),
                lead=str(lead),
            )
            numbers = svg.text(
                x0 + cell_w / 2, y + h / 2 + 1, [str(n)], SIZE + 3, anchor="middle", cls="kb-chart-count"
            )
            leads = svg.text(
                x0 + cell_w / 2,
                y + h / 2 + 15,
                [p.plain("chart.matrix.lead", count=str(lead))],
                SIZE - 2,
                anchor="middle",
            )
            body.append(cell + numbers + leads)
            hot.append(svg.hotspot(f"{base}?group={g}&area={a}", svg.hot_rect(x0 + 1, y + 1, cell_w - 2, h - 2), label))
        y += h
    height = y + margin
    title = p.s("chart.matrix.title")
    desc = p.s("chart.matrix.desc", groups=str(len(groups)), areas=str(len(areas)))
    picture = svg.document("chart-matrix", width, height, title, desc, "".join(body), hotspots=hot)

    rows: list[Row] = []
    for g in groups:
        cells = [p.group_names([g])]
        for a in areas:
            n = len(count[(g, a)])
            lead = sum(1 for r in count[(g, a)] if g in r.owners)
            cells.append(
                f'<a href="{esc_attr(f"{base}?group={g}&area={a}")}">{n}</a>'
                + p.paren(p.s("chart.matrix.lead", count=str(lead)))
                if n
                else "0"
            )
        rows.append(({}, cells))
    headers = [p.s("chart.matrix.col_group")] + [p.s("area." + a) for a in areas]
    data = table("kb-chart-matrix-table", p.s("chart.matrix.caption_table"), headers, rows)
    sources = _sources(p, (s for r in kb.recommendations.values() for s in r.sources))
    return _figure(p, "matrix", picture, p.s("chart.matrix.caption"), data, sources=sources, wide=True)


# -- 6. self-assessment by area (drawn in the browser: the answers live there) ---------------------
ANSWERS = ("yes", "partly", "no", "na", "open")


def _fill(answer: str) -> str:
    return ' fill="url(#chart-self-hatch)"' if answer == "partly" else ""


def checklist_chart(p: Page) -> str:
    """The skeleton of the per-area picture of the reader's answers; checklist-chart.js sizes its bars.

    Hidden until the script runs (without it there are no answers to draw). DOM contract:
    div[data-kb-checklist-chart] holds one g[data-section] per checklist section with a
    rect[data-answer] per answer and a text[data-counts]; the table holds span[data-section][data-answer].
    """
    kb = p.kb
    width, bar_x, bar_w, small = 340.0, 4.0, 332.0, SIZE - 1
    body, y = [], 4.0
    swatch_x = 4.0
    for a in ANSWERS:  # legend: a swatch of each answer's pattern and its name
        name = p.plain("chart.self." + a) if a == "open" else p.plain("checklist." + a)
        w = svg.text_width(name, small) + 26
        if swatch_x + w > width:
            swatch_x, y = 4.0, y + 18
        body.append(
            f'<rect class="kb-chart-answer kb-chart-answer-{a}"{_fill(a)}'
            f' x="{svg.num(swatch_x)}" y="{svg.num(y + 2)}" width="14" height="12"/>'
            + svg.text(swatch_x + 18, y + 12, [name], small)
        )
        swatch_x += w + 6
    y += 30
    for sec in kb.checklist.values():
        total = len(sec.items)
        heading = svg.wrap(sec.title(p.lang), width - 8, SIZE)
        body.append(f'<g data-section="{esc_attr(sec.id)}" data-total="{total}">')
        body.append(svg.text(bar_x, y + SIZE, heading, SIZE, cls="kb-chart-head"))
        y += len(heading) * SIZE * svg.LINE_HEIGHT + 4
        body.append(
            f'<rect class="kb-chart-bar" x="{svg.num(bar_x)}" y="{svg.num(y)}" width="{svg.num(bar_w)}" height="18"/>'
        )
        for a in ANSWERS:
            full = bar_w if a == "open" else 0
            body.append(
                f'<rect class="kb-chart-answer kb-chart-answer-{a}"{_fill(a)} data-answer="{a}" x="{svg.num(bar_x)}" '
                f'y="{svg.num(y)}" width="{svg.num(full)}" height="18"/>'
            )
        y += 18 + small + 4
        body.append(
            svg.text(
                bar_x,
                y,
                [p.plain("chart.self.counts", yes="0", partly="0", no="0", na="0", open=str(total))],
                small,
                cls="kb-chart-note",
            ).replace("<text ", '<text data-counts="" ', 1)
        )
        body.append("</g>")
        y += 16
    height = y
    title = p.s("chart.self.title")
    desc = p.s("chart.self.desc")
    picture = svg.document("chart-self", width, height, title, desc, "".join(body), defs=_hatch("chart-self-hatch"))

    rows: list[Row] = []
    for sec in kb.checklist.values():
        cells = [p.t(sec.title)] + [
            f'<span data-section="{esc_attr(sec.id)}" data-answer="{a}">{len(sec.items) if a == "open" else 0}</span>'
            for a in ANSWERS
        ]
        rows.append(({}, cells))
    headers = [p.s("chart.self.col_area")] + [
        p.s("chart.self." + a) if a == "open" else p.s("checklist." + a) for a in ANSWERS
    ]
    data = table("kb-chart-self-table", p.s("chart.self.caption_table"), headers, rows)
    template = f' data-template="{esc_attr(p.strings["chart.self.counts"])}" data-kb-checklist-chart hidden'
    return _figure(p, "self", picture, p.s("chart.self.caption"), data, sources=[], attrs=template)
