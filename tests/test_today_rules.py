"""Today's rules in the doing tools, without a browser: the worksheet's legal warnings come from data
(the Shenzhen minimum wage in force on the build's date, converted as the labour ministry's notice does), and every
self-assessment question names a valid RBA Code 8.0 section, rendered beside its 2008 basis."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, errors_for

from macros.core.load import load
from macros.render import MACROS, Page, PageContext
from macros.render.worksheet import PAID_HOURS_A_MONTH, latest_minimum_wage


@pytest.fixture(scope="module")
def kb():
    return load(ROOT / "data")


def page(kb, lang: str) -> Page:
    return Page(kb, PageContext(lang=lang, location="" if lang == "en" else f"{lang}/", docs_dir=ROOT / "docs"))


def attrs(markup: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in re.findall(r'(data-[a-z-]+)="([^"]*)"', markup)}


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def test_the_wage_warning_uses_the_level_in_force_from_data(kb, data_copy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796601600")  # 2026-12-07
    level = latest_minimum_wage(page(kb, "en"))
    assert (level.value, level.applies_from) == (2520, "2025-03-01")
    got = attrs(MACROS["worksheet_warning"](page(kb, "en"), "wage"))
    assert got["data-warn-below"] == "14.48"  # 2,520 / 174, not 2,360 / 174 = 13.56
    assert float(got["data-warn-below"]) == round(2520 / PAID_HOURS_A_MONTH, 2)
    assert "2,520" in got["data-warn-msg"]
    assert "1 March 2025" in got["data-warn-msg"]
    now = MACROS["minimum_wage_now"](page(kb, "en"))
    assert "RMB 2,520 a month" in now
    assert "RMB 23.7" in now
    zh = MACROS["minimum_wage_now"](page(kb, "zh"))
    assert "每月 2520 元" in zh
    assert "每小时 23.7 元" in zh
    assert "2025 年 3 月 1 日" in zh
    # a new level in the data file moves the limit and the text once its day comes, with no change to page or script
    text = (data_copy / "minimum_wage.yml").read_text(encoding="utf-8")
    text += (
        '- id: "2030"\n  effective: 2030-03-01\n  citywide: 3480\n  part_time_hourly: 30.5\n  confirmed: true\n'
        "  sources: [shenzhen-minimum-wage]\n"
    )
    (data_copy / "minimum_wage.yml").write_text(text, encoding="utf-8")
    before = attrs(MACROS["worksheet_warning"](page(load(data_copy), "en"), "wage"))
    assert before["data-warn-below"] == "14.48"  # 2030 has not come yet
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # 2030-03-17
    for lang, date in (("en", "1 March 2030"), ("zh", "2030 年 3 月 1 日")):
        moved = attrs(MACROS["worksheet_warning"](page(load(data_copy), lang), "wage"))
        assert moved["data-warn-below"] == "20.00"
        assert date in moved["data-warn-msg"]


def test_an_unconfirmed_level_is_never_the_limit(kb, data_copy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")  # 2033
    text = (data_copy / "minimum_wage.yml").read_text(encoding="utf-8")
    text += (
        '- id: "2031"\n  effective: 2031\n  confirmed: false\n  note: {en: Rumoured, zh: 传闻}\n'
        "  sources: [shenzhen-minimum-wage]\n"
    )
    (data_copy / "minimum_wage.yml").write_text(text, encoding="utf-8")
    assert latest_minimum_wage(page(load(data_copy), "en")).value == 2520


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_legal_limits_and_their_texts(kb, lang):
    for field, limit in (("rate_workday", "150"), ("rate_restday", "200"), ("rate_holiday", "300")):
        got = attrs(MACROS["worksheet_warning"](page(kb, lang), field))
        assert got["data-warn-below"] == limit
        assert limit in got["data-warn-msg"]
    hours = attrs(MACROS["worksheet_warning"](page(kb, lang), "overtime"))
    assert hours["data-warn-above"] == "36"
    assert hours["data-warn-total"] == "ot_workday + ot_restday + ot_holiday"
    with pytest.raises(ValueError, match="unknown field"):
        MACROS["worksheet_warning"](page(kb, lang), "bonus")


def test_the_worksheet_pages_use_the_macro_not_figures_in_script():
    script = (ROOT / "overrides/assets/javascripts/worksheet.js").read_text(encoding="utf-8")
    assert not re.search(r"2520|2,520|2360|2,360|14\.48|13\.56|23\.7|22\.2|174", script)  # the figures come from data
    assert "data-warn-below" in script
    assert "data-warn-above" in script
    for lang in ("en", "zh"):
        text = (ROOT / "docs" / lang / "guides/cost-benefit-worksheet.md").read_text(encoding="utf-8")
        assert text.count("worksheet_warning(") == 7


def test_every_question_names_its_rba_section_beside_its_basis(kb):
    for lang, label in (("en", "RBA Code 8.0"), ("zh", "RBA 准则 8.0")):
        out = MACROS["checklist"](page(kb, lang))
        items = [i for sec in kb.checklist.values() for i in sec.items]
        assert out.count('class="kb-meta kb-check-rba"') == len(items)
        for item in items:
            block = out.split(f'id="check-{item.id}"')[1].split('class="kb-check-answers"')[0]
            code = item.rba_section.value
            assert f"{label}" in block, item.id
            assert f"{code} " in block, item.id
    assert {i.rba_section.value for s in kb.checklist.values() for i in s.items} >= {"A3", "A4", "E8", "E12"}


def test_an_unknown_rba_section_fails_the_build_with_file_and_line(data_copy):
    path = data_copy / "checklist.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("rba_section: A3", "rba_section: A9", 1), encoding="utf-8")
    errors = errors_for(data_copy)
    assert any(re.match(r"data/checklist\.yml:\d+: .*rba_section", e) for e in errors), errors
