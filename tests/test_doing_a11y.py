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


# Tap targets (WCAG 2.5.8, issue 32): what a finger can tap, visible and live; a link inside a sentence is
# exempt (the criterion's inline exception), except a number (a citation, a count in a table), which
# gets 24 × 24 px anyway. Folded parts are opened first.
TARGETS = """() => {
  const sel = 'a[href], button, input:not([type=hidden]):not([type=radio]), select, textarea, summary, '
    + 'label:has(input[type=radio])';
  const live = (e) => { const s = getComputedStyle(e);
    return s.visibility !== 'hidden' && s.display !== 'none' && s.pointerEvents !== 'none'
      && parseFloat(s.opacity) > 0; };
  const inSentence = (e) => {
    if (e.tagName !== 'A' || /^\\d+$/.test(e.textContent.trim())) return false;  // a number is never exempt
    if (getComputedStyle(e).display !== 'inline') return false;
    const block = e.parentElement.closest('p, li, td, th, dd, dt, figcaption, div');
    const text = (x) => x.textContent.replace(/\\s+/g, ' ').trim();
    return !!block && text(block).length > text(e).length + 3;
  };
  const out = {count: 0, small: [], cites: 0};
  for (const e of document.querySelectorAll(sel)) {
    if (!live(e) || e.closest('[hidden]')) continue;
    const rects = [...e.getClientRects()].filter(r => r.width && r.height);
    if (!rects.length) continue;
    out.count += 1;
    if (e.closest('.kb-cites')) out.cites += 1;
    const w = Math.max(...rects.map(r => r.width)), h = Math.max(...rects.map(r => r.height));
    const name = `${e.tagName} "${e.textContent.trim().slice(0, 30)}" ${Math.round(w)}x${Math.round(h)}`;
    if ((w < 24 || h < 24) && !inSentence(e)) out.small.push(name);
  }
  return out;
}"""


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("path", ["recommendations/", "plans/workers/", "workshop/kit/", "guides/self-assessment/"])
def test_tap_targets_are_24_px_at_phone_width(browser, server, prefix, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(f"{server}/{prefix}{path}")
    pg.wait_for_timeout(300)
    pg.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")
    found = pg.evaluate(TARGETS)
    context.close()
    assert found["count"] > 20
    assert found["cites"] > 0 or path == "workshop/kit/"  # the check reached the citation numbers
    assert found["small"] == [], found["small"][:20]
