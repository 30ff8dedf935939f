"""Then and now: the dated changes since 2008 (data/changes.yml), the "Since then:" notes that link the
2007–08 record to them, and the status of each law, code or standard on the sources page.

The historical record is never rewritten: a finding, plan action or guide section stays as the
project wrote it, and a short note beside it says what holds today and links to the entry.
"""

from __future__ import annotations

from macros.core.languages import language
from macros.core.model import Change, Source, SourceStatus
from macros.core.pages import anchor
from macros.render.html import esc, esc_attr
from macros.render.page import Page


def affecting(p: Page, kind: str, rid: str) -> list[Change]:
    """The changes whose `affects.<kind>` names this record (findings, actions or sections), by date."""
    found = [c for c in p.kb.changes.values() if rid in getattr(c.affects, kind)]
    return sorted(found, key=lambda c: c.date)


def now_note(p: Page, kind: str, rid: str, *, tag: str = "p") -> str:
    """'Since then: <date>, <title>; …' for a finding, action or section a change affects ('' when none)."""
    changes = affecting(p, kind, rid)
    if not changes:
        return ""
    links = p.s("punct.list").join(
        f'<a href="{p.to("changes", c.id)}">{p.s("now.entry", date=p.date(c.date), title=p.t(c.title))}</a>'
        for c in changes
    )
    label = f"<strong>{p.s('now.label')}</strong>"
    return f'<{tag} class="kb-now" data-search-exclude>{p.colon(label, links)}</{tag}>'


def _section_links(p: Page, sections: list[str]) -> list[str]:
    items = []
    for section in sections:
        page, _, heading = section.partition("#")
        found = p.ctx.docs.section(p.lang, page)
        if found is None:  # the loader has checked both languages; a page missing here is a build error
            raise ValueError(f"{section}: no page docs/{p.lang}/{page}.md")
        rel, titles = found
        title = titles.get(heading, heading)
        items.append(f'<a href="{p.ctx.link(rel, heading)}">{esc(title)}</a>')
    return items


def _action_links(p: Page, action_ids: list[str]) -> list[str]:
    items = []
    for aid in action_ids:
        action = p.kb.actions[aid]
        group = p.t(p.kb.stakeholder_groups[action.group].name)
        items.append(f'<a href="{p.plan_link(action.group)}#action-{aid}">{p.colon(group, p.t(action.step))}</a>')
    return items


def _entry(p: Page, c: Change) -> str:
    affects = [
        (
            "changes.findings",
            [f'<a href="{p.record("findings", f)}">{p.t(p.kb.findings[f].title)}</a>' for f in c.affects.findings],
        ),
        ("changes.actions", _action_links(p, c.affects.actions)),
        ("changes.sections", _section_links(p, c.affects.sections)),
    ]
    facts = "".join(f"<dt>{p.s(key)}</dt><dd>{p.list(items)}</dd>" for key, items in affects if items)
    when = p.colon(
        p.s("date_kind." + c.date_kind.value), f'<time datetime="{esc_attr(c.date)}">{p.date(c.date)}</time>'
    )
    return (
        f'<article class="kb-card kb-change" id="{anchor("changes", c.id)}">'
        f"<h3>{p.t(c.title)}</h3>"
        f'<p class="kb-meta">{when}</p>'
        f"<p>{p.cited(p.t(c.what_changed), c.sources)}</p>"
        + (f'<dl class="kb-facts">{facts}</dl>' if facts else "")
        + "</article>"
    )


def changes_timeline(p: Page) -> str:
    """Every change since 2008, oldest first, under one heading per year."""
    out, year = [], ""
    for c in sorted(p.kb.changes.values(), key=lambda c: c.date):
        if c.date[:4] != year:
            year = c.date[:4]
            out.append(f"\n## {p.s('date.year', year=year)} {{ #year-{year} }}\n")
        out.append(_entry(p, c))
    return "\n".join(out) + "\n" if out else f"<p>{p.none()}</p>\n"


def source_status(p: Page, src: Source) -> str:
    """Status and checked date (laws, codes, standards), successor, document number, English translation."""
    lines = []
    if src.status is not None:
        if src.status is SourceStatus.superseded and src.superseded_by:
            successor = (
                f'<a href="{p.to("sources", src.superseded_by)}">{p.t(p.kb.sources[src.superseded_by].title)}</a>'
            )
            parts = [p.s("status.superseded_by", title=successor)]
        else:
            parts = [p.s("source_status." + src.status.value)]
        if src.checked:
            parts.append(p.s("status.checked", date=p.date(src.checked)))
        lines.append(p.colon(p.s("status.label"), p.s("punct.list").join(parts)))
    if src.document_number:
        lines.append(p.colon(p.s("status.document_number"), p.t(src.document_number)))
    if src.translation_url and not language(p.lang).chinese_originals:  # their readers read the original
        lines.append(f'<a href="{esc_attr(src.translation_url)}">{p.s("status.translation")}</a>')
    if not lines:
        return ""
    status = f" kb-status-{src.status.value}" if src.status else ""
    return f'<br><span class="kb-status{status}">{"<br>".join(lines)}</span>'


__all__ = ["affecting", "changes_timeline", "now_note", "source_status"]
