"""The self-assessment by area: bars drawn in the browser from the reader's answers (checklist-chart.js)."""

from __future__ import annotations

from macros.render import svg
from macros.render.charts import figure as fig
from macros.render.charts.figure import SIZE
from macros.render.html import Row, esc_attr, table
from macros.render.page import Page

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
    title = p.label("chart.self.title")
    desc = p.label("chart.self.desc")
    picture = svg.document("chart-self", width, height, title, desc, "".join(body), defs=fig.hatch("chart-self-hatch"))

    rows: list[Row] = []
    for sec in kb.checklist.values():
        cells = [p.text(sec.title)] + [
            f'<span data-section="{esc_attr(sec.id)}" data-answer="{a}">{len(sec.items) if a == "open" else 0}</span>'
            for a in ANSWERS
        ]
        rows.append(({}, cells))
    headers = [p.label("chart.self.col_area")] + [
        p.label("chart.self." + a) if a == "open" else p.label("checklist." + a) for a in ANSWERS
    ]
    data = table("kb-chart-self-table", p.label("chart.self.caption_table"), headers, rows)
    template = f' data-template="{esc_attr(p.strings["chart.self.counts"])}" data-kb-checklist-chart hidden'
    return fig.figure(p, "self", picture, p.label("chart.self.caption"), data, sources=[], attrs=template)
