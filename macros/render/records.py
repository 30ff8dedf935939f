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
            f' class="kb-title" href="{p.record("recommendations", rec.id)}">{p.t(rec.title)}</a>'
            f'<span class="kb-summary">{p.t(rec.summary)}</span>'
        )
        cells = [
            title,
            p.group_names(rec.owners),
            p.group_names(rec.partners),
            p.s("area." + rec.area.value),
            p.s("priority." + rec.priority.value),
            p.s("timeframe." + rec.timeframe.value),
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
        p.s("col.recommendation"),
        p.s("record.led_by"),
        p.s("record.takes_part"),
        p.s("col.area"),
        p.s("col.priority"),
        p.s("col.timeframe"),
    ]
    return _filter(p, "kb-recs") + table("kb-recs", p.s("caption.recommendations"), headers, rows, search=False)


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
    groups = {g.id: p.t(g.name) for g in p.kb.stakeholder_groups.values()}
    roles = {"lead": p.s("record.filter_lead"), "partner": p.s("record.filter_partner")}
    areas = {a: p.s("area." + a) for a in dict.fromkeys(r.area.value for r in recs)}
    priorities = {v: p.s("priority." + v) for v in dict.fromkeys(r.priority.value for r in recs)}
    timeframes = {v: p.s("timeframe." + v) for v in dict.fromkeys(r.timeframe.value for r in recs)}
    return (
        f'<form class="kb-filter" data-kb-filter="{table_id}" hidden>'
        f"<fieldset><legend>{p.s('filter.legend')}</legend>"
        + _select(table_id, "group", p.s("filter.group"), p.s("filter.all_groups"), groups)
        + _select(table_id, "role", p.s("record.filter_role"), p.s("record.filter_any_role"), roles)
        + _select(table_id, "area", p.s("filter.area"), p.s("filter.all_areas"), areas)
        + _select(table_id, "priority", p.s("record.filter_priority"), p.s("record.filter_all_priorities"), priorities)
        + _select(
            table_id, "timeframe", p.s("record.filter_timeframe"), p.s("record.filter_all_timeframes"), timeframes
        )
        + f'<button type="reset">{p.s("filter.reset")}</button>'
        f'<p class="kb-filter-status" role="status" aria-live="polite"'
        f' data-template="{esc(p.strings["filter.status"])}"></p>'
        "</fieldset></form>"
    )


def partners(p: Page) -> str:
    rows = []
    for org in p.kb.organisations.values():
        name = p.t(org.name)
        if org.acronym and org.acronym not in org.name(p.lang):  # the name may already carry it
            name = p.s("punct.acronym", name=name, acronym=esc(org.acronym))
        rows.append(
            (
                {"id": f"org-{org.id}"},
                [
                    name,
                    p.s("organisation_kind." + org.kind.value),
                    p.t(org.role),
                    p.join(p.t(m) for m in org.members) or p.none(),
                    p.cite(*org.sources),
                ],
            )
        )
    headers = [p.s(f"col.{c}") for c in ("organisation", "kind", "role", "members", "sources")]
    return table("kb-partners", p.s("caption.partners"), headers, rows)


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
        rows.append(({"id": anchor("glossary", term.id)}, [*names, p.t(term.definition), p.join(avoid) or "—"]))
    # the source language's column is "term", each other written language's "term_<code>"
    columns = ["term" if code == SOURCE else f"term_{code}" for code in WRITTEN]
    headers = [p.s(f"col.{c}") for c in (*columns, "definition", "avoid")]
    # kept out of the search index as one paragraph: each term has an entry of its own (macros/plugin/search_terms.py)
    return table("kb-glossary", p.s("caption.glossary"), headers, rows, search=False)


def sources(p: Page) -> str:
    items = []
    for src in p.kb.sources.values():
        title = p.t(src.title)
        if src.url:
            title = f'<a href="{esc_attr(src.url)}">{title}</a>'
        title = f'<span class="kb-title">{title}</span>'
        publisher = esc(src.publisher(p.lang))
        entry = (  # an undated source says nothing of its date: no "undated" filler
            p.s("punct.source_entry", title=title, publisher=publisher, date=p.date(src.date))
            if src.date
            else p.s("punct.source_entry_undated", title=title, publisher=publisher)
        )
        items.append(
            f'<li id="{anchor("sources", src.id)}">{entry}'
            f'<br><span class="kb-meta">{p.colon(p.s("col.kind"), p.s("source_kind." + src.kind.value))}</span>'
            f"{source_status(p, src)}"
            f'<br><span class="kb-supports">{p.t(src.supports)}</span></li>'
        )
    return f'<ol class="kb-sources">{"".join(items)}</ol>'


def timeline(p: Page) -> str:
    rows = [
        ({"id": f"event-{e.id}"}, [p.date(e.date), p.t(e.event), p.cite(*e.sources)]) for e in p.kb.timeline.values()
    ]
    headers = [p.s(f"col.{c}") for c in ("date", "event", "sources")]
    return table("kb-timeline", p.s("caption.timeline"), headers, rows)


def findings(p: Page) -> str:
    """Findings grouped by theme; each with its statement, evidence, provenance and sources."""
    out = []
    for theme in p.kb.themes.values():
        items = [f for f in p.kb.findings.values() if f.theme == theme.id]
        if not items:
            continue
        out.append(f"\n## {p.t(theme.name)} {{ #{theme.id} }}\n\n<p>{p.t(theme.summary)}</p>")
        for f in items:
            causes = [c for c in p.kb.root_causes.values() if f.id in c.findings]
            cause_links = p.s("punct.list").join(  # ；: a cause's name may itself contain 、
                f'<a href="{p.record("root_causes", c.id)}">{p.t(c.cause)}</a>' for c in causes
            )
            provenance = p.s("provenance." + f.provenance.value)
            if causes:
                provenance += p.s("punct.sentence_end") + p.colon(p.s("label.root_cause"), cause_links)
            out.append(
                f'<article class="kb-card" id="{anchor("findings", f.id)}" data-search-exclude>'
                f'<h3><a href="{p.record("findings", f.id)}">{p.t(f.title)}</a></h3>'
                f"<p>{p.t(f.statement)}</p>"
                f"<p>{p.cited(p.colon('<strong>' + p.s('col.evidence') + '</strong>', p.t(f.evidence)), f.sources)}</p>"
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
        out.append(f"\n## {p.t(f.title)} {{ #chain-{f.id} }}\n")
        levels = []
        for level in Level:
            here = [c for c in causes if c.level is level]
            if not here:
                continue
            cards = []
            for c in here:
                name = f'<strong><a href="{p.record("root_causes", c.id)}">{p.t(c.cause)}</a></strong>'
                if c.id in placed:  # said once, above: here a reference, not the same paragraph again
                    above = f'<a href="#{anchor("root_causes", c.id)}">{p.s("record.see_above")}</a>'
                    cards.append(f'<li>{name}<span class="kb-meta">{p.paren(above)}</span></li>')
                    continue
                id_attr = f' id="{anchor("root_causes", c.id)}"'
                placed.add(c.id)
                cards.append(
                    f'<li{id_attr}><strong><a href="{p.record("root_causes", c.id)}">{p.t(c.cause)}</a></strong>'
                    f"<p>{p.t(c.explanation)}</p>"
                    f'<p class="kb-meta">{p.colon(p.s("col.groups"), p.group_names(c.groups))}'
                    f'{p.s("punct.sentence_end")}'
                    f"{p.provenance(c.provenance, c.sources)}</p></li>"
                )
            levels.append(
                f'<li class="kb-level kb-level-{level.value}">'
                f'<span class="kb-level-name">{p.s("level." + level.value)}</span><ul>{"".join(cards)}</ul></li>'
            )
        symptom = f'<a href="{p.record("findings", f.id)}">{p.t(f.title)}</a>'
        out.append(
            f'<ol class="kb-chain" data-search-exclude'
            f' aria-label="{esc_attr(p.plain("caption.root_causes", finding=f.title(p.lang)))}">'
            f'<li class="kb-level kb-symptom"><span class="kb-level-name">{p.s("label.finding")}</span>{symptom}</li>'
            + "".join(levels)
            + "</ol>"
        )
    return "\n".join(out) + "\n"


def costs_benefits(p: Page, kind: str) -> str:
    rows = [
        (
            {"id": f"cb-{c.id}"},
            [
                p.t(c.title),
                p.t(c.description),
                p.group_names(c.groups),
                p.t(c.measure),
                p.provenance(c.provenance, c.sources),
            ],
        )
        for c in p.kb.costs_benefits.values()
        if c.kind == kind
    ]
    headers = [p.s(f"col.{c}") for c in (kind, "description", "groups", "measure", "sources")]
    return table(f"kb-{kind}s", p.s(f"caption.{kind}s"), headers, rows)


def label(p: Page, key: str) -> str:
    return p.s(key)


def group_name(p: Page, group: str) -> str:
    return p.t(p.kb.stakeholder_groups[group].name)


def group_profile(p: Page, group: str) -> str:
    grp = p.kb.stakeholder_groups[group]
    return (
        f'<dl class="kb-profile"><dt>{p.s("plan.who")}</dt><dd>{p.t(grp.who)}</dd>'
        f"<dt>{p.s('plan.needs')}</dt><dd>{p.t(grp.needs)}</dd></dl>"
    )


def cite(p: Page, *source_ids: str) -> str:
    return p.cite(*source_ids)
