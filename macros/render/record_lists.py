"""Renderers for the records themselves: recommendations, findings, root causes, costs and
benefits, partners, timeline, glossary and bibliography."""

from __future__ import annotations

from macros.core.languages import SOURCE, WRITTEN, language, written_source
from macros.core.model import Level
from macros.core.pages import anchor
from macros.render.changes import now_note, source_status
from macros.render.html import esc, esc_attr, table
from macros.render.page import Page


def recommendations_table(p: Page) -> str:
    """The essential columns of every recommendation; the rest is on the record's own page.

    The table is kept out of the search index (data-search-exclude): a search for a
    recommendation's words lands on its own page, not on this page's first heading.
    """
    rows = []
    for rec in p.kb.recommendations.values():
        title = (
            f'<a id="{anchor("recommendations", rec.id)}"'
            f' class="kb-title" href="{p.record("recommendations", rec.id)}">{p.text(rec.title)}</a>'
            f'<span class="kb-summary">{p.text(rec.summary)}</span>'
        )
        cells = [
            title,
            p.group_names(rec.owners),
            p.group_names(rec.partners),
            p.label("area." + rec.area.value),
            p.label("priority." + rec.priority.value),
            p.label("timeframe." + rec.timeframe.value),
        ]
        attrs = {
            "data-groups": " ".join(rec.owners + rec.partners),
            "data-owners": " ".join(rec.owners),
            "data-partners": " ".join(rec.partners),
            "data-area": rec.area.value,
            "data-priority": rec.priority.value,
            "data-timeframe": rec.timeframe.value,
        }
        rows.append((attrs, cells))
    headers = [
        p.label("col.recommendation"),
        p.label("record.led_by"),
        p.label("record.takes_part"),
        p.label("col.area"),
        p.label("col.priority"),
        p.label("col.timeframe"),
    ]
    return _filter(p, "kb-recs") + table("kb-recs", p.label("caption.recommendations"), headers, rows, search=False)


def _select(table_id: str, name: str, label: str, everything: str, options: dict[str, str]) -> str:
    items = "".join(f'<option value="{esc_attr(value)}">{text}</option>' for value, text in options.items())
    return (
        f'<span class="kb-filter-field"><label for="{table_id}-{name}">{label}</label>'
        f'<select id="{table_id}-{name}" name="{name}" data-filter="{name}">'
        f'<option value="">{everything}</option>{items}</select></span>'
    )


def _filter(p: Page, table_id: str) -> str:
    """Filter controls, hidden until the script enables them (the table works without it).

    A group is matched as a leader (owners), a partner, or either, as the role select says;
    the script keeps the choice in the URL query (?group=buyers&role=lead), so a filtered view
    can be shared and survives a reload and the language switch.
    """
    recs = p.kb.recommendations.values()
    groups = {g.id: p.text(g.name) for g in p.kb.stakeholder_groups.values()}
    roles = {"lead": p.label("record.filter_lead"), "partner": p.label("record.filter_partner")}
    areas = {a: p.label("area." + a) for a in dict.fromkeys(r.area.value for r in recs)}
    priorities = {v: p.label("priority." + v) for v in dict.fromkeys(r.priority.value for r in recs)}
    timeframes = {v: p.label("timeframe." + v) for v in dict.fromkeys(r.timeframe.value for r in recs)}
    return (
        f'<form class="kb-filter" data-kb-filter="{table_id}" hidden>'
        f"<fieldset><legend>{p.label('filter.legend')}</legend>"
        + _select(table_id, "group", p.label("filter.group"), p.label("filter.all_groups"), groups)
        + _select(table_id, "role", p.label("record.filter_role"), p.label("record.filter_any_role"), roles)
        + _select(table_id, "area", p.label("filter.area"), p.label("filter.all_areas"), areas)
        + _select(
            table_id, "priority", p.label("record.filter_priority"), p.label("record.filter_all_priorities"), priorities
        )
        + _select(
            table_id,
            "timeframe",
            p.label("record.filter_timeframe"),
            p.label("record.filter_all_timeframes"),
            timeframes,
        )
        + f'<button type="reset">{p.label("filter.reset")}</button>'
        f'<p class="kb-filter-status" role="status" aria-live="polite"'
        f' data-template="{esc(p.strings["filter.status"])}"></p>'
        "</fieldset></form>"
    )


def partners(p: Page) -> str:
    rows = []
    for org in p.kb.organisations.values():
        name = p.text(org.name)
        if org.acronym and org.acronym not in org.name(p.lang):  # the name may already carry it
            name = p.label("punct.acronym", name=name, acronym=esc(org.acronym))
        rows.append(
            (
                {"id": anchor("organisations", org.id)},
                [
                    name,
                    p.label("organisation_kind." + org.kind.value),
                    p.text(org.role),
                    p.join(p.text(m) for m in org.members) or p.none(),
                    p.cite(*org.sources),
                ],
            )
        )
    headers = [p.label(f"col.{c}") for c in ("organisation", "kind", "role", "members", "sources")]
    return table("kb-partners", p.label("caption.partners"), headers, rows)


def glossary(p: Page) -> str:
    rows = []
    for term in p.kb.glossary.values():
        # the page's own written source's column in the page's language (converted on a zh-Hant page)
        own = written_source(p.lang)
        avoid = [esc(v) for code in WRITTEN for v in term.avoid(p.lang if code == own else code)]
        names = [
            esc(term.name(p.lang)) if code == own else f'<span lang="{language(code).html}">{esc(name)}</span>'
            for code, name in ((code, term.name(code)) for code in WRITTEN)
        ]
        rows.append(({"id": anchor("glossary", term.id)}, [*names, p.text(term.definition), p.join(avoid) or "—"]))
    # the source language's column is "term", each other written language's "term_<code>"
    columns = ["term" if code == SOURCE else f"term_{code}" for code in WRITTEN]
    headers = [p.label(f"col.{c}") for c in (*columns, "definition", "avoid")]
    # kept out of the search index as one paragraph: each term has an entry of its own (macros/plugin/search_terms.py)
    return table("kb-glossary", p.label("caption.glossary"), headers, rows, search=False)


def sources(p: Page) -> str:
    items = []
    for src in p.kb.sources.values():
        title = p.text(src.title)
        if src.url:
            title = f'<a href="{esc_attr(src.url)}">{title}</a>'
        title = f'<span class="kb-title">{title}</span>'
        publisher = esc(src.publisher(p.lang))
        entry = (  # an undated source says nothing of its date: no "undated" filler
            p.label("punct.source_entry", title=title, publisher=publisher, date=p.date(src.date))
            if src.date
            else p.label("punct.source_entry_undated", title=title, publisher=publisher)
        )
        items.append(
            f'<li id="{anchor("sources", src.id)}">{entry}'
            f'<br><span class="kb-meta">{p.colon(p.label("col.kind"), p.label("source_kind." + src.kind.value))}</span>'
            f"{source_status(p, src)}"
            f'<br><span class="kb-supports">{p.text(src.supports)}</span></li>'
        )
    return f'<ol class="kb-sources">{"".join(items)}</ol>'


def timeline(p: Page) -> str:
    rows = [
        ({"id": anchor("timeline", e.id)}, [p.date(e.date), p.text(e.event), p.cite(*e.sources)])
        for e in p.kb.timeline.values()
    ]
    headers = [p.label(f"col.{c}") for c in ("date", "event", "sources")]
    return table("kb-timeline", p.label("caption.timeline"), headers, rows)


def findings(p: Page) -> str:
    """Findings grouped by theme; each with its statement, evidence, provenance and sources."""
    out = []
    evidence = "<strong>" + p.label("col.evidence") + "</strong>"
    for theme in p.kb.themes.values():
        items = [f for f in p.kb.findings.values() if f.theme == theme.id]
        if not items:
            continue
        out.append(f"\n## {p.text(theme.name)} {{ #{theme.id} }}\n\n<p>{p.text(theme.summary)}</p>")
        for f in items:
            causes = [c for c in p.kb.root_causes.values() if f.id in c.findings]
            cause_links = p.label("punct.list").join(  # ；: a cause's name may itself contain 、
                f'<a href="{p.record("root_causes", c.id)}">{p.text(c.cause)}</a>' for c in causes
            )
            provenance = p.label("provenance." + f.provenance.value)
            if causes:
                provenance += p.label("punct.sentence_end") + p.colon(p.label("label.root_cause"), cause_links)
            out.append(
                f'<article class="kb-card" id="{anchor("findings", f.id)}" data-search-exclude>'
                f'<h3><a href="{p.record("findings", f.id)}">{p.text(f.title)}</a></h3>'
                f"<p>{p.text(f.statement)}</p>"
                f"<p>{p.cited(p.colon(evidence, p.text(f.evidence)), f.sources)}</p>"
                f'<p class="kb-provenance">{provenance}</p>{now_note(p, "findings", f.id)}</article>'
            )
    return "\n".join(out) + "\n"


def root_causes(p: Page) -> str:
    """For each finding, the chain from the symptom down to its causes, by level.

    A cause that explains several findings appears in each of their chains; its explanation, the
    groups that can act on it and its sources are given at its first appearance only (which carries
    the anchor #cause-<id>); later chains name it and refer back. Each cause links to its own page.
    """
    out, placed = [], set()
    for f in p.kb.findings.values():
        causes = [c for c in p.kb.root_causes.values() if f.id in c.findings]
        if not causes:
            continue
        out.append(f"\n## {p.text(f.title)} {{ #chain-{f.id} }}\n")
        levels = []
        for level in Level:
            here = [c for c in causes if c.level is level]
            if not here:
                continue
            cards = []
            for c in here:
                name = f'<strong><a href="{p.record("root_causes", c.id)}">{p.text(c.cause)}</a></strong>'
                if c.id in placed:  # said once, above: here a reference, not the same paragraph again
                    above = f'<a href="#{anchor("root_causes", c.id)}">{p.label("record.see_above")}</a>'
                    cards.append(f'<li>{name}<span class="kb-meta">{p.paren(above)}</span></li>')
                    continue
                id_attr = f' id="{anchor("root_causes", c.id)}"'
                placed.add(c.id)
                cards.append(
                    f'<li{id_attr}><strong><a href="{p.record("root_causes", c.id)}">{p.text(c.cause)}</a></strong>'
                    f"<p>{p.text(c.explanation)}</p>"
                    f'<p class="kb-meta">{p.colon(p.label("col.groups"), p.group_names(c.groups))}'
                    f'{p.label("punct.sentence_end")}'
                    f"{p.provenance(c.provenance, c.sources)}</p></li>"
                )
            levels.append(
                f'<li class="kb-level kb-level-{level.value}">'
                f'<span class="kb-level-name">{p.label("level." + level.value)}</span><ul>{"".join(cards)}</ul></li>'
            )
        symptom = f'<a href="{p.record("findings", f.id)}">{p.text(f.title)}</a>'
        out.append(
            f'<ol class="kb-chain" data-search-exclude'
            f' aria-label="{esc_attr(p.plain("caption.root_causes", finding=f.title(p.lang)))}">'
            f'<li class="kb-level kb-symptom">'
            f'<span class="kb-level-name">{p.label("label.finding")}</span>{symptom}</li>'
            + "".join(levels)
            + "</ol>"
        )
    return "\n".join(out) + "\n"


def costs_benefits(p: Page, kind: str) -> str:
    rows = [
        (
            {"id": anchor("costs_benefits", c.id)},
            [
                p.text(c.title),
                p.text(c.description),
                p.group_names(c.groups),
                p.text(c.measure),
                p.provenance(c.provenance, c.sources),
            ],
        )
        for c in p.kb.costs_benefits.values()
        if c.kind == kind
    ]
    headers = [p.label(f"col.{c}") for c in (kind, "description", "groups", "measure", "sources")]
    return table(f"kb-{kind}s", p.label(f"caption.{kind}s"), headers, rows)


def label(p: Page, key: str) -> str:
    return p.label(key)


def group_name(p: Page, group: str) -> str:
    return p.text(p.kb.stakeholder_groups[group].name)


def group_profile(p: Page, group: str) -> str:
    grp = p.kb.stakeholder_groups[group]
    return (
        f'<dl class="kb-profile"><dt>{p.label("plan.who")}</dt><dd>{p.text(grp.who)}</dd>'
        f"<dt>{p.label('plan.needs')}</dt><dd>{p.text(grp.needs)}</dd></dl>"
    )


def cite(p: Page, *source_ids: str) -> str:
    return p.cite(*source_ids)
