"""The workshop organisers' kit: QR codes, short links, handouts and data downloads.

Short links, QR codes, handout PDFs and downloads are files the build writes next to the pages
(see macros/plugin/kit.py), not docs pages, so they are linked from the language or site root.
"""

from __future__ import annotations

from macros.core.downloads import DOWNLOADS_DIR, JSON_NAME, TABLES, csv_name
from macros.core.languages import LANGS, prefix
from macros.core.shortlinks import ShortLink, go_path, link_title, resolve, short_links
from macros.render.html import Row, esc, esc_attr, table
from macros.render.page import Page
from macros.render.plans import action_plan
from macros.render.records import group_profile


def _go(p: Page, short_id: str, file: str = "") -> str:
    """The URL of a short link's page (or of a file next to it), from this page."""
    return p.ctx.lang_root() + (go_path(short_id) + file if file else go_path(short_id, p.ctx.directory_urls))


def _short_link(p: Page, short_id: str) -> tuple[ShortLink, str]:
    """The short link with this id and its title; fails the build if its page is missing in this language."""
    link = resolve(p.kb, short_id)
    p.ctx.link(link.page, link.anchor)
    return link, link_title(p.kb, link, p.lang, p.ctx.docs_dir / p.lang)


def _qr_img(p: Page, short_id: str, css_class: str) -> str:
    link, title = _short_link(p, short_id)
    return (f'<img class="{esc_attr(css_class)}" src="{_go(p, link.id, "qr.svg")}" '
            f'alt="{esc_attr(p.plain("kit.qr_alt", page=title))}" width="132" height="132">')


def qr(p: Page, short_id: str) -> str:
    """A short link's QR code for printed pages: hidden on screen, shown in print (see kb.css)."""
    return f'<div class="kb-qr-print">{_qr_img(p, short_id, "kb-qr")}</div>'


def short_links_table(p: Page) -> str:
    """Every short link with its page, kind and QR code: the kit page's list for organisers."""
    rows = []
    for link in short_links(p.kb, p.ctx.docs_dir / p.lang):
        _, title = _short_link(p, link.id)
        rows.append(({"id": f"go-{link.id}"}, [
            f'<a href="{_go(p, link.id)}"><code>{esc(p.ctx.public_url(go_path(link.id)))}</code></a>',
            f'<a href="{p.ctx.link(link.page, link.anchor)}">{esc(title)}</a>',
            p.s("kit.kind." + link.kind),
            f'<a href="{_go(p, link.id, "qr.svg")}" download="{esc_attr(link.id)}.svg">'
            + _qr_img(p, link.id, "kb-qr-tile") + "</a>",
        ]))
    headers = [p.s(f"kit.col_{c}") for c in ("link", "page", "kind", "qr")]
    return table("kb-short-links", p.s("kit.caption_links"), headers, rows)


def handouts_table(p: Page) -> str:
    """The A4 handouts (PDF) and the pages they are printed from."""
    rows = []
    for gid in p.kb.stakeholder_groups:
        pdfs = [f'<a href="{p.ctx.site_root()}{prefix(lang)}handouts/{gid}.pdf">'
                f'{p.s("kit.pdf", language=p.s("kit.language." + lang))}</a>' for lang in LANGS]
        rows.append(({"id": f"handout-{gid}"}, [
            p.group_names([gid]),
            p.join(pdfs),
            f'<a href="{p.ctx.link(f"handouts/{gid}.md")}">{p.s("kit.open_page")}</a>',
        ]))
    headers = [p.s(f"kit.col_{c}") for c in ("group", "pdf", "print")]
    return table("kb-handouts", p.s("kit.caption_handouts"), headers, rows)


def handout(p: Page, group: str) -> str:
    """A group's handout: who it is for, the findings behind its recommendations, its plan, a QR code."""
    kb = p.kb
    findings = dict.fromkeys(f for r in kb.recommendations_for(group) for f in r.findings)
    items = [f'<a href="{p.to("findings", f)}"><strong>{p.t(kb.findings[f].title)}</strong></a> '
             f"{p.t(kb.findings[f].statement)}" for f in findings]
    return (
        f'<div class="kb-handout-qr">{_qr_img(p, f"plan-{group}", "kb-qr-tile")}'
        f'<p>{p.s("handout.scan")}<br><a href="{_go(p, f"plan-{group}")}">{esc(p.ctx.public_url(go_path(f"plan-{group}")))}</a></p></div>\n'
        + group_profile(p, group)
        + f'\n\n## {p.s("handout.findings")} {{ #findings }}\n\n' + p.list(items)
        + f'\n\n## {p.s("handout.plan")} {{ #plan }}\n' + action_plan(p, group)
        + f'\n<p class="kb-handout-standing">{p.s("site.standing")}</p>\n'
    )


def downloads(p: Page) -> str:
    """The data downloads (written by the build into downloads/), with their format and content."""
    base = p.ctx.site_root() + DOWNLOADS_DIR + "/"
    counts = {t: str(len(p.kb.records[t])) for t in TABLES}
    rows: list[Row] = [({}, [f'<a href="{base}{csv_name(t, lang)}" download><code>{csv_name(t, lang)}</code></a>',
                  p.s("download.format_csv"), p.s("download.content." + t, count=counts[t]),
                  p.s("kit.language." + lang)])
            for lang in LANGS for t in TABLES]
    rows.append(({}, [f'<a href="{base}{JSON_NAME}" download><code>{JSON_NAME}</code></a>',
                      p.s("download.format_json"), p.s("download.content.both", **counts),
                      p.s("kit.language.all")]))
    headers = [p.s(f"download.col_{c}") for c in ("file", "format", "content", "language")]
    return table("kb-downloads", p.s("download.caption"), headers, rows)
