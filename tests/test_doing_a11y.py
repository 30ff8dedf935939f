"""Accessibility (axe) of the self-assessment with results shown, the worksheet with an invalid
figure, and the facilitator's pack, in both languages and at phone width without sideways scrolling."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

LANGS = ["", "zh/"]
PAGES = ["guides/self-assessment/", "guides/cost-benefit-worksheet/", "workshop/pack/", "workshop/pack/agenda/",
         "workshop/pack/root-cause/", "workshop/pack/role-cards/", "workshop/pack/feedback/", "workshop/kit/"]


def prepare(page, path: str) -> None:
    """Bring each page into the state worth checking: results and errors visible."""
    if path == "guides/self-assessment/":
        page.wait_for_selector("form.kb-checklist.kb-js")
        page.check('input[name="hours-records"][value="no"]')
        page.check('input[name="hours-standard-week"][value="partly"]')
    elif path == "guides/cost-benefit-worksheet/":
        page.wait_for_selector("form.kb-worksheet.kb-js")
        page.fill("#ws-turnover", "500")


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(page, server, prefix, path):
    page.goto(f"{server}/{prefix}{path}")
    prepare(page, path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("path", [*PAGES, "no/such/page/"])
def test_axe_at_phone_width_with_everything_unfolded(browser, server, prefix, path):
    """At 390 px no sideways scrolling; then, with the folded parts open (result details, the counts
    table, the kit's QR list), no axe violation; the 404 too. One page load for both checks."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(f"{server}/{prefix}{path}")
    prepare(pg, path)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    for summary in pg.locator("article details:not([open]) > summary").all()[:20]:
        summary.click()
    results = Axe().run(pg)
    context.close()
    assert results.violations_count == 0, results.generate_report()
