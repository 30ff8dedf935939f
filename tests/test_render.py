"""Renderers: text from data is escaped everywhere, labels come from each language's table."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from macros.core.load import load
from macros.core.pages import record_pages
from macros.render import MACROS, Page, PageContext
from macros.render.html import esc

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "A | B <script>alert('x')</script> {{ 7*7 }} {% if 1 %}x{% endif %} *em* [link](http://evil.example)"


def page(kb, lang: str) -> Page:
    """A page at the language root (e.g. /zh/), rendering links relative to it."""
    return Page(kb, PageContext(lang=lang, location="" if lang == "en" else f"{lang}/", docs_dir=ROOT / "docs",
                                generated=frozenset(record_pages(kb))))


def render(kb, lang: str, macro: str, *args: str) -> str:
    return MACROS[macro](page(kb, lang), *args)


@pytest.fixture(scope="module")
def kb():
    return load(ROOT / "data")


@pytest.fixture
def hostile_kb(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "recommendations.yml"
    text = path.read_text(encoding="utf-8")
    first_title = re.search(r"^  title: (.*)$", text, re.MULTILINE).group(1)
    quoted = HOSTILE.replace('"', '\\"')
    path.write_text(text.replace(first_title, f'{{en: "{quoted}", zh: "{quoted}"}}', 1), encoding="utf-8")
    return load(tmp_path / "data")


def test_esc_neutralises_html_markdown_and_jinja():
    out = esc(HOSTILE)
    for bad in ("<script>", "|", "{{", "{%", "*em*", "[link]"):
        assert bad not in out
    assert html.unescape(out) == HOSTILE  # the reader still sees the literal text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_text_in_table_is_literal(hostile_kb, lang):
    out = render(hostile_kb, lang, "recommendations_table")
    assert "<script>" not in out
    assert "{{ 7*7 }}" not in out
    assert esc(HOSTILE) in out
    # one row per recommendation and the same number of cells in each row: the table is not broken
    rows = re.findall(r"<tr[ >].*?</tr>", out)
    assert len(rows) == len(hostile_kb.recommendations) + 1
    assert len({len(re.findall(r"<t[hd][ >]", r)) for r in rows}) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_labels_come_from_the_language_table(kb, lang):
    out = render(kb, lang, "recommendations_table")
    strings = kb.strings[lang]
    # "led by / takes part" columns and the role filter (the indicators are on the record pages)
    for key in ("col.recommendation", "record.led_by", "record.takes_part", "caption.recommendations", "filter.group",
                "record.filter_role"):
        assert esc(strings[key]) in out
    rec = next(iter(kb.recommendations.values()))
    assert esc(rec.title(lang)) in out
    other = "zh" if lang == "en" else "en"
    assert esc(rec.title(other)) not in out


def test_action_plan_lists_each_timeframe_and_links_recommendations(kb):
    group = next(iter(kb.stakeholder_groups))
    out = render(kb, "en", "action_plan", group)
    for key in ("timeframe.first-steps", "timeframe.within-a-year", "timeframe.longer-term"):
        assert esc(kb.strings["en"][key]) in out
    for action in kb.actions_for(group):
        assert f'id="action-{action.id}"' in out
        assert f"recommendations/{action.recommendation}/" in out  # the recommendation's own page


def test_cite_links_to_the_bibliography(kb):
    out = render(kb, "zh", "cite", "fias-2007-report")
    assert 'href="resources/sources/#src-fias-2007-report"' in out
    number = list(kb.sources).index("fias-2007-report") + 1  # its place in the numbered list of sources
    assert f">{number}</a>］</sup>" in out
    assert "2007" in out


def test_undated_citation_has_no_filler(kb):
    undated = next(sid for sid, src in kb.sources.items() if not src.date)
    for lang in ("en", "zh"):
        out = render(kb, lang, "cite", undated)
        assert "日期不详" not in out
        assert "undated" not in out


def test_chinese_citation_goes_before_the_full_stop(kb):
    zh, en = page(kb, "zh"), page(kb, "en")
    assert zh.cited("报告已发布。", ["bsr-case-study"]).endswith("</sup>。")
    assert en.cited("Published.", ["bsr-case-study"]).startswith("Published. <sup")


def test_unknown_group_fails_loudly(kb):
    with pytest.raises(KeyError):
        render(kb, "en", "action_plan", "no-such-group")
