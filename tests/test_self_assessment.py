"""The self-assessment in Chromium, in both languages: answers, scores, next steps, files, reset, print.

Everything stays in the browser: every test also checks that the page made no request to another host.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import project_kb
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.render import Page, PageContext

ROOT = Path(__file__).resolve().parent.parent
KB = project_kb()
SECTIONS = {sec.id: [item.id for item in sec.items] for sec in KB.checklist.values()}
ITEM = {item.id: item for sec in KB.checklist.values() for item in sec.items}


def question(item_id: str, lang: str) -> str:
    """An item's question as the page shows it: its `{rule:<id>}` filled with the figure in force."""
    page = Page(KB, PageContext(lang=lang, location="", docs_dir=ROOT / "docs"))
    return page.fill_rules(ITEM[item_id].question(lang))
PREFIX = {"en": "", "zh": "zh/"}
# hours: 1 yes, 1 partly, 1 no, 1 n/a -> score (1 + .5) / 3 = 50%; wages: 1 no -> 0%
ANSWERS = {
    "hours-records": "yes",
    "hours-standard-week": "partly",
    "hours-overtime-cap": "no",
    "hours-sixty-cap": "na",
    "wages-minimum": "no",
}
EVENTS = (
    "window.__kbEvents = []; document.addEventListener('kb:checklist-change', e => window.__kbEvents.push(e.detail));"
)


def strings(lang: str) -> dict:
    return KB.strings[lang]


def only_local(page, server: str) -> list[str]:
    host = urlparse(server).netloc
    return [u for u in page.requests if urlparse(u).scheme not in ("blob", "data") and urlparse(u).netloc != host]


def open_page(page, server: str, lang: str):
    page.add_init_script(EVENTS)
    page.goto(f"{server}/{PREFIX[lang]}guides/self-assessment/")
    page.wait_for_selector("form.kb-checklist.kb-js")


def answer(page, answers: dict) -> None:
    for item, value in answers.items():
        page.check(f'input[name="{item}"][value="{value}"]')


def row(page, section: str) -> dict:
    cells = page.locator(f'#kb-scores tr[data-section="{section}"] td')
    # text_content: the table may be folded (details) and still holds the figures
    return {cells.nth(i).get_attribute("data-count"): cells.nth(i).text_content().strip() for i in range(cells.count())}


def plan(page) -> list[str]:
    items = page.locator("ol.kb-check-plan > li")
    return [items.nth(i).get_attribute("data-item") for i in range(items.count())]


def check_result(page, lang: str) -> None:
    hours = row(page, "hours")
    assert (hours["yes"], hours["partly"], hours["no"], hours["na"]) == ("1", "1", "1", "1")
    assert hours["open"] == str(len(SECTIONS["hours"]) - 4)
    assert hours["score"] == "50%"
    assert row(page, "wages")["score"] == "0%"
    assert row(page, "environment")["score"] == strings(lang)["self_assessment.score_none"]
    total = row(page, "")
    assert (total["yes"], total["partly"], total["no"], total["na"]) == ("1", "1", "2", "1")
    summary = page.locator(".kb-check-summary").inner_text()
    expected = strings(lang)["self_assessment.summary"].format(answered=5, total=len(ITEM), yes=1, partly=1, no=2, na=1)
    assert summary == expected
    # next steps: the "no" and "partly" answers, in page order, each with its steps from data
    assert plan(page) == ["hours-standard-week", "hours-overtime-cap", "wages-minimum"]
    first = page.locator("ol.kb-check-plan > li").first
    assert question("hours-standard-week", lang) in first.inner_text()
    assert strings(lang)["checklist.partly"] in first.inner_text()
    step = ITEM["hours-standard-week"].actions[0]
    assert first.locator(f'a[href*="#action-{step}"]').count() == 1
    assert page.locator(".kb-check-plan-empty").is_hidden()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_answers_scores_and_next_steps_survive_a_reload(page, server, lang):
    open_page(page, server, lang)
    assert page.locator(".kb-check-plan-empty").is_visible()
    assert page.locator(".kb-check-privacy").inner_text() == strings(lang)["self_assessment.privacy"]
    answer(page, ANSWERS)
    page.fill("#kb-company", "Example Electronics 示例电子")
    check_result(page, lang)
    page.reload()
    page.wait_for_selector("form.kb-checklist.kb-js")
    check_result(page, lang)
    assert page.input_value("#kb-company") == "Example Electronics 示例电子"
    assert page.locator('.kb-check-stamp [data-field="company"]').inner_text() == "Example Electronics 示例电子"
    # the event the charts read: on load and after every change, per section
    events = page.evaluate("window.__kbEvents")
    assert events
    assert events[-1]["sections"]["hours"] == {
        "yes": 1,
        "partly": 1,
        "no": 1,
        "na": 1,
        "total": len(SECTIONS["hours"]),
    }
    assert set(events[-1]["sections"]) == set(SECTIONS)
    page.check('input[name="hours-rest-day"][value="no"]')
    assert page.evaluate("window.__kbEvents")[-1]["sections"]["hours"]["no"] == 2
    assert page.console_errors == []
    assert only_local(page, server) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_export_reset_import_and_compare(page, server, lang, tmp_path):
    open_page(page, server, lang)
    answer(page, ANSWERS)
    page.fill("#kb-company", "Example Co.")
    with page.expect_download() as info:
        page.click('button[data-action="export"]')
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "shenzhen-ict-csr-self-assessment"
    assert data["version"] == 1
    assert data["lang"] == lang
    assert data["company"] == "Example Co."
    assert data["answers"] == ANSWERS
    assert len(data["date"]) == 10

    # reset asks first: declining keeps everything
    page.once("dialog", lambda d: d.dismiss())
    page.click("form.kb-checklist button[type=reset]")
    assert page.is_checked('input[name="hours-records"][value="yes"]')
    page.once("dialog", lambda d: d.accept())
    page.click("form.kb-checklist button[type=reset]")
    expect(page.locator("input[type=radio]:checked")).to_have_count(
        0
    )  # no string predicates: the page's CSP forbids eval
    assert page.input_value("#kb-company") == ""
    assert plan(page) == []
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0

    # import the saved file: same answers, same scores and steps
    page.wait_for_selector("form.kb-checklist.kb-js")
    with page.expect_file_chooser() as chooser:
        page.click('button[data-action="import"]')
    chooser.value.set_files(str(saved))
    expect(page.locator("input[type=radio]:checked")).to_have_count(len(ANSWERS))
    check_result(page, lang)
    assert page.input_value("#kb-company") == "Example Co."

    # improve, then compare with the earlier file: its scores sit next to the current ones
    answer(page, {"hours-overtime-cap": "yes", "wages-minimum": "yes"})
    page.click("details.kb-check-figures > summary")  # the counts table is folded under the bars
    assert page.locator("#kb-scores th.kb-prev").is_hidden()
    with page.expect_file_chooser() as chooser:
        page.click('button[data-action="compare"]')
    chooser.value.set_files(str(saved))
    page.wait_for_selector("#kb-scores th.kb-prev", state="visible")
    hours = row(page, "hours")
    assert (hours["score"], hours["previous"]) == ("83%", "50%")
    assert (row(page, "wages")["score"], row(page, "wages")["previous"]) == ("100%", "0%")
    assert saved.name in page.locator(".kb-check-message").inner_text()
    assert "50%" in page.locator('.kb-check-bars li[data-section="hours"] [data-field=previous]').inner_text()
    page.reload()  # the comparison is kept with the answers
    page.click("details.kb-check-figures > summary")
    page.wait_for_selector("#kb-scores th.kb-prev", state="visible")
    assert row(page, "hours")["previous"] == "50%"
    assert page.console_errors == []
    assert only_local(page, server) == []


BAD_FILES = {
    "not-json.json": ("{not json", "error_json"),
    "foreign.json": (json.dumps({"format": "something-else", "version": 1, "answers": {}}), "error_format"),
    "array.json": ("[]", "error_format"),
    "future.json": (
        json.dumps({"format": "shenzhen-ict-csr-self-assessment", "version": 2, "answers": {}}),
        "error_version",
    ),
    "unknown-id.json": (
        json.dumps(
            {
                "format": "shenzhen-ict-csr-self-assessment",
                "version": 1,
                "answers": {"hours-records": "yes", "no-such-question": "yes"},
            }
        ),
        "error_content",
    ),
    "bad-value.json": (
        json.dumps({"format": "shenzhen-ict-csr-self-assessment", "version": 1, "answers": {"hours-records": "maybe"}}),
        "error_content",
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_invalid_or_foreign_file_is_refused_and_changes_nothing(page, server, lang, tmp_path):
    open_page(page, server, lang)
    answer(page, ANSWERS)
    stored = page.evaluate("localStorage.getItem('kb-checklist')")
    for name, (content, key) in BAD_FILES.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        for action in ("import", "compare"):
            with page.expect_file_chooser() as chooser:
                page.click(f'button[data-action="{action}"]')
            chooser.value.set_files(str(path))
            message = page.locator(".kb-check-message.kb-error")
            message.wait_for()
            expect(message).to_contain_text(name)
            template = strings(lang)["self_assessment." + key]
            if key == "error_content":  # the detail names the offending answers
                before, after = template.split("{detail}")
                assert message.inner_text().startswith(
                    before.replace("{file}", name)
                )
                assert message.inner_text().endswith(after)
            else:
                assert message.inner_text() == template.replace("{file}", name).replace("{version}", "2")
            assert page.evaluate("localStorage.getItem('kb-checklist')") == stored, (name, action)
            assert page.locator("input[type=radio]:checked").count() == len(ANSWERS)
            assert page.locator("#kb-scores th.kb-prev").is_hidden()
            page.evaluate("document.querySelector('.kb-check-message').textContent = ''")
    check_result(page, lang)


@pytest.mark.parametrize(
    "garbage",
    [
        "[]",
        '"text"',
        "42",
        "{",
        '{"version": 1, "answers": []}',
        '{"version": 9, "answers": {}}',
        '{"hours-records": "yes", "x": 1}',
    ],
)
def test_damaged_storage_never_stops_saving(page, server, garbage):
    page.goto(f"{server}/guides/self-assessment/")
    page.evaluate("g => localStorage.setItem('kb-checklist', g)", garbage)
    page.reload()
    page.wait_for_selector("form.kb-checklist.kb-js")
    assert page.locator("input[type=radio]:checked").count() == 0
    page.check('input[name="hours-rest-day"][value="partly"]')
    page.reload()
    page.wait_for_selector("form.kb-checklist.kb-js")
    assert page.is_checked('input[name="hours-rest-day"][value="partly"]')
    assert page.console_errors == []


def test_old_saved_answers_are_kept(page, server):
    page.goto(f"{server}/guides/self-assessment/")
    page.evaluate(
        "localStorage.setItem('kb-checklist-v1',"
        " JSON.stringify({'hours-records': 'no', 'gone': 'yes', 'wages-minimum': 'bad'}))"
    )
    page.reload()
    page.wait_for_selector("form.kb-checklist.kb-js")
    assert page.is_checked('input[name="hours-records"][value="no"]')
    assert page.locator("input[type=radio]:checked").count() == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_print_shows_the_result(page, server, lang):
    open_page(page, server, lang)
    answer(page, ANSWERS)
    page.fill("#kb-company", "Example Co.")
    page.emulate_media(media="print")
    assert page.locator(".kb-check-results").is_visible()
    assert page.locator(".kb-check-bars").is_visible()
    assert page.locator("ol.kb-check-plan > li").first.is_visible()
    assert page.locator('.kb-check-stamp [data-field="company"]').inner_text() == "Example Co."
    assert page.locator('.kb-check-stamp [data-field="date"]').inner_text()
    assert page.locator(".kb-check-buttons").is_hidden()
    assert page.locator("details.kb-check-next").first.is_hidden()  # the result lists the steps once
    full = len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    # "Print the result only": the questions are left out, the result stays
    page.evaluate("document.documentElement.classList.add('kb-print-result')")  # what the button does around print()
    assert page.locator("fieldset.kb-check-section").first.is_hidden()
    assert page.locator(".kb-check-bars").is_visible()
    assert page.locator("ol.kb-check-plan > li").first.is_visible()
    result = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(result.pages) == 1 < full  # one page: scores by area and the answers to work on
    assert "Example Co." in result.pages[0].extract_text()
    # still one page when every answer needs work
    page.evaluate("document.documentElement.classList.remove('kb-print-result')")
    page.emulate_media(media="screen")
    answer(page, dict.fromkeys(ITEM, "no"))
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('kb-print-result')")
    result = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "".join(result.pages[0].extract_text().split())
    assert len(result.pages) == 1
    your_no = "".join(strings(lang)["self_assessment.your_answer"].format(answer=strings(lang)["checklist.no"]).split())
    assert text.count(your_no) == len(ITEM)  # every answer to work on is on the page


def test_without_javascript_each_question_keeps_its_next_steps(browser, server):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{server}/zh/guides/self-assessment/")
    assert pg.locator(".kb-check-results").is_hidden()
    assert pg.locator('button[data-action="export"]').is_hidden()
    first = pg.locator("details.kb-check-next").first
    first.locator("summary").click()
    assert first.locator("ul.kb-steps li a").first.is_visible()
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_result_downloads_as_a_csv_that_excel_reads(page, server, lang, tmp_path):
    open_page(page, server, lang)
    answer(page, ANSWERS)
    page.fill("#kb-company", "=Example Co.")
    with page.expect_download() as info:
        page.click('button[data-action="csv"]')
    assert info.value.suggested_filename.endswith(".csv")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    raw = saved.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark: Excel opens Chinese correctly
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    s = strings(lang)
    assert rows[0] == [s["self_assessment.company_short"], "'=Example Co."]  # no formula from a typed name
    head = rows.index([s["self_assessment.col_area"], *(s[f"self_assessment.col_{c}"] for c in
                       ("yes", "partly", "no", "na", "open", "score"))])
    hours = rows[head + 1]
    assert hours[0] == KB.checklist["hours"].title(lang)
    assert hours[1:5] == ["1", "1", "1", "1"]
    assert hours[6] == "50%"
    answers_head = rows.index([s["self_assessment.col_area"], s["phone.sa_col_question"], s["phone.sa_col_answer"],
                               s["phone.sa_col_steps"]])
    by_question = {r[1]: r for r in rows[answers_head + 1:]}
    assert len(by_question) == len(ITEM)
    partly = by_question[question("hours-standard-week", lang)]
    assert partly[2] == s["checklist.partly"]
    assert partly[3]
    assert by_question[question("hours-records", lang)][3] == ""  # a "yes" needs none
    assert saved.name in page.locator(".kb-check-message").inner_text()
    assert page.console_errors == []
    assert only_local(page, server) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_result_on_a_phone_is_summary_first_and_every_table_fits(browser, server, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server}/{PREFIX[lang]}guides/self-assessment/")
    page.wait_for_selector("form.kb-checklist.kb-js")
    answer(page, {item: ("no", "partly", "yes")[i % 3] for i, item in enumerate(ITEM)})
    results = page.locator(".kb-check-results")
    top = results.evaluate("e => e.getBoundingClientRect().top")
    bars = page.locator(".kb-check-bars > li")
    assert bars.count() == len(SECTIONS)
    # a bar and a number per area, all on the first screen of the result, before the steps
    assert bars.last.evaluate("e => e.getBoundingClientRect().bottom") - top < 844
    assert bars.first.locator(".kb-check-bar-fill").evaluate("e => e.style.width") != ""
    assert bars.first.locator("[data-field=score]").inner_text().endswith("%")
    plan_top = page.locator("ol.kb-check-plan").evaluate("e => e.getBoundingClientRect().top")
    assert plan_top > bars.last.evaluate("e => e.getBoundingClientRect().bottom")
    # details folded: each step list and the counts table open on a tap
    first = page.locator("ol.kb-check-plan > li details").first
    assert first.get_attribute("open") is None
    assert first.locator("ul.kb-steps").is_hidden()
    first.locator("summary").click()
    assert first.locator("ul.kb-steps a").first.is_visible()
    page.click("details.kb-check-figures > summary")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    widths = page.locator("#kb-scores td, #kb-scores tbody th").evaluate_all(
        "cells => cells.filter(c => c.textContent.trim()).map(c => c.getBoundingClientRect().width)"
    )
    assert widths
    assert min(widths) >= 96
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_csv_column_names_cannot_be_read_as_answers(lang):
    """Issue 32: the Chinese area column was 部分 (section), read as the answer 部分做到 (partly)."""
    from macros.render.checklist import ANSWERS as ANSWER_KEYS
    from macros.render.checklist import CSV_COLUMNS

    s = strings(lang)
    answers = [s[f"checklist.{a}"] for a in ANSWER_KEYS]
    for key, label in CSV_COLUMNS.items():
        if key in ("yes", "partly", "no", "na"):
            continue  # the count columns are named after the answers on purpose
        name = s[label]
        assert not any(a.startswith(name) for a in answers), (key, name)  # 部分 -> 部分做到
