"""Reader experience in the browser: accessibility (axe), page weight, phones, print."""

from __future__ import annotations

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

KEY_PAGES = ["", "recommendations/", "plans/government/"]
LANGS = ["", "zh/"]


# Index and record pages (issue 13), at phone and desktop width.
AXE_PAGES = KEY_PAGES + [
    "findings/root-causes/",
    "recommendations/coordinate-monitoring/",
    "findings/duplicated-audits/",
    "findings/root-causes/audit-only-approach/",
    "resources/glossary/",
]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_violations(browser, server, prefix, path, width):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900})
    page = context.new_page()
    page.goto(f"{server}/{prefix}{path}")
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_tables_have_captions_and_header_cells(page, server):
    page.goto(f"{server}/zh/plans/suppliers/")
    tables = page.locator("table.kb-table")
    assert tables.count() >= 3
    for i in range(tables.count()):
        table = tables.nth(i)
        assert table.locator("caption").inner_text().strip()
        assert table.locator("thead th[scope=col]").count() >= 3
        assert table.locator("tbody th[scope=row]").count() == table.locator("tbody tr").count()


def test_chinese_home_first_load_is_under_600_kb(browser, server, kb):
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: list[float] = []
    cdp.on("Network.loadingFinished", lambda e: sizes.append(e["encodedDataLength"]))
    page.goto(f"{server}/zh/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    total_kb = sum(sizes) / 1024
    print(f"\nChinese home page, first load: {total_kb:.0f} kb transferred in {len(sizes)} requests")
    assert len(sizes) > 3
    assert total_kb < 600
    context.close()


@pytest.mark.parametrize(
    "path", ["zh/recommendations/", "plans/suppliers/", "zh/guides/cost-benefit-worksheet/", "zh/"]
)
def test_phone_width_has_no_page_overflow_and_tables_scroll(browser, server, path):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{server}/{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for wrap in page.locator(".kb-table-wrap").all():
        assert wrap.evaluate("e => getComputedStyle(e).overflowX") == "auto"
        # the wide table is inside its own scroll area, reachable by keyboard
        assert wrap.get_attribute("tabindex") == "0"
        assert wrap.evaluate("e => e.getBoundingClientRect().right") <= 390
    context.close()


def test_print_hides_navigation_and_shows_link_targets(page, server):
    page.goto(f"{server}/zh/resources/sources/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(selector).first.is_visible()
    external = page.locator("article a[href^='http']").first
    assert "attr(href)" in external.evaluate(
        "a => getComputedStyle(a, '::after').content"
    ) or "http" in external.evaluate("a => getComputedStyle(a, '::after').content")


def test_recommendations_print_on_a4_without_losing_rows(page, server, kb):
    page.goto(f"{server}/recommendations/")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert all(abs(float(p.mediabox.width) - 595) < 2 for p in reader.pages)  # A4 portrait
    text = " ".join(p.extract_text() for p in reader.pages).replace("\n", " ")
    squashed = "".join(text.split())
    for rec in kb.recommendations.values():
        assert "".join(rec.title("en").split())[:30] in squashed, rec.id
