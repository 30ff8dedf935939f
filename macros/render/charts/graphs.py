"""Who works with whom (the stakeholder map) and why findings happen (the root-cause graph)."""

from __future__ import annotations

from macros.core.model import Level, Recommendation
from macros.render import svg
from macros.render.charts import figure as fig
from macros.render.charts.figure import PAD, SIZE
from macros.render.html import Row, table
from macros.render.page import Page


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
    tops = fig.stack(groups, heights, head, total, 14)
    left_x, right_x = margin, margin + box_w + gap
    most = max((len(r) for r in pairs.values()), default=1)

    def stroke(count: int) -> float:
        return 1 + 11 * count / most

    # ports: the left box of `lead` and the right box of `partner` are different nodes
    ends = [(f"L{a}", f"R{b}") for a, b in pairs]
    tops2 = {f"{s}{g}": tops[g] for g in groups for s in "LR"}
    heights2 = {f"{s}{g}": heights[g] for g in groups for s in "LR"}
    order2 = {f"{s}{g}": i for i, g in enumerate(groups) for s in "LR"}
    ports = fig.ports(ends, tops2, heights2, order2)

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
            name = kb.stakeholder_groups[g].name(lang)
            hot.append(svg.hotspot(p.plan_link(g), svg.hot_rect(x, tops[g], box_w, heights[g]), name))
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
    title = p.label("chart.map.title")
    desc = p.label("chart.map.desc", groups=str(len(groups)), links=str(len(pairs)), max=str(most))
    picture = svg.document("chart-map", width, height, title, desc, "".join(body), hotspots=hot)

    rows = []
    for (a, b), recs in pairs.items():
        links = [f'<a href="{p.to("recommendations", r.id)}">{p.text(r.title)}</a>' for r in recs]
        rows.append(({"id": f"map-{a}-{b}"}, [p.group_names([a]), p.group_names([b]), str(len(recs)), p.list(links)]))
    headers = [p.label(f"chart.map.col_{c}") for c in ("lead", "partner", "count", "list")]
    data = table("kb-chart-map-table", p.label("chart.map.caption_table"), headers, rows)
    sources = fig.sources(p, (s for r in kb.recommendations.values() for s in r.sources))
    return fig.figure(p, "map", picture, p.label("chart.map.caption"), data, sources=sources, wide=True)


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
        tops |= fig.stack(col, heights, head, total, 6, breaks)
    order = {n: i for col in columns for i, n in enumerate(col)}
    edges = f_edges + r_edges
    ports = fig.ports(edges, tops, heights, order)
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
    title = p.label("chart.causes.title")
    desc = p.label(
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
        drives = [f'<a href="{p.to("findings", f)}">{p.text(kb.findings[f].title)}</a>' for f in cause.findings]
        by = [
            f'<a href="{p.to("recommendations", r.id)}">{p.text(r.title)}</a>'
            for r in recs
            if cause.id in r.root_causes
        ]
        rows.append(
            (
                {},
                [
                    f'<a href="{p.to("root_causes", cause.id)}">{p.text(cause.cause)}</a>',
                    p.label("level." + cause.level.value),
                    p.list(drives),
                    p.list(by),
                ],
            )
        )
    headers = [
        p.label(key) for key in ("col.cause", "col.level", "chart.causes.col_drives", "chart.causes.col_addressed")
    ]
    data = table("kb-chart-causes-table", p.label("chart.causes.caption_table"), headers, rows)
    sources = fig.sources(p, [s for c in causes for s in c.sources] + [s for r in recs for s in r.sources])
    return fig.figure(p, "causes", picture, p.label("chart.causes.caption"), data, sources=sources, wide=True)
