"""The per-page rendering helper: the knowledge base, the page context and the label table of its language.

Every punctuation mark placed between data texts (separators, colons, brackets, citation and
date formats) comes from the label table, so each language gets its own typography.
"""

from __future__ import annotations

from collections.abc import Iterable

from macros.core.load import KnowledgeBase
from macros.core.model import Provenance, Text
from macros.core.pages import PAGES, anchor, record_page
from macros.render.context import PageContext
from macros.render.html import esc, fill, ul


class Page:
    """Renders pieces of records for one page, in its language, with links relative to it."""

    def __init__(self, kb: KnowledgeBase, ctx: PageContext):
        self.kb, self.ctx, self.lang = kb, ctx, ctx.lang
        self.strings = kb.strings[ctx.lang]

    # -- labels -----------------------------------------------------------------
    def s(self, key: str, **values: str) -> str:
        """A label, escaped, with {placeholders} filled by the given (already escaped) values."""
        return fill(self.strings[key], esc, **values)

    def plain(self, key: str, **values: str) -> str:
        """A label as plain text (for attributes and files that escape it themselves)."""
        return fill(self.strings[key], **values)

    def t(self, text: Text) -> str:
        """A data text, escaped; a `{rule:<id>}` in it becomes the rule's figure in force (macros/core/rule_refs.py)."""
        value = text(self.lang)
        if "{rule:" in value:
            from macros.render.rules import fill_rules  # the rules renderer builds on this class

            value = fill_rules(self, value)
        return esc(value)

    def join(self, parts: Iterable[str]) -> str:
        return self.s("label.and").join(parts)

    def colon(self, label: str, value: str) -> str:
        """'Label: value' with the language's colon."""
        return label + self.s("punct.colon") + value

    def paren(self, text: str) -> str:
        return self.s("punct.paren", text=text)

    def date(self, iso: str) -> str:
        """A date from data (YYYY, YYYY-MM or YYYY-MM-DD) written the language's way."""
        parts = iso.split("-")
        year = parts[0]
        if len(parts) == 1:
            return self.s("date.year", year=year)
        month = self.s(f"month.{int(parts[1])}")
        if len(parts) == 2:
            return self.s("date.month", year=year, month=month)
        return self.s("date.day", year=year, month=month, day=str(int(parts[2])))

    def none(self) -> str:
        return self.s("label.none")

    def list(self, items: list[str]) -> str:
        return ul(items, self.none())

    # -- links ------------------------------------------------------------------
    def to(self, kind: str, rid: str) -> str:
        """The URL of a record where it is shown."""
        return self.ctx.link(PAGES[kind], anchor(kind, rid))

    def record(self, kind: str, rid: str) -> str:
        """The URL of a record's own page (recommendations, findings, root causes)."""
        return self.ctx.link(record_page(kind, rid))

    def plan_link(self, group: str) -> str:
        return self.ctx.link(PAGES["plan"].format(group=group))

    def group_names(self, ids: Iterable[str], *, linked: bool = True) -> str:
        names = []
        for gid in ids:
            name = self.t(self.kb.stakeholder_groups[gid].name)
            names.append(f'<a href="{self.plan_link(gid)}">{name}</a>' if linked else name)
        return self.join(names) or self.none()

    def cite(self, *source_ids: str) -> str:
        """Inline citation: the sources' numbers in the list of sources, each linking to its entry.

        The number is the source's place in data/sources.yml, as the numbered list on the sources
        page shows it; publisher, year and title are in the link's title (no filler for a missing date).
        """
        numbers = {sid: n for n, sid in enumerate(self.kb.sources, start=1)}
        links = []
        for sid in sorted(dict.fromkeys(source_ids), key=numbers.__getitem__):  # [2, 6, 13], each once
            src = self.kb.sources[sid]
            values = {"publisher": esc(src.publisher(self.lang)), "title": self.t(src.title)}
            title = self.s("cite.title", year=esc(src.date[:4]), **values) if src.date else self.s(
                "cite.title_undated", **values
            )
            n = str(numbers[sid])
            links.append(
                f'<a class="kb-cite" href="{self.to("sources", sid)}" title="{title}"'
                f' aria-label="{self.s("cite.name", n=n)}">{n}</a>'
            )
        return '<sup class="kb-cites">' + self.s("punct.cite", refs=self.s("punct.cite_sep").join(links)) + "</sup>"

    def cited(self, text: str, sources: Iterable[str]) -> str:
        """A text followed by its citations; in Chinese the citation goes before the closing full stop."""
        sources = list(sources)
        if not sources:
            return text
        mark = self.s("punct.cite_gap") + self.cite(*sources)
        if text and text[-1] in self.strings["punct.cite_before"]:
            return text[:-1] + mark + text[-1]
        return text + mark

    def provenance(self, provenance: Provenance, sources: Iterable[str] = ()) -> str:
        """The provenance label ('stated in the cited source' or 'our synthesis') and its citations."""
        return self.cited(self.s("provenance." + provenance.value), sources)
