"""A page of its own for one recommendation, finding or root cause (generated for every record in
every language by macros/plugin/record_pages.py), with its neighbours in the data as links:

    finding <- root causes <- recommendation -> actions -> stakeholder groups, and back.

A reader who arrives from a chat link, a QR code or search sees the whole record on a phone,
without a nine-column table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from macros.core.kinds import KINDS, Kind
from macros.core.model import Finding, Level, Recommendation, Record, RootCause
from macros.core.pages import PAGES
from macros.core.shortlinks import go_path
from macros.render import situations
from macros.render.changes import now_note
from macros.render.html import esc
from macros.render.page import Page


def title(p: Page, kind: str, rid: str) -> str:
    """A record's title, escaped, for the page's level-1 heading (which MkDocs makes the page title)."""
    return esc(record_title(p.kb.records[kind][rid], p.lang))


def record_page(p: Page, kind: str, rid: str) -> str:
    """The page body of one record, below its heading (its kind's entry in RENDERERS, at the end of this module)."""
    return RENDERERS[kind](p, p.kb.records[kind][rid]) + "\n"


def record_title(kb_record: Record, lang: str) -> str:
    """A record's title as plain text (the page's title; escaped where it is written)."""
    return _kind_of(kb_record).title(kb_record, lang)


def record_description(kb_record: Record, lang: str) -> str:
    """The first sentence-sized part of a record's text, for the page's meta description."""
    text: str = getattr(kb_record, str(_kind_of(kb_record).description_field))(lang)
    return text if len(text) <= 200 else text[:199].rstrip() + "…"


def _kind_of(kb_record: Record) -> Kind:
    return next(kind for kind in KINDS.values() if type(kb_record) is kind.model)


# -- pieces -----------------------------------------------------------------------


def _head(p: Page, kind: str) -> str:
    """What kind of record this is, under the heading (kept out of the search text)."""
    return f'<p class="kb-record-kind" data-search-exclude>{p.label(str(KINDS[kind].label))}</p>'


def _facts(p: Page, pairs: Iterable[tuple[str, str]]) -> str:
    """Label: value pairs, one under the other (reads on a phone, prints whole)."""
    items = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in pairs)
    return f'<dl class="kb-facts">{items}</dl>'


def _section(p: Page, section_id: str, heading: str, body: str) -> str:
    return f'\n<h2 id="{section_id}">{heading}</h2>\n{body}\n'


def _links(p: Page, kind: str, records: Iterable[Recommendation | Finding | RootCause]) -> str:
    items = [f'<a href="{p.record(kind, r.id)}">{esc(record_title(r, p.lang))}</a>' for r in records]
    return p.list(items) if items else f"<p>{p.none()}</p>"


def _short(p: Page, short_id: str) -> tuple[str, str]:
    """The record's short link (printed on handouts and slides), as a link to itself."""
    return p.ctx.lang_root() + go_path(short_id, p.ctx.directory_urls), p.label(
        "record.short_link", url=esc(p.ctx.public_url(go_path(short_id)))
    )


def _see_also(p: Page, links: Iterable[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    return f'<ul class="kb-see-also">{items}</ul>'


# -- one page per kind ---------------------------------------------------------------


def _recommendation(p: Page, rec: Recommendation) -> str:
    kb = p.kb
    facts = [
        (p.label("record.led_by"), p.group_names(rec.owners)),
        (p.label("record.takes_part"), p.group_names(rec.partners)),
        (p.label("col.area"), p.label("area." + rec.area.value)),
        (p.label("col.priority"), p.label("priority." + rec.priority.value)),
        (p.label("col.timeframe"), p.label("timeframe." + rec.timeframe.value)),
        (p.label("label.provenance"), p.provenance(rec.provenance, rec.sources)),
    ]
    if rec.guide:
        facts.append((p.label("col.guide"), f'<a href="{p.ctx.link(rec.guide)}">{p.label("record.open_guide")}</a>'))
    out = [_head(p, "recommendations"), f'<p class="kb-record-summary">{p.text(rec.summary)}</p>', _facts(p, facts)]
    out.append(_section(p, "indicators", p.label("col.indicators"), p.list([p.text(i) for i in rec.indicators])))
    addresses = (
        f'<h3 id="findings">{p.label("record.findings")}</h3>'
        + _links(p, "findings", [kb.findings[f] for f in rec.findings])
        + f'<h3 id="root-causes">{p.label("record.root_causes")}</h3>'
        + _links(p, "root_causes", [kb.root_causes[c] for c in rec.root_causes])
    )
    out.append(_section(p, "addresses", p.label("record.addresses"), addresses))
    actions = [a for a in kb.actions.values() if a.recommendation == rec.id]
    items = []
    for a in actions:
        group = f'<a href="{p.plan_link(a.group)}#action-{a.id}">{p.text(kb.stakeholder_groups[a.group].name)}</a>'
        meta = p.colon(p.label("col.indicator"), p.text(a.indicator))
        items.append(
            f"<strong>{group}</strong>{p.label('punct.colon')}{p.text(a.step)}"
            f'<span class="kb-meta">{p.label("timeframe." + a.timeframe.value)}{p.label("punct.list")}{meta}</span>'
            + now_note(p, "actions", a.id)
        )
    out.append(
        _section(
            p,
            "actions",
            p.label("record.actions"),
            f'<ul class="kb-record-actions">{"".join(f"<li>{i}</li>" for i in items)}</ul>'
            if items
            else f"<p>{p.none()}</p>",
        )
    )
    out.append(
        _section(
            p,
            "more",
            p.label("record.more"),
            _see_also(
                p,
                [
                    (p.to("recommendations", rec.id), p.label("record.in_table")),
                    _short(p, rec.id),
                ],
            ),
        )
    )
    return "".join(out)


def _finding(p: Page, f: Finding) -> str:
    kb = p.kb
    causes = [c for c in kb.root_causes.values() if f.id in c.findings]
    recs = [r for r in kb.recommendations.values() if f.id in r.findings]
    theme = kb.themes[f.theme]
    facts = [
        (p.label("label.theme"), f'<a href="{p.ctx.link(PAGES["findings"], theme.id)}">{p.text(theme.name)}</a>'),
        (p.label("col.evidence"), p.text(f.evidence)),
        (p.label("label.provenance"), p.provenance(f.provenance, f.sources)),
    ]
    out = [
        _head(p, "findings"),
        f'<p class="kb-record-summary">{p.text(f.statement)}</p>',
        now_note(p, "findings", f.id),
        _facts(p, facts),
    ]
    by_level = "".join(
        f'<h3 id="level-{level.value}">{p.label("level." + level.value)}</h3>'
        + _links(p, "root_causes", [c for c in causes if c.level is level])
        for level in Level
        if any(c.level is level for c in causes)
    )
    out.append(_section(p, "root-causes", p.label("record.root_causes"), by_level or f"<p>{p.none()}</p>"))
    out.append(_section(p, "recommendations", p.label("record.recommendations"), _links(p, "recommendations", recs)))
    more = [(p.to("findings", f.id), p.label("record.in_findings")), _short(p, f"finding-{f.id}")]
    if causes:
        more.append((p.ctx.link(PAGES["root_causes"], f"chain-{f.id}"), p.label("record.in_chain")))
    out.append(_section(p, "more", p.label("record.more"), _see_also(p, more)))
    return "".join(out)


def _root_cause(p: Page, c: RootCause) -> str:
    kb = p.kb
    recs = [r for r in kb.recommendations.values() if c.id in r.root_causes]
    facts = [
        (p.label("col.level"), p.label("level." + c.level.value)),
        (p.label("col.groups"), p.group_names(c.groups)),
        (p.label("label.provenance"), p.provenance(c.provenance, c.sources)),
    ]
    out = [_head(p, "root_causes"), f'<p class="kb-record-summary">{p.text(c.explanation)}</p>', _facts(p, facts)]
    out.append(
        _section(p, "findings", p.label("record.explains"), _links(p, "findings", [kb.findings[f] for f in c.findings]))
    )
    out.append(_section(p, "recommendations", p.label("record.recommendations"), _links(p, "recommendations", recs)))
    more = [
        (
            p.ctx.link(PAGES["root_causes"], f"chain-{f}"),
            p.label("record.chain_of", finding=p.text(kb.findings[f].title)),
        )
        for f in c.findings
    ]
    more.append(_short(p, f"cause-{c.id}"))
    out.append(_section(p, "more", p.label("record.more"), _see_also(p, more)))
    return "".join(out)


# The body of each kind's record pages: one entry per kind with pages (record_page in macros/core/kinds.py;
# tests/test_kinds.py checks they agree).
RENDERERS: dict[str, Callable[[Page, Any], str]] = {
    "recommendations": _recommendation,
    "findings": _finding,
    "root_causes": _root_cause,
    "situations": situations.situation_page,
}
