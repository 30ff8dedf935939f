"""Doing it on a phone, part 2 (issue 32), at 390 × 844 in Chromium, in both languages: the self-assessment's
answer count and way to the result, the recommendations' filter, tables that fit, the worksheet's
questions and results, the language switch in words."""

from __future__ import annotations

import pytest
from helpers import project_kb

KB = project_kb()
PREFIXES = ["", "zh/"]
PHONE = {"width": 390, "height": 844}
PLANS_AND_GUIDES = [f"plans/{g}/" for g in KB.stakeholder_groups] + [
    "plans/", "guides/", "guides/worker-engagement/", "guides/management-systems/", "guides/monitoring-coordination/",
    "guides/collaboration/", "guides/self-assessment/", "guides/cost-benefit-worksheet/",
]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def outside_the_screen(pg) -> list[str]:
    """Links of the article that reach past the screen's right edge (a nowrap row of citations once did)."""
    return pg.evaluate("""() => [...document.querySelectorAll('article a')].filter(a => a.offsetParent)
      .filter(a => a.getBoundingClientRect().right > innerWidth + 0.5).map(a => a.textContent.trim().slice(0, 20))""")


def in_view(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] + 0.5


@pytest.mark.parametrize("prefix", PREFIXES)
def test_self_assessment_count_and_result_stay_one_tap_away(phone, server, prefix):
    phone.goto(f"{server}/{prefix}guides/self-assessment/")
    phone.wait_for_selector("form.kb-checklist.kb-js")
    bar = phone.locator(".kb-check-bar-sticky")
    progress = bar.locator("[data-field=progress]")
    assert in_view(bar)  # from the top of the page, before the form
    names = phone.evaluate(
        "[...new Set([...document.querySelectorAll('form.kb-checklist input[type=radio]')].map(r => r.name))]"
    )
    for i, name in enumerate(names[:11]):
        phone.check(f'input[name="{name}"][value="{("yes", "no", "partly")[i % 3]}"]')
    total = len(names)
    for share in (0.1, 0.4, 0.7):  # anywhere while answering
        phone.evaluate(f"window.scrollTo(0, document.querySelector('form.kb-checklist').offsetHeight * {share})")
        assert in_view(bar), share
        assert "11" in progress.inner_text()
        assert str(total) in progress.inner_text()
    bar.locator("a.kb-check-to-results").click()
    phone.wait_for_timeout(300)
    assert in_view(phone.locator("#kb-results-title"))
    assert in_view(phone.locator(".kb-check-results button[data-action=csv]"))  # the download, in the same tap
    assert phone.errors == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_recommendation_filter_starts_within_two_screens_and_the_picture_table_is_folded(phone, server, prefix):
    phone.goto(f"{server}/{prefix}recommendations/")
    phone.wait_for_selector("form.kb-filter:not([hidden])")
    top = phone.locator("form.kb-filter").evaluate("e => e.getBoundingClientRect().top + scrollY")
    assert top < 2 * PHONE["height"], top
    assert outside_the_screen(phone) == []  # the 24 px citation numbers of the chart's caption wrap
    table = phone.locator("#chart-matrix details.kb-chart-data")
    assert table.get_attribute("open") is None
    table.locator("summary").click()
    assert table.locator("table tbody tr").first.is_visible()


TABLES = """() => [...document.querySelectorAll('article table')].filter(t => t.offsetParent).map(t => {
  const rows = [...t.querySelectorAll('tbody tr')].filter(r => r.offsetParent).map(r => {
    const cells = [...r.children].filter(c => c.offsetParent);
    const size = (c) => c.textContent.trim().length;
    const longest = cells.reduce((a, c) => (size(c) > size(a) ? c : a), cells[0]);
    const box = longest.getBoundingClientRect();
    const lines = box.height / parseFloat(getComputedStyle(longest).lineHeight);
    return {text: longest.textContent.trim().slice(0, 40), width: box.width, wraps: lines > 1.6};
  });
  return {table: (t.caption || t.querySelector('th') || t).textContent.trim().slice(0, 40),
          right: t.getBoundingClientRect().right, rows};
})"""


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("path", PLANS_AND_GUIDES)
def test_tables_fit_a_phone_and_give_the_longest_text_room(phone, server, prefix, path):
    """No table past the screen's edge; in every row the cell with the most text is at least 200 px wide
    (or needs no second line: a figure beside its label)."""
    phone.goto(f"{server}/{prefix}{path}")
    phone.wait_for_timeout(200)
    assert outside_the_screen(phone) == []
    for table in phone.evaluate(TABLES):
        assert table["right"] <= PHONE["width"], table["table"]
        cramped = [r for r in table["rows"] if r["wraps"] and r["width"] < 200]
        assert not cramped, (table["table"], cramped[:3])


def test_a_table_that_scrolls_says_so(browser, server):
    """Just above phone width the management-systems guide's five-column table scrolls sideways: its hint
    shows; the hints of tables that fit stay hidden."""
    context = browser.new_context(viewport={"width": 620, "height": 900})
    pg = context.new_page()
    pg.goto(f"{server}/guides/management-systems/")
    pg.wait_for_timeout(800)  # Material wraps the tables in its own script
    states = pg.evaluate("""() => [...document.querySelectorAll('p.kb-scroll-hint')].map(h => {
      const next = h.nextElementSibling;
      const t = next.matches('table') ? next : next.querySelector('table');
      const box = t.closest('.md-typeset__scrollwrap') || t;
      return {shown: h.offsetParent !== null, scrolls: box.scrollWidth > box.clientWidth + 1};
    })""")
    context.close()
    assert any(s["scrolls"] for s in states)
    assert all(s["shown"] == s["scrolls"] for s in states), states


@pytest.mark.parametrize("prefix", PREFIXES)
def test_worksheet_questions_figures_and_the_results_repeat_what_affects_them(phone, server, prefix):
    phone.goto(f"{server}/{prefix}guides/cost-benefit-worksheet/")
    phone.wait_for_selector("form.kb-worksheet.kb-js")
    phone.evaluate("localStorage.clear()")
    notes = phone.locator(".kb-ws-result-warnings")
    assert notes.is_hidden()  # the example figures raise nothing
    phone.fill("#ws-wage-hour", "2000")  # a monthly wage in the hourly field
    question = phone.locator("#ws-wage-hour-warn")
    assert "2000" in question.inner_text()
    assert "11.49" in question.inner_text()
    phone.fill("#ws-wage-hour", "15")
    assert question.inner_text() == ""
    phone.fill("#ws-rate-workday", "1500")  # an extra zero
    assert "1500" in phone.locator("#ws-rate-workday-warn").inner_text()
    phone.fill("#ws-rate-workday", "120")  # below the legal 150 %
    assert notes.is_visible()
    assert notes.locator("li").count() == 1
    assert notes.locator("li a").get_attribute("href") == "#ws-rate-workday"
    assert phone.locator("#ws-rate-workday-warn").inner_text() in notes.locator("li").inner_text()
    flagged = phone.locator("tr.kb-ws-flagged output").evaluate_all("os => os.map(o => o.getAttribute('name'))")
    assert {"ot_pay", "ot_premium", "save_ot", "save_total", "total_cost"} <= set(flagged)
    assert "audit_cost" not in flagged
    assert "save_turnover" not in flagged
    phone.fill("#ws-turnover", "150")  # a percentage over 100: refused, and the results say why theirs are missing
    assert phone.locator("#ws-turnover").get_attribute("aria-invalid") == "true"
    assert notes.locator("li").count() == 2
    assert notes.locator("li a[href='#ws-turnover']").is_visible()
    assert phone.locator("#ws-out-save-total").inner_text() == "\u2014"
    # "Clear all" asks first, in the page; "keep" keeps every figure
    phone.click("button[data-action=clear]")
    confirm = phone.locator(".kb-ws-confirm")
    assert confirm.is_visible()
    assert phone.input_value("#ws-workers") == "500"
    phone.click("button[data-action=clear-no]")
    assert confirm.is_hidden()
    assert phone.input_value("#ws-workers") == "500"
    phone.click("button[data-action=clear]")
    phone.click("button[data-action=clear-yes]")
    assert confirm.is_hidden()
    assert phone.input_value("#ws-workers") == ""
    assert notes.is_hidden()
    assert phone.errors == []


@pytest.mark.parametrize(("prefix", "other", "name"), [("", "zh", "简体中文"), ("zh/", "en", "English")])
@pytest.mark.parametrize("path", ["", "recommendations/", "plans/workers/", "guides/self-assessment/",
                                  "resources/glossary/", "workshop/kit/"])
def test_language_switch_names_the_other_language(phone, server, prefix, other, name, path):
    phone.goto(f"{server}/{prefix}{path}")
    link = phone.locator(f".md-header a.kb-lang-switch[hreflang={other}]")
    assert link.is_visible()
    assert link.inner_text().strip() == name
    box = link.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    assert box["width"] >= 24
    assert box["height"] >= 24
    link.click()
    phone.wait_for_url(f"{server}/{'' if prefix else 'zh/'}{path}")
