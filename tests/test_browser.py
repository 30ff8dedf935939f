"""The site as a reader sees it, in Debian's Chromium: pages, language switch, filter, no third parties."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

KEY_PAGES = ["", "about/", "recommendations/", "plans/government/", "findings/", "findings/root-causes/",
             "guides/self-assessment/", "resources/sources/"]


def only_local(page, server: str) -> list[str]:
    host = urlparse(server).netloc
    return [u for u in page.requests if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != host]


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("path", KEY_PAGES)
def test_page_renders_without_errors_or_third_parties(page, server, prefix, path):
    response = page.goto(f"{server}/{prefix}{path}")
    assert response.status == 200
    assert page.locator("article h1").first.is_visible()
    assert page.locator("html").get_attribute("lang") == ("zh" if prefix else "en")
    page.wait_for_load_state("networkidle")
    assert page.console_errors == []
    assert only_local(page, server) == []


@pytest.mark.parametrize(("start", "target", "lang"), [
    ("plans/government/", "zh/plans/government/", "zh"),
    ("zh/recommendations/", "recommendations/", "en"),
])
def test_language_switch_keeps_the_page(page, server, start, target, lang):
    page.goto(f"{server}/{start}")
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_url(f"{server}/{target}")
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_recommendation_filter(page, server, prefix):
    page.goto(f"{server}/{prefix}recommendations/")
    rows = page.locator("#kb-recs tbody tr")
    total = rows.count()
    assert total >= 2
    status = page.locator(".kb-filter-status")
    group_select = page.locator("#kb-recs-group")
    assert group_select.is_visible()  # the script revealed the form
    group_select.select_option("government")
    visible = [rows.nth(i) for i in range(total) if rows.nth(i).is_visible()]
    assert 0 < len(visible) < total or total == len(visible)
    for row in visible:
        assert "government" in row.get_attribute("data-groups").split()
    hidden = [rows.nth(i) for i in range(total) if not rows.nth(i).is_visible()]
    for row in hidden:
        assert "government" not in row.get_attribute("data-groups").split()
    assert str(len(visible)) in status.inner_text()
    assert str(total) in status.inner_text()
    # by keyboard: reset with the button, then pick an area with the arrow keys
    page.locator(".kb-filter button[type=reset]").click()
    page.wait_for_function("document.querySelectorAll('#kb-recs tbody tr[hidden]').length === 0")
    area = page.locator("#kb-recs-area")
    area.focus()
    page.keyboard.press("ArrowDown")
    chosen = area.input_value()
    assert chosen
    for i in range(total):
        assert rows.nth(i).is_visible() == (rows.nth(i).get_attribute("data-area") == chosen)
    assert page.console_errors == []


def test_table_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(f"{server}/recommendations/")
    assert pg.locator("#kb-recs tbody tr").first.is_visible()
    assert not pg.locator("form.kb-filter").is_visible()
    context.close()


@pytest.mark.parametrize(("prefix", "query", "other_index"), [
    ("", "suppliers", "/zh/search/search_index.json"),
    ("zh/", "EICC", "/knowledge-base/search/search_index.json"),
    ("zh/", "供应商", "/knowledge-base/search/search_index.json"),
    ("zh/", "审核疲劳", "/knowledge-base/search/search_index.json"),
    ("zh/", "能力建设", "/knowledge-base/search/search_index.json"),
])
def test_search_uses_only_its_language_index(page, server, prefix, query, other_index):
    page.goto(f"{server}/{prefix}plans/")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=30)
    page.keyboard.press("End")  # CJK text arrives as one input event; a key-up starts the search as in a real IME
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs
    marked = page.locator(".md-search-result__item mark").first.inner_text()
    assert marked[:2].lower() == query[:2].lower(), marked  # the top hit highlights a word of the query
    for href in hrefs:
        assert ("/knowledge-base/zh/" in href) == bool(prefix), href
    index_requests = [u for u in page.requests if u.endswith("search_index.json")]
    assert index_requests
    assert not any(u.endswith(other_index) and (prefix or "/zh/" in u) for u in index_requests)
    assert page.console_errors == []
