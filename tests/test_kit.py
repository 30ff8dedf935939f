"""The workshop organisers' kit: short links, QR codes, handouts, offline copy, downloads, kit page."""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import re
import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import GROUP_IDS, ROOT

from macros.core import pages
from macros.core.downloads import JSON_NAME, TABLES, csv_name
from macros.core.languages import LANGS, language
from macros.core.model import Action, Recommendation
from macros.core.offline_zip import ZIP_FILE
from macros.core.paths import DOCS
from macros.core.shortlinks import ShortLinkError, go_path, short_links
from macros.render.qr import qr_svg

SITE_URL = "https://shenzhen-ict-csr.github.io/knowledge-base/"


def prefix(lang: str) -> str:
    return "" if lang == LANGS[0] else f"{lang}/"


# -- 1. short links -------------------------------------------------------------------------------
def test_every_plan_guide_and_recommendation_has_a_short_link(kb, links):
    ids = {link.id for link in links}
    assert {f"plan-{g}" for g in kb.stakeholder_groups} <= ids
    assert {f"guide-{p.stem}" for p in (DOCS / "en" / "guides").glob("*.md") if p.stem != "index"} <= ids
    assert set(kb.recommendations) <= ids
    assert len(ids) == len(links)


@pytest.mark.parametrize("lang", LANGS)
def test_short_link_pages_redirect_to_their_page(site, lang, links):
    for link in links:
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
        assert (
            resolved.relative_to(site.resolve())
            .as_posix()
            .startswith(prefix(lang) + link.page.rsplit("/", 1)[0].removesuffix(".md"))
        )
        if link.anchor:
            assert fragment == link.anchor
            assert f'id="{fragment}"' in resolved.read_text(encoding="utf-8")


def test_a_moved_page_only_changes_the_mapping(monkeypatch, kb):
    monkeypatch.setitem(pages.PAGES, "plan", "action-plans/{group}.md")
    moved = {link.id: link for link in short_links(kb, DOCS / "en")}
    assert moved["plan-buyers"].page == "action-plans/buyers.md"  # same id, new target


def test_colliding_short_link_ids_are_refused(tmp_path):
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "x.md").write_text("# X\n", encoding="utf-8")
    records = {"stakeholder_groups": {"buyers": None}, "recommendations": {"plan-buyers": None, "guide-x": None}}
    kb = SimpleNamespace(records=records, **records)
    with pytest.raises(ShortLinkError, match=r"'plan-buyers'.*'guide-x'"):
        short_links(kb, tmp_path)


# -- 2. QR codes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_qr_codes_encode_the_absolute_short_link(site, lang, links):
    for link in links:
        svg = (site / prefix(lang) / go_path(link.id) / "qr.svg").read_text(encoding="utf-8")
        url = SITE_URL + prefix(lang) + go_path(link.id)
        label = re.search(r'aria-label="([^"]+)"', svg).group(1)
        assert url in label
        assert "<title>" in svg
        assert svg == qr_svg(url, html.unescape(label)), link.id


@pytest.mark.parametrize("lang", LANGS)
def test_plan_qr_code_shows_in_print_only(page, server, lang):
    page.goto(f"{server}/{prefix(lang)}plans/buyers/")
    qr = page.locator("img.kb-qr")
    assert qr.count() == 1
    assert not qr.is_visible()
    page.emulate_media(media="print")
    assert qr.is_visible()
    assert page.evaluate("document.querySelector('img.kb-qr').naturalWidth") > 0
    assert page.console_errors == []  # a Content-Security-Policy violation would be one


# -- 3. handouts ----------------------------------------------------------------------------------
def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def _simplified(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("group", GROUP_IDS)
def test_every_handout_pdf_fits_one_sheet_and_carries_its_content(site, lang, group, kb):
    from pypdf import PdfReader

    from macros.render.kit import key_recommendations
    from macros.tools.handouts import pdf_path

    pdf = pdf_path(site, lang, group)
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 2, f"{pdf}: {len(reader.pages)} pages, more than one sheet"
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4
    assert reader.pages[0].mediabox.height == pytest.approx(842, abs=2)
    text = _pdf_text(pdf)
    grp = kb.stakeholder_groups[group]
    squeeze = lambda t: re.sub(r"\s+", "", t)
    assert squeeze(grp.name(lang)) in text
    assert squeeze(grp.who(lang))[:20] in text
    for step in (a for a in kb.actions_for(group) if a.timeframe.value == "first-steps"):
        # (in Chinese the indicator note sits before the step's closing 。: compare the words before it)
        assert squeeze(step.step(lang)).rstrip("。")[:20] in text, step.id
    for rec in key_recommendations(kb, group):
        assert squeeze(rec.title(lang))[:15] in text, rec.id
        assert f"{SITE_URL}{prefix(lang)}go/{rec.id}/".removeprefix("https://") in text, rec.id
    assert f"{SITE_URL}{prefix(lang)}go/plan-{group}/".removeprefix("https://") in text
    assert squeeze(kb.strings[lang]["site.standing"])[:20] in text
    assert not re.search(r"[\u2e80-\u2fdf]", text), "radical code points instead of the characters"
    han = len(re.findall(r"[\u4e00-\u9fff]", text))
    if language(lang).han:
        assert han > 300, "the Chinese handout's text layer is not Chinese"
    if language(lang).script == "Hans":
        odd = sorted(c for c in set(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", text)) if not _simplified(c))
        assert not odd, f"{odd} in the text layer are not simplified Chinese: see pdftext._VARIANTS"
    if not language(lang).han:
        assert han == 0
    fonts = [f.get_object() for p in reader.pages for f in p["/Resources"]["/Font"].values()]
    assert all("/FontFile" in str(f) or f.get("/Subtype") == "/Type3" or "/DescendantFonts" in f for f in fonts)


@pytest.mark.parametrize("group", GROUP_IDS)
def test_key_recommendations_follow_the_stated_rule(group, kb):
    from macros.render.kit import KEY_RECOMMENDATIONS, key_recommendations

    every = kb.recommendations_for(group)
    chosen = key_recommendations(kb, group)
    assert min(3, len(every)) <= len(chosen) <= KEY_RECOMMENDATIONS
    rank = lambda r: (group not in r.owners, r.priority.value != "high")
    left_out = [r for r in every if r not in chosen]
    assert all(rank(c) <= rank(r) for c in chosen for r in left_out), "a better-ranked recommendation was left out"
    assert [rank(r) for r in chosen] == sorted(rank(r) for r in chosen)
    for r1, r2 in itertools.pairwise(chosen):
        if rank(r1) == rank(r2):
            assert every.index(r1) < every.index(r2), "ties keep the order of data/recommendations.yml"


def test_print_handouts_answers_from_the_site_only(site, browser, tmp_path):
    """The printer opens the page at the public address, answered from the files; other hosts are refused."""
    from macros.tools.handouts import pdf_path, print_handouts

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    for lang in LANGS:
        pdf_path(copy, lang, "workers").unlink()
    assert print_handouts(copy, ["workers"], list(LANGS), browser) == [
        pdf_path(copy, lang, "workers") for lang in LANGS
    ]
    assert all(pdf_path(copy, lang, "workers").stat().st_size > 10_000 for lang in LANGS)


def test_handout_pages_exist_out_of_the_nav(site, kb):
    for lang in LANGS:
        for group in kb.stakeholder_groups:
            html = (site / prefix(lang) / "handouts" / group / "index.html").read_text(encoding="utf-8")
            assert kb.stakeholder_groups[group].name(lang) in html
            assert 'class="kb-handout-qr"' in html
    nav = (site / "index.html").read_text(encoding="utf-8")
    assert "handouts/" not in nav


# -- 5. downloads ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("table", TABLES)
def test_csv_downloads(site, lang, table, kb):
    raw = (site / "downloads" / csv_name(table, lang)).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert header[0] == kb.strings[lang]["download.id"]
    assert len(body) == len(kb.records[table])
    assert [r[0] for r in body] == list(kb.records[table])
    assert all(len(r) == len(header) for r in body)
    first = next(iter(kb.records[table].values()))
    assert (first.title if table == "recommendations" else first.step)(lang) in body[0]


def test_json_download_round_trips(site, kb):
    data = json.loads((site / "downloads" / JSON_NAME).read_text(encoding="utf-8"))
    assert len(data["recommendations"]) == len(kb.recommendations)
    assert len(data["actions"]) == len(kb.actions)
    assert [Recommendation.model_validate(r) for r in data["recommendations"]] == list(kb.recommendations.values())
    assert [Action.model_validate(a) for a in data["actions"]] == list(kb.actions.values())


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_are_linked_from_resources_and_resolve(site, lang):
    page = site / prefix(lang) / "resources" / "index.html"
    hrefs = re.findall(r'href="([^"]*downloads/[^"]+)"', page.read_text(encoding="utf-8"))
    assert len(hrefs) == len(TABLES) * len(LANGS) + 1
    for href in hrefs:
        assert (page.parent / href).resolve().is_file(), href


# -- 6. the kit page ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_kit_page_lists_everything(site, lang, kb, links):
    page = site / prefix(lang) / "workshop" / "kit" / "index.html"
    html = page.read_text(encoding="utf-8")
    for link in links:
        row = re.search(rf'<tr id="go-{re.escape(link.id)}">(.*?)</tr>', html).group(1)
        assert f"{SITE_URL}{prefix(lang)}go/{link.id}/" in row
        assert "qr.svg" in row
    for group in kb.stakeholder_groups:
        assert f"handouts/{group}.pdf" in html
    for href in re.findall(r'(?:href|src)="([^"#]+)"', html):
        if not href.startswith(("http", "mailto")):
            target = (page.parent / href).resolve()
            assert target.is_file() or (target / "index.html").is_file(), href
    index = (site / prefix(lang) / "workshop" / "index.html").read_text(encoding="utf-8")
    assert 'href="kit/"' in index


@pytest.mark.parametrize("lang", LANGS)
def test_a_short_link_opens_its_page_in_the_browser(page, server, lang):
    page.goto(f"{server}/{prefix(lang)}go/plan-workers/")
    page.wait_for_url(f"{server}/{prefix(lang)}plans/workers/")
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_kit_page_links_the_published_zip_with_its_size_and_date(site, lang):
    page = site / prefix(lang) / "workshop" / "kit" / "index.html"
    html = page.read_text(encoding="utf-8")
    found = re.search(
        r'<p class="kb-offline"><a href="([^"]+)" download(?:="")?>.*?</a> ?<span class="kb-meta">(.*?)</span></p>',
        html,
    )
    assert found, "no download link for the offline zip"
    href, meta = found.groups()
    zip_file = (page.parent / href).resolve()
    assert zip_file == (site / "downloads" / ZIP_FILE).resolve()
    assert zip_file.is_file()
    assert f"{zip_file.stat().st_size / 1_000_000:.1f} MB" in meta
    with zipfile.ZipFile(zip_file) as archive:
        y, m, d = max(i.date_time for i in archive.infolist())[:3]
    assert (f"{y} 年 {m} 月 {d} 日" if lang == "zh" else f"{d} ") in meta
    assert str(y) in meta


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("lang", LANGS)
def test_kit_page_on_a_phone_puts_the_downloads_first(browser, server, lang):
    """Issue 24: at most 12,000 px at 390 px, handouts, pack and offline copy within two screens."""
    context = browser.new_context(viewport=PHONE)
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(f"{server}/{prefix(lang)}workshop/kit/")
    pg.wait_for_load_state("networkidle")
    assert pg.evaluate("document.documentElement.scrollHeight") <= 12_000
    assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    two_screens = 2 * PHONE["height"]
    for selector in ("a[href$='.pdf']", "a[href$='pack/']", "p.kb-offline", "a[href='#short-links']"):
        top = pg.locator(f"article {selector}").first.evaluate("e => e.getBoundingClientRect().top + scrollY")
        assert top < two_screens, (selector, top)
    # the QR list is collapsed and its images load only when it is opened
    assert pg.locator("details.kb-short-links").get_attribute("open") is None
    assert not [u for u in requests if u.endswith("qr.svg")]
    pg.locator("details.kb-short-links > summary").click()
    pg.locator("#kb-short-links img.kb-qr-tile").first.scroll_into_view_if_needed()
    pg.locator("#kb-short-links img.kb-qr-tile").first.evaluate("img => img.decode()")
    assert [u for u in requests if u.endswith("qr.svg")]
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sheet", ["agenda", "root-cause", "role-cards", "feedback"])
def test_facilitator_sheets_read_on_a_phone(browser, server, lang, sheet):
    """No sideways scrolling: tables become cards, as the record tables do."""
    context = browser.new_context(viewport=PHONE)
    pg = context.new_page()
    pg.goto(f"{server}/{prefix(lang)}workshop/pack/{sheet}/")
    assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for table in pg.locator("article table").all():
        assert table.evaluate("t => t.getBoundingClientRect().right") <= PHONE["width"]
    context.close()


# -- 4. offline copy ------------------------------------------------------------------------------
def test_offline_config_inherits_every_plugin():
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.offline.yml").open("rb") as fd:
        offline = yaml_load(fd)
    with (ROOT / "mkdocs.yml").open("rb") as fd:
        main = yaml_load(fd)
    assert offline["plugins"] == main["plugins"]
    assert offline["use_directory_urls"] is False


@pytest.fixture(scope="module")
def offline_site(site, tmp_path_factory) -> Path:
    """The offline copy as the site publishes it (downloads/<zip>), unzipped."""
    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / "downloads" / ZIP_FILE) as archive:
        archive.extractall(out)
    return out / "shenzhen-ict-csr-offline"


def test_offline_zip_has_both_languages_and_per_language_search(offline_site, kb):
    for lang in LANGS:
        root = offline_site / prefix(lang)
        assert (root / "index.html").is_file()
        assert (root / "plans" / "buyers.html").is_file()
        script = (root / "search" / "search_index.js").read_text(encoding="utf-8")
        index = json.loads(script.removeprefix("var __index = "))
        assert index["docs"]
        assert all(not d["location"].startswith("zh/") for d in index["docs"])
    assert "unpkg.com" not in (offline_site / "index.html").read_text(encoding="utf-8")
    for page in (
        "index.html",
        "zh/recommendations/index.html",
        "go/plan-buyers/index.html",
    ):  # violations: see the browser test
        assert 'http-equiv="Content-Security-Policy"' in (offline_site / page).read_text(encoding="utf-8"), page
    assert 'url=../../plans/buyers.html"' in (offline_site / "go" / "plan-buyers" / "index.html").read_text(
        encoding="utf-8"
    )
    for lang in LANGS:  # the handout PDFs travel with it
        assert all((offline_site / prefix(lang) / "handouts" / f"{g}.pdf").is_file() for g in kb.stakeholder_groups)


@pytest.mark.parametrize(("lang", "query", "expect"), [("en", "grievance", "Grievance"), ("zh", "申诉", "申诉")])
def test_offline_copy_works_from_file_urls(page, offline_site, lang, query, expect, kb):
    root = (offline_site / prefix(lang)).as_uri().rstrip("/") + "/"
    page.goto(root + "index.html")
    assert page.locator("html").get_attribute("lang") == lang
    page.locator(".md-nav__link[href$='recommendations/index.html']").first.click()
    page.wait_for_url(root + "recommendations/index.html")
    assert page.locator("#kb-recs tbody tr").count() == len(kb.recommendations)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search__input").press("End")  # Material searches on keyup
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    # any case: results include record pages, whose text may have the word in lower case (issue 13)
    assert expect.lower() in page.locator(".md-search-result").inner_text().lower()
    for href in page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)"):
        assert href.startswith(root), href  # each language searches its own pages
    assert page.console_errors == []
    assert [u for u in page.requests if not u.startswith("file://")] == []


@pytest.fixture(scope="module")
def links(kb):
    return short_links(kb, DOCS / "en")
