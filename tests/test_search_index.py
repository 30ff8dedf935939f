"""The built search index (issue 32): no chart's drawn labels in it, and the glossary one entry per term
instead of one paragraph of every term run together. Plus the two build steps behind them, on their own."""

from __future__ import annotations

import json
import re

import pytest
from helpers import project_kb

from macros.plugin.search_terms import glossary_entries
from macros.plugin.tables import label_tables

KB = project_kb()
DIRS = {"en": "", "zh": "zh/"}


def index(site, lang: str) -> list[dict]:
    return json.loads((site / DIRS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("lang", DIRS)
def test_no_chart_labels_in_the_index(site, lang):
    """The minimum-wage chart's axis (0 200 400 … 1000) once ran together as 02004006008001000."""
    for doc in index(site, lang):
        text = doc["text"].replace("\u200b", "")
        assert "0200400600" not in text, doc["location"]
        assert not re.search(r"\d{16,}", text), (doc["location"], re.search(r"\d{16,}", text))
    page = (site / DIRS[lang] / "context" / "legal-framework" / "index.html").read_text(encoding="utf-8")
    assert 'class="kb-chart-svg" role="img" data-search-exclude=""' in page  # the mechanism, beside the wage chart


@pytest.mark.parametrize("lang", DIRS)
def test_the_glossary_is_indexed_term_by_term(site, lang):
    docs = {d["location"]: d for d in index(site, lang)}
    terms = {loc: d for loc, d in docs.items() if loc.startswith("resources/glossary/#term-")}
    assert len(terms) == len(KB.glossary)
    for term in KB.glossary.values():
        entry = terms[f"resources/glossary/#term-{term.id}"]
        name = term.zh if lang == "zh" else term.en
        assert name.replace(" ", "") in entry["title"].replace("\u200b", "").replace(" ", "")
        assert entry["text"]
    # the page itself: its introduction, not the table
    page = docs["resources/glossary/"]
    assert len(page["text"]) < 2000
    assert sum(t.en in page["text"] for t in KB.glossary.values()) < len(KB.glossary) / 2


def test_glossary_entries_follow_the_pages_in_the_index():
    entries = glossary_entries(KB, True, {"resources/glossary/"})  # English built only
    assert len(entries) == len(KB.glossary)
    assert all(e["location"].startswith("resources/glossary/#term-") for e in entries)
    both = glossary_entries(KB, False, {"resources/glossary.html", "zh/resources/glossary.html"})
    zh = [e for e in both if e["location"].startswith("zh/")]
    assert len(zh) == len(KB.glossary)
    assert zh[0]["location"] == f"zh/resources/glossary.html#term-{next(iter(KB.glossary))}"
    assert "（" in zh[0]["title"]  # 术语（term）: full-width brackets beside Chinese


def test_markdown_table_cells_get_their_column_names_and_a_hidden_hint():
    page = (
        "<p>x</p><table>\n<thead>\n<tr>\n<th>Your right</th>\n<th align=\"left\">The <em>rule</em> &amp; law</th>\n"
        "<th>Source</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Rest</td>\n<td align=\"left\">One day a week.</td>\n"
        "<td><sup class=\"kb-cites\">[<a href=\"#s\">10</a>]</sup></td>\n</tr>\n</tbody>\n</table>"
        '<table class="kb-table"><tbody><tr><td>kept</td></tr></tbody></table>'
    )
    out = label_tables(page, 'Swipe "sideways"')
    assert '<p class="kb-scroll-hint" hidden>Swipe &quot;sideways&quot;</p><table>' in out
    assert '<td data-label="Your right">Rest</td>' in out
    assert '<td data-label="The rule &amp; law" align="left">One day a week.</td>' in out
    assert '<td data-label="Source"><sup' in out
    assert '<table class="kb-table"><tbody><tr><td>kept</td>' in out  # a record table is left alone
    assert out.count("kb-scroll-hint") == 1
    assert label_tables("<table><tbody><tr><td>a</td></tr></tbody></table>", "h").count("data-label") == 0  # no head
