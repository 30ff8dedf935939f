"""The workshop organisers' kit: QR codes, short links, handouts and data downloads.

Short links, QR codes, handout PDFs and downloads are files the build writes next to the pages
(see macros/plugin/kit_files.py), not docs pages, so they are linked from the language or site root.
"""

from __future__ import annotations

from macros.core import offline_zip
from macros.core.downloads import DOWNLOADS_DIR, JSON_NAME, TABLES, csv_name
from macros.core.languages import LANGS, prefix
from macros.core.load import KnowledgeBase
from macros.core.model import Priority, Recommendation, Timeframe
from macros.core.shortlinks import ShortLink, go_path, link_title, resolve, short_links
from macros.render.html import Row, esc, esc_attr, table
from macros.render.page import Page


def _go(p: Page, short_id: str, file: str = "") -> str:
    """The URL of a short link's page (or of a file next to it), from this page."""
    return p.ctx.lang_root() + (go_path(short_id) + file if file else go_path(short_id, p.ctx.directory_urls))


def _short_link(p: Page, short_id: str) -> tuple[ShortLink, str]:
    """The short link with this id and its title; fails the build if its page is missing in this language."""
    link = resolve(p.kb, short_id)
    p.ctx.link(link.page, link.anchor)
    return link, link_title(p.kb, link, p.lang, p.ctx.docs.lang_dir(p.lang))


def _qr_img(p: Page, short_id: str, css_class: str, lazy: bool = False) -> str:
    link, title = _short_link(p, short_id)
    return (
        f'<img class="{esc_attr(css_class)}" src="{_go(p, link.id, "qr.svg")}" '
        f'alt="{esc_attr(p.plain("kit.qr_alt", page=title))}" width="132" height="132"'
        + (' loading="lazy">' if lazy else ">")
    )


def qr(p: Page, short_id: str) -> str:
    """A short link's QR code for printed pages: hidden on screen, shown in print (see kb.css)."""
    return f'<div class="kb-qr-print">{_qr_img(p, short_id, "kb-qr")}</div>'


def short_links_table(p: Page) -> str:
    """Every short link with its page, kind and QR code: the kit page's list for organisers.

    Collapsed, with lazy images: on a phone the downloads above it stay within reach, and the
    QR codes load only when the list is opened.
    """
    rows = []
    links = short_links(p.kb, p.ctx.docs.lang_dir(p.lang))
    for link in links:
        _, title = _short_link(p, link.id)
        rows.append(
            (
                {"id": f"go-{link.id}"},
                [
                    f'<a href="{_go(p, link.id)}"><code>{esc(p.ctx.public_url(go_path(link.id)))}</code></a>',
                    f'<a href="{p.ctx.link(link.page, link.anchor)}">{esc(title)}</a>',
                    p.label("kit.kind." + link.kind),
                    f'<a href="{_go(p, link.id, "qr.svg")}" download="{esc_attr(link.id)}.svg">'
                    + _qr_img(p, link.id, "kb-qr-tile", lazy=True)
                    + "</a>",
                ],
            )
        )
    headers = [p.label(f"kit.col_{c}") for c in ("link", "page", "kind", "qr")]
    return (
        f'<details class="kb-short-links"><summary>{p.label("phone.kit_show_links", count=str(len(links)))}</summary>'
        f'{table("kb-short-links", p.label("kit.caption_links"), headers, rows)}</details>'
    )


def handouts_table(p: Page) -> str:
    """The A4 handouts (PDF) and the pages they are printed from."""
    rows = []
    for gid in p.kb.stakeholder_groups:
        pdfs = [
            f'<a href="{p.ctx.site_root()}{prefix(lang)}handouts/{gid}.pdf">'
            f"{p.label('kit.pdf', language=p.label('kit.language.' + lang))}</a>"
            for lang in LANGS
        ]
        rows.append(
            (
                {"id": f"handout-{gid}"},
                [
                    p.group_names([gid]),
                    p.join(pdfs),
                    f'<a href="{p.ctx.link(f"handouts/{gid}.md")}">{p.label("kit.open_page")}</a>',
                ],
            )
        )
    headers = [p.label(f"kit.col_{c}") for c in ("group", "pdf", "print")]
    return table("kb-handouts", p.label("kit.caption_handouts"), headers, rows)


KEY_RECOMMENDATIONS = 5  # at most, so that a handout fits one A4 sheet printed on both sides


def key_recommendations(kb: KnowledgeBase, group: str) -> list[Recommendation]:
    """The recommendations a handout prints for a group, chosen by a rule, not by hand.

    Those the group leads before those it only supports, high priority before medium, then the
    order of data/recommendations.yml; the first KEY_RECOMMENDATIONS of them. The full plan online
    lists every one.
    """
    ranks = list(Priority)
    chosen = sorted(kb.recommendations_for(group), key=lambda r: (group not in r.owners, ranks.index(r.priority)))
    return chosen[:KEY_RECOMMENDATIONS]


def handout(p: Page, group: str) -> str:
    """A group's one-sheet handout: who it is for, its first steps, its key recommendations with
    their short links, the QR code of the full plan, where the recommendations come from.

    Everything else (later actions, partners, indicators, findings) stays on the web: the QR code
    and the short links lead there. Printed by macros/tools/handouts.py, at most two A4 pages.
    """
    kb = p.kb
    plan_id = f"plan-{group}"
    grp = kb.stakeholder_groups[group]
    steps = [a for a in kb.actions_for(group) if a.timeframe is Timeframe.first_steps]
    step_items = [
        p.noted(p.text(a.step), p.colon(p.label("col.indicator"), p.text(a.indicator)))
        for a in steps
    ]
    recs = key_recommendations(kb, group)
    rec_items = []
    for r in recs:
        role = p.label("handout_sheet.leads" if group in r.owners else "handout_sheet.supports")
        meta = p.label("handout_sheet.role_priority", role=role, priority=p.label("priority." + r.priority.value))
        rec_items.append(
            f'<strong>{p.text(r.title)}</strong><span class="kb-meta">{p.paren(meta)}</span>'
            f"<br>{p.text(r.summary)}"
            f'<br><a class="kb-handout-go" href="{_go(p, r.id)}">{esc(p.ctx.public_url(go_path(r.id)))}</a>'
        )
    origins = []
    for provenance in dict.fromkeys(r.provenance for r in recs):
        sources = dict.fromkeys(s for r in recs if r.provenance is provenance for s in r.sources)
        origins.append(p.provenance(provenance, sources))
    more = p.label(
        "handout_sheet.more",
        actions=str(len(kb.actions_for(group))),
        recommendations=str(len(kb.recommendations_for(group))),
    )
    return (
        f'<div class="kb-handout-qr">{_qr_img(p, plan_id, "kb-qr-tile")}'
        f'<p>{p.label("handout.scan")}<br>'
        f'<a href="{_go(p, plan_id)}">{esc(p.ctx.public_url(go_path(plan_id)))}</a></p></div>\n'
        f"\n## {p.label('plan.who')} {{ #who }}\n\n<p>{p.text(grp.who)}</p>\n"
        f"\n## {p.label('timeframe.first-steps')} {{ #first-steps }}\n\n"
        + _ol(step_items, p.none())
        + f"\n\n## {p.label('handout_sheet.key')} {{ #key-recommendations }}\n\n"
        + f"<p>{p.label('handout_sheet.key_rule', count=str(len(recs)))}</p>\n"
        + _ol(rec_items, p.none())
        + "".join(
            f'\n<p class="kb-handout-provenance">{p.colon(p.label("handout_sheet.origin"), o)}</p>' for o in origins
        )
        + f'\n<p class="kb-handout-more">{more}</p>'
        + f'\n<p class="kb-handout-standing">{p.label("site.standing")}</p>\n'
    )


def _ol(items: list[str], empty: str) -> str:
    """A numbered list (first steps and recommendations are referred to by number in a workshop)."""
    if not items:
        return f"<p>{empty}</p>"
    return '<ol class="kb-handout-list">' + "".join(f"<li>{i}</li>" for i in items) + "</ol>"


def downloads(p: Page) -> str:
    """The data downloads (written by the build into downloads/), with their format and content."""
    base = p.ctx.site_root() + DOWNLOADS_DIR + "/"
    counts = {t: str(len(p.kb.records[t])) for t in TABLES}
    rows: list[Row] = [
        (
            {},
            [
                f'<a href="{base}{csv_name(t, lang)}" download><code>{csv_name(t, lang)}</code></a>',
                p.label("download.format_csv"),
                p.label("download.content." + t, count=counts[t]),
                p.label("kit.language." + lang),
            ],
        )
        for lang in LANGS
        for t in TABLES
    ]
    rows.append(
        (
            {},
            [
                f'<a href="{base}{JSON_NAME}" download><code>{JSON_NAME}</code></a>',
                p.label("download.format_json"),
                p.label("download.content.both", **counts),
                p.label("kit.language.all"),
            ],
        )
    )
    headers = [p.label(f"download.col_{c}") for c in ("file", "format", "content", "language")]
    return table("kb-downloads", p.label("download.caption"), headers, rows)


def offline_copy(p: Page) -> str:
    """The offline zip's download link with its size and date, when this build publishes one.

    `python -m macros site` builds the zip before the pages and names it in KB_OFFLINE_ZIP
    (macros/core/offline_zip.py); other builds have no zip, so they link none.
    """
    found = offline_zip.published()
    if found is None:
        return f'<p class="kb-offline">{p.label("handout_sheet.offline_absent")}</p>'
    size = f"{found.size / 1_000_000:.1f}"
    meta = p.label("handout_sheet.offline_meta", size=size, date=p.date(found.date))
    return (
        f'<p class="kb-offline"><a href="{p.ctx.site_root()}{DOWNLOADS_DIR}/{esc_attr(found.file)}" download>'
        f'<strong>{p.label("handout_sheet.offline_link")}</strong></a>{p.label("punct.note_gap")}'
        f'<span class="kb-meta">{p.paren(meta)}</span></p>'
    )
