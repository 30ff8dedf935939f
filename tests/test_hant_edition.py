"""The Traditional Chinese edition (zh-Hant): generated at build time from the Simplified pages and data,
never kept under docs/; its own pages, record and situation pages, 404, search index, short links,
handouts, offline copy and language switch; a notice on every page; no Simplified-only character."""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from macros.core.languages import LANGS, WRITTEN, derive, prefix, written_source
from macros.plugin.i18n import derived_problems, parity_problems
from tests.helpers import ROOT

HANT = "zh-Hant"
SOURCE = written_source(HANT)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Visible(HTMLParser):
    """A page's visible text, without scripts, styles and what is marked as written in Simplified
    Chinese on purpose (lang="zh": the language switch's 简体中文, the notice's link to the source)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        marked = tag != "html" and dict(attrs).get("lang") in (SOURCE, "zh-CN")  # a Simplified element
        skip = tag in ("script", "style") or marked
        self._stack.append((tag, skip))
        self._skip += skip

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            name, skip = self._stack.pop()
            self._skip -= skip
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "".join(parser.parts)


def simplified_only(source_texts: list[str]) -> set[str]:
    """Characters the converter always replaces: it changes them out of context and never writes them
    when it converts the whole Simplified site (占 stays in 占比, so it is not counted; 这 always goes)."""
    chars = set("".join(source_texts))
    written = set(derive(HANT, "\n".join(source_texts)))
    return {c for c in chars if re.fullmatch(r"[\u4e00-\u9fff]", c) and derive(HANT, c) != c and c not in written}


def pages(site: Path, lang: str) -> list[Path]:
    return sorted((site / prefix(lang)).rglob("*.html")) if lang != LANGS[0] else []


def test_registry_derives_zh_hant_from_zh() -> None:
    assert HANT in LANGS
    assert HANT not in WRITTEN
    assert SOURCE in WRITTEN
    assert derive(HANT, "这个们的管理体系") == "這個們的管理體系"
    assert derive(SOURCE, "这个") == "这个"  # a written language is never converted


def test_data_texts_and_labels_are_derived(kb) -> None:
    rec = next(iter(kb.recommendations.values()))
    assert rec.title(HANT) == derive(HANT, rec.title(SOURCE)) != rec.title(SOURCE)
    strings = kb.strings
    assert strings[HANT]["translation.outdated"] == derive(HANT, strings[SOURCE]["translation.outdated"])
    assert set(strings[HANT]) == set(strings[SOURCE]) | {k for k in strings[HANT] if k.startswith("derived.")}
    assert strings[HANT]["derived.notice"]  # its own label, from data/i18n/zh-Hant.yml


def test_nothing_of_it_under_docs(tmp_path: Path) -> None:
    assert not (ROOT / "docs" / HANT).exists()
    assert parity_problems(ROOT / "docs") == []  # complete by construction, not compared
    (tmp_path / HANT).mkdir()
    (tmp_path / HANT / "index.md").write_text("# 手寫\n", encoding="utf-8")
    problems = derived_problems(tmp_path)
    assert [p.file for p in problems] == [f"docs/{HANT}/index.md"]


def test_mkdocs_yml_keeps_no_traditional_copy() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    entry = text[text.index(f"- locale: {HANT}") :].split("\n\n")[0]
    assert not re.search(r"^\s+(site_name|site_description|copyright|nav_translations):", entry, re.MULTILINE)


def test_every_page_and_generated_file_exists(site: Path) -> None:
    zh_pages = {p.relative_to(site / SOURCE).as_posix() for p in pages(site, SOURCE)}
    hant_pages = {p.relative_to(site / HANT).as_posix() for p in pages(site, HANT)}
    assert zh_pages == hant_pages
    for path in (
        "index.html",
        "plans/buyers/index.html",  # a page
        "recommendations/business-case-measurement/index.html",  # a record page
        "situations/dismissal/index.html",  # a situation page
        "404.html",
        "search/search_index.json",
        "go/guide-management-systems/index.html",  # a short link and its QR code
        "go/guide-management-systems/qr.svg",
        "sitemap.xml",
    ):
        assert (site / HANT / path).is_file(), path
    assert '<html lang="zh-Hant"' in (site / HANT / "index.html").read_text(encoding="utf-8")
    docs = json.loads((site / HANT / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    shown = "".join(d["title"] + d["text"] for d in docs).replace("\u200b", "")  # without the word breaks
    assert "管理體系" in shown
    assert "管理体系" not in shown  # the Simplified words are only hidden aliases (typed on a mainland keyboard)
    assert any("管理体系" in d.get("aliases", "") for d in docs)
    assert sorted(p.name for p in (site / HANT / "handouts").glob("*.pdf"))  # printed handouts


def test_no_simplified_only_character_on_any_page(site: Path) -> None:
    source = [visible(p.read_text(encoding="utf-8")) for p in pages(site, SOURCE)]
    banned = simplified_only(source)
    assert {"这", "个", "们"} <= banned
    found: dict[str, int] = {}
    for path in pages(site, HANT):
        text = visible(path.read_text(encoding="utf-8"))
        count = sum(text.count(c) for c in banned)
        if count:
            found[path.relative_to(site).as_posix()] = count
    print(f"Simplified-only characters on {len(pages(site, HANT))} zh-Hant pages: {sum(found.values())}")
    assert found == {}


def test_every_page_says_it_was_converted_and_where_to_report(site: Path) -> None:
    for path in pages(site, HANT):
        html = path.read_text(encoding="utf-8")
        if path.name == "404.html" or "/go/" in path.as_posix() or 'http-equiv="refresh"' in html:
            continue
        notice = re.search(r'<div class="admonition note kb-derived-notice" role="note">(.*?)</div>', html, re.DOTALL)
        assert notice, path
        assert "自動轉換" in notice.group(1)
        assert re.search(r'href="https://github\.com/[^"]+/edit/[^"]+/(docs/zh/|data/)', notice.group(1)), path
        assert f'hreflang="{SOURCE}"' in notice.group(1)


def test_the_switch_offers_every_other_language(site: Path) -> None:
    for lang in LANGS:
        html = (site / prefix(lang) / "plans" / "buyers" / "index.html").read_text(encoding="utf-8")
        switch = html[html.index('class="md-header__option kb-lang"') :].split("</div>")[0]
        linked = re.findall(r'hreflang="([^"]+)"', switch)
        assert sorted(linked) == sorted(other for other in LANGS if other != lang)
        assert all(f'{prefix(o)}plans/buyers/' in switch for o in LANGS if o != lang)  # the same page


def test_site_name_and_nav_are_converted_from_zh(site: Path) -> None:
    zh = (site / SOURCE / "index.html").read_text(encoding="utf-8")
    hant = (site / HANT / "index.html").read_text(encoding="utf-8")
    zh_title = re.search(r"<title>(.*?)</title>", zh).group(1)
    assert re.search(r"<title>(.*?)</title>", hant).group(1) == derive(HANT, zh_title)
    assert "行動計劃" in hant  # a nav title (行动计划), converted


def test_offline_zip_holds_the_edition(site: Path) -> None:
    zips = list((site / "downloads").glob("*.zip"))
    assert zips
    with zipfile.ZipFile(zips[0]) as archive:
        names = archive.namelist()
    assert any(f"/{HANT}/index.html" in n for n in names)
    assert any(f"/{HANT}/search/search_index.js" in n for n in names)


def test_the_themes_traditional_strings_are_in_traditional_characters():
    """Material's zh-Hant strings (copied into overrides/ with its wrong characters corrected: 頁脚, 个, 閲)
    stay in the edition's characters: the converter changes nothing in them."""
    from macros.core.traditional import to_traditional

    strings = (ROOT / "overrides/partials/languages/zh-Hant.html").read_text(encoding="utf-8").split("-#}", 1)[1]
    changed = sorted({a + "→" + b for a, b in zip(strings, to_traditional(strings), strict=True) if a != b})
    assert not changed, changed


def test_each_page_is_dated_as_its_simplified_source(site: Path) -> None:
    """"Last updated" on a converted page is when its Simplified page last changed, not the build's date
    (pages from docs/zh only: a record page is made from data and dated by the build)."""
    date = re.compile(r'git-revision-date-localized-plugin-date" title="([^"]+)"')
    docs = ROOT / "docs" / SOURCE
    written = {p.relative_to(docs).with_suffix("").as_posix() for p in docs.rglob("*.md")}
    compared = 0
    for path in pages(site, HANT):
        page = path.relative_to(site / HANT).parent.as_posix()
        if page not in written and f"{page}/index" not in written and not (page == "." and "index" in written):
            continue
        twin = site / SOURCE / path.relative_to(site / HANT)
        found, expected = date.search(path.read_text(encoding="utf-8")), date.search(twin.read_text(encoding="utf-8"))
        if expected:
            assert found, path
            assert found.group(1) == derive(HANT, expected.group(1)), path
            compared += 1
    assert compared >= 40, compared  # the pages of docs/zh (48), less those that show no date
