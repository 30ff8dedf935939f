"""The rules a person acts on (data/rules.yml): validated with file:line errors, printed by the rule
macros in each language, stale when their review is past due, and never written as bare figures."""

from __future__ import annotations

import html
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import ROOT, errors_for

from macros.core import bare_figures
from macros.core.load import load
from macros.core.rule_levels import build_date, current, level_on
from macros.plugin import macro_args
from macros.render import MACROS, Page, PageContext
from macros.tools.review import due_items

DEC_2026 = "1796601600"  # 2026-12-07, the day the rules were checked
JAN_2028 = "1830297600"  # 2028-01-01, past every 12-month review


@pytest.fixture(scope="module")
def kb():
    return load(ROOT / "data")


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DEC_2026)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def page(kb, lang: str) -> Page:
    return Page(kb, PageContext(lang=lang, location="" if lang == "en" else f"{lang}/", docs_dir=ROOT / "docs"))


def plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


# -- the model ---------------------------------------------------------------------------------


def damage(data: Path, old: str, new: str) -> list[str]:
    path = data / "rules.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return errors_for(data)


def line_of(data: Path, needle: str) -> int:
    return next(i for i, line in enumerate((data / "rules.yml").read_text(encoding="utf-8").splitlines(), 1)
                if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  unit: days\n", "  unit: weeks\n", r"unit: 'weeks' is not one of the allowed values"),
        ("  jurisdiction: guangdong\n", "  jurisdiction: canton\n",
         r"jurisdiction: 'canton' is not one of the allowed values\. Valid: 'national'"),
        ("      verified: reprint\n", "      verified: hearsay\n",
         r"verified: 'hearsay' is not one of the allowed values"),
        ("      checked: 2026-12-07\n", "      checked: 2026-02-30\n", r"checked"),
        ("    - value: 178\n", "    - value: -178\n", r"value: -178 must be more than 0"),
        ("{source: prc-labour-law, article: {en: art. 44", "{source: prc-labour-lw, article: {en: art. 44",
         r"source refers to 'prc-labour-lw', which is not an id in data/sources.yml"),
    ],
)
def test_a_damaged_rule_is_named_with_file_and_line(data_copy, old, new, message):
    errors = damage(data_copy, old, new)
    line = line_of(data_copy, new.strip().split("\n")[0][:40])
    assert any(re.match(rf"data/rules\.yml:{line}: .*{message}", e) for e in errors), (line, errors)


def test_a_rule_needs_value_in_its_sentence_and_one_home(data_copy):
    errors = damage(
        data_copy, "    en: \"Overtime may not exceed {value}.\"", "    en: \"Overtime may not exceed 36 hours.\""
    )
    assert any(re.match(r"data/rules\.yml:\d+: record 'overtime-monthly-limit': .*says\.en must contain \{value\}", e)
               for e in errors), errors
    extra = (
        "  levels: [{value: 1, applies_from: 2025, basis: [{source: prc-labour-law}], checked: 2026-12-07, "
        "verified: secondary}]\n"
    )
    both = damage(data_copy, "  minimum_wage: part_time_hourly\n", "  minimum_wage: part_time_hourly\n" + extra)
    assert any("give either levels (the rule's own) or minimum_wage" in e for e in both), both


def test_levels_go_oldest_first_and_do_not_overlap(data_copy):
    errors = damage(
        data_copy,
        "    - value: 98\n      applies_from: 2012-04-28\n",
        "    - value: 90\n      applies_from: 1988-09-01\n      basis: [{source: prc-labour-law}]\n"
        "      checked: 2026-12-07\n      verified: secondary\n    - value: 98\n      applies_from: 2012-04-28\n",
    )
    assert any(re.match(r"data/rules\.yml:\d+: record 'maternity-leave-national': .*the level from 1988-09-01 needs "
                        r"applies_to", e) for e in errors), errors


# -- the levels in force ------------------------------------------------------------------------


def test_the_minimum_wage_rules_read_data_minimum_wage(kb):
    monthly, hourly = current(kb, "minimum-wage-monthly"), current(kb, "minimum-wage-hourly")
    assert (monthly.value, hourly.value, monthly.applies_from) == (2520, 23.7, "2025-03-01")
    before = level_on(kb, "minimum-wage-monthly", date(2025, 2, 28))
    assert before is not None
    assert (before.value, before.applies_to) == (2360, "2025-02-28")
    assert level_on(kb, "minimum-wage-hourly", date(2024, 6, 1)).value == 22.2


def test_the_build_date_is_source_date_epoch(monkeypatch):
    assert build_date() == date(2026, 12, 7)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JAN_2028)
    assert build_date() == date(2028, 1, 1)


# -- the macros -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "en", "zh"),
    [
        ("maternity-leave-guangdong", "178 days", "178 天"),
        ("minimum-wage-monthly", "RMB 2,520 a month", "每月 2520 元"),
        ("minimum-wage-hourly", "RMB 23.7 an hour", "每小时 23.7 元"),
        ("overtime-rate-rest-day", "200%", "200%"),
        ("work-injury-worker-application", "1 year", "1 年"),
        ("added-compensation", "50% to 100%", "50% 至 100%"),
    ],
)
def test_rule_prints_the_figure_in_the_page_language(kb, rule, en, zh):
    assert MACROS["rule"](page(kb, "en"), rule) == en
    assert MACROS["rule"](page(kb, "zh"), rule) == zh


def test_rule_says_and_basis_cite_and_date_the_rule(kb):
    en = MACROS["rule_says"](page(kb, "en"), "overtime-rate-rest-day")
    assert plain(en).startswith("Work on a rest day is paid at least 200% of the normal wage where the employer")
    assert 'class="kb-cite"' in en
    assert "#src-prc-labour-law" in en
    zh = MACROS["rule_says"](page(kb, "zh"), "maternity-leave-guangdong")
    assert "共享受 178 天假期" in zh  # a space between Chinese and the figure, as the site writes it
    assert re.search(r"</sup>。$", zh)  # the citation before the full stop
    basis_en = plain(MACROS["rule_basis"](page(kb, "en"), "overtime-rate-workday"))
    assert "Labour Law of the People's Republic of China, art. 44" in basis_en
    assert "applies from 1 January 1995; checked on 5 December 2026, against the official text" in basis_en
    basis_zh = plain(MACROS["rule_basis"](page(kb, "zh"), "minimum-wage-monthly"))
    assert "2025 年 3 月 1 日起适用；2026 年 12 月 7 日核对（依据二手资料，未找到官方原文）" in basis_zh
    assert MACROS["rule_number"](page(kb, "zh"), "overtime-monthly-limit") == "36"


def test_rules_table_lists_every_rule_with_its_anchor(kb):
    out = MACROS["rules_table"](page(kb, "en"))
    assert out.count("<li id=\"rule-") == len(kb.rules)
    assert "<strong>Maternity leave in Guangdong (Shenzhen)</strong>: " in out


def test_a_wrong_rule_id_is_named_with_the_nearest_choices(kb):
    problems = list(macro_args.check_call(kb, ROOT / "docs/en", "rule", MACROS["rule"], ("maternity-leave-guangdon",)))
    assert problems
    assert "Did you mean 'maternity-leave-guangdong'?" in problems[0]
    assert list(macro_args.check_call(kb, ROOT / "docs/en", "rule_list", MACROS["rule_list"], ())) != []


# -- stale levels ---------------------------------------------------------------------------------


def test_no_stale_note_while_the_review_is_not_due(kb):
    assert "kb-rule-stale" not in MACROS["rule"](page(kb, "en"), "minimum-wage-monthly")


def test_the_page_says_a_newer_level_may_apply_once_the_review_is_due(kb, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JAN_2028)
    en = plain(MACROS["rule"](page(kb, "en"), "minimum-wage-monthly"))
    assert en.startswith("RMB 2,520 a month (the level from 1 March 2025, last checked on 7 December 2026;")
    assert "a newer level may apply: check with the Shenzhen Human Resources and Social Security Bureau" in en
    zh = plain(MACROS["rule"](page(kb, "zh"), "minimum-wage-monthly"))
    assert zh.startswith("每月 2520 元（此为 2025 年 3 月 1 日起的标准")
    assert "此后可能已有新标准，请向深圳市人力资源和社会保障局" in zh
    national = plain(MACROS["rule_says"](page(kb, "en"), "overtime-rate-workday"))
    assert "the local human resources and social security bureau (national hotline 12333)" in national
    assert "kb-rule-stale" in MACROS["minimum_wage_now"](page(kb, "en"))


def test_make_review_lists_the_rules_due(kb):
    assert not [d for d in due_items(kb, date(2026, 12, 8)) if d.what.startswith("rules/")]
    due = [d for d in due_items(kb, date(2028, 1, 1)) if d.what.startswith("rules/")]
    assert {d.what for d in due} == {f"rules/{rid}" for rid, r in kb.rules.items() if r.minimum_wage is None}
    assert all(re.match(r"data/rules\.yml:\d+$", d.where) for d in due)
    assert "minimum_wage/2025" in {d.what for d in due_items(kb, date(2028, 1, 1))}


# -- bare figures ---------------------------------------------------------------------------------


def test_a_page_writing_a_figure_as_text_fails_with_file_line_and_rule(kb):
    page_text = "# Pay\n\nThe minimum wage is RMB 2,520 a month.\n\nLeave: {{ rule(\"maternity-leave-national\") }}.\n"\
                "Overtime: at most 36 小时 a month; `2,520` in code is fine.\n"
    problems = list(bare_figures.check_text(page_text, "docs/en/x.md", bare_figures.Matcher(kb)))
    assert [(p.line, p.message.split("'")[1]) for p in problems] == [(3, "2,520"), (6, "36 小时")]
    assert '{{ rule("minimum-wage-monthly") }}' in problems[0].message
    assert '{{ rule("overtime-monthly-limit") }}' in problems[1].message


@pytest.mark.parametrize(
    "text",
    ["98 days of leave", "98-day leave", "生育享受 98 天产假", "fifteen days", "十五日内", "at least 150%",
     "150 per cent",
     "RMB 23.7 an hour", "2520 元", "50% to 100% of the amount", "50% 以上 100% 以下", "16 周岁", "36-hour limit"],
)
def test_the_forms_a_figure_takes_are_caught(kb, text):
    assert list(bare_figures.check_text(text, "docs/en/x.md", bare_figures.Matcher(kb)))


@pytest.mark.parametrize(
    "text",
    ["RMB 2,360 a month from 2022", "1,000 / 900 in 2008", "90 days before 2012", "6 月 30 日", "2 月 15 日起",
     "1998", "RMB 25,200", "a three-hour workshop", "a two-year study", "version 8.0 (2024)", "100% of members"],
)
def test_history_dates_and_other_numbers_pass(kb, text):
    assert not list(bare_figures.check_text(text, "docs/en/x.md", bare_figures.Matcher(kb)))


def test_the_real_site_has_no_bare_figure(kb):
    assert bare_figures.check_docs(ROOT / "docs", kb) == []


# -- the self-assessment's data texts name rules -----------------------------------------------------


def test_the_self_assessment_shows_the_rules_figures(kb):
    for lang, figure in (("en", "at most 36 hours a month"), ("zh", "加班不超过每月 36 小时")):
        out = plain(MACROS["checklist"](page(kb, lang)))
        assert figure in out
        assert "{rule:" not in out


def test_a_rule_named_in_a_data_text_must_exist_and_be_filled_in(data_copy):
    path = data_copy / "checklist.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{rule:overtime-monthly-limit}", "{rule:overtime-montly-limit}", 1), encoding="utf-8")
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "montly" in row)
    expected = f"data/checklist.yml:{line}: {{rule:overtime-montly-limit}} names no rule in data/rules.yml"
    assert expected in errors_for(data_copy)
    findings = data_copy / "findings.yml"
    damaged = findings.read_text(encoding="utf-8").replace("60 hours", "{rule:daily-hours}", 1)
    findings.write_text(damaged, encoding="utf-8")
    assert any(re.match(r"data/findings\.yml:\d+: \{rule:daily-hours\}: rule figures are filled in only in "
                        r"data/channels\.yml, data/checklist\.yml, data/costs_benefits\.yml, data/glossary\.yml", e)
               for e in errors_for(data_copy))


def test_a_build_dated_before_the_data_shows_the_levels_as_last_checked(kb, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # outside git the Makefile sets 0 (1970)
    assert MACROS["rule"](page(kb, "en"), "minimum-wage-monthly") == "RMB 2,520 a month"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14, when 2,360 applied
    assert MACROS["rule"](page(kb, "en"), "minimum-wage-monthly") == "RMB 2,520 a month"
    assert bare_figures.check_docs(ROOT / "docs", kb) == []


def test_a_past_wage_level_is_shown_from_data_in_both_languages(kb):
    assert MACROS["wage_level"](page(kb, "en"), "2022") == "RMB 2,360 a month"
    assert MACROS["wage_level"](page(kb, "zh"), "2022") == "每月 2360 元"
    # only levels with a citywide amount are valid arguments (2015 is unconfirmed, 2008 has two zones)
    assert list(macro_args.check_call(kb, ROOT / "docs/en", "wage_level", MACROS["wage_level"], ("2015",)))
    assert list(macro_args.check_call(kb, ROOT / "docs/en", "wage_level", MACROS["wage_level"], ("2008",)))
    assert not list(macro_args.check_call(kb, ROOT / "docs/en", "wage_level", MACROS["wage_level"], ("2022",)))
