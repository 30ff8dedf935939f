"""The recommendations by stakeholder group and area, as a grid of counts."""

from __future__ import annotations

from macros.core.pages import PAGES
from macros.render import svg
from macros.render.charts import figure as fig
from macros.render.charts.figure import SIZE
from macros.render.html import Row, esc_attr, table
from macros.render.page import Page


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
    head_w, cell_w, cell_h, margin, head_size = 118.0, 70.0, 44.0, 4.0, SIZE - 1
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
        group_name = kb.stakeholder_groups[g].name(lang)
        hot.append(svg.hotspot(p.plan_link(g), svg.hot_rect(margin, y + 2, head_w - 6, h - 4), group_name))
        for j, a in enumerate(areas):
            recs = count[(g, a)]
            x0 = margin + head_w + j * cell_w
            n, lead = len(recs), sum(1 for r in recs if g in r.owners)
            # a presentation attribute, not style="": the Content-Security-Policy allows no inline style
            shade = f' fill-opacity="{svg.num(0.08 + 0.42 * n / most)}"' if n else ""
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
                SIZE - 1,
                anchor="middle",
            )
            body.append(cell + numbers + leads)
            hot.append(svg.hotspot(f"{base}?group={g}&area={a}", svg.hot_rect(x0 + 1, y + 1, cell_w - 2, h - 2), label))
        y += h
    height = y + margin
    title = p.label("chart.matrix.title")
    desc = p.label("chart.matrix.desc", groups=str(len(groups)), areas=str(len(areas)))
    picture = svg.document("chart-matrix", width, height, title, desc, "".join(body), hotspots=hot)

    rows: list[Row] = []
    for g in groups:
        cells = [p.group_names([g])]
        for a in areas:
            n = len(count[(g, a)])
            lead = sum(1 for r in count[(g, a)] if g in r.owners)
            cells.append(
                f'<a class="kb-count-link" href="{esc_attr(f"{base}?group={g}&area={a}")}">{n}</a>'
                + p.paren(p.label("chart.matrix.lead", count=str(lead)))
                if n
                else "0"
            )
        rows.append(({}, cells))
    headers = [p.label("chart.matrix.col_group")] + [p.label("area." + a) for a in areas]
    data = table("kb-chart-matrix-table", p.label("chart.matrix.caption_table"), headers, rows)
    sources = fig.sources(p, (s for r in kb.recommendations.values() for s in r.sources))
    return fig.figure(p, "matrix", picture, p.label("chart.matrix.caption"), data, sources=sources, wide=True)
