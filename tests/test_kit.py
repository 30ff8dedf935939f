"""The workshop organisers' kit: short links, QR codes, handouts, offline copy, downloads, kit page."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT

from macros.core import pages
from macros.core.downloads import JSON_NAME, TABLES, csv_name
from macros.core.languages import LANGS
from macros.core.load import load
from macros.core.model import Action, Recommendation
from macros.core.paths import DOCS
from macros.core.shortlinks import ShortLinkError, go_path, short_links
from macros.render.qr import qr_svg

KB = load(ROOT / "data")
LINKS = short_links(KB, DOCS / "en")
SITE_URL = "https://shenzhen-ict-csr.github.io/knowledge-base/"


def prefix(lang: str) -> str:
    return "" if lang == LANGS[0] else f"{lang}/"


# -- 1. short links -------------------------------------------------------------------------------
def test_every_plan_guide_and_recommendation_has_a_short_link():
    ids = {link.id for link in LINKS}
    assert {f"plan-{g}" for g in KB.stakeholder_groups} <= ids
    assert {f"guide-{p.stem}" for p in (DOCS / "en" / "guides").glob("*.md") if p.stem != "index"} <= ids
    assert set(KB.recommendations) <= ids
    assert len(ids) == len(LINKS)


@pytest.mark.parametrize("lang", LANGS)
def test_short_link_pages_redirect_to_their_page(site, lang):
    for link in LINKS:
        page = site / prefix(lang) / go_path(link.id) / "index.html"
        html = page.read_text(encoding="utf-8")
        assert html.startswith(f'<!doctype html>\n<html lang="{lang}">'), link.id
        assert '<meta name="robots" content="noindex">' in html
        target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)
        assert f'<a href="{target}">' in html  # the visible link goes to the same place
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert canonical.startswith(SITE_URL + prefix(lang))
        path, _, fragment = target.partition("#")
        resolved = (page.parent / path / "index.html").resolve()
        assert resolved.is_file(), (link.id, target)
        assert resolved.relative_to(site.resolve()).as_posix().startswith(prefix(lang) + link.page.rsplit("/", 1)[0].removesuffix(".md"))
        if link.anchor:
            assert fragment == link.anchor and f'id="{fragment}"' in resolved.read_text(encoding="utf-8")


def test_a_moved_page_only_changes_the_mapping(monkeypatch):
    monkeypatch.setitem(pages.PAGES, "plan", "action-plans/{group}.md")
    moved = {link.id: link for link in short_links(KB, DOCS / "en")}
    assert moved["plan-buyers"].page == "action-plans/buyers.md"  # same id, new target


def test_colliding_short_link_ids_are_refused(tmp_path):
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "x.md").write_text("# X\n", encoding="utf-8")
    kb = SimpleNamespace(stakeholder_groups={"buyers": None}, recommendations={"plan-buyers": None, "guide-x": None})
    with pytest.raises(ShortLinkError, match="'plan-buyers'.*'guide-x'"):
        short_links(kb, tmp_path)


# -- 2. QR codes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_qr_codes_encode_the_absolute_short_link(site, lang):
    for link in LINKS:
        svg = (site / prefix(lang) / go_path(link.id) / "qr.svg").read_text(encoding="utf-8")
        url = SITE_URL + prefix(lang) + go_path(link.id)
        label = re.search(r'aria-label="([^"]+)"', svg).group(1)
        assert url in label and "<title>" in svg
        assert svg == qr_svg(url, html.unescape(label)), link.id


@pytest.mark.parametrize("lang", LANGS)
def test_plan_qr_code_shows_in_print_only(page, server, lang):
    page.goto(f"{server}/{prefix(lang)}plans/buyers/")
    qr = page.locator("img.kb-qr")
    assert qr.count() == 1 and not qr.is_visible()
    page.emulate_media(media="print")
    assert qr.is_visible()
    assert page.evaluate("document.querySelector('img.kb-qr').naturalWidth") > 0
    assert page.console_errors == []


# -- 3. handouts ----------------------------------------------------------------------------------
def test_handout_pdfs_embed_text_in_both_languages(site, browser):
    from pypdf import PdfReader

    from macros.tools.handouts import pdf_path, print_handouts

    written = print_handouts(site, ["suppliers"], list(LANGS), browser)
    assert written == [pdf_path(site, lang, "suppliers") for lang in LANGS]
    assert (site / "handouts" / "suppliers.pdf").is_file() and (site / "zh" / "handouts" / "suppliers.pdf").is_file()
    group = KB.stakeholder_groups["suppliers"]
    step = next(a for a in KB.actions_for("suppliers"))
    for lang in LANGS:
        reader = PdfReader(pdf_path(site, lang, "suppliers"))
        assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4
        text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
        assert re.sub(r"\s+", "", group.name(lang)) in text
        assert re.sub(r"\s+", "", step.step(lang))[:20] in text
        assert re.sub(r"\s+", "", group.who(lang))[:20] in text
        assert not re.search(r"[\u2e80-\u2fdf]", text), "radical code points instead of the characters"
        fonts = [f.get_object() for p in reader.pages for f in p["/Resources"]["/Font"].values()]
        assert all("/FontFile" in str(f) or f.get("/Subtype") == "/Type3" or "/DescendantFonts" in f for f in fonts)


def test_handout_pages_exist_out_of_the_nav(site):
    for lang in LANGS:
        for group in KB.stakeholder_groups:
            html = (site / prefix(lang) / "handouts" / group / "index.html").read_text(encoding="utf-8")
            assert KB.stakeholder_groups[group].name(lang) in html and 'class="kb-handout-qr"' in html
    nav = (site / "index.html").read_text(encoding="utf-8")
    assert "handouts/" not in nav


# -- 5. downloads ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("table", TABLES)
def test_csv_downloads(site, lang, table):
    raw = (site / "downloads" / csv_name(table, lang)).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert header[0] == KB.strings[lang]["download.id"]
    assert len(body) == len(KB.records[table])
    assert [r[0] for r in body] == list(KB.records[table])
    assert all(len(r) == len(header) for r in body)
    first = next(iter(KB.records[table].values()))
    assert (first.title if table == "recommendations" else first.step)(lang) in body[0]


def test_json_download_round_trips(site):
    data = json.loads((site / "downloads" / JSON_NAME).read_text(encoding="utf-8"))
    assert len(data["recommendations"]) == len(KB.recommendations) and len(data["actions"]) == len(KB.actions)
    assert [Recommendation.model_validate(r) for r in data["recommendations"]] == list(KB.recommendations.values())
    assert [Action.model_validate(a) for a in data["actions"]] == list(KB.actions.values())


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_are_linked_from_resources_and_resolve(site, lang):
    page = site / prefix(lang) / "resources" / "index.html"
    hrefs = re.findall(r'href="([^"]*downloads/[^"]+)"', page.read_text(encoding="utf-8"))
    assert len(hrefs) == len(TABLES) * len(LANGS) + 1
    for href in hrefs:
        assert (page.parent / href).resolve().is_file(), href


# -- 6. the kit page ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_kit_page_lists_everything(site, lang):
    page = site / prefix(lang) / "workshop" / "kit" / "index.html"
    html = page.read_text(encoding="utf-8")
    for link in LINKS:
        row = re.search(rf'<tr id="go-{re.escape(link.id)}">(.*?)</tr>', html).group(1)
        assert f"{SITE_URL}{prefix(lang)}go/{link.id}/" in row and "qr.svg" in row
    for group in KB.stakeholder_groups:
        assert f"handouts/{group}.pdf" in html
    assert "shenzhen-ict-csr-offline.zip" in html and "make offline" in html
    for href in re.findall(r'(?:href|src)="([^"#]+)"', html):
        if not href.startswith(("http", "mailto")) and not href.endswith(".pdf"):
            target = (page.parent / href).resolve()
            assert target.is_file() or (target / "index.html").is_file(), href
    index = (site / prefix(lang) / "workshop" / "index.html").read_text(encoding="utf-8")
    assert 'href="kit/"' in index


@pytest.mark.parametrize("lang", LANGS)
def test_a_short_link_opens_its_page_in_the_browser(page, server, lang):
    page.goto(f"{server}/{prefix(lang)}go/plan-workers/")
    page.wait_for_url(f"{server}/{prefix(lang)}plans/workers/")
    assert page.locator("html").get_attribute("lang") == lang


# -- 4. offline copy ------------------------------------------------------------------------------
def test_offline_config_inherits_every_plugin():
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.offline.yml").open("rb") as fd:
        offline = yaml_load(fd)
    with (ROOT / "mkdocs.yml").open("rb") as fd:
        main = yaml_load(fd)
    assert offline["plugins"] == main["plugins"] and offline["use_directory_urls"] is False


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run([sys.executable, "-m", "macros", "offline", "--out", str(out / "kb.zip")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out / "kb.zip") as archive:
        archive.extractall(out)
    return out / "shenzhen-ict-csr-offline"


def test_offline_zip_has_both_languages_and_per_language_search(offline_site):
    for lang in LANGS:
        root = offline_site / prefix(lang)
        assert (root / "index.html").is_file() and (root / "plans" / "buyers.html").is_file()
        script = (root / "search" / "search_index.js").read_text(encoding="utf-8")
        index = json.loads(script.removeprefix("var __index = "))
        assert index["docs"] and all(not d["location"].startswith("zh/") for d in index["docs"])
    assert "unpkg.com" not in (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'url=../../plans/buyers.html"' in (offline_site / "go" / "plan-buyers" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, query, expect", [("en", "grievance", "Grievance"), ("zh", "申诉", "申诉")])
def test_offline_copy_works_from_file_urls(page, offline_site, lang, query, expect):
    root = (offline_site / prefix(lang)).as_uri().rstrip("/") + "/"
    page.goto(root + "index.html")
    assert page.locator("html").get_attribute("lang") == lang
    page.locator(".md-nav__link[href$='recommendations/index.html']").first.click()
    page.wait_for_url(root + "recommendations/index.html")
    assert page.locator("#kb-recs tbody tr").count() == len(KB.recommendations)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search__input").press("End")  # Material searches on keyup
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    # any case: results are record pages now, whose text may have the word in lower case (issue 13)
    assert expect.lower() in page.locator(".md-search-result").inner_text().lower()
    for href in page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)"):
        assert href.startswith(root), href  # each language searches its own pages
    assert page.console_errors == []
    assert [u for u in page.requests if not u.startswith("file://")] == []
