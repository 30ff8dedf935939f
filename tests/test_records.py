"""Issue 13: a page for every record, index pages that read on a phone, a filter that says what it
means, search that lands on the record. Built-site checks first, then the browser."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import project_kb

from macros.core.articles import article_aliases, to_chinese, to_int
from macros.core.pages import page_url, record_page, record_pages
from macros.render.html import esc


def as_text(text: str) -> str:
    """Text as a built page holds it: the page's sanitiser (macros/core/sanitize.py) writes text nodes
    with &, < and > escaped (quotes need no escaping there)."""
    return html.escape(text, quote=False)

KB = project_kb()
LANG_DIRS = {"en": "", "zh": "zh/"}
PAGES = list(record_pages(KB).values())  # every generated page, situations included
# the record pages of the findings, root causes and recommendations; a situation page has its own layout
# and index (tests/test_situations.py)
RECORDS = [(kind, rid) for kind, rid in PAGES if kind != "situations"]


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
        title = as_text(title_of(kind, rid, lang))
        assert re.search(f'<h1 id="[^"]+">{re.escape(title)}<a class="headerlink"', page), (kind, rid)
        assert f'<html lang="{lang}"' in page
        head_title = html.unescape(re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1))
        assert head_title.startswith(title_of(kind, rid, lang) + " - "), head_title  # results and tabs name the record
        assert 'class="kb-cites"' in page, (kind, rid)
        assert "kb-facts" in page, (kind, rid)  # provenance label and citations


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
            assert as_text(indicator(lang)) in page


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
            assert f'href="{rid}/"' in recs
            assert f'id="rec-{rid}"' in recs
        elif kind == "findings":
            assert f'href="{rid}/"' in findings
            assert f'id="finding-{rid}"' in findings
        else:
            assert f'href="{rid}/"' in causes
            assert f'id="cause-{rid}"' in causes


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_duplicate_ids_on_index_and_record_pages(site, lang):
    paths = ["recommendations/index.md", "findings/index.md", "findings/root-causes.md"]
    paths += [record_page(k, r) for k, r in PAGES]
    for path in paths:
        dupes = [i for i, n in ids_of(built(site, lang, path)).items() if n > 1]
        assert not dupes, (path, dupes)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_record_has_a_short_link_to_its_page(site, lang):
    links = [(rid, f"recommendations/{rid}/") for rid in KB.recommendations]
    links += [(f"finding-{rid}", f"findings/{rid}/") for rid in KB.findings]
    links += [(f"cause-{rid}", f"findings/root-causes/{rid}/") for rid in KB.root_causes]
    for short_id, target in links:
        go = (site / LANG_DIRS[lang] / "go" / short_id / "index.html").read_text(encoding="utf-8")
        assert f'content="0; url=../../{target}"' in go, short_id
        assert (site / LANG_DIRS[lang] / "go" / short_id / "qr.svg").is_file()
        page = built(site, lang, target + "index.md")
        assert f"go/{short_id}/" in page  # the record page shows its own short link


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
    assert "第41条" in legal.split()
    assert "第四十一条" in legal.split()
    # the table of all recommendations is not indexed: its words belong to the record pages
    table = next(d for d in zh["docs"] if d["location"] == "recommendations/#how-to-read")
    assert esc(KB.recommendations[next(iter(KB.recommendations))].summary("zh"))[:10] not in table["text"]


# -- in the browser ---------------------------------------------------------------------------------
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}


def listing_pages(site: Path) -> list[str]:
    """Every page of the built site with a record table (kb-table), handouts aside (print only)."""
    found = []
    for file in sorted(site.rglob("index.html")):
        rel = file.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if 'class="kb-table"' in file.read_text(encoding="utf-8") and "handouts/" not in rel:
            found.append(rel)
    return found


def test_no_record_cell_is_narrower_than_eight_characters_on_a_phone(browser, server, site):
    pages = listing_pages(site)
    assert {"recommendations/", "zh/recommendations/", "zh/plans/suppliers/", "zh/resources/glossary/"} <= set(pages)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    narrow = []
    for path in pages:
        page.goto(f"{server}/{path}")
        cells = page.evaluate("""() => [...document.querySelectorAll(
                'table.kb-table tbody th, table.kb-table tbody td')]
            .filter(c => c.offsetParent !== null && c.textContent.trim())
            .map(c => [c.getBoundingClientRect().width, parseFloat(getComputedStyle(c).fontSize),
                       c.textContent.trim().slice(0, 20)])""")
        assert cells, path
        # eight characters: eight em (a Chinese character is one em wide; Latin letters are narrower)
        narrow += [(path, round(w), text) for w, size, text in cells if w < 8 * size]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    context.close()
    assert not narrow, narrow[:10]


def test_desktop_recommendations_table_shows_essential_columns_without_breaking_words(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/recommendations/")
    assert page.locator("#kb-recs thead th").count() == 6
    wrap = page.locator("#kb-recs").evaluate("t => [t.scrollWidth, t.parentElement.clientWidth]")
    assert wrap[0] <= wrap[1]  # no sideways scroll on a desktop
    # group names wrap between words, never inside one ("Govern/ment"): each cell is as wide as its longest word
    words_broken = page.evaluate("""() => [...document.querySelectorAll('#kb-recs td')].filter(td => {
        const words = td.textContent.split(/\\s+|(?<=-)/).filter(Boolean);  // a line may end after a hyphen
        const probe = document.createElement('span');
        probe.style.whiteSpace = 'nowrap'; probe.style.position = 'absolute';
        (td.querySelector('a') || td).appendChild(probe);
        const longest = Math.max(0, ...words.map(w => {
            probe.textContent = w;
            return probe.getBoundingClientRect().width;
        }));
        probe.remove();
        const style = getComputedStyle(td);
        return longest > td.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 0.5;
    }).length""")
    assert words_broken == 0
    context.close()


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_filter_by_role_lives_in_the_url(page, server, prefix):
    page.goto(f"{server}/{prefix}recommendations/")
    rows = page.locator("#kb-recs tbody tr")
    total = rows.count()
    page.locator("#kb-recs-group").select_option("buyers")
    either = [rows.nth(i) for i in range(total) if rows.nth(i).is_visible()]
    page.locator("#kb-recs-role").select_option("lead")
    leads = [rows.nth(i) for i in range(total) if rows.nth(i).is_visible()]
    assert 0 < len(leads) < len(either)
    for row in leads:
        assert "buyers" in row.get_attribute("data-owners").split()
    assert page.url.endswith("?group=buyers&role=lead")
    page.locator("#kb-recs-priority").select_option("high")
    page.reload()
    assert page.locator("#kb-recs-group").input_value() == "buyers"
    assert page.locator("#kb-recs-role").input_value() == "lead"
    assert page.locator("#kb-recs-priority").input_value() == "high"
    shown = [rows.nth(i) for i in range(total) if rows.nth(i).is_visible()]
    for row in shown:
        assert "buyers" in row.get_attribute("data-owners").split()
        assert row.get_attribute("data-priority") == "high"
    assert str(len(shown)) in page.locator(".kb-filter-status").inner_text()
    assert page.console_errors == []


@pytest.mark.parametrize(("start", "lang"), [("recommendations/", "zh"), ("zh/recommendations/", "en")])
def test_language_switch_keeps_filter_and_anchor(page, server, start, lang):
    page.goto(f"{server}/{start}?group=government&role=partner#how-to-read")
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_url(re.compile(r".*\?group=government&role=partner#how-to-read$"))
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("#kb-recs-role").input_value() == "partner"


def test_language_switch_keeps_the_place_in_a_long_page(page, server):
    rid = list(KB.recommendations)[10]
    page.goto(f"{server}/zh/recommendations/")
    # scroll the row to the top (again, until the layout has settled)
    page.wait_for_function(f"""() => {{ const e = document.getElementById('rec-{rid}'); e.scrollIntoView();
        return Math.abs(e.getBoundingClientRect().top) < 40 && window.scrollY > 100; }}""")
    # a click as the reader's (Playwright's own click would first scroll the menu link into view)
    page.locator('.md-select__link[hreflang="en"]').evaluate("a => a.click()")
    page.wait_for_url(re.compile(rf".*/recommendations/#rec-{rid}$"))


@pytest.mark.parametrize(
    ("prefix", "kind", "rid"),
    [
        ("", "recommendations", "coordinate-monitoring"),
        ("zh/", "recommendations", "coordinate-monitoring"),
        ("zh/", "findings", "duplicated-audits"),
        ("zh/", "root_causes", "audit-only-approach"),
    ],
)
def test_typing_a_record_title_into_search_opens_its_page_first(page, server, prefix, kind, rid):
    lang = "zh" if prefix else "en"
    title = title_of(kind, rid, lang)
    page.goto(f"{server}/{prefix}")
    page.locator("input.md-search__input").click()
    page.keyboard.type(title, delay=10)
    page.keyboard.press("End")  # Material searches on key-up; IME text arrives as one input event
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15000)
    assert re.split(r"[?#]", first.get_attribute("href"))[0].endswith(
        "/" + prefix + page_url(record_page(kind, rid), True)
    )
    shown = first.locator("h1, h2").first.inner_text().replace("\u200b", "")
    assert shown == title  # the result names the record, not "How to read the table"


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_short_link_opens_the_record_page(page, server, prefix):
    rid = next(iter(KB.recommendations))
    page.goto(f"{server}/{prefix}go/{rid}/")
    page.wait_for_url(f"{server}/{prefix}recommendations/{rid}/")
    assert page.locator("h1").inner_text().rstrip("¶") == KB.recommendations[rid].title("zh" if prefix else "en")


def test_nu_html_checker_finds_no_error_of_ours(site):
    from macros.tools.html_check import VNU, check, pages_to_check

    assert VNU.is_file(), "vnu.jar is missing: `make test` installs it (npm ci, package-lock.json)"
    errors = check(pages_to_check(site))
    assert not errors, [(e.get("url", "")[-60:], e.get("lastLine"), e.get("message")) for e in errors[:10]]
