"""The facilitator's pack: each sheet prints on the A4 pages it promises, in both languages,
has its short link, and is listed on the kit page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from helpers import project_kb
from pypdf import PdfReader

from macros.core.languages import language
from macros.core.shortlinks import go_path, resolve, sheet_slugs, short_links
from macros.render.facilitation import SHEET_PAGES
from macros.tools.pdftext import fix_text_layer

ROOT = Path(__file__).resolve().parent.parent
KB = project_kb()
PREFIX = {"en": "", "zh": "zh/"}


def test_every_sheet_page_has_a_page_promise_and_exists_in_both_languages():
    for lang in PREFIX:
        assert set(sheet_slugs(ROOT / "docs" / lang)) == set(SHEET_PAGES), lang


def test_every_sheet_has_a_short_link():
    ids = {link.id: link for link in short_links(KB, ROOT / "docs" / "en")}
    for slug in SHEET_PAGES:
        link = ids[f"sheet-{slug}"]
        assert link.kind == "sheet"
        assert link.page == f"workshop/pack/{slug}.md"
        assert resolve(KB, f"sheet-{slug}") == link


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("slug", SHEET_PAGES)
def test_each_sheet_prints_on_the_promised_a4_pages(page, server, lang, slug, tmp_path):
    page.goto(f"{server}/{PREFIX[lang]}workshop/pack/{slug}/")
    page.evaluate("document.fonts.ready")
    out = tmp_path / f"{slug}.pdf"
    page.pdf(path=str(out), format="A4")
    # Chinese text as characters, not Kangxi radicals (see macros/tools/pdftext.py)
    fix_text_layer(out, language(lang).script)
    pdf = PdfReader(out)
    assert 1 <= len(pdf.pages) <= SHEET_PAGES[slug], f"{lang} {slug}: {len(pdf.pages)} pages"
    box = pdf.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5
    assert abs(float(box.height) - 841.9) < 1.5
    text = "".join(p.extract_text() for p in pdf.pages)
    assert page.locator("article h1").inner_text().strip().rstrip("¶") in text.replace("\n", "")
    assert not re.search(r"[\u2e80-\u2fdf]", text), "radical code points instead of the characters"


@pytest.mark.parametrize("lang", PREFIX)
def test_role_cards_come_from_the_data(site, lang):
    html = (site / PREFIX[lang] / "workshop" / "pack" / "role-cards" / "index.html").read_text(encoding="utf-8")
    for gid, group in KB.stakeholder_groups.items():
        card = re.search(rf'<section [^>]*id="role-{gid}".*?</section>', html, re.DOTALL).group(0)
        text = unescape(re.sub(r"<[^>]+>", "", card))
        assert group.name(lang) in text
        assert group.who(lang) in text
        assert group.needs(lang) in text
        for rec in KB.recommendations_for(gid):
            assert (f"#rec-{rec.id}" in card) == (gid in rec.owners), (gid, rec.id)
    root = (site / PREFIX[lang] / "workshop" / "pack" / "root-cause" / "index.html").read_text(encoding="utf-8")
    for level in ("immediate", "underlying", "systemic"):
        assert KB.strings[lang][f"level.{level}"] in root
    assert root.count("kb-write kb-write-2") >= 5


@pytest.mark.parametrize("lang", PREFIX)
def test_the_agenda_is_labelled_illustrative(site, lang):
    html = (site / PREFIX[lang] / "workshop" / "pack" / "agenda" / "index.html").read_text(encoding="utf-8")
    assert ("Illustrative template" if lang == "en" else "示例模板") in html


@pytest.mark.parametrize("lang", PREFIX)
def test_the_kit_page_lists_the_pack_with_short_links(site, lang):
    kit = site / PREFIX[lang] / "workshop" / "kit" / "index.html"
    html = kit.read_text(encoding="utf-8")
    for slug in SHEET_PAGES:
        row = re.search(rf'<tr id="pack-{slug}">(.*?)</tr>', html, re.DOTALL).group(1)
        assert f"go/sheet-{slug}/" in row
        assert KB.strings[lang][f"pack.use.{slug}"] in unescape(row)
        assert f'<tr id="go-sheet-{slug}">' in html  # and in the table of every short link
        assert (site / PREFIX[lang] / go_path(f"sheet-{slug}") / "qr.svg").is_file()
        href = re.search(r'<a href="([^"]+)">', row).group(1)
        assert (kit.parent / href / "index.html").resolve().is_file(), href
