"""Render functions: the validated model + a language -> HTML/Markdown for a page.

They know nothing of MkDocs. Every text that comes from data goes through
`esc`, so data can never inject HTML, break a table or reach Jinja.
Labels come from the per-language string tables in data/i18n/.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from macros import translations as tr
from macros.downloads import DOWNLOADS_DIR, JSON_NAME, TABLES, csv_name
from macros.load import KnowledgeBase
from macros.model import LANGS, Level, Text, Timeframe
from macros.pages import PAGES, anchor
from macros.shortlinks import DOCS, go_path, link_title, resolve, short_links

# Characters that mean something to HTML, Markdown or Jinja, as numeric entities (one pass, no double escaping).
_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'{}|*_`[]\\#~^"})

Link = Callable[[str, "str | None"], str]  # (page path in docs/<lang>/, anchor) -> URL from the current page


def esc(text: str) -> str:
    """Escape text for HTML, Markdown (tables, emphasis, links) and Jinja alike."""
    return text.translate(_ESCAPES)


def esc_attr(text: str) -> str:
    """Escape text for an HTML attribute value (kept readable, e.g. URLs)."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


class Renderer:
    """Renders records for one page: its language and how to link from it."""

    def __init__(self, kb: KnowledgeBase, lang: str, link: Link):
        self.kb, self.lang, self.link = kb, lang, link
        self.strings = kb.strings[lang]

    # -- small pieces ---------------------------------------------------------
    def s(self, key: str, **values: str) -> str:
        """A label from the string table, escaped, with {placeholders} filled."""
        text = esc(self.strings[key])
        for name, value in values.items():
            text = text.replace(f"&#123;{name}&#125;", value)
        return text

    def t(self, text: Text) -> str:
        return esc(text(self.lang))

    def join(self, parts: Iterable[str]) -> str:
        return self.s("label.and").join(parts)

    def to(self, kind: str, rid: str) -> str:
        return self.link(PAGES[kind], anchor(kind, rid))

    def group_names(self, ids: Iterable[str], *, linked: bool = True) -> str:
        names = []
        for gid in ids:
            name = self.t(self.kb.stakeholder_groups[gid].name)
            names.append(f'<a href="{self.link(PAGES["plan"].format(group=gid), None)}">{name}</a>' if linked else name)
        return self.join(names) or self.s("label.none")

    def cite(self, *source_ids: str) -> str:
        """Inline citation: short links to entries of the bibliography."""
        links = []
        for sid in source_ids:
            src = self.kb.sources[sid]
            title = self.t(src.title)
            links.append(f'<a class="kb-cite" href="{self.to("sources", sid)}" title="{title}">{esc(src.publisher(self.lang))}, {esc(src.date[:4]) if src.date else self.s("label.no_date")}</a>')
        return '<span class="kb-cites">[' + "; ".join(links) + "]</span>"

    def _list(self, items: list[str]) -> str:
        if not items:
            return self.s("label.none")
        return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"

    def _table(self, table_id: str, caption: str, headers: list[str], rows: list[tuple[dict, list[str]]]) -> str:
        """An accessible table in a keyboard-scrollable region (wide tables scroll on phones)."""
        head = "".join(f'<th scope="col">{h}</th>' for h in headers)
        body = []
        for attrs, cells in rows:
            attr = "".join(f' {k}="{esc_attr(v)}"' for k, v in attrs.items())
            first, rest = cells[0], cells[1:]
            body.append(f'<tr{attr}><th scope="row">{first}</th>' + "".join(f"<td>{c}</td>" for c in rest) + "</tr>")
        return (
            f'<div class="kb-table-wrap" role="region" aria-labelledby="{table_id}-caption" tabindex="0">'
            f'<table class="kb-table" id="{table_id}"><caption id="{table_id}-caption">{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )

    # -- macros ---------------------------------------------------------------
    def recommendations_table(self) -> str:
        kb, rows = self.kb, []
        for rec in kb.recommendations.values():
            title = (f'<span id="{anchor("recommendations", rec.id)}" class="kb-title">{self.t(rec.title)}</span>'
                     f'<span class="kb-summary">{self.t(rec.summary)}</span>'
                     f'<span class="kb-provenance">{self.s("provenance." + rec.provenance.value)}</span>')
            addresses = [f'<a href="{self.to("findings", f)}">{self.t(kb.findings[f].title)}</a>' for f in rec.findings]
            addresses += [f'<a href="{self.to("root_causes", c)}">{self.t(kb.root_causes[c].cause)}</a>' for c in rec.root_causes]
            cells = [
                title,
                self.group_names(rec.owners),
                self.group_names(rec.partners),
                self.s("area." + rec.area.value),
                self.s("priority." + rec.priority.value),
                self.s("timeframe." + rec.timeframe.value),
                self._list([self.t(i) for i in rec.indicators]),
                self._list(addresses),
                self.cite(*rec.sources),
            ]
            attrs = {"data-groups": " ".join(rec.owners + rec.partners), "data-area": rec.area.value}
            rows.append((attrs, cells))
        headers = [self.s(f"col.{c}") for c in
                   ("recommendation", "owners", "partners", "area", "priority", "timeframe", "indicators", "addresses", "sources")]
        return self._filter("kb-recs") + self._table("kb-recs", self.s("caption.recommendations"), headers, rows)

    def _filter(self, table_id: str) -> str:
        """Filter controls, hidden until the script enables them (the table works without it)."""
        groups = "".join(f'<option value="{g.id}">{self.t(g.name)}</option>' for g in self.kb.stakeholder_groups.values())
        used_areas = dict.fromkeys(r.area.value for r in self.kb.recommendations.values())
        areas = "".join(f'<option value="{a}">{self.s("area." + a)}</option>' for a in used_areas)
        return (
            f'<form class="kb-filter" data-kb-filter="{table_id}" hidden>'
            f'<fieldset><legend>{self.s("filter.legend")}</legend>'
            f'<label for="{table_id}-group">{self.s("filter.group")}</label>'
            f'<select id="{table_id}-group" data-filter="groups"><option value="">{self.s("filter.all_groups")}</option>{groups}</select>'
            f'<label for="{table_id}-area">{self.s("filter.area")}</label>'
            f'<select id="{table_id}-area" data-filter="area"><option value="">{self.s("filter.all_areas")}</option>{areas}</select>'
            f'<button type="reset">{self.s("filter.reset")}</button>'
            f'<p class="kb-filter-status" role="status" aria-live="polite" data-template="{esc(self.strings["filter.status"])}"></p>'
            f"</fieldset></form>"
        )

    def action_plan(self, group: str) -> str:
        """A group's plan: its actions by timeframe, then the recommendations it leads or supports."""
        kb = self.kb
        grp = kb.stakeholder_groups[group]
        actions = kb.actions_for(group)
        out = []
        for tf in Timeframe:
            label = self.s("timeframe." + tf.value)
            out.append(f"\n### {label} {{ #{tf.value} }}\n")
            rows = []
            for a in (a for a in actions if a.timeframe is tf):
                rec = kb.recommendations[a.recommendation]
                guide = f'<a href="{self.link(a.guide, None)}">{self.s("col.guide")}</a>' if a.guide else ""
                others = [g for g in rec.owners + rec.partners if g != group]
                rows.append(({"id": f"action-{a.id}"}, [
                    self.t(a.step),
                    self.t(a.indicator),
                    f'<a href="{self.to("recommendations", rec.id)}">{self.t(rec.title)}</a>',
                    self.group_names(others),
                    guide or self.s("label.none"),
                ]))
            if rows:
                headers = [self.s(f"col.{c}") for c in ("action", "indicator", "recommendation", "partners", "guide")]
                caption = self.s("caption.actions", group=self.t(grp.name), timeframe=label)
                out.append(self._table(f"kb-actions-{tf.value}", caption, headers, rows))
            else:
                out.append(f"<p>{self.s('plan.no_actions')}</p>")
        for key, recs in (("plan.leads", [r for r in kb.recommendations_for(group) if group in r.owners]),
                          ("plan.supports", [r for r in kb.recommendations_for(group) if group not in r.owners])):
            out.append(f"\n### {self.s(key)}\n")
            items = [f'<a href="{self.to("recommendations", r.id)}">{self.t(r.title)}</a> '
                     f'<span class="kb-meta">({self.s("priority." + r.priority.value)}; {self.s("timeframe." + r.timeframe.value)})</span>'
                     for r in recs]
            out.append(self._list(items))
        return "\n".join(out) + "\n"

    def partners(self) -> str:
        rows = []
        for org in self.kb.organisations.values():
            name = self.t(org.name) + (f" ({esc(org.acronym)})" if org.acronym else "")
            rows.append(({"id": f"org-{org.id}"}, [
                name,
                self.s("organisation_kind." + org.kind.value),
                self.t(org.role),
                self.join(esc(m) for m in org.members) or self.s("label.none"),
                self.cite(*org.sources),
            ]))
        headers = [self.s(f"col.{c}") for c in ("organisation", "kind", "role", "members", "sources")]
        return self._table("kb-partners", self.s("caption.partners"), headers, rows)

    def glossary(self) -> str:
        rows = []
        for term in self.kb.glossary.values():
            avoid = [esc(v) for v in term.avoid.en + term.avoid.zh]
            rows.append(({"id": anchor("glossary", term.id)}, [
                esc(term.en), f'<span lang="zh-CN">{esc(term.zh)}</span>', self.t(term.definition),
                self.join(avoid) or "—",
            ]))
        headers = [self.s(f"col.{c}") for c in ("term", "term_zh", "definition", "avoid")]
        return self._table("kb-glossary", self.s("caption.glossary"), headers, rows)

    def sources(self) -> str:
        items = []
        for src in self.kb.sources.values():
            title = self.t(src.title)
            if src.url:
                title = f'<a href="{esc_attr(src.url)}">{title}</a>'
            items.append(
                f'<li id="{anchor("sources", src.id)}"><span class="kb-title">{title}</span>. '
                f'{esc(src.publisher(self.lang))}, {esc(src.date) if src.date else self.s("label.no_date")}. <span class="kb-meta">{self.s("source_kind." + src.kind.value)}</span>'
                f'<br><span class="kb-supports">{self.t(src.supports)}</span></li>'
            )
        return f'<ol class="kb-sources">{"".join(items)}</ol>'

    def timeline(self) -> str:
        rows = [({"id": f"event-{e.id}"}, [esc(e.date), self.t(e.event), self.cite(*e.sources)]) for e in self.kb.timeline.values()]
        headers = [self.s(f"col.{c}") for c in ("date", "event", "sources")]
        return self._table("kb-timeline", self.s("caption.timeline"), headers, rows)

    def findings(self) -> str:
        """Findings grouped by theme; each with its statement, evidence, provenance and sources."""
        out = []
        for theme in self.kb.themes.values():
            items = [f for f in self.kb.findings.values() if f.theme == theme.id]
            if not items:
                continue
            out.append(f"\n## {self.t(theme.name)} {{ #{theme.id} }}\n\n<p>{self.t(theme.summary)}</p>")
            for f in items:
                causes = [c for c in self.kb.root_causes.values() if f.id in c.findings]
                cause_links = self.join(f'<a href="{self.to("root_causes", c.id)}">{self.t(c.cause)}</a>' for c in causes)
                out.append(
                    f'<article class="kb-card" id="{anchor("findings", f.id)}"><h3>{self.t(f.title)}</h3>'
                    f"<p>{self.t(f.statement)}</p>"
                    f'<p><strong>{self.s("col.evidence")}:</strong> {self.t(f.evidence)} {self.cite(*f.sources)}</p>'
                    f'<p class="kb-provenance">{self.s("provenance." + f.provenance.value)}'
                    + (f'. {self.s("label.root_cause")}: {cause_links}' if causes else "")
                    + "</p></article>"
                )
        return "\n".join(out) + "\n"

    def root_causes(self) -> str:
        """For each finding, the chain from the symptom down to its causes, by level."""
        out = []
        for f in self.kb.findings.values():
            causes = [c for c in self.kb.root_causes.values() if f.id in c.findings]
            if not causes:
                continue
            out.append(f"\n## {self.t(f.title)} {{ #chain-{f.id} }}\n")
            levels = []
            for level in Level:
                here = [c for c in causes if c.level is level]
                if not here:
                    continue
                cards = "".join(
                    f'<li id="{anchor("root_causes", c.id)}"><strong>{self.t(c.cause)}</strong>'
                    f"<p>{self.t(c.explanation)}</p>"
                    f'<p class="kb-meta">{self.s("col.groups")}: {self.group_names(c.groups)}. '
                    f'{self.s("provenance." + c.provenance.value)} {self.cite(*c.sources)}</p></li>'
                    for c in here
                )
                levels.append(f'<li class="kb-level kb-level-{level.value}"><span class="kb-level-name">{self.s("level." + level.value)}</span><ul>{cards}</ul></li>')
            symptom = f'<a href="{self.to("findings", f.id)}">{self.t(f.title)}</a>'
            out.append(f'<ol class="kb-chain" aria-label="{esc_attr(self.strings["caption.root_causes"].replace("{finding}", f.title(self.lang)))}">'
                       f'<li class="kb-level kb-symptom"><span class="kb-level-name">{self.s("label.finding")}</span> {symptom}</li>'
                       + "".join(levels) + "</ol>")
        return "\n".join(out) + "\n"

    def costs_benefits(self, kind: str) -> str:
        rows = [
            ({"id": f"cb-{c.id}"}, [
                self.t(c.title), self.t(c.description), self.group_names(c.groups), self.t(c.measure),
                self.s("provenance." + c.provenance.value) + " " + self.cite(*c.sources),
            ])
            for c in self.kb.costs_benefits.values() if c.kind == kind
        ]
        headers = [self.s(f"col.{c}") for c in (kind, "description", "groups", "measure", "sources")]
        return self._table(f"kb-{kind}s", self.s(f"caption.{kind}s"), headers, rows)

    def checklist(self) -> str:
        """The supplier self-assessment as a form; answers stay in the reader's browser (see checklist.js)."""
        answers = ("yes", "partly", "no", "na")
        sections = []
        for sec in self.kb.checklist.values():
            items = []
            for item in sec.items:
                q = self.t(item.question)
                radios = "".join(
                    f'<label><input type="radio" name="{item.id}" value="{a}"> {self.s("checklist." + a)}</label>' for a in answers
                )
                items.append(
                    f'<div class="kb-check-item" id="check-{item.id}"><p class="kb-check-q" id="q-{item.id}">{q}</p>'
                    f'<p class="kb-meta">{self.s("col.basis")}: {self.t(item.basis)} {self.cite(*item.sources)}</p>'
                    f'<div class="kb-check-answers" role="radiogroup" aria-labelledby="q-{item.id}">{radios}</div></div>'
                )
            sections.append(
                f'<fieldset class="kb-check-section" id="check-{sec.id}" data-section="{sec.id}"><legend>{self.t(sec.title)}</legend>'
                f'{"".join(items)}<p class="kb-check-score" aria-live="polite"></p></fieldset>'
            )
        return (
            f'<form class="kb-checklist" data-kb-checklist data-template="{esc_attr(self.strings["checklist.summary"])}">'
            + "".join(sections)
            + f'<p class="kb-check-summary" role="status" aria-live="polite"></p>'
            f'<p class="kb-check-buttons"><button type="button" data-action="print">{self.s("checklist.print")}</button> '
            f'<button type="reset">{self.s("checklist.reset")}</button></p></form>'
        )

    def label(self, key: str) -> str:
        return self.s(key)

    def group_profile(self, group: str) -> str:
        grp = self.kb.stakeholder_groups[group]
        return (f'<dl class="kb-profile"><dt>{self.s("plan.who")}</dt><dd>{self.t(grp.who)}</dd>'
                f'<dt>{self.s("plan.needs")}</dt><dd>{self.t(grp.needs)}</dd></dl>')

    def group_name(self, group: str) -> str:
        return self.t(self.kb.stakeholder_groups[group].name)

    def translation_status(self) -> str:
        """Chinese pages and data records behind the English, as of this build (contributing/translation-status.md)."""

        pages = tr.page_states(tr.ROOT / "docs")
        records = tr.record_states(tr.ROOT, self.kb)
        behind_pages = [p for p in pages if p.state != "current"]
        behind_records = [r for r in records if r.state != "current"]
        summary = self.s("translation.summary", pages=str(len(behind_pages)), pagestotal=str(len(pages)),
                         records=str(len(behind_records)), recordstotal=str(len(records)))
        if not behind_pages and not behind_records:
            return f'<p class="kb-translation-status">{self.s("translation.all_current")}</p>'
        parts = [f'<p class="kb-translation-status">{summary}</p>']
        if behind_pages:
            rows = []
            for p in behind_pages:
                exists = p.state != "missing" or self.lang == "en"
                name = f'<a href="{self.link(p.path, None)}">{esc(p.path)}</a>' if exists else esc(p.path)
                rows.append(({"data-state": p.state}, [name, f"<code>docs/zh/{esc(p.path)}</code>", self.s("translation.state." + p.state)]))
            headers = [self.s("translation.col_page"), self.s("translation.col_file"), self.s("translation.col_status")]
            parts.append(self._table("kb-translation-pages", self.s("translation.caption_pages"), headers, rows))
        else:
            parts.append(f"<p>{self.s('translation.pages_current')}</p>")
        if behind_records:
            rows = [({"data-state": r.state}, [f"<code>{esc(r.key)}</code>", f"<code>{esc(r.file)}:{r.line}</code>",
                                               self.s("translation.state." + r.state)]) for r in behind_records]
            headers = [self.s("translation.col_record"), self.s("translation.col_file"), self.s("translation.col_status")]
            parts.append(self._table("kb-translation-records", self.s("translation.caption_records"), headers, rows))
        else:
            parts.append(f"<p>{self.s('translation.records_current')}</p>")
        return "".join(parts)

    # -- workshop organisers' kit ----------------------------------------------
    # Short links, QR codes, handouts and downloads are files the build writes next to the pages
    # (see macros/kit_hooks.py), not docs pages, so they are linked from the language root.
    def _root(self, *, site: bool = False) -> str:
        """The relative URL from this page to its language root, or to the site root."""

        home = self.link("index.md", None)
        home = home.removesuffix("index.html")
        home = "" if home == "./" else home
        return home + ("../" if site and self.lang != LANGS[0] else "")

    def _go(self, short_id: str, file: str = "") -> str:
        """The URL of a short link's page (or of a file next to it), from this page."""

        directory_urls = not self.link("index.md", None).endswith("index.html")
        return self._root() + (go_path(short_id) + file if file else go_path(short_id, directory_urls))

    def _short_link(self, short_id: str):
        """The short link with this id; fails the build if its page is missing in this language."""

        link = resolve(self.kb, short_id)
        self.link(link.page, link.anchor)
        return link, link_title(self.kb, link, self.lang, DOCS / self.lang)

    def _qr_img(self, short_id: str, css_class: str) -> str:
        link, title = self._short_link(short_id)
        return (f'<img class="{esc_attr(css_class)}" src="{self._go(link.id, "qr.svg")}" '
                f'alt="{esc_attr(self.strings["kit.qr_alt"].replace("{page}", title))}" width="132" height="132">')

    def qr(self, short_id: str) -> str:
        """A short link's QR code for printed pages: hidden on screen, shown in print (see kb.css)."""
        return f'<div class="kb-qr-print">{self._qr_img(short_id, "kb-qr")}</div>'

    def short_links_table(self, site_url: str = "") -> str:
        """Every short link with its page, kind and QR code: the kit page's list for organisers."""

        prefix = "" if self.lang == LANGS[0] else f"{self.lang}/"
        rows = []
        for link in short_links(self.kb, DOCS / self.lang):
            _, title = self._short_link(link.id)
            shown = (site_url.rstrip("/") + "/" if site_url else "/") + prefix + go_path(link.id)
            rows.append(({"id": f"go-{link.id}"}, [
                f'<a href="{self._go(link.id)}"><code>{esc(shown)}</code></a>',
                f'<a href="{self.link(link.page, link.anchor)}">{esc(title)}</a>',
                self.s("kit.kind." + link.kind),
                f'<a href="{self._go(link.id, "qr.svg")}" download="{esc_attr(link.id)}.svg">'
                + self._qr_img(link.id, "kb-qr-tile") + "</a>",
            ]))
        headers = [self.s(f"kit.col_{c}") for c in ("link", "page", "kind", "qr")]
        return self._table("kb-short-links", self.s("kit.caption_links"), headers, rows)

    def handouts_table(self) -> str:
        """The A4 handouts (PDF, made by `make handouts`) and the pages they are printed from."""

        rows = []
        for gid in self.kb.stakeholder_groups:
            pdfs = [f'<a href="{self._root(site=True)}{"" if lang == LANGS[0] else lang + "/"}handouts/{gid}.pdf">'
                    f'{self.s("kit.pdf", language=self.s("kit.language." + lang))}</a>' for lang in LANGS]
            rows.append(({"id": f"handout-{gid}"}, [
                self.group_names([gid]),
                self.join(pdfs),
                f'<a href="{self.link(f"handouts/{gid}.md", None)}">{self.s("kit.open_page")}</a>',
            ]))
        headers = [self.s(f"kit.col_{c}") for c in ("group", "pdf", "print")]
        return self._table("kb-handouts", self.s("kit.caption_handouts"), headers, rows)

    def handout(self, group: str, site_url: str = "") -> str:
        """A group's handout: who it is for, the findings behind its recommendations, its plan, a QR code."""

        kb = self.kb
        prefix = "" if self.lang == LANGS[0] else f"{self.lang}/"
        url = (site_url.rstrip("/") + "/" if site_url else "/") + prefix + go_path(f"plan-{group}")
        findings = dict.fromkeys(f for r in kb.recommendations_for(group) for f in r.findings)
        items = [f'<a href="{self.to("findings", f)}"><strong>{self.t(kb.findings[f].title)}</strong></a> '
                 f"{self.t(kb.findings[f].statement)}" for f in findings]
        return (
            f'<div class="kb-handout-qr">{self._qr_img(f"plan-{group}", "kb-qr-tile")}'
            f'<p>{self.s("handout.scan")}<br><a href="{self._go(f"plan-{group}")}">{esc(url)}</a></p></div>\n'
            + self.group_profile(group)
            + f'\n\n## {self.s("handout.findings")} {{ #findings }}\n\n' + self._list(items)
            + f'\n\n## {self.s("handout.plan")} {{ #plan }}\n' + self.action_plan(group)
            + f'\n<p class="kb-handout-standing">{self.s("site.standing")}</p>\n'
        )

    def downloads(self) -> str:
        """The data downloads (written by the build into downloads/), with their format and content."""

        base = self._root(site=True) + DOWNLOADS_DIR + "/"
        counts = {t: str(len(self.kb.records[t])) for t in TABLES}
        rows = [({}, [f'<a href="{base}{csv_name(t, lang)}" download><code>{csv_name(t, lang)}</code></a>',
                      self.s("download.format_csv"), self.s("download.content." + t, count=counts[t]),
                      self.s("kit.language." + lang)])
                for lang in LANGS for t in TABLES]
        rows.append(({}, [f'<a href="{base}{JSON_NAME}" download><code>{JSON_NAME}</code></a>',
                          self.s("download.format_json"), self.s("download.content.both", **counts),
                          self.s("kit.language.all")]))
        headers = [self.s(f"download.col_{c}") for c in ("file", "format", "content", "language")]
        return self._table("kb-downloads", self.s("download.caption"), headers, rows)
