"""The per-page rendering helper: the knowledge base, the page context and the label table of its language.

Every punctuation mark placed between data texts (separators, colons, brackets, citation and
date formats) comes from the label table, so each language gets its own typography.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from macros.core.load import KnowledgeBase
from macros.core.model import Provenance, Text
from macros.core.pages import PAGES, anchor, record_page
from macros.core.rule_levels import Level, current
from macros.core.rule_refs import RULE_REF
from macros.render.context import PageContext
from macros.render.html import esc, fill, ul


class Page:
    """Renders pieces of records for one page, in its language, with links relative to it."""

    def __init__(self, kb: KnowledgeBase, ctx: PageContext):
        self.kb, self.ctx, self.lang = kb, ctx, ctx.lang
        self.strings = kb.strings[ctx.lang]

    # -- labels -----------------------------------------------------------------
    def label(self, key: str, **values: str) -> str:
        """A label, escaped, with {placeholders} filled by the given (already escaped) values."""
        return fill(self.strings[key], esc, **values)

    def plain(self, key: str, **values: str) -> str:
        """A label as plain text (for attributes and files that escape it themselves)."""
        return fill(self.strings[key], **values)

    def text(self, text: Text) -> str:
        """A data text, escaped; a `{rule:<id>}` in it becomes the rule's figure in force (macros/core/rule_refs.py)."""
        return esc(self.fill_rules(text(self.lang)))

    # -- figures ------------------------------------------------------------------
    def number(self, value: float) -> str:
        """A figure the language's way: whole numbers grouped (2,520 / 2520), decimals as written (23.7)."""
        if not float(value).is_integer():
            return f"{value:g}"
        whole = int(value)
        if whole < 1000:
            return str(whole)
        return self.plain("chart.number", thousands=str(whole // 1000), units=f"{whole % 1000:03d}")

    def figure(self, level: Level) -> str:
        """A rule level's figure with its unit, as plain text: "178 days", "RMB 2,520 a month", "50% to 100%"."""
        unit = level.unit.value

        def one(v: float) -> str:
            key = "rule_unit_one." if v == 1 else "rule_unit."
            return self.plain(key + unit, n=self.number(v))

        if level.up_to is None:
            return one(level.value)
        return self.plain("rule.range", low=one(level.value), high=one(level.up_to))

    def fill_rules(self, text: str) -> str:
        """A plain data text with each `{rule:<id>}` replaced by that rule's figure in force, spaced as
        the language writes it (the stale note is the rule's own page's business: see rules_table)."""
        if "{rule:" not in text:
            return text
        parts = RULE_REF.split(text)  # text, id, text, id, …, text
        out = parts[0]
        for i in range(1, len(parts), 2):
            out = spaced(out, self.figure(current(self.kb, parts[i])), parts[i + 1])
        return out

    def join(self, parts: Iterable[str]) -> str:
        return self.label("label.and").join(parts)

    def colon(self, label: str, value: str) -> str:
        """'Label: value' with the language's colon."""
        return label + self.label("punct.colon") + value

    def paren(self, text: str) -> str:
        return self.label("punct.paren", text=text)

    def date(self, iso: str) -> str:
        """A date from data (YYYY, YYYY-MM or YYYY-MM-DD) written the language's way."""
        parts = iso.split("-")
        year = parts[0]
        if len(parts) == 1:
            return self.label("date.year", year=year)
        month = self.label(f"month.{int(parts[1])}")
        if len(parts) == 2:
            return self.label("date.month", year=year, month=month)
        return self.label("date.day", year=year, month=month, day=str(int(parts[2])))

    def none(self) -> str:
        return self.label("label.none")

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
            name = self.text(self.kb.stakeholder_groups[gid].name)
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
            values = {"publisher": esc(src.publisher(self.lang)), "title": self.text(src.title)}
            title = self.label("cite.title", year=esc(src.date[:4]), **values) if src.date else self.label(
                "cite.title_undated", **values
            )
            n = str(numbers[sid])
            links.append(
                f'<a class="kb-cite" href="{self.to("sources", sid)}" title="{title}"'
                f' aria-label="{self.label("cite.name", n=n)}">{n}</a>'
            )
        refs = self.label("punct.cite_sep").join(links)
        return '<sup class="kb-cites">' + self.label("punct.cite", refs=refs) + "</sup>"

    def cited(self, text: str, sources: Iterable[str]) -> str:
        """A text followed by its citations; in Chinese the citation goes before the closing full stop."""
        sources = list(sources)
        if not sources:
            return text
        mark = self.label("punct.cite_gap") + self.cite(*sources)
        if text and text[-1] in self.strings["punct.cite_before"]:
            return text[:-1] + mark + text[-1]
        return text + mark

    def noted(self, text: str, note: str, cls: str = "kb-meta") -> str:
        """A text followed by a bracketed note in a <span class=cls>. In Chinese the note goes before
        the closing full stop ("……展开讨论（衡量指标：……）。", not "……讨论。（……）"), and joins a
        bracket that already ends the sentence ("（第八十条；衡量指标：……）。", not "（第八十条）（……）")."""
        close = self.label("punct.paren", text="")[-1:]
        stop = text[-1] if text and text[-1] in self.strings["punct.cite_before"] else ""
        body = text[:-1] if stop else text
        if stop and body.endswith(close):
            return body[: -len(close)] + f'<span class="{cls}">{self.label("punct.list")}{note}</span>{close}{stop}'
        return f'{body}<span class="{cls}">{self.paren(note)}</span>{stop}'

    def provenance(self, provenance: Provenance, sources: Iterable[str] = ()) -> str:
        """The provenance label ('stated in the cited source' or 'our synthesis') and its citations."""
        return self.cited(self.label("provenance." + provenance.value), sources)


_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[0-9A-Za-z%]")


def spaced(before: str, value: str, after: str) -> str:
    """Join a figure into a sentence with a space wherever a Chinese character meets a digit or
    Latin letter (the site writes 生育享受 98 天产假), so data sentences need not carry the spaces."""
    left = " " if before and _CJK.match(before[-1]) and _LATIN.match(value[:1]) else ""
    right = " " if after and _CJK.match(after[:1]) and _LATIN.match(value[-1:]) else ""
    return before + left + value + right + after
