"""Pictures along time: the project timeline and Shenzhen's minimum wage."""

from __future__ import annotations

import math

from macros.core.model import MinimumWage, Track
from macros.core.pages import anchor
from macros.render import svg
from macros.render.charts import figure as fig
from macros.render.charts.figure import SIZE
from macros.render.html import esc, table
from macros.render.page import Page

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
    from macros.render.record_lists import timeline

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
        date = p.plain("chart.timeline.entry", date=plain_date(p, e.date), track=p.plain("track." + e.track.value))
        if prev_y is not None:
            axis_parts.append(f'<path class="kb-chart-axis" d="M{svg.num(axis)} {svg.num(prev_y)}V{svg.num(y + 6)}"/>')
        body.append(_marker(e.track.value, axis, y + 6))
        body.append(svg.text(text_x, y + 10, [date], SIZE, cls="kb-chart-date"))
        hot.append(
            svg.hotspot(
                f"#event-{e.id}",
                svg.hot_rect(text_x - 2, y - 3, svg.text_width(date, SIZE) + 4, SIZE + 5),
                date + p.plain("punct.colon") + e.event(p.lang),
            )
        )
        body.append(svg.text(text_x, y + 10 + size * 1.45, lines, size))
        prev_y, prev_year = y + 6, year
        y += 10 + size * 1.45 + len(lines) * size * svg.LINE_HEIGHT + 10
    height = y
    title = p.label("chart.timeline.title", first=esc(events[0].date[:4]), last=esc(events[-1].date[:4]))
    desc = p.label(
        "chart.timeline.desc",
        count=str(len(events)),
        first=esc(events[0].date[:4]),
        last=esc(events[-1].date[:4]),
        tracks=p.join(p.label("track." + t) for t in tracks),
    )
    picture = svg.document(
        "chart-timeline", width, height, title, desc, "".join(axis_parts) + "".join(body), hotspots=hot
    )
    sources = fig.sources(p, (s for e in events for s in e.sources))
    caption = p.label("chart.timeline.caption")
    return fig.figure(p, "timeline", picture, caption, timeline(p), sources=sources, open_data=True)


def plain_date(p: Page, iso: str) -> str:
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
        body.append(svg.text(left - 4, y(v) + 4, [fig.number(p, v)], small, anchor="end", cls="kb-chart-note"))
    # a tick every year; a year label only as often as labels fit (every 1, 2 or 5 years)
    step = next(n for n in (1, 2, 5, 10) if (last - first) / n <= 7)
    for yr in range(first, last + 1):
        body.append(f'<path class="kb-chart-grid" d="M{svg.num(x(yr))} {svg.num(bottom)}v4"/>')
        if yr % step == 0:
            body.append(svg.text(x(yr), bottom + 16, [str(yr)], small, anchor="middle", cls="kb-chart-note"))
    body.append(f'<path class="kb-chart-axis" d="M{svg.num(left)} {svg.num(bottom)}H{svg.num(right)}"/>')
    # the levels, each until the next record
    prev: MinimumWage | None = None
    label_end = {"above": 0.0, "below": 0.0}  # short-lived levels: a label that would overlap is left out
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
            if len(words) <= 2:  # a band too narrow for its words relies on the legend's hatched swatch
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
            side = "below" if below else "above"
            if x0 + 3 >= label_end[side]:  # the data table below gives every level
                amount = fig.number(p, value)
                body.append(svg.text(x0 + 3, y(value) + (14 if below else -5), [amount], small, cls="kb-chart-label"))
                label_end[side] = x0 + 3 + svg.text_width(amount, small) + 2
        prev = w
    height = bottom + 24
    amounts_text = p.plain("punct.list").join(
        p.plain(
            "chart.wage.desc_level" if w.confirmed else "chart.wage.desc_unconfirmed",
            date=plain_date(p, w.effective),
            amounts=_amounts(p, w),
        )
        for w in levels
    )
    title = p.label("chart.wage.title", first=str(first), last=str(last - 1))
    desc = p.label("chart.wage.desc", levels=esc(amounts_text))
    picture = svg.document("chart-wage", width, height, title, desc, "".join(body), defs=fig.hatch("chart-wage-hatch"))

    rows = []
    for w in levels:
        nc = p.label("chart.wage.unconfirmed")
        cells = [
            p.date(w.effective),
            esc(fig.number(p, w.inside_zone)) if w.inside_zone else (nc if not w.confirmed else "—"),
            esc(fig.number(p, w.outside_zone)) if w.outside_zone else (nc if not w.confirmed else "—"),
            esc(fig.number(p, w.citywide)) if w.citywide else (nc if not w.confirmed else "—"),
            p.cited(p.text(w.note), w.sources) if w.note else p.cite(*w.sources),
        ]
        rows.append(({"id": anchor("minimum_wage", w.id)}, cells))
    headers = [p.label(f"chart.wage.col_{c}") for c in ("effective", "inside", "outside", "citywide", "note")]
    data = table("kb-chart-wage-table", p.label("chart.wage.caption_table"), headers, rows)
    sources = fig.sources(p, (s for w in levels for s in w.sources))
    return fig.figure(p, "wage", picture, p.label("chart.wage.caption"), data, sources=sources, open_data=True)


def _amounts(p: Page, w: MinimumWage) -> str:
    if w.citywide:
        return p.plain("chart.wage.desc_citywide", amount=fig.number(p, w.citywide))
    return p.plain(
        "chart.wage.desc_zones", inside=fig.number(p, w.inside_zone or 0), outside=fig.number(p, w.outside_zone or 0)
    )
