"""Issue 13: a page for every record, index pages that read on a phone, a filter that says what it
means, search that lands on the record. Built-site checks first, then the browser."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT

from macros.core.articles import article_aliases, to_chinese, to_int
from macros.core.load import load
from macros.core.pages import page_url, record_page, record_pages
from macros.render.html import esc

KB = load(ROOT / "data")
LANG_DIRS = {"en": "", "zh": "zh/"}
RECORDS = list(record_pages(KB).values())


def built(site: Path, lang: str, path: str) -> str:
    return (site / LANG_DIRS[lang] / page_url(path, True) / "index.html").read_text(encoding="utf-8")


def title_of(kind: str, rid: str, lang: str) -> str:
    record = getattr(KB, kind)[rid]
    return record.cause(lang) if kind == "root_causes" else record.title(lang)


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id" and v]


def ids_of(text: str) -> Counter:
    parser = _Ids()
    parser.feed(text)
    return Counter(parser.ids)


# -- record pages in the built site ------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_record_has_its_page_with_the_whole_record(site, lang):
    for kind, rid in RECORDS:
        page = built(site, lang, record_page(kind, rid))
        title = esc(title_of(kind, rid, lang))
        assert f'<h1 class="kb-record-title" data-search-exclude>{title}</h1>' in page, (kind, rid)
        assert f'<html lang="{lang}"' in page
        head_title = html.unescape(re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1))
        assert head_title.startswith(title_of(kind, rid, lang) + " - "), head_title  # results and tabs name the record
        assert 'class="kb-cites"' in page and "kb-facts" in page, (kind, rid)  # provenance label and citations


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_recommendation_pages_link_their_neighbours(site, lang):
    for rec in KB.recommendations.values():
        page = built(site, lang, record_page("recommendations", rec.id))
        for f in rec.findings:
            assert f'href="../../findings/{f}/"' in page, (rec.id, f)
        for c in rec.root_causes:
            assert f'href="../../findings/root-causes/{c}/"' in page, (rec.id, c)
        for a in (a for a in KB.actions.values() if a.recommendation == rec.id):
            assert f'href="../../plans/{a.group}/#action-{a.id}"' in page, (rec.id, a.id)
        for g in rec.owners + rec.partners:
            assert f'href="../../plans/{g}/"' in page
        assert f'href="../#rec-{rec.id}"' in page  # back to its row of the table
        for indicator in rec.indicators:
            assert esc(indicator(lang)) in page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_findings_and_causes_link_back(site, lang):
    for cause in KB.root_causes.values():
        page = built(site, lang, record_page("root_causes", cause.id))
        for f in cause.findings:
            assert f'href="../../{f}/"' in page, (cause.id, f)
        for rec in (r for r in KB.recommendations.values() if cause.id in r.root_causes):
            assert f'href="../../../recommendations/{rec.id}/"' in page
    for finding in KB.findings.values():
        page = built(site, lang, record_page("findings", finding.id))
        for cause in (c for c in KB.root_causes.values() if finding.id in c.findings):
            assert f'href="../root-causes/{cause.id}/"' in page
        for rec in (r for r in KB.recommendations.values() if finding.id in r.findings):
            assert f'href="../../recommendations/{rec.id}/"' in page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_index_pages_link_every_record_page_and_keep_their_anchors(site, lang):
    recs = built(site, lang, "recommendations/index.md")
    findings = built(site, lang, "findings/index.md")
    causes = built(site, lang, "findings/root-causes.md")
    for kind, rid in RECORDS:
        if kind == "recommendations":
            assert f'href="{rid}/"' in recs and f'id="rec-{rid}"' in recs
        elif kind == "findings":
            assert f'href="{rid}/"' in findings and f'id="finding-{rid}"' in findings
        else:
            assert f'href="{rid}/"' in causes and f'id="cause-{rid}"' in causes


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_duplicate_ids_on_index_and_record_pages(site, lang):
    paths = ["recommendations/index.md", "findings/index.md", "findings/root-causes.md"]
    paths += [record_page(k, r) for k, r in RECORDS]
    for path in paths:
        dupes = [i for i, n in ids_of(built(site, lang, path)).items() if n > 1]
        assert not dupes, (path, dupes)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_short_links_of_recommendations_lead_to_their_pages(site, lang):
    for rid in KB.recommendations:
        go = (site / LANG_DIRS[lang] / "go" / rid / "index.html").read_text(encoding="utf-8")
        assert f'content="0; url=../../recommendations/{rid}/"' in go, rid
        assert (site / LANG_DIRS[lang] / "go" / rid / "qr.svg").is_file()


def test_record_pages_are_in_the_sitemap_with_their_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    rid = next(iter(KB.recommendations))
    assert f"recommendations/{rid}/</loc>" in sitemap
    assert re.search(rf'hreflang="zh" href="[^"]*/zh/recommendations/{rid}/"', sitemap)


def test_record_page_edit_link_opens_the_data_file(site):
    rid = next(iter(KB.findings))
    page = built(site, "zh", record_page("findings", rid))
    assert re.search(r'href="[^"]*/edit/main/data/findings\.yml"', page)


# -- search index -------------------------------------------------------------------------------------
def test_article_numbers_in_every_writing():
    assert [to_chinese(n) for n in (10, 11, 36, 41, 105)] == ["十", "十一", "三十六", "四十一", "一百零五"]
    assert all(to_int(to_chinese(n)) == n for n in range(1, 1000))
    aliases = article_aliases("《劳动法》第三十六、三十八、四十一条；另见第44条")
    for form in ("第四十一条", "第41条", "41条", "第三十八条", "第四十四条", "44条"):
        assert form in aliases


def test_search_index_leaves_out_handouts_and_knows_article_numbers(site):
    import json

    for lang in ("en", "zh"):
        index = json.loads((site / LANG_DIRS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = [d["location"] for d in index["docs"]]
        assert not [loc for loc in locations if loc.startswith("handouts/")]
        assert any(loc.startswith("recommendations/") and loc.count("/") == 2 for loc in locations)
    zh = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    legal = " ".join(d.get("aliases", "") for d in zh["docs"] if d["location"].startswith("context/legal-framework/"))
    assert "第41条" in legal.split() and "第四十一条" in legal.split()
    # the table of all recommendations is not indexed: its words belong to the record pages
    table = next(d for d in zh["docs"] if d["location"] == "recommendations/#how-to-read")
    assert esc(KB.recommendations[next(iter(KB.recommendations))].summary("zh"))[:10] not in table["text"]
