"""The cost-benefit worksheet in Chromium: its own number parsing and expression evaluator.

Figures accept a comma or a point as the decimal separator, full-width digits and a trailing %;
a figure that is not a number or out of its range is marked invalid, announced in the page's
language, and used in no result.
"""

from __future__ import annotations

import re

import pytest
from helpers import project_kb

KB = project_kb()
PREFIX = {"en": "", "zh": "zh/"}
DASH = "\u2014"


def open_page(page, server: str, lang: str = "en"):
    page.goto(f"{server}/{PREFIX[lang]}guides/cost-benefit-worksheet/")
    page.wait_for_selector("form.kb-worksheet.kb-js")


def number(page, output: str) -> float | None:
    """An output's value as shown (formatted for the page language), or None for the empty result."""
    text = page.locator(f"#ws-out-{output}").inner_text().strip()
    return None if text == DASH else float(re.sub(r"[^\d.\-]", "", text))


def message(lang: str, key: str, **values: str) -> str:
    text = KB.strings[lang]["worksheet_input." + key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1,5", 1800),  # 1.5 days x 4 staff x 300 RMB (a type=number field would drop the comma: 18,000)
        ("1.5", 1800),
        ("１５", 18000),  # full-width digits, as typed with a Chinese input method
        ("１，５", 1800),  # full-width comma
        (" 2 ", 2400),
    ],
)
def test_figures_with_a_comma_a_point_or_full_width_digits(page, server, typed, expected):
    open_page(page, server)
    page.fill("#ws-audit-days", typed)
    assert number(page, "audit") == expected
    assert page.get_attribute("#ws-audit-days", "aria-invalid") is None
    assert page.locator("#ws-audit-days-error").inner_text() == ""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_out_of_range_figures_are_invalid_announced_and_unused(page, server, lang):
    open_page(page, server, lang)
    before_audit = number(page, "audit")
    # 500 % turnover is out of range: used, it would give 30,000 leavers from 500 workers
    page.fill("#ws-turnover", "500 %")
    field = page.locator("#ws-turnover")
    assert field.get_attribute("aria-invalid") == "true"
    assert "ws-turnover-error" in field.get_attribute("aria-describedby").split()
    note = page.locator("#ws-turnover-error")
    assert note.get_attribute("aria-live") == "polite"
    assert note.is_visible()
    assert note.inner_text() == message(lang, "range", min="0", max="100")
    for out in ("leavers", "turnover", "total", "save-turnover", "save-total"):
        assert number(page, out) is None, out
    assert number(page, "audit") == before_audit  # results that do not use it are still shown
    # a negative count
    page.fill("#ws-workers", "-3")
    assert page.get_attribute("#ws-workers", "aria-invalid") == "true"
    assert page.locator("#ws-workers-error").inner_text() == message(lang, "min", min="0")
    assert number(page, "ot-pay") is None
    # corrected: valid again, message gone, results back
    page.fill("#ws-turnover", "8%")
    page.fill("#ws-workers", "500")
    assert page.get_attribute("#ws-turnover", "aria-invalid") is None
    assert page.locator("#ws-turnover-error").inner_text() == ""
    assert number(page, "leavers") == 480  # 500 x 8 / 100 x 12
    assert page.console_errors == []


@pytest.mark.parametrize(
    ("typed", "key"), [("abc", "number"), ("1e3", "number"), ("1,200", "separator"), ("1.200,50", "separator")]
)
def test_unclear_figures_are_refused_not_guessed(page, server, typed, key):
    open_page(page, server, "zh")
    page.fill("#ws-hire-cost", typed)
    assert page.get_attribute("#ws-hire-cost", "aria-invalid") == "true"
    assert page.locator("#ws-hire-cost-error").inner_text() == message("zh", key)
    assert number(page, "turnover") is None


def test_rates_and_limits_from_the_evaluator(page, server):
    open_page(page, server)
    for name, value in {
        "workers": "10",
        "wage-hour": "10",
        "ot-workday": "30",
        "rate-workday": "150",
        "ot-restday": "10",
        "rate-restday": "200",
        "ot-holiday": "0",
        "rate-holiday": "300",
    }.items():
        page.fill(f"#ws-{name}", value)
    # 10 workers x 12 months x 10 RMB x (30 x 150 + 10 x 200) / 100
    assert number(page, "ot-pay") == 10 * 12 * 10 * (30 * 150 + 10 * 200) / 100
    assert number(page, "ot-premium") == 10 * 12 * 10 * (30 * 50 + 10 * 100) / 100
    assert number(page, "ot-excess") == 4  # max(0, 30 + 10 + 0 - 36)
    page.fill("#ws-ot-workday", "")  # data-empty="0": an empty field counts as 0
    assert number(page, "ot-excess") == 0
    assert page.get_attribute("#ws-ot-workday", "aria-invalid") is None


def test_figures_survive_a_reload_and_damaged_storage_is_ignored(page, server):
    open_page(page, server)
    page.fill("#ws-audit-days", "1,5")
    page.reload()
    page.wait_for_selector("form.kb-worksheet.kb-js")
    assert page.input_value("#ws-audit-days") == "1,5"
    assert number(page, "audit") == 1800
    for garbage in ("[]", '{"workers": 7, "audit_days": {"x": 1}}', "{"):
        page.evaluate("g => localStorage.setItem('kb-worksheet-v1:kb-worksheet', g)", garbage)
        page.reload()
        page.wait_for_selector("form.kb-worksheet.kb-js")
        assert page.input_value("#ws-workers") == "500", garbage  # the page's own value
        page.fill("#ws-workers", "600")
        page.reload()
        page.wait_for_selector("form.kb-worksheet.kb-js")
        assert page.input_value("#ws-workers") == "600", garbage  # saving still works
        page.evaluate("localStorage.clear()")
    assert page.console_errors == []


def test_inputs_are_text_with_a_decimal_keyboard_and_declared_ranges(site):
    for prefix in PREFIX.values():
        html = (site / prefix / "guides" / "cost-benefit-worksheet" / "index.html").read_text(encoding="utf-8")
        inputs = re.findall(r"<input [^>]*>", html.split('class="kb-worksheet"')[1].split("</form>")[0])
        assert len(inputs) == 15
        for tag in inputs:
            assert 'type="text"' in tag, tag
            assert 'inputmode="decimal"' in tag, tag
            assert 'data-min="' in tag, tag
        assert 'data-max="100"' in html
        assert "data-msg-range=" in html


def warning(page, field: str) -> str:
    return page.locator(f"#ws-{field}-warn").inner_text().strip()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_legal_warnings_beside_the_field_never_block(page, server, lang):
    open_page(page, server, lang)
    for field in ("rate-workday", "rate-restday", "rate-holiday", "wage-hour", "ot-workday"):
        assert warning(page, field) == "", field  # the example values are legal
    # an overtime rate below the legal 150 %: a visible warning tied to the field, the result still shown
    page.fill("#ws-rate-workday", "120")
    note = page.locator("#ws-rate-workday-warn")
    assert note.is_visible()
    assert "150" in note.inner_text()
    assert note.inner_text() == page.get_attribute("#ws-rate-workday", "data-warn-msg")
    assert "ws-rate-workday-warn" in page.get_attribute("#ws-rate-workday", "aria-describedby").split()
    assert page.get_attribute("#ws-rate-workday", "aria-invalid") is None  # a warning, not an error
    assert number(page, "ot-pay") is not None
    page.fill("#ws-rate-workday", "150")
    assert warning(page, "rate-workday") == ""
    page.fill("#ws-rate-holiday", "250")
    assert "300" in warning(page, "rate-holiday")
    # monthly overtime above 36 hours, on the overtime fields that add to it
    page.fill("#ws-ot-workday", "30")
    page.fill("#ws-ot-restday", "10")
    page.fill("#ws-ot-holiday", "0")
    assert "36" in warning(page, "ot-workday")
    assert "36" in warning(page, "ot-restday")
    assert warning(page, "ot-holiday") == ""
    page.fill("#ws-ot-restday", "6")
    assert warning(page, "ot-workday") == ""
    assert warning(page, "ot-restday") == ""
    # an hourly wage below the Shenzhen minimum the page states (from data, not from the script)
    limit = float(page.get_attribute("#ws-wage-hour", "data-warn-below"))
    page.fill("#ws-wage-hour", f"{limit - 0.01:.2f}")
    text = warning(page, "wage-hour")
    assert ("2,520" if lang == "en" else "2520") in text  # the level in force (data/minimum_wage.yml)
    assert text == page.get_attribute("#ws-wage-hour", "data-warn-msg")
    assert number(page, "ot-pay") is not None
    page.fill("#ws-wage-hour", f"{limit:.2f}")
    assert warning(page, "wage-hour") == ""
    assert page.console_errors == []


def test_chinese_pages_take_only_the_decimal_point(page, server):
    open_page(page, server, "zh")
    for typed in ("1,5", "１，５"):
        page.fill("#ws-audit-days", typed)
        assert page.get_attribute("#ws-audit-days", "aria-invalid") == "true"
        assert page.locator("#ws-audit-days-error").inner_text() == message("zh", "separator")
        assert number(page, "audit") is None
    page.fill("#ws-audit-days", "1.5")
    assert number(page, "audit") == 1800
    for key in ("number", "separator"):
        assert "逗号（" not in message("zh", key)
        assert "或逗号" not in message("zh", key)
